package io.parkpulse.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.bench.BenchCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad command lines of {@code ingest-acks} are refused before anything connects, saying what is wrong. */
class AckCostCommandTest {

    @TempDir
    Path dir;

    record Outcome(int code, String err) {
    }

    Outcome run(List<String> args) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return new Outcome(BenchCli.commandLine().execute(args.toArray(String[]::new)), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    List<String> complete() {
        return new ArrayList<>(List.of("ingest-acks", "--broker", "tcp://127.0.0.1:1", "--influx", "http://127.0.0.1:1",
                "--ingest-metrics", "http://127.0.0.1:1/metrics", "--acks-off-broker", "tcp://127.0.0.1:2",
                "--acks-off-ingest-metrics", "http://127.0.0.1:2/metrics", "--out", dir.toString()));
    }

    @Test
    void noRoundIsRefused() {
        List<String> args = complete();
        args.addAll(List.of("--rounds", "0"));
        Outcome o = run(args);
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("--rounds must be at least 1, got 0");
    }

    @Test
    void theIngestWithAcksOffMustBeNamed() {
        List<String> args = complete();
        int at = args.indexOf("--acks-off-ingest-metrics");
        args.subList(at, at + 2).clear();
        Outcome o = run(args);
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("Missing required option").contains("--acks-off-ingest-metrics");
    }
}
