package io.parkpulse.dashboard.data;

import static io.parkpulse.dashboard.data.DataApiFixture.A1;
import static io.parkpulse.dashboard.data.DataApiFixture.A2;
import static io.parkpulse.dashboard.data.DataApiFixture.B;
import static io.parkpulse.dashboard.data.DataApiFixture.DB;
import static io.parkpulse.dashboard.data.DataApiFixture.WATER_A;
import static io.parkpulse.dashboard.data.DataApiFixture.line;
import static io.parkpulse.dashboard.data.DataApiFixture.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.RealServicesTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data endpoints against a real InfluxDB holding hand-written points: exact series values, who may ask for what,
 * and parameters that try to become InfluxQL.
 */
@RealServicesTest
class DataApiIntegrationTest {

    static final String OPERATOR = "operator";
    static final String ALPHA = "enterprise:ent-alpha";
    static final String SERIES = "/parks/test-park/enterprises/ent-alpha/series";

    @TempDir
    static Path dir;
    static DataApiFixture api;

    @BeforeAll
    static void start(InfluxDb influx) throws Exception {
        api = DataApiFixture.start(influx, dir);
        // 2026-09-10 00:00–00:15 local: three power readings on E-A1 (mean 20), one on E-A2, E-B; the sub-meter and
        // the park incomer must not count
        long t = local("2026-09-10T00:00");
        influx.write(DB, String.join("\n",
                line("electricity", "E-A1", "ent-alpha", "power_kw=10", t),
                line("electricity", "E-A1", "ent-alpha", "power_kw=20", t + 300_000),
                line("electricity", "E-A1", "ent-alpha", "power_kw=30", t + 600_000),
                line("electricity", "E-A2", "ent-alpha", "power_kw=5", t),
                line("electricity", "E-A-SUB", "ent-alpha", "power_kw=1000", t),
                line("electricity", "E-PARK", null, "power_kw=99999", t),
                line("electricity", "E-B", "ent-beta", "power_kw=7", t),
                // yesterday 23:45 local: the load curve's day before
                line("electricity", "E-G", "ent-gamma", "power_kw=3", t - 900_000),
                // a glitch on E-B's register at 2026-09-20 03:00 local: a zero that the next reading does not continue
                line("electricity", "E-B", "ent-beta", "energy_kwh=0", local("2026-09-20T03:00"))));
    }

    @AfterAll
    static void stop() throws Exception {
        if (api != null) {
            api.close();
        }
    }

    static JsonObject ok(String path, String caller) throws Exception {
        HttpResponse<byte[]> r = api.get(path, caller);
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(r.statusCode()).as(path + " → " + body).isEqualTo(200);
        return new JsonObject(body);
    }

    static JsonObject refused(String path, String caller, int status) throws Exception {
        HttpResponse<byte[]> r = api.get(path, caller);
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(r.statusCode()).as(path + " → " + body).isEqualTo(status);
        return new JsonObject(body);
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static List<Object> values(JsonObject series) {
        return series.getJsonArray("points").stream().map(p -> ((JsonArray) p).getValue(1)).toList();
    }

    // ---- enterprises ---------------------------------------------------------------------------------------------

    @Test
    void operators_list_every_enterprise_and_an_enterprise_only_itself() throws Exception {
        JsonArray all = ok("/parks/test-park/enterprises", OPERATOR).getJsonArray("enterprises");
        assertThat(all).hasSize(3);
        assertThat(all.getJsonObject(0).encode()).isEqualTo(new JsonObject().put("id", "ent-alpha")
                .put("name", "阿尔法机械有限公司").put("industry", "C3484").put("land_mu", 50.0).encode());
        JsonArray own = ok("/parks/test-park/enterprises", ALPHA).getJsonArray("enterprises");
        assertThat(own).hasSize(1);
        assertThat(own.getJsonObject(0).getString("id")).isEqualTo("ent-alpha");
        assertThat(own.encode()).doesNotContain("贝塔").doesNotContain("ent-beta");
    }

    // ---- series values -------------------------------------------------------------------------------------------

    @Test
    void energy_per_hour_adds_the_main_meters_and_leaves_out_the_sub_meter() throws Exception {
        JsonObject s = ok(SERIES + "?quantity=energy_kwh&from=" + q("2026-09-10T00:00:00+08:00")
                + "&to=" + q("2026-09-10T06:00:00+08:00") + "&step=PT1H", OPERATOR);
        assertThat(s.getString("enterprise")).isEqualTo("ent-alpha");
        assertThat(s.getString("unit")).isEqualTo("kWh");
        assertThat(s.getString("step")).isEqualTo("PT1H");
        JsonArray points = s.getJsonArray("points");
        assertThat(points).hasSize(6);
        for (int h = 0; h < 6; h++) {
            assertThat(points.getJsonArray(h).getLong(0)).isEqualTo(local("2026-09-10T00:00") + h * 3_600_000L);
            assertThat(points.getJsonArray(h).getDouble(1)).isCloseTo(A1 + A2, within(1e-9));
        }
    }

    @Test
    void days_start_at_local_midnight_and_quarter_hours_split_an_hour() throws Exception {
        // from in UTC, mid-morning local: the steps start at the local midnight that holds it
        JsonObject days = ok(SERIES + "?quantity=energy_kwh&from=" + q("2026-09-01T02:00:00Z")
                + "&to=" + q("2026-09-02T16:00:00Z") + "&step=P1D", ALPHA);
        assertThat(days.getJsonArray("points")).hasSize(2);
        assertThat(days.getJsonArray("points").getJsonArray(0).getLong(0)).isEqualTo(local("2026-09-01T00:00"));
        values(days).forEach(v -> assertThat(((Number) v).doubleValue()).isCloseTo(24 * (A1 + A2), within(1e-9)));

        JsonObject quarters = ok(SERIES + "?quantity=energy_kwh&from=" + q("2026-09-10T00:00:00+08:00")
                + "&to=" + q("2026-09-10T01:00:00+08:00") + "&step=PT15M", OPERATOR);
        assertThat(values(quarters)).hasSize(4);
        values(quarters).forEach(v -> assertThat(((Number) v).doubleValue()).isCloseTo((A1 + A2) / 4, within(1e-9)));

        JsonObject water = ok(SERIES + "?quantity=volume_m3&from=" + q("2026-09-10T00:00:00+08:00")
                + "&to=" + q("2026-09-10T03:00:00+08:00") + "&step=PT1H", ALPHA);
        assertThat(water.getString("unit")).isEqualTo("m³");
        values(water).forEach(v -> assertThat(((Number) v).doubleValue()).isCloseTo(WATER_A, within(1e-9)));
    }

    @Test
    void a_register_glitch_follows_the_efficiency_engines_counter_rules() throws Exception {
        JsonObject s = ok("/parks/test-park/enterprises/ent-beta/series?quantity=energy_kwh&from="
                + q("2026-09-20T01:00:00+08:00") + "&to=" + q("2026-09-20T06:00:00+08:00") + "&step=PT1H", OPERATOR);
        // the zero at 03:00 is ignored: the two hours around it share the 02:00→04:00 rise; nothing is negative
        values(s).forEach(v -> assertThat(((Number) v).doubleValue()).isCloseTo(B, within(1e-9)));
    }

    @Test
    void power_is_the_mean_per_step_summed_over_the_main_meters() throws Exception {
        JsonObject s = ok(SERIES + "?quantity=power_kw&from=" + q("2026-09-10T00:00:00+08:00")
                + "&to=" + q("2026-09-10T00:30:00+08:00") + "&step=PT15M", ALPHA);
        assertThat(s.getString("unit")).isEqualTo("kW");
        assertThat(values(s)).hasSize(2);
        assertThat(((Number) values(s).get(0)).doubleValue()).isCloseTo(20 + 5, within(1e-9));
        assertThat(values(s).get(1)).as("no reading in the second quarter hour").isNull();
    }

    @Test
    void the_load_curve_adds_every_enterprises_main_meters_today_and_yesterday() throws Exception {
        JsonObject load = ok("/parks/test-park/load?day=2026-09-10", OPERATOR);
        assertThat(load.getString("day")).isEqualTo("2026-09-10");
        JsonArray today = load.getJsonArray("today");
        JsonArray yesterday = load.getJsonArray("yesterday");
        assertThat(today).hasSize(96);
        assertThat(yesterday).hasSize(96);
        assertThat(today.getJsonArray(0).getLong(0)).isEqualTo(local("2026-09-10T00:00"));
        assertThat(today.getJsonArray(0).getDouble(1)).isCloseTo(20 + 5 + 7, within(1e-9));
        assertThat(today.getJsonArray(1).getValue(1)).isNull();
        assertThat(yesterday.getJsonArray(0).getLong(0)).isEqualTo(local("2026-09-09T00:00"));
        assertThat(yesterday.getJsonArray(95).getLong(0)).isEqualTo(local("2026-09-09T23:45"));
        assertThat(yesterday.getJsonArray(95).getDouble(1)).isCloseTo(3, within(1e-9));
    }

    // ---- who may ask ---------------------------------------------------------------------------------------------

    @Test
    void an_enterprise_sees_only_its_own_series_and_not_the_park_load() throws Exception {
        String range = "?quantity=energy_kwh&from=" + q("2026-09-10T00:00:00+08:00") + "&to="
                + q("2026-09-10T06:00:00+08:00") + "&step=PT1H";
        refused("/parks/test-park/enterprises/ent-beta/series" + range, ALPHA, 403);
        // whether another id exists is not told either
        refused("/parks/test-park/enterprises/ent-nobody/series" + range, ALPHA, 403);
        JsonObject unknown = refused("/parks/test-park/enterprises/ent-nobody/series" + range, OPERATOR, 404);
        assertThat(unknown.getString("field")).isEqualTo("id");
        assertThat(refused("/parks/test-park/load?day=2026-09-10", ALPHA, 403).getString("error")).contains("operators");
        assertThat(ok("/parks/test-park/enterprises/ent-gamma/series" + range, OPERATOR).getJsonArray("points")).hasSize(6);
        refused("/parks/no-park/enterprises", OPERATOR, 403);
    }

    // ---- bad and hostile parameters ------------------------------------------------------------------------------

    @Test
    void wrong_parameters_are_refused_naming_the_parameter() throws Exception {
        String from = "&from=" + q("2026-09-10T00:00:00+08:00");
        String to = "&to=" + q("2026-09-10T06:00:00+08:00");
        assertField(SERIES + "?quantity=speed" + from + to + "&step=PT1H", "quantity", "is not one of [power_kw, energy_kwh, volume_m3]");
        assertField(SERIES + "?step=PT1H" + from + to, "quantity", "quantity is required");
        assertField(SERIES + "?quantity=power_kw" + from + to + "&step=PT5M", "step", "is not one of [PT15M, PT1H, P1D]");
        assertField(SERIES + "?quantity=power_kw&from=2026-09-10" + to + "&step=PT1H", "from", "not an ISO-8601 instant");
        assertField(SERIES + "?quantity=power_kw&from=" + q("2026-09-10T00:00:00") + to + "&step=PT1H", "from", "with an offset");
        assertField(SERIES + "?quantity=power_kw" + from + "&to=" + q("2026-09-09T00:00:00+08:00") + "&step=PT1H", "to", "must be after from");
        assertField(SERIES + "?quantity=power_kw&from=" + q("+999999-01-01T00:00:00Z") + to + "&step=PT1H", "from", "1970 to 9999");
        assertField(SERIES + "?quantity=power_kw&from=" + q("2026-01-01T00:00:00+08:00") + "&to="
                + q("2026-12-31T00:00:00+08:00") + "&step=PT15M", "to", "at most 5000 points");
        assertField("/parks/test-park/load?day=2026-02-30", "day", "is not a day");
        assertField("/parks/test-park/load", "day", "day is required");
    }

    @Test
    void injection_attempts_in_every_parameter_are_refused_before_any_query() throws Exception {
        List<String> hostile = List.of("power_kw' OR 1=1", "\"; DROP MEASUREMENT electricity", "power_kw\nDROP DATABASE parkpulse_data",
                "energy_kwh;DROP SERIES FROM electricity", "PT1H) fill(0); DROP MEASUREMENT electricity;--");
        String from = "&from=" + q("2026-09-10T00:00:00+08:00");
        String to = "&to=" + q("2026-09-10T06:00:00+08:00");
        for (String h : hostile) {
            assertField(SERIES + "?quantity=" + q(h) + from + to + "&step=PT1H", "quantity", "quantity");
            assertField(SERIES + "?quantity=power_kw&from=" + q("2026-09-10T00:00:00Z" + h) + to + "&step=PT1H", "from", "from");
            assertField(SERIES + "?quantity=power_kw" + from + "&to=" + q(h) + "&step=PT1H", "to", "to");
            assertField(SERIES + "?quantity=power_kw" + from + to + "&step=" + q(h), "step", "step");
            assertField("/parks/test-park/load?day=" + q("2026-09-10" + h), "day", "day");
            assertField("/parks/test-park/reports/monthly?format=csv&month=" + q("2026-09" + h), "month", "month");
            assertField("/parks/test-park/reports/monthly?month=2026-09&format=" + q(h), "format", "format");
            assertField("/parks/test-park/reports/monthly?month=2026-09&format=csv&lang=" + q(h), "lang", "lang");
            // an id is checked against the park file: unknown
            refused("/parks/test-park/enterprises/" + q(h).replace("+", "%20") + "/series?quantity=power_kw" + from + to
                    + "&step=PT1H", OPERATOR, 404);
        }
        // and the data is all still there
        assertThat(api.influx.count(DB, "SELECT count(energy_kwh) FROM electricity WHERE meter = 'E-A1'"))
                .isEqualTo(32 * 24 + 1);
    }

    static void assertField(String path, String field, String message) throws Exception {
        JsonObject error = refused(path, OPERATOR, 400);
        assertThat(error.getString("field")).as(path).isEqualTo(field);
        assertThat(error.getString("error")).as(path).contains(message);
    }
}
