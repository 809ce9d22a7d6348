package io.parkpulse.dashboard;

import io.parkpulse.config.EnvSettings;
import io.parkpulse.dashboard.auth.LoginTokens;
import io.parkpulse.dashboard.live.LiveSettings;
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
 * @param resultTtl           how long an evaluation under a park's policy is reused (late readings count after it)
 * @param maxReadings         the most readings one evaluation may read
 * @param cachedDays          how many park-days of stored consumption to keep in memory
 * @param usersFile           the users who log in (docs/accounts.md); null: service tokens only
 * @param jwtSecret           the secret login tokens are signed with; null: a random one per start
 * @param loginTokenLifetime  how long a login token is valid
 * @param live                the MQTT connection the live rollups arrive on; null: no live panel
 * @param alarmTick           how often live alarm rules are judged
 * @param keptMonths          how many settled park-months (a month's evaluation under the park's policy) to keep beyond
 *                            {@code resultTtl}, checked against the late marks (0: none)
 */
public record DashboardConfig(Path parksDirectory, Duration parksReloadInterval, Path tokensFile, InfluxConfig influx,
                              String httpHost, int httpPort, Duration resultTtl, long maxReadings, int cachedDays,
                              Path usersFile, String jwtSecret, Duration loginTokenLifetime, LiveSettings live,
                              Duration alarmTick, int keptMonths) {

    /**
     * Settled park-months kept by default: the 22–24 months of the targets pages of two parks; about 2.5 MB each for a
     * 1,000-enterprise park (docs/dashboard-api.md), so at most about 120 MB for such parks.
     */
    public static final int DEFAULT_KEPT_MONTHS = 48;

    /** With the default number of kept months. */
    public DashboardConfig(Path parksDirectory, Duration parksReloadInterval, Path tokensFile, InfluxConfig influx,
                           String httpHost, int httpPort, Duration resultTtl, long maxReadings, int cachedDays,
                           Path usersFile, String jwtSecret, Duration loginTokenLifetime, LiveSettings live,
                           Duration alarmTick) {
        this(parksDirectory, parksReloadInterval, tokensFile, influx, httpHost, httpPort, resultTtl, maxReadings, cachedDays,
                usersFile, jwtSecret, loginTokenLifetime, live, alarmTick, DEFAULT_KEPT_MONTHS);
    }

    /** The same settings keeping {@code months} settled park-months. */
    public DashboardConfig withKeptMonths(int months) {
        return new DashboardConfig(parksDirectory, parksReloadInterval, tokensFile, influx, httpHost, httpPort, resultTtl,
                maxReadings, cachedDays, usersFile, jwtSecret, loginTokenLifetime, live, alarmTick, months);
    }

    /** The settings of the efficiency API alone: no users, no live panel, default alarm tick. */
    public DashboardConfig(Path parksDirectory, Duration parksReloadInterval, Path tokensFile, InfluxConfig influx,
                           String httpHost, int httpPort, Duration resultTtl, long maxReadings, int cachedDays) {
        this(parksDirectory, parksReloadInterval, tokensFile, influx, httpHost, httpPort, resultTtl, maxReadings, cachedDays,
                null, null, LoginTokens.DEFAULT_LIFETIME, null, Duration.ofSeconds(5));
    }

    @Override
    public String toString() {
        return "DashboardConfig[parks=" + parksDirectory + ", tokensFile=" + tokensFile + ", usersFile=" + usersFile
                + ", jwtSecretGiven=" + (jwtSecret != null) + ", influx=" + influx + ", http=" + httpHost + ":" + httpPort
                + ", live=" + live + "]";
    }

    /** Defaults for what is not given: results kept 30 s, at most 40 million readings per evaluation, 1 000 park-days kept. */
    public DashboardConfig(Path parksDirectory, Duration parksReloadInterval, Path tokensFile, InfluxConfig influx,
                           String httpHost, int httpPort) {
        this(parksDirectory, parksReloadInterval, tokensFile, influx, httpHost, httpPort, Duration.ofSeconds(30), 40_000_000L,
                1_000);
    }

    public static DashboardConfig fromEnvironment(Map<String, String> env) {
        EnvSettings s = new EnvSettings(env);
        Path parks = Path.of(s.text("PARKPULSE_PARKS_DIR", "parks"));
        Duration reload = s.duration("PARKPULSE_PARKS_RELOAD_INTERVAL", Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofHours(1));
        String tokens = s.optional("PARKPULSE_API_TOKENS_FILE");
        String users = s.optional("PARKPULSE_API_USERS_FILE");
        s.check(tokens != null || users != null, "PARKPULSE_API_TOKENS_FILE or PARKPULSE_API_USERS_FILE: at least one is required "
                + "(service tokens: docs/dashboard-api.md#tokens; users: docs/accounts.md)");
        String secret = s.optional("PARKPULSE_API_JWT_SECRET");
        s.check(secret == null || secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= LoginTokens.MIN_SECRET_BYTES,
                "PARKPULSE_API_JWT_SECRET: at least " + LoginTokens.MIN_SECRET_BYTES + " bytes");
        Duration lifetime = s.duration("PARKPULSE_API_TOKEN_LIFETIME", LoginTokens.DEFAULT_LIFETIME, Duration.ofMinutes(1), Duration.ofHours(12));
        boolean liveOn = !"off".equalsIgnoreCase(s.text("PARKPULSE_API_LIVE", "on"));
        Duration alarmTick = s.duration("PARKPULSE_API_ALARM_TICK", Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofMinutes(5));
        InfluxConfig influx = InfluxConfig.fromEnvironment(s);
        String host = s.text("PARKPULSE_API_HOST", "127.0.0.1");
        int port = s.integer("PARKPULSE_API_PORT", 8082, 0, 65_535);
        Duration ttl = s.duration("PARKPULSE_API_RESULT_TTL", Duration.ofSeconds(30), Duration.ZERO, Duration.ofHours(1));
        int maxMillions = s.integer("PARKPULSE_API_MAX_READINGS_MILLIONS", 40, 1, 10_000);
        int cachedDays = s.integer("PARKPULSE_API_CACHED_DAYS", 1_000, 0, 100_000);
        int keptMonths = s.integer("PARKPULSE_API_KEPT_MONTHS", DEFAULT_KEPT_MONTHS, 0, 10_000);
        s.throwIfInvalid();
        return new DashboardConfig(parks, reload, tokens == null ? null : Path.of(tokens), influx, host, port, ttl,
                maxMillions * 1_000_000L, cachedDays, users == null ? null : Path.of(users), secret, lifetime,
                liveOn ? LiveSettings.fromEnvironment(env) : null, alarmTick, keptMonths);
    }
}
