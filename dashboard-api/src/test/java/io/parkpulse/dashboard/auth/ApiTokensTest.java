package io.parkpulse.dashboard.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokensTest {

    @TempDir
    Path dir;

    @Test
    void a_token_is_known_by_its_hash_only() throws Exception {
        Path file = dir.resolve("tokens.yaml");
        Files.writeString(file, "tokens:\n  - {name: ops, sha256: " + ApiTokens.sha256("a-long-enough-token-1") + ", role: operator, park: p1}\n"
                + "  - {name: firm, sha256: " + ApiTokens.sha256("a-long-enough-token-2") + ", role: enterprise, park: p1, enterprise: ent-a}\n");
        ApiTokens tokens = ApiTokens.read(file);
        assertThat(Files.readString(file)).doesNotContain("a-long-enough-token");
        Caller ops = tokens.caller("a-long-enough-token-1").orElseThrow();
        assertThat(ops.isOperator()).isTrue();
        assertThat(ops.mayRead("p1")).isTrue();
        assertThat(ops.mayRead("p2")).isFalse();
        Caller firm = tokens.caller("a-long-enough-token-2").orElseThrow();
        assertThat(firm.maySee("ent-a")).isTrue();
        assertThat(firm.maySee("ent-b")).isFalse();
        assertThat(tokens.caller("a-long-enough-token-3")).isEmpty();
        assertThat(tokens.caller(null)).isEmpty();
    }

    @Test
    void every_bad_entry_is_named() throws Exception {
        Path file = dir.resolve("tokens.yaml");
        Files.writeString(file, """
                tokens:
                  - {name: a, sha256: abc, role: operator, park: p1}
                  - {name: b, sha256: %s, role: enterprise, park: p1}
                  - {name: c, sha256: %s, role: boss, park: p1}
                """.formatted("0".repeat(64), "1".repeat(64)));
        assertThatThrownBy(() -> ApiTokens.read(file))
                .hasMessageContaining("tokens[0].sha256: required, the 64 lowercase hex digits")
                .hasMessageContaining("tokens[1].enterprise: required for the enterprise role")
                .hasMessageContaining("tokens[2].role: must be operator or enterprise");
    }
}
