package io.parkpulse.dashboard.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.RealServicesTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Declared fuels and green electricity through the running API (issue 19): uploaded as JSON and CSV, a bad report in a
 * batch rejected naming its faults while the good ones beside it are stored, and the listing showing what was declared.
 */
@RealServicesTest
class OutputReportDeclarationsIntegrationTest {

    @TempDir
    static Path dir;
    static UploadApi api;

    @BeforeAll
    static void start(InfluxDb influx) throws Exception {
        api = new UploadApi(dir, influx, "parkpulse_upload_declarations");
    }

    @AfterAll
    static void stop() throws Exception {
        if (api != null) {
            api.close();
        }
    }

    static HttpResponse<String> upload(String type, String body) throws Exception {
        return api.upload(type, body);
    }

    static JsonObject stored(String enterprise, String month) throws Exception {
        JsonArray reports = api.stored(month, enterprise);
        return reports.isEmpty() ? null : reports.getJsonObject(0);
    }

    @Test
    void a_mixed_json_batch_stores_the_good_reports_with_their_declarations_and_names_the_faults_of_the_bad_one() throws Exception {
        HttpResponse<String> r = upload("application/json", """
                {"reports": [
                  {"enterprise": "ent-xinyuan-cement", "month": "2026-09", "output_value_cny": 52000000,
                   "fuels": {"diesel": 38000, "raw_coal": 0},
                   "green_electricity": [{"kind": "contract", "kwh": 1500000}, {"kind": "certificate", "kwh": 200000}]},
                  {"enterprise": "ent-dyeing-09", "month": "2026-09", "output_value_cny": 8000000,
                   "fuels": {"natural_gas": 90000, "raw_coal": -1},
                   "green_electricity": [{"kind": "wind", "kwh": 1}]},
                  {"enterprise": "ent-chemical-04", "month": "2026-09", "output_value_cny": 30000000}
                ]}
                """);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(207);
        JsonObject answer = new JsonObject(r.body());
        assertThat(answer.getInteger("accepted")).isEqualTo(2);
        JsonObject rejected = answer.getJsonArray("rejected").getJsonObject(0);
        assertThat(rejected.getString("where")).isEqualTo("reports[1]");
        assertThat(rejected.getString("enterprise")).isEqualTo("ent-dyeing-09");
        assertThat(rejected.getJsonArray("problems").getList()).hasSize(3)
                .anySatisfy(p -> assertThat(p).asString().startsWith("reports[1].fuels.natural_gas: natural_gas is metered"))
                .anySatisfy(p -> assertThat(p).isEqualTo("reports[1].fuels.raw_coal: must not be negative, got -1"))
                .anySatisfy(p -> assertThat(p).asString().startsWith("reports[1].green_electricity[0].kind: unknown kind text \"wind\""));

        JsonObject cement = stored("ent-xinyuan-cement", "2026-09");
        assertThat(cement.getJsonObject("fuels")).isEqualTo(new JsonObject().put("raw_coal", 0.0).put("diesel", 38000.0));
        assertThat(cement.getJsonArray("green_electricity")).isEqualTo(new JsonArray()
                .add(new JsonObject().put("kind", "contract").put("kwh", 1_500_000.0))
                .add(new JsonObject().put("kind", "certificate").put("kwh", 200_000.0)));
        JsonObject chemical = stored("ent-chemical-04", "2026-09");
        assertThat(chemical.getJsonObject("fuels")).isEmpty();
        assertThat(chemical.getJsonArray("green_electricity")).isEmpty();
        assertThat(stored("ent-dyeing-09", "2026-09")).as("the bad report is not stored").isNull();
    }

    @Test
    void a_csv_upload_declares_in_the_storage_columns_and_a_bad_line_does_not_drop_the_good_one() throws Exception {
        HttpResponse<String> r = upload("text/csv", """
                enterprise,month,output_value_cny,fuel_raw_coal_kg,fuel_lpg_kg,green_contract_kwh,green_certificate_kwh
                ent-dyeing-10,2026-08,8000000,"61,000",,,
                ent-dyeing-11,2026-08,8000000,abc,,,-3
                ent-food-40,2026-08,3000000,,1200,,50000
                """);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(207);
        JsonObject answer = new JsonObject(r.body());
        assertThat(answer.getInteger("accepted")).isEqualTo(2);
        assertThat(answer.getJsonArray("rejected").getJsonObject(0).getJsonArray("problems").getList()).containsExactly(
                "line 3.fuel_raw_coal_kg: must be a number of kg, got text \"abc\"", "line 3.green_certificate_kwh: must not be negative, got -3.0");
        assertThat(stored("ent-dyeing-10", "2026-08").getJsonObject("fuels")).isEqualTo(new JsonObject().put("raw_coal", 61_000.0));
        JsonObject food = stored("ent-food-40", "2026-08");
        assertThat(food.getJsonObject("fuels")).isEqualTo(new JsonObject().put("lpg", 1200.0));
        assertThat(food.getJsonArray("green_electricity")).isEqualTo(new JsonArray()
                .add(new JsonObject().put("kind", "certificate").put("kwh", 50_000.0)));
        assertThat(stored("ent-dyeing-11", "2026-08")).isNull();
    }
}
