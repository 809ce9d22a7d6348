package io.parkpulse.dashboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.dashboard.auth.ApiTokens;
import io.parkpulse.dashboard.auth.Caller;
import io.parkpulse.dashboard.auth.LoginRateLimiter;
import io.parkpulse.dashboard.auth.LoginTokens;
import io.parkpulse.dashboard.auth.PasswordHasher;
import io.parkpulse.dashboard.auth.TestClock;
import io.parkpulse.dashboard.auth.User;
import io.parkpulse.dashboard.auth.Users;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Login over real HTTP: a Vert.x server on a free port, the login route mounted before {@link Authentication} as the
 * dashboard mounts it, and a route behind both that echoes the caller. A fresh server per test, so the per-address
 * login limit of one test does not reach into the next.
 */
class LoginHttpTest {

    static final PasswordHasher CHEAP = new PasswordHasher(1024, 1, 1);
    static final String SECRET = "login-http-test-secret-longer-than-32-bytes";
    static final String SERVICE_TOKEN = "service-token-0123456789abcdef";
    static final Users USERS = Users.of(List.of(
            new User("root", "Administrator", Caller.admin("root"), CHEAP.hash("root-pw")),
            new User("ops", "控制室", Caller.operator("ops", List.of("park-a", "park-b")), CHEAP.hash("ops-pw")),
            new User("firm", "Firm", Caller.enterprise("firm", "park-a", "ent-1"), CHEAP.hash("firm-pw"))));

    final HttpClient http = HttpClient.newHttpClient();
    final TestClock clock = new TestClock(Instant.now());
    Vertx vertx;
    HttpServer server;
    String base;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        LoginTokens tokens = new LoginTokens(vertx, SECRET, Duration.ofMinutes(30), clock);
        ApiTokens service = ApiTokens.of(Map.of(ApiTokens.sha256(SERVICE_TOKEN), new Caller("script", Caller.Role.OPERATOR, "park-a", null)));
        Router api = Router.router(vertx);
        api.route().handler(BodyHandler.create(false).setBodyLimit(1024 * 1024));
        new LoginRoutes(vertx, USERS, tokens, new LoginRateLimiter(clock)).mount(api);
        api.route().handler(new Authentication(service, tokens));
        api.get("/whoami").handler(rc -> {
            Caller c = Requests.caller(rc);
            Http.json(rc, 200, new JsonObject().put("name", c.name()).put("role", c.role().id())
                    .put("parks", new JsonArray(List.copyOf(c.parks()))).put("enterprise", c.enterprise()));
        });
        api.route().failureHandler(rc -> Http.fail(rc, rc.failure()));
        Router root = Router.router(vertx);
        root.route(DashboardApi.BASE + "/*").subRouter(api);
        server = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + server.actualPort() + DashboardApi.BASE;
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    HttpResponse<String> login(String username, String password) throws Exception {
        return post("/login", new JsonObject().put("username", username).put("password", password).encode());
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> whoami(String token) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + "/whoami"));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void login_returns_a_token_that_stands_for_the_account() throws Exception {
        HttpResponse<String> r = login("ops", "ops-pw");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject body = new JsonObject(r.body());
        assertThat(body.getString("role")).isEqualTo("operator");
        assertThat(body.getJsonArray("parks")).containsExactly("park-a", "park-b");
        assertThat(body.getString("enterprise")).isNull();
        assertThat(body.getString("name")).isEqualTo("控制室");
        assertThat(Instant.parse(body.getString("expires_at"))).isEqualTo(Instant.ofEpochSecond(clock.instant().plus(Duration.ofMinutes(30)).getEpochSecond()));
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        HttpResponse<String> me = whoami(body.getString("token"));
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(new JsonObject(me.body()).getString("name")).isEqualTo("ops");

        JsonObject firm = new JsonObject(login("firm", "firm-pw").body());
        assertThat(firm.getString("role")).isEqualTo("enterprise");
        assertThat(firm.getString("enterprise")).isEqualTo("ent-1");
        assertThat(new JsonObject(whoami(firm.getString("token")).body()).getJsonArray("parks")).containsExactly("park-a");
        JsonObject root = new JsonObject(login("root", "root-pw").body());
        assertThat(root.getString("role")).isEqualTo("admin");
        assertThat(root.getJsonArray("parks")).containsExactly("*");
    }

    @Test
    void a_wrong_password_and_an_unknown_user_get_the_same_401() throws Exception {
        HttpResponse<String> wrong = login("ops", "nope");
        HttpResponse<String> unknown = login("nobody", "ops-pw");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(unknown.body()).contains("wrong username or password");
    }

    @Test
    void repeated_failures_get_429_with_retry_after_even_for_the_right_password() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(login("firm", "guess-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> limited = login("firm", "firm-pw");
        assertThat(limited.statusCode()).as(limited.body()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("300");
        assertThat(new JsonObject(limited.body()).getString("error_zh")).isEqualTo("登录失败次数过多，请 300 秒后再试");
        clock.advance(Duration.ofMinutes(5));
        assertThat(login("firm", "firm-pw").statusCode()).isEqualTo(200);
    }

    @Test
    void a_guesser_behind_the_same_address_does_not_lock_out_another_account() throws Exception {
        for (int i = 0; i < 6; i++) {
            login("firm", "guess-" + i);
        }
        assertThat(login("firm", "firm-pw").statusCode()).isEqualTo(429);
        HttpResponse<String> other = login("root", "root-pw");
        assertThat(other.statusCode()).as("another account behind the same NAT: " + other.body()).isEqualTo(200);
    }

    @Test
    void an_account_guessed_from_many_addresses_is_locked_but_another_account_still_logs_in_from_them() throws Exception {
        for (int i = 0; i < LoginRateLimiter.DEFAULT_LIMITS.perAccount(); i++) {
            assertThat(loginFrom("127.0.0." + (10 + i), "firm", "guess-" + i)).isEqualTo(401);
        }
        assertThat(loginFrom("127.0.0.60", "firm", "firm-pw")).as("the account, from a new address").isEqualTo(429);
        assertThat(loginFrom("127.0.0.10", "ops", "ops-pw")).as("another account, from a guessing address").isEqualTo(200);
        assertThat(login("ops", "ops-pw").statusCode()).isEqualTo(200);
    }

    /** A login over a socket bound to {@code from} (any 127.x address is this machine's): the status code. */
    int loginFrom(String from, String username, String password) throws Exception {
        byte[] body = new JsonObject().put("username", username).put("password", password).encode().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(from, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", server.actualPort()), 5_000);
            socket.setSoTimeout(10_000);
            String head = "POST " + DashboardApi.BASE + "/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Test
    void bad_login_requests_get_400_with_the_field() throws Exception {
        assertThat(post("/login", "not json").statusCode()).isEqualTo(400);
        HttpResponse<String> noPassword = post("/login", new JsonObject().put("username", "ops").encode());
        assertThat(noPassword.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(noPassword.body()).getString("field")).isEqualTo("password");
        assertThat(post("/login", new JsonObject().put("username", 5).put("password", "x").encode()).statusCode()).isEqualTo(400);
        assertThat(post("/login", "{\"username\":\"ops\",\"password\":\"" + "x".repeat(5000) + "\"}").statusCode()).isEqualTo(400);
        assertThat(post("/login", "[1]").statusCode()).isEqualTo(400);
    }

    @Test
    void without_a_valid_token_every_other_call_is_401() throws Exception {
        assertThat(whoami(null).statusCode()).isEqualTo(401);
        assertThat(whoami("not-a-known-token-at-all").statusCode()).isEqualTo(401);
        HttpResponse<String> script = whoami(SERVICE_TOKEN);
        assertThat(script.statusCode()).as("service tokens for scripts still work").isEqualTo(200);
        assertThat(new JsonObject(script.body()).getString("name")).isEqualTo("script");
    }

    @Test
    void an_expired_token_is_401_token_expired() throws Exception {
        String token = new JsonObject(login("ops", "ops-pw").body()).getString("token");
        clock.advance(Duration.ofMinutes(30));
        HttpResponse<String> r = whoami(token);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(r.body()).getString("error")).isEqualTo("token expired");
        assertThat(r.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void forged_tokens_are_401() throws Exception {
        LoginTokens other = new LoginTokens(vertx, "some-other-secret-that-is-also-32-bytes+", Duration.ofMinutes(30), clock);
        String forged = other.issue(USERS.find("root").orElseThrow()).token();
        assertThat(whoami(forged).statusCode()).isEqualTo(401);
        assertThat(new JsonObject(whoami(forged).body()).getString("error")).isEqualTo("the bearer token is not valid");

        String[] parts = new JsonObject(login("root", "root-pw").body()).getString("token").split("\\.");
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        assertThat(whoami(none).statusCode()).isEqualTo(401);
        String hs512 = b64("{\"alg\":\"HS512\",\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2];
        assertThat(whoami(hs512).statusCode()).isEqualTo(401);
    }

    @Test
    void an_enterprise_cannot_become_an_operator_by_editing_its_token() throws Exception {
        String[] parts = new JsonObject(login("firm", "firm-pw").body()).getString("token").split("\\.");
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        for (JsonObject edited : List.of(claims.copy().put("role", "operator").put("parks", new JsonArray().add("*")),
                claims.copy().put("role", "admin"), claims.copy().put("enterprise", "ent-2"),
                claims.copy().put("parks", new JsonArray().add("park-b")))) {
            HttpResponse<String> r = whoami(parts[0] + "." + b64(edited.encode()) + "." + parts[2]);
            assertThat(r.statusCode()).as(edited.encode()).isEqualTo(401);
        }
        assertThat(whoami(String.join(".", parts)).statusCode()).as("the untouched token still works").isEqualTo(200);
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
