package io.parkpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.dashboard.reports.UploadApi;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.RealServicesTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

    static final String HEADER = "enterprise,month,output_value_cny,product,quantity,unit\n";

    @TempDir
    static Path dir;
    static UploadApi api;

    @BeforeAll
    static void start(InfluxDb influx) throws Exception {
        api = new UploadApi(dir, influx, "parkpulse_upload_encoding");
    }

    @AfterAll
    static void stop() throws Exception {
        if (api != null) {
            api.close();
        }
    }

    static HttpResponse<String> upload(String type, byte[] body) throws Exception {
        return api.upload(type, body);
    }

    static JsonArray stored(String month) throws Exception {
        return api.stored(month, null);
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
