package io.parkpulse.gateway.status;

import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * A secret a caller of the gateway's HTTP server must present (a bearer token, a carrier's push token). Both sides
 * are hashed before {@link MessageDigest#isEqual}, so the comparison takes the same time whatever the guess, its
 * length included.
 */
public final class SharedSecret {

    private static final String BEARER = "Bearer ";

    private final byte[] digest;

    public SharedSecret(String secret) {
        this.digest = sha256(Objects.requireNonNull(secret, "secret"));
    }

    /** A secret, or null when none is configured. */
    public static SharedSecret ofNullable(String secret) {
        return secret == null ? null : new SharedSecret(secret);
    }

    public boolean matches(String given) {
        return given != null && MessageDigest.isEqual(digest, sha256(given));
    }

    /** The token of an {@code Authorization: Bearer …} header, or null. */
    public static String bearer(HttpServerRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return header.substring(BEARER.length()).trim();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "SharedSecret[hidden]";
    }
}
