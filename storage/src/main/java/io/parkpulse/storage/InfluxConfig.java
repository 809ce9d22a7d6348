package io.parkpulse.storage;

import io.parkpulse.config.EnvSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach InfluxDB's v1 HTTP API (served natively by 1.x and by the v1 compatibility
 * endpoints of 2.x and 3.x).
 *
 * @param url            base URL, e.g. {@code http://127.0.0.1:8086}
 * @param database       database (1.x) or mapped bucket (2.x/3.x)
 * @param username       user for basic authentication, or {@code null} when authentication is off
 * @param password       password (1.x) or token (2.x/3.x v1 compatibility); never logged
 * @param requestTimeout how long one HTTP request may take before it counts as failed
 */
public record InfluxConfig(URI url, String database, String username, String password, Duration requestTimeout) {

    public InfluxConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("InfluxDB URL must be http:// or https://, got " + url);
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("InfluxDB URL has no host: " + url);
        }
    }

    /** From {@code PARKPULSE_INFLUX_URL}, {@code _DATABASE}, {@code _USERNAME}, {@code _PASSWORD} and {@code _TIMEOUT}. */
    public static InfluxConfig fromEnvironment(EnvSettings s) {
        URI url = s.uri("PARKPULSE_INFLUX_URL", "http://127.0.0.1:8086", java.util.List.of("http", "https"));
        String database = s.text("PARKPULSE_INFLUX_DATABASE", StorageSchema.DEFAULT_DATABASE);
        Duration timeout = s.duration("PARKPULSE_INFLUX_TIMEOUT", Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofMinutes(5));
        return new InfluxConfig(url, database, s.optional("PARKPULSE_INFLUX_USERNAME"), s.optional("PARKPULSE_INFLUX_PASSWORD"), timeout);
    }

    public static InfluxConfig of(String url, String database) {
        return new InfluxConfig(URI.create(url), database, null, null, Duration.ofSeconds(10));
    }

    public InfluxConfig withTimeout(Duration timeout) {
        return new InfluxConfig(url, database, username, password, timeout);
    }

    public InfluxConfig withCredentials(String user, String secret) {
        return new InfluxConfig(url, database, user, secret, requestTimeout);
    }

    @Override
    public String toString() {
        return "InfluxConfig[url=" + url + ", database=" + database + ", username=" + username
                + ", secretGiven=" + (password != null) + ", requestTimeout=" + requestTimeout + "]";
    }
}
