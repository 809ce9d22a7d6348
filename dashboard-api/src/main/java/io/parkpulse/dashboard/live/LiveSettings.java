package io.parkpulse.dashboard.live;

import io.parkpulse.config.EnvSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Where the dashboard takes live rollups from, read from the environment (docs/live.md#configuration).
 *
 * @param serverUri broker, as Paho wants it ({@code tcp://} or {@code ssl://})
 * @param clientId  this instance's client id; random by default, since the session keeps nothing worth resuming
 * @param username  broker user, or {@code null}
 * @param password  broker password, or {@code null}
 * @param maxClockSkew how far ahead of this service's clock a rollup's times may be; later ones are dropped
 */
public record LiveSettings(String serverUri, String clientId, String username, String password, Duration maxClockSkew) {

    /**
     * How far a rollup's times may run ahead of our clock: ingest stores device times up to its own
     * {@code PARKPULSE_MAX_FUTURE_SKEW} (5 minutes) ahead, and what it stored must show, so no less than that.
     */
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    public LiveSettings(String serverUri, String clientId, String username, String password) {
        this(serverUri, clientId, username, password, DEFAULT_MAX_CLOCK_SKEW);
    }

    public static LiveSettings fromEnvironment(Map<String, String> env) {
        EnvSettings s = new EnvSettings(env);
        URI url = s.uri("PARKPULSE_MQTT_URL", "tcp://127.0.0.1:1883", List.of("tcp", "ssl", "mqtt", "mqtts"));
        String clientId = s.text("PARKPULSE_LIVE_CLIENT_ID", "dashboard-live-" + UUID.randomUUID().toString().substring(0, 8));
        s.check(!clientId.isEmpty() && clientId.length() <= 64 && !clientId.contains("/") && !clientId.contains("+") && !clientId.contains("#"),
                "PARKPULSE_LIVE_CLIENT_ID=" + clientId + ": must be 1-64 characters without / + #");
        String username = s.optional("PARKPULSE_MQTT_USERNAME");
        String password = s.optional("PARKPULSE_MQTT_PASSWORD");
        Duration skew = s.duration("PARKPULSE_LIVE_MAX_CLOCK_SKEW", DEFAULT_MAX_CLOCK_SKEW, Duration.ofSeconds(1), Duration.ofHours(1));
        s.throwIfInvalid();
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String paho = scheme.equals("mqtts") || scheme.equals("ssl") ? "ssl" : "tcp";
        int port = url.getPort() > 0 ? url.getPort() : ("ssl".equals(paho) ? 8883 : 1883);
        return new LiveSettings(paho + "://" + url.getHost() + ":" + port, clientId, username, password, skew);
    }

    @Override
    public String toString() {
        return "LiveSettings[" + serverUri + ", clientId=" + clientId + ", user=" + username + ", secretGiven=" + (password != null) + ", maxClockSkew=" + maxClockSkew + "]";
    }
}
