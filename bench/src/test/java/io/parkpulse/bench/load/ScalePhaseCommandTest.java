package io.parkpulse.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.bench.BenchCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad command lines are refused before anything connects, with what is wrong and where. */
class ScalePhaseCommandTest {

    @TempDir
    Path dir;

    record Outcome(int code, String err) {
    }

    Outcome run(String... extra) {
        String[] base = {"scale-phase", "--broker", "tcp://127.0.0.1:1", "--influx", "http://127.0.0.1:1", "--out", dir.resolve("p.json").toString(),
            "--ingest-metrics", "http://127.0.0.1:1/metrics", "--ingest-metrics", "http://127.0.0.1:2/metrics"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return new Outcome(BenchCli.commandLine().execute(args), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void pidsThatDoNotPairWithTheInstancesAreRefused() {
        Outcome o = run("--ingest-pid", "42");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("--ingest-pid was given 1 times for 2 --ingest-metrics URLs");
    }

    @Test
    void anEarlierPhaseThatCannotBeReadIsNamed() {
        Outcome o = run("--compare-with", dir.resolve("phase-1.json").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("--compare-with " + dir.resolve("phase-1.json")).contains("cannot read it");
    }

    @Test
    void aProcessNameThatWouldHideAnInstanceOrTheGeneratorIsRefused() {
        assertThat(run("--process", "ingest-2=42").err()).contains("--process ingest-2=…").contains("give it another name");
        assertThat(run("--process", "load generator=42").code()).isEqualTo(2);
        assertThat(run("--paced-rate", "-5").err()).contains("--paced-rate must be positive, got -5.0");
    }
}
