package io.parkpulse.dashboard.auth;

import io.parkpulse.contract.Ids;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;

import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Short-lived login tokens: JWTs signed with HS256 (Vert.x auth JWT) that carry the caller's username, role, parks
 * and enterprise, so checking one needs no lookup. Vert.x checks the signature and algorithm; expiry is checked here
 * against a {@link Clock}, so that an expired token gets its own answer and tests can move time.
 */
public final class LoginTokens {

    private static final Logger LOG = LoggerFactory.getLogger(LoginTokens.class);
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(30);
    public static final int MIN_SECRET_BYTES = 32;
    static final String ISSUER = "parkpulse-dashboard";
    static final String AUDIENCE = "parkpulse-dashboard-api";

    private final JWTAuth jwt;
    private final Duration lifetime;
    private final Clock clock;

    /**
     * @param secret   the HS256 key, at least 32 bytes of UTF-8
     * @param lifetime how long a token is good for
     */
    public LoginTokens(Vertx vertx, String secret, Duration lifetime, Clock clock) {
        Objects.requireNonNull(secret, "secret");
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the token secret must be at least " + MIN_SECRET_BYTES + " bytes long");
        }
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("a login token lives more than 0 and at most one day, not " + lifetime);
        }
        JWTOptions check = new JWTOptions().setIssuer(ISSUER).addAudience(AUDIENCE).setIgnoreExpiration(true);
        this.jwt = JWTAuth.create(vertx, new JWTAuthOptions().setJWTOptions(check)
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(Buffer.buffer(secret, "UTF-8"))));
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /**
     * Tokens signed with {@code configuredSecret} ({@code PARKPULSE_API_JWT_SECRET}), or, when it is {@code null}
     * or blank, with a random secret made now: then tokens do not survive a restart, nor work across instances.
     */
    public static LoginTokens fromSecret(Vertx vertx, String configuredSecret, Duration lifetime, Clock clock) {
        if (configuredSecret == null || configuredSecret.isBlank()) {
            LOG.warn("PARKPULSE_API_JWT_SECRET is not set: login tokens are signed with a random secret made at start; "
                    + "they do not survive a restart and are not accepted by other instances");
            return new LoginTokens(vertx, randomSecret(), lifetime, clock);
        }
        return new LoginTokens(vertx, configuredSecret, lifetime, clock);
    }

    /** 32 random bytes as Base64: a secret for {@code PARKPULSE_API_JWT_SECRET}. */
    public static String randomSecret() {
        byte[] bytes = new byte[MIN_SECRET_BYTES];
        new SecureRandom().nextBytes(bytes);
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** A signed token and when it stops being accepted. */
    public record Issued(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[token hidden, expires " + expiresAt + "]";
        }
    }

    /** A token for {@code user}, good for this instance's lifetime from now. */
    public Issued issue(io.parkpulse.dashboard.auth.User user) {
        return issue(user.access(), user.displayName());
    }

    Issued issue(Caller access, String displayName) {
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        JsonObject claims = new JsonObject().put("sub", access.name()).put("name", displayName)
                .put("role", access.role().id()).put("parks", new JsonArray(new ArrayList<>(access.parks())))
                .put("iat", now.getEpochSecond()).put("exp", expires.getEpochSecond());
        if (access.enterprise() != null) {
            claims.put("enterprise", access.enterprise());
        }
        String token = jwt.generateToken(claims, new JWTOptions().setAlgorithm("HS256").setIssuer(ISSUER)
                .addAudience(AUDIENCE).setNoTimestamp(true));
        return new Issued(token, Instant.ofEpochSecond(expires.getEpochSecond()));
    }

    /** Why a token was refused; the message is what the client is told. */
    public static final class Rejected extends RuntimeException {
        private Rejected(String message) {
            super(message, null, false, false);
        }
    }

    static final String EXPIRED = "token expired";
    static final String INVALID = "the bearer token is not valid";

    /**
     * The caller a token stands for; fails with {@link Rejected} "token expired" for a well-signed token past its
     * time, and "the bearer token is not valid" for anything else (bad signature, other algorithm, edited claims).
     */
    public Future<Caller> verify(String token) {
        if (token == null || token.length() > 8192) {
            return Future.failedFuture(new Rejected(INVALID));
        }
        return jwt.authenticate(new TokenCredentials(token)).recover(e -> Future.failedFuture(new Rejected(INVALID)))
                .compose(user -> {
                    JsonObject claims = claims(user);
                    Long exp = claims.getValue("exp") instanceof Number n ? n.longValue() : null;
                    if (exp == null) {
                        return Future.failedFuture(new Rejected(INVALID));
                    }
                    if (clock.instant().getEpochSecond() >= exp) {
                        return Future.failedFuture(new Rejected(EXPIRED));
                    }
                    try {
                        return Future.succeededFuture(caller(claims));
                    } catch (RuntimeException bad) {
                        return Future.failedFuture(new Rejected(INVALID));
                    }
                });
    }

    private static JsonObject claims(io.vertx.ext.auth.User user) {
        Object fromAttributes = user.attributes() == null ? null : user.attributes().getValue("accessToken");
        return fromAttributes instanceof JsonObject j ? j : user.principal();
    }

    /** Claims back to a caller, refusing anything a token we issued would not hold. */
    private static Caller caller(JsonObject claims) {
        String sub = claims.getString("sub");
        Caller.Role role = Caller.Role.byId(claims.getString("role"));
        JsonArray parksClaim = claims.getJsonArray("parks");
        if (sub == null || !Users.USERNAME.matcher(sub).matches() || role == null || parksClaim == null) {
            throw new IllegalArgumentException("incomplete claims");
        }
        List<String> parks = new ArrayList<>();
        for (Object p : parksClaim) {
            if (!(p instanceof String id) || !(id.equals(Caller.ANY_PARK) || Ids.isValid(id))) {
                throw new IllegalArgumentException("bad park claim");
            }
            parks.add(id);
        }
        String enterprise = claims.getString("enterprise");
        return switch (role) {
            case ADMIN -> Caller.admin(sub);
            case OPERATOR -> Caller.operator(sub, parks);
            case ENTERPRISE -> {
                if (parks.size() != 1 || enterprise == null || !Ids.isValid(enterprise)) {
                    throw new IllegalArgumentException("bad enterprise claims");
                }
                yield Caller.enterprise(sub, parks.get(0), enterprise);
            }
        };
    }
}
