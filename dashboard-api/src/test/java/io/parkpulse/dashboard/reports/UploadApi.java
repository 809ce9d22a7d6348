package io.parkpulse.dashboard.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.dashboard.DashboardConfig;
import io.parkpulse.dashboard.DashboardVerticle;
import io.parkpulse.dashboard.auth.ApiTokens;
import io.parkpulse.storage.InfluxConfig;
import io.parkpulse.testkit.InfluxDb;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

/**
 * The dashboard API on the demo park and a real InfluxDB, for the output-report upload tests: uploads as the control
 * room and reads back what was stored. The clock is fixed in October 2026, so the months the tests use are past.
 */
public final class UploadApi implements AutoCloseable {

    static final String OPERATOR = "operator-token-0123456789abcdef";

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    /** Starts the API in {@code dir} (its park file and tokens are written there) on database {@code db}. */
    public UploadApi(Path dir, InfluxDb influx, String db) throws Exception {
        influx.createDatabase(db);
        Path parks = Files.createDirectories(dir.resolve("parks"));
        Files.copy(Path.of("..", "parks", "demo-park.yaml"), parks.resolve("demo-park.yaml"));
        Path tokens = dir.resolve("tokens.yaml");
        Files.writeString(tokens, "tokens:\n  - {name: control-room, sha256: " + ApiTokens.sha256(OPERATOR)
                + ", role: operator, park: demo-park}\n");
        DashboardConfig config = new DashboardConfig(parks, Duration.ofSeconds(1), tokens, InfluxConfig.of(influx.url(), db),
                "127.0.0.1", 0, Duration.ZERO, 40_000_000L, 1_000);
        DashboardVerticle verticle = new DashboardVerticle(config, Clock.fixed(Instant.parse("2026-10-15T02:00:00Z"), ZoneId.of("Asia/Shanghai")));
        vertx.deployVerticle(verticle).await(60, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + verticle.port() + "/api/v1/parks/demo-park/output-reports";
    }

    /** POSTs {@code body} as {@code type}. */
    public HttpResponse<String> upload(String type, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base)).header("Authorization", "Bearer " + OPERATOR)
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> upload(String type, String body) throws Exception {
        return upload(type, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The reports stored for {@code month}, of one enterprise or ({@code null}) of all. */
    public JsonArray stored(String month, String enterprise) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "?from=" + month + "&to=" + month
                        + (enterprise == null ? "" : "&enterprise=" + enterprise)))
                .header("Authorization", "Bearer " + OPERATOR).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body()).getJsonArray("reports");
    }

    @Override
    public void close() throws Exception {
        vertx.close().await(20, TimeUnit.SECONDS);
    }
}
