package io.parkpulse.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.config.CommandErrors;
import io.parkpulse.dashboard.auth.Caller;
import io.parkpulse.dashboard.auth.PasswordHasher;
import io.parkpulse.dashboard.auth.Users;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operations commands as an operator runs them: what they print, what they write, what they refuse. */
class ToolsCliTest {

    @Test
    void demoUsersWritesAUsersFileTheDashboardReadsWithThePrintedPasswords(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users.yaml");

        Run run = run(null, "demo-users", "--file", file.toString(), "--park", "demo-park", "--enterprise", "ent-cement");

        assertThat(run.exit).isZero();
        Map<String, String> passwords = Arrays.stream(run.out.split("\n"))
                .map(line -> line.split(" ")).collect(Collectors.toMap(p -> p[0], p -> p[1]));
        assertThat(passwords).containsOnlyKeys("operator", "enterprise");
        Users users = Users.read(file);
        assertThat(users.authenticate("operator", passwords.get("operator"))).hasValueSatisfying(u -> {
            assertThat(u.access().role()).isEqualTo(Caller.Role.OPERATOR);
            assertThat(u.access().parks()).containsExactly("demo-park");
        });
        assertThat(users.authenticate("enterprise", passwords.get("enterprise"))).hasValueSatisfying(u ->
                assertThat(u.access().enterprise()).isEqualTo("ent-cement"));
        assertThat(Files.readString(file)).doesNotContain(passwords.get("operator"), passwords.get("enterprise"));
    }

    @Test
    void passwordHashHashesTheFirstLineOfStandardInput() throws Exception {
        Run run = run("correct horse battery staple\nignored", "password-hash");

        assertThat(run.exit).isZero();
        String hash = run.out.trim();
        assertThat(hash).startsWith("$argon2id$");
        assertThat(PasswordHasher.verify("correct horse battery staple", hash)).isTrue();
        assertThat(run.out).doesNotContain("correct horse");
    }

    @Test
    void passwordHashWithNothingOnStandardInputSaysHowToUseIt() throws Exception {
        Run run = run("", "password-hash");

        assertThat(run.exit).isEqualTo(CommandErrors.USAGE);
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains("parkpulse-tools password-hash: no password on standard input");
    }

    @Test
    void brokerConfigWithoutParksNamesTheMissingOption() throws Exception {
        Run run = run(null, "broker-config", "--out", "x");

        assertThat(run.exit).isEqualTo(CommandErrors.USAGE);
        assertThat(run.err).contains("Missing required option: '--parks=<parks>'");
    }

    private record Run(int exit, String out, String err) {
    }

    /** Runs the command line in this JVM with {@code stdin} as standard input, capturing both output streams. */
    private static synchronized Run run(String stdin, String... args) {
        InputStream in = System.in;
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int exit = ToolsCli.commandLine().execute(args);
            return new Run(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(in);
            System.setOut(out);
            System.setErr(err);
        }
    }

}
