package io.parkpulse.dashboard.http;

import io.parkpulse.dashboard.auth.LoginRateLimiter;
import io.parkpulse.dashboard.auth.LoginTokens;
import io.parkpulse.dashboard.auth.User;
import io.parkpulse.dashboard.auth.Users;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /login} with {@code {"username","password"}}: a short-lived signed token for the users file's accounts
 * (docs/accounts.md). Mount it before {@link Authentication}: the caller has no token yet. One answer for a wrong
 * username and a wrong password, in the same time, so the API does not tell which accounts exist; failures are
 * limited per account and address, per account and overall ({@link LoginRateLimiter}); the slow hash runs on a worker thread, never on the event loop.
 */
public final class LoginRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(LoginRoutes.class);
    static final int MAX_BODY_BYTES = 4096;
    static final String WRONG = "wrong username or password";
    /** Each check holds ~19 MiB for ~0.1 s; more at once than this only queues up memory. */
    static final int MAX_CONCURRENT_CHECKS = 8;

    private final Vertx vertx;
    private final Users users;
    private final LoginTokens tokens;
    private final LoginRateLimiter limiter;
    private final AtomicInteger checking = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong refusedSoFar = new java.util.concurrent.atomic.AtomicLong();

    public LoginRoutes(Vertx vertx, Users users, LoginTokens tokens, LoginRateLimiter limiter) {
        this.vertx = vertx;
        this.users = users;
        this.tokens = tokens;
        this.limiter = limiter;
    }

    public void mount(Router api) {
        // a no-op when the router's own BodyHandler already read the body
        api.post("/login").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES)).handler(this::login);
    }

    private void login(RoutingContext rc) {
        JsonObject body;
        try {
            body = rc.body() == null || rc.body().length() == 0 ? null : rc.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            body = null;
        }
        if (body == null || rc.body().length() > MAX_BODY_BYTES) {
            throw ApiError.badRequest("body", "send {\"username\": ..., \"password\": ...} as JSON, at most "
                    + MAX_BODY_BYTES + " bytes");
        }
        String username = body.getValue("username") instanceof String u ? u : null;
        String password = body.getValue("password") instanceof String p ? p : null;
        if (username == null || username.isBlank()) {
            throw ApiError.badRequest("username", "username is required, as text");
        }
        if (password == null || password.isEmpty()) {
            throw ApiError.badRequest("password", "password is required, as text");
        }
        String address = rc.request().remoteAddress() == null ? "unknown" : rc.request().remoteAddress().hostAddress();
        Optional<LoginRateLimiter.Refusal> refused = limiter.begin(username, address);
        if (refused.isPresent()) {
            long wait = seconds(refused.get().retryAfter());
            long n = refusedSoFar.incrementAndGet();
            if (n <= 20 || n % 100 == 0) { // a sample: a guesser hammering away must not flood the log
                LOG.warn("login refused for {} from {}: too many failures ({} limit), {} s to wait; {} refused so far",
                        printable(username), address, refused.get().limit(), wait, n);
            }
            tooMany(rc, refused.get().retryAfter(), "too many failed logins; try again in " + wait + " s",
                    "登录失败次数过多，请 " + wait + " 秒后再试");
            return;
        }
        if (checking.incrementAndGet() > MAX_CONCURRENT_CHECKS) {
            checking.decrementAndGet();
            limiter.cancel(username, address); // not a guess: it was never checked
            tooMany(rc, Duration.ofSeconds(1), "too many logins at once; try again in a second", "同时登录的人太多，请一秒后再试");
            return;
        }
        vertx.executeBlocking(() -> users.authenticate(username, password), false)
                .andThen(done -> checking.decrementAndGet())
                .onSuccess(user -> {
                    if (user.isEmpty()) {
                        LOG.info("failed login for {} from {}", printable(username), address);
                        Http.json(rc, 401, new JsonObject().put("error", WRONG).put("error_zh", "用户名或密码错误"));
                        return;
                    }
                    limiter.succeeded(username, address);
                    answer(rc, user.get());
                })
                .onFailure(e -> Http.fail(rc, e));
    }

    private void answer(RoutingContext rc, User user) {
        LoginTokens.Issued issued = tokens.issue(user);
        LOG.info("login: {} ({}) from {}", user.username(), user.access().role().id(),
                rc.request().remoteAddress() == null ? "unknown" : rc.request().remoteAddress().hostAddress());
        Http.json(rc, 200, new JsonObject().put("token", issued.token()).put("expires_at", issued.expiresAt().toString())
                .put("role", user.access().role().id()).put("parks", new JsonArray(new java.util.ArrayList<>(user.access().parks())))
                .put("enterprise", user.access().enterprise()).put("name", user.displayName()));
    }

    private static void tooMany(RoutingContext rc, Duration wait, String message, String zh) {
        rc.response().putHeader("Retry-After", Long.toString(seconds(wait)));
        Http.json(rc, 429, new JsonObject().put("error", message).put("error_zh", zh));
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }

    /** A username as typed by anyone: cut short and stripped of control characters before it reaches a log. */
    private static String printable(String username) {
        String cut = username.length() > 64 ? username.substring(0, 64) + "…" : username;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
