package io.parkpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.dashboard.auth.ApiTokens;
import io.parkpulse.storage.InfluxConfig;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.RealServicesTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output reports uploaded as CSV the way people save them (issue 16): GBK from Chinese Excel, UTF-8 with a BOM, and a
 * file in neither — on the running API with a real InfluxDB, read back to see what was stored.
 */
@RealServicesTest
class OutputReportEncodingIntegrationTest {

    static final String DB = "parkpulse_upload_encoding";
    static final String OPERATOR = "operator-token-0123456789abcdef";
    static final String HEADER = "enterprise,month,output_value_cny,product,quantity,unit\n";

    @TempDir
    static Path dir;
    static Vertx vertx;
    static String base;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start(InfluxDb influx) throws Exception {
        influx.createDatabase(DB);
        Path parks = Files.createDirectories(dir.resolve("parks"));
        Files.copy(Path.of("..", "parks", "demo-park.yaml"), parks.resolve("demo-park.yaml"));
        Path tokens = dir.resolve("tokens.yaml");
        Files.writeString(tokens, "tokens:\n  - {name: control-room, sha256: " + ApiTokens.sha256(OPERATOR)
                + ", role: operator, park: demo-park}\n");
        DashboardConfig config = new DashboardConfig(parks, Duration.ofSeconds(1), tokens, InfluxConfig.of(influx.url(), DB),
                "127.0.0.1", 0, Duration.ZERO, 40_000_000L, 1_000);
        vertx = Vertx.vertx();
        DashboardVerticle verticle = new DashboardVerticle(config, Clock.fixed(Instant.parse("2026-10-15T02:00:00Z"), ZoneId.of("Asia/Shanghai")));
        vertx.deployVerticle(verticle).await(60, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + verticle.port() + "/api/v1/parks/demo-park/output-reports";
    }

    @AfterAll
    static void stop() throws Exception {
        if (vertx != null) {
            vertx.close().await(20, TimeUnit.SECONDS);
        }
    }

    static HttpResponse<String> upload(String type, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base)).header("Authorization", "Bearer " + OPERATOR)
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonArray stored(String month) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "?from=" + month + "&to=" + month))
                .header("Authorization", "Bearer " + OPERATOR).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body()).getJsonArray("reports");
    }

    static String product(JsonArray reports, String enterprise) {
        return reports.stream().map(JsonObject.class::cast).filter(o -> o.getString("enterprise").equals(enterprise)).findFirst()
                .orElseThrow().getJsonArray("products").getJsonObject(0).getString("product");
    }

    @Test
    void aGbkCsvAsChineseExcelSavesItIsStoredInChinese() throws Exception {
        byte[] gbk = (HEADER + "ent-xinyuan-cement,2026-07,52000000,熟料,125000,t\n").getBytes(Charset.forName("GB18030"));
        HttpResponse<String> r = upload("text/csv", gbk);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(product(stored("2026-07"), "ent-xinyuan-cement")).isEqualTo("熟料");
    }

    @Test
    void aUtf8CsvWithAByteOrderMarkKeepsItsFirstColumn() throws Exception {
        byte[] text = (HEADER + "ent-xinyuan-cement,2026-08,52000000,水泥,40000,t\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        HttpResponse<String> r = upload("text/csv", withBom);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(product(stored("2026-08"), "ent-xinyuan-cement")).isEqualTo("水泥");
    }

    @Test
    void aFileInNeitherEncodingIsRefusedNamingTheLineAndByteAndNothingIsStored() throws Exception {
        byte[] good = (HEADER + "ent-xinyuan-cement,2026-06,52000000,熟料,1,t\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 2];
        System.arraycopy(good, 0, bad, 0, good.length);
        bad[good.length] = (byte) 0xFF; // line 3, byte 1: neither UTF-8 nor GB18030
        bad[good.length + 1] = '\n';
        HttpResponse<String> r = upload("text/csv", bad);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonObject error = new JsonObject(r.body());
        assertThat(error.getString("field")).isEqualTo("body");
        assertThat(error.getString("error")).contains("neither UTF-8").contains("GB18030/GBK").contains("line 3, byte 1 (0xFF)");
        assertThat(error.getString("error_zh")).contains("第 3 行第 1 字节");
        assertThat(stored("2026-06")).isEmpty();
    }

    @Test
    void jsonInGbkIsRefusedRatherThanStoredAsReplacementCharacters() throws Exception {
        byte[] gbk = ("{\"enterprise\":\"ent-xinyuan-cement\",\"month\":\"2026-05\",\"output_value_cny\":1,"
                + "\"products\":[{\"product\":\"熟料\",\"quantity\":1,\"unit\":\"t\"}]}").getBytes(Charset.forName("GB18030"));
        HttpResponse<String> r = upload("application/json", gbk);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(new JsonObject(r.body()).getString("error")).startsWith("the body is not valid UTF-8: line 1, byte");
        assertThat(stored("2026-05")).isEmpty();
    }

    @Test
    void aFormulaProductNameIsStoredAsWritten() throws Exception {
        String name = "=HYPERLINK(\"http://evil.example\",\"熟料\")";
        byte[] csv = (HEADER + "ent-xinyuan-cement,2026-04,52000000,\"" + name.replace("\"", "\"\"") + "\",1,t\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = upload("text/csv; charset=utf-8", csv);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(product(stored("2026-04"), "ent-xinyuan-cement")).as("neutralised when a CSV is written, not when stored").isEqualTo(name);
    }
}
