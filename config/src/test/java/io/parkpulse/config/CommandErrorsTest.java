package io.parkpulse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** What a user can fix ends a command with one line on stderr and an exit code; a defect still shows its stack trace. */
class CommandErrorsTest {

    record Outcome(int exit, String err) {
    }

    static synchronized Outcome call(Callable<Integer> body) throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return new Outcome(CommandErrors.call("parkpulse-x run", body), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void aBadOptionOrFileIsAUsageError() throws Exception {
        Outcome option = call(() -> {
            throw new IllegalArgumentException("--rate must be positive, got -5");
        });
        Outcome file = call(() -> {
            throw new InvalidConfigException("park files", List.of(new ConfigFileError("parks/a.yaml", 3, 5, "meters[0].id", "missing")));
        });

        assertThat(option).isEqualTo(new Outcome(CommandErrors.USAGE, "parkpulse-x run: --rate must be positive, got -5\n"));
        assertThat(file.exit()).isEqualTo(CommandErrors.USAGE);
        assertThat(file.err()).startsWith("parkpulse-x run: 1 problem in park files:\n  parks/a.yaml:3:5: meters[0].id: missing");
    }

    @Test
    void anUnreachableBrokerOrUnwritableFileIsAnEnvironmentFailure() throws Exception {
        Outcome broker = call(() -> {
            throw new IllegalStateException("cannot connect to tcp://127.0.0.1:1");
        });
        Outcome file = call(() -> {
            throw new AccessDeniedException("/root/out/results.json");
        });

        assertThat(broker).isEqualTo(new Outcome(CommandErrors.FAILED, "parkpulse-x run: cannot connect to tcp://127.0.0.1:1\n"));
        assertThat(file).isEqualTo(new Outcome(CommandErrors.FAILED, "parkpulse-x run: AccessDeniedException: /root/out/results.json\n"));
    }

    @Test
    void aDefectIsNotDressedUpAsAUserError() {
        assertThatThrownBy(() -> call(() -> {
            throw new NullPointerException("a bug");
        })).isInstanceOf(NullPointerException.class);
    }

    @Test
    void successPassesItsExitCodeThrough() throws Exception {
        assertThat(call(() -> 3)).isEqualTo(new Outcome(3, ""));
    }
}
