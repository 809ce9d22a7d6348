package io.parkpulse.dashboard.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LoginTokensTest {

    static final String SECRET = "a-test-secret-of-more-than-32-bytes!";
    static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    static Caller verify(LoginTokens tokens, String token) throws Exception {
        return tokens.verify(token).await(10, TimeUnit.SECONDS);
    }

    static String rejection(LoginTokens tokens, String token) {
        Future<Caller> f = tokens.verify(token);
        try {
            f.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            assertThat(e).isInstanceOf(LoginTokens.Rejected.class);
            return e.getMessage();
        }
        throw new AssertionError("accepted " + token);
    }

    @Test
    void a_token_carries_the_callers_access_until_it_expires() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-10-15T02:00:00Z"));
        LoginTokens tokens = new LoginTokens(vertx, SECRET, Duration.ofMinutes(30), clock);
        for (Caller c : List.of(Caller.admin("root"), Caller.operator("ops", List.of("park-a", "park-b")),
                Caller.operator("all", List.of("*")), Caller.enterprise("firm", "park-a", "ent-1"))) {
            LoginTokens.Issued issued = tokens.issue(c, "Display " + c.name());
            assertThat(issued.expiresAt()).isEqualTo(Instant.parse("2026-10-15T02:30:00Z"));
            assertThat(issued.toString()).doesNotContain(issued.token());
            assertThat(verify(tokens, issued.token())).isEqualTo(c);
        }
        String token = tokens.issue(Caller.enterprise("firm", "park-a", "ent-1"), "Firm").token();
        clock.advance(Duration.ofMinutes(29).plusSeconds(59));
        assertThat(verify(tokens, token).enterprise()).isEqualTo("ent-1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(rejection(tokens, token)).isEqualTo("token expired");
    }

    @Test
    void a_token_signed_with_another_secret_or_none_is_not_valid() throws Exception {
        TestClock clock = new TestClock(Instant.now());
        LoginTokens ours = new LoginTokens(vertx, SECRET, Duration.ofMinutes(30), clock);
        LoginTokens theirs = new LoginTokens(vertx, "another-secret-also-longer-than-32-bytes", Duration.ofMinutes(30), clock);
        String forged = theirs.issue(Caller.admin("root"), "root").token();
        assertThat(rejection(ours, forged)).isEqualTo("the bearer token is not valid");
        String[] parts = ours.issue(Caller.admin("root"), "root").token().split("\\.");
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        assertThat(rejection(ours, none)).isEqualTo("the bearer token is not valid");
        assertThat(rejection(ours, "eyJhbGciOiJIUzI1NiJ9.e30.AAAA")).isEqualTo("the bearer token is not valid");
        assertThat(rejection(ours, "not a token")).isEqualTo("the bearer token is not valid");
        assertThat(rejection(ours, null)).isEqualTo("the bearer token is not valid");
    }

    @Test
    void an_enterprise_cannot_become_operator_by_editing_its_claims() throws Exception {
        LoginTokens tokens = new LoginTokens(vertx, SECRET, Duration.ofMinutes(30), new TestClock(Instant.now()));
        String[] parts = tokens.issue(Caller.enterprise("firm", "park-a", "ent-1"), "Firm").token().split("\\.");
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        assertThat(claims.getString("role")).isEqualTo("enterprise");
        assertThat(claims.getString("iss")).isEqualTo("parkpulse-dashboard");
        JsonObject promoted = claims.copy().put("role", "operator").put("parks", new JsonArray().add("*"));
        promoted.remove("enterprise");
        assertThat(rejection(tokens, parts[0] + "." + b64(promoted.encode()) + "." + parts[2])).isEqualTo("the bearer token is not valid");
        JsonObject longer = claims.copy().put("exp", claims.getLong("exp") + 86_400);
        assertThat(rejection(tokens, parts[0] + "." + b64(longer.encode()) + "." + parts[2])).isEqualTo("the bearer token is not valid");
    }

    @Test
    void secrets_must_be_long_enough_and_a_missing_one_is_made_up() throws Exception {
        assertThatThrownBy(() -> new LoginTokens(vertx, "short", Duration.ofMinutes(30), new TestClock(Instant.now())))
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> new LoginTokens(vertx, SECRET, Duration.ZERO, new TestClock(Instant.now())))
                .hasMessageContaining("lives more than 0");
        LoginTokens a = LoginTokens.fromSecret(vertx, null, Duration.ofMinutes(5), new TestClock(Instant.now()));
        LoginTokens b = LoginTokens.fromSecret(vertx, " ", Duration.ofMinutes(5), new TestClock(Instant.now()));
        String token = a.issue(Caller.admin("root"), "root").token();
        assertThat(verify(a, token)).isEqualTo(Caller.admin("root"));
        assertThat(rejection(b, token)).as("each start makes its own secret").isEqualTo("the bearer token is not valid");
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
