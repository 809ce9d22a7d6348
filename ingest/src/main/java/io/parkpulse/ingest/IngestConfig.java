package io.parkpulse.ingest;

import io.parkpulse.config.EnvSettings;
import io.parkpulse.contract.Ids;
import io.parkpulse.contract.Limits;
import io.parkpulse.storage.InfluxConfig;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything ingest can be told, read from environment variables. Defaults and meanings are
 * listed in {@code docs/ingest.md}; no host, port or credential is fixed in code.
 *
 * @param parksDirectory      directory of park files
 * @param parksReloadInterval how often park files are checked for changes
 * @param mqttUrl             broker URL, {@code tcp://} or {@code ssl://}
 * @param mqttClientId        this instance's MQTT client id; must be stable across restarts, because the
 *                            broker keeps the persistent session (and the messages queued for it) under it
 * @param mqttUsername        broker user, or {@code null}
 * @param mqttPassword        broker password, or {@code null}
 * @param shareGroup          shared-subscription group; instances in one group split the stream
 * @param receiveMaximum      how many unacknowledged messages the broker may send this instance; this
 *                            bounds ingest's memory and is how backpressure reaches the broker
 * @param receiveMaximumBytes how many bytes of message payload this instance holds unacknowledged at most: with the
 *                            receive maximum, the bound on its memory whatever the size of the messages
 * @param sessionExpiry       how long the broker keeps this instance's session while it is away
 * @param influx              InfluxDB connection
 * @param batchMaxPoints      a write is sent when it holds this many points
 * @param batchMaxDelay       ... or when its oldest point waited this long (at most 1 s)
 * @param writeConcurrency    how many writes may be in flight to InfluxDB at once
 * @param limits              the contract limits to enforce
 * @param httpHost            address of the /metrics and /health endpoints
 * @param httpPort            port of the /metrics and /health endpoints (0: any free port)
 * @param liveRollups         whether to publish live rollups for the dashboard (docs/live.md)
 * @param liveRollupInterval  how often live rollups are published
 * @param warmupMessages      synthetic messages run through ingest's per-message code before it subscribes, so the JIT
 *                            compiles it before a backlog arrives (0: no warm-up)
 * @param endToEndAcks        whether to publish end-to-end acks to gateways (docs/protocol.md); off only where every
 *                            gateway trusts the broker's PUBACK, since a gateway waiting for acks resends forever
 */
public record IngestConfig(Path parksDirectory, Duration parksReloadInterval, URI mqttUrl, String mqttClientId,
                           String mqttUsername, String mqttPassword, String shareGroup, int receiveMaximum, int receiveMaximumBytes,
                           Duration sessionExpiry, InfluxConfig influx, int batchMaxPoints, Duration batchMaxDelay,
                           int writeConcurrency, Limits limits, String httpHost, int httpPort, boolean liveRollups,
                           Duration liveRollupInterval, int warmupMessages, boolean endToEndAcks) {

    /** Reads the configuration from {@code env} (normally {@link System#getenv()}). */
    public static IngestConfig fromEnvironment(Map<String, String> env) {
        EnvSettings s = new EnvSettings(env);
        Path parks = Path.of(s.text("PARKPULSE_PARKS_DIR", "parks"));
        Duration reload = s.duration("PARKPULSE_PARKS_RELOAD_INTERVAL", Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofHours(1));

        URI mqtt = s.uri("PARKPULSE_MQTT_URL", "tcp://127.0.0.1:1883", List.of("tcp", "ssl", "mqtt", "mqtts"));
        String clientId = s.text("PARKPULSE_MQTT_CLIENT_ID", "ingest-" + hostname());
        s.check(!clientId.isEmpty() && clientId.length() <= 64 && !clientId.contains("/") && !clientId.contains("+") && !clientId.contains("#"),
                "PARKPULSE_MQTT_CLIENT_ID=" + clientId + ": must be 1-64 characters without / + #");
        String group = s.text("PARKPULSE_MQTT_SHARE_GROUP", "ingest");
        s.check(Ids.isValid(group), "PARKPULSE_MQTT_SHARE_GROUP=" + group + ": must be an id (letters, digits, . _ : -)");
        // large enough that one-reading messages fill 5,000-point writes (half the window per batch, two writes in flight)
        int receiveMaximum = s.integer("PARKPULSE_MQTT_RECEIVE_MAXIMUM", 10_000, 2, 65_535);
        int receiveMaximumBytes = s.integer("PARKPULSE_MQTT_RECEIVE_MAXIMUM_BYTES", 8 << 20, 64 << 10, 1 << 30);
        Duration session = s.duration("PARKPULSE_MQTT_SESSION_EXPIRY", Duration.ofDays(7), Duration.ofMinutes(1), Duration.ofDays(136 * 365));

        InfluxConfig influx = InfluxConfig.fromEnvironment(s);

        int batchPoints = s.integer("PARKPULSE_BATCH_MAX_POINTS", 5_000, 1, 100_000);
        Duration batchDelay = s.duration("PARKPULSE_BATCH_MAX_DELAY", Duration.ofMillis(200), Duration.ZERO, Duration.ofSeconds(1));
        int concurrency = s.integer("PARKPULSE_WRITE_CONCURRENCY", 2, 1, 64);

        Limits limits = Limits.DEFAULT
                .withMaxAge(s.duration("PARKPULSE_MAX_READING_AGE", Limits.DEFAULT.maxAge(), Duration.ofHours(1), Duration.ofDays(20 * 365)))
                .withMaxFutureSkew(s.duration("PARKPULSE_MAX_FUTURE_SKEW", Limits.DEFAULT.maxFutureSkew(), Duration.ZERO, Duration.ofDays(1)));

        String httpHost = s.text("PARKPULSE_HTTP_HOST", "127.0.0.1");
        int httpPort = s.integer("PARKPULSE_HTTP_PORT", 8081, 0, 65_535);

        boolean live = s.onOff("PARKPULSE_LIVE_ROLLUPS", true);
        Duration liveInterval = s.duration("PARKPULSE_LIVE_ROLLUP_INTERVAL", Duration.ofSeconds(1), Duration.ofMillis(100),
                Duration.ofSeconds(10));
        int warmup = s.integer("PARKPULSE_WARMUP_MESSAGES", 20_000, 0, 1_000_000);
        boolean acks = s.onOff("PARKPULSE_END_TO_END_ACKS", true);
        s.throwIfInvalid();
        return new IngestConfig(parks, reload, mqtt, clientId, s.optional("PARKPULSE_MQTT_USERNAME"), s.optional("PARKPULSE_MQTT_PASSWORD"),
                group, receiveMaximum, receiveMaximumBytes, session, influx, batchPoints, batchDelay, concurrency, limits, httpHost, httpPort,
                live, liveInterval, warmup, acks);
    }

    /** Paho wants tcp:// or ssl://; accept the mqtt:// spellings too. */
    public String pahoServerUri() {
        String scheme = mqttUrl.getScheme().toLowerCase(java.util.Locale.ROOT);
        String paho = scheme.equals("mqtts") || scheme.equals("ssl") ? "ssl" : "tcp";
        int port = mqttUrl.getPort() > 0 ? mqttUrl.getPort() : ("ssl".equals(paho) ? 8883 : 1883);
        return paho + "://" + mqttUrl.getHost() + ":" + port;
    }

    /** Batches are flushed early once they hold this many messages, so a full receive window never waits for the timer. */
    public int batchMaxMessages() {
        return Math.max(1, receiveMaximum / 2);
    }

    private static String hostname() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "local";
        }
    }

    @Override
    public String toString() {
        return "IngestConfig[parks=" + parksDirectory + ", mqtt=" + mqttUrl + ", clientId=" + mqttClientId + ", user="
                + mqttUsername + ", mqttSecretGiven=" + (mqttPassword != null) + ", shareGroup=" + shareGroup
                + ", receiveMaximum=" + receiveMaximum + " messages/" + receiveMaximumBytes + " bytes, sessionExpiry=" + sessionExpiry + ", influx=" + influx
                + ", batch=" + batchMaxPoints + " points/" + batchMaxDelay.toMillis() + " ms, writeConcurrency=" + writeConcurrency
                + ", limits=" + limits + ", http=" + httpHost + ":" + httpPort + ", liveRollups="
                + (liveRollups ? "every " + liveRollupInterval.toMillis() + " ms" : "off") + ", warmupMessages=" + warmupMessages
                + ", endToEndAcks=" + (endToEndAcks ? "on" : "off") + "]";
    }
}
