package io.parkpulse.dashboard;

import io.parkpulse.storage.EnvSettings;
import io.parkpulse.storage.InfluxConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Everything the dashboard API can be told, from environment variables (docs/dashboard-api.md). No host, port or
 * credential is fixed in code; tokens live in a file of their SHA-256 hashes.
 *
 * @param parksDirectory      directory of park files (the same ingest reads)
 * @param parksReloadInterval how often park files are checked for changes
 * @param tokensFile          the API tokens file
 * @param influx              InfluxDB connection
 * @param httpHost            address to listen on
 * @param httpPort            port to listen on (0: any free port)
 */
public record DashboardConfig(Path parksDirectory, Duration parksReloadInterval, Path tokensFile, InfluxConfig influx,
                              String httpHost, int httpPort) {

    public static DashboardConfig fromEnvironment(Map<String, String> env) {
        EnvSettings s = new EnvSettings(env);
        Path parks = Path.of(s.text("PARKPULSE_PARKS_DIR", "parks"));
        Duration reload = s.duration("PARKPULSE_PARKS_RELOAD_INTERVAL", Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofHours(1));
        String tokens = s.optional("PARKPULSE_API_TOKENS_FILE");
        s.check(tokens != null, "PARKPULSE_API_TOKENS_FILE: required, the file of API token hashes (docs/dashboard-api.md#tokens)");
        InfluxConfig influx = InfluxConfig.fromEnvironment(s);
        String host = s.text("PARKPULSE_API_HOST", "127.0.0.1");
        int port = s.integer("PARKPULSE_API_PORT", 8090, 0, 65_535);
        s.throwIfInvalid();
        return new DashboardConfig(parks, reload, Path.of(tokens), influx, host, port);
    }
}
