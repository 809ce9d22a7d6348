package io.parkpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.TelemetryMessage;
import io.parkpulse.contract.Value;
import io.parkpulse.dashboard.auth.ApiTokens;
import io.parkpulse.dashboard.support.GatewaysOnBroker;
import io.parkpulse.ingest.support.RunningIngest;
import io.parkpulse.storage.InfluxConfig;
import io.parkpulse.testkit.Await;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.RealServicesTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's acceptance on real Mosquitto and InfluxDB: a small park's meters publish a reading every local midnight
 * from the start of last year through this year's September through the broker, ingest stores them, the enterprises
 * upload their output reports (the steel works declares diesel, the chip maker green electricity under contract and
 * certificates), and the targets page and the carbon pages answer — every figure equal to a recomputation written here
 * from the raw inputs and the published factors (East China grid 2023 0.5500 kgCO₂/kWh, GB/T 32150 defaults, GB/T 2589
 * coefficients), not from the engine. The daily rule raises budget_at_risk for the steel works over its budget and
 * judges nothing for the food maker whose September report is missing; then the report arrives and the park's figures
 * are complete.
 *
 * <p>The dashboard's clock is 2026-10-15 in Asia/Shanghai (before 06:00 first, so the daily rules wait for the data):
 * the year is 2026, through 2026-09.
 */
@RealServicesTest
class CarbonTargetsIntegrationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String DB = "parkpulse_carbon";
    static final String PARK = "carbon-park";
    static final String OPERATOR = "operator-token-carbon-0123456789";
    static final String CHIP_TOKEN = "enterprise-token-chip-0123456789";
    static final int YEAR = 2026;
    static final YearMonth THROUGH = YearMonth.of(2026, 9);
    static final List<String> ENTERPRISES = List.of("ent-steel", "ent-chip", "ent-food");

    // the published factors, written out here (not read from the engine's tables)
    static final double EAST_CHINA_2023 = 0.5500; // kgCO2/kWh, MEE/NBS 2023 announcement
    static final double GAS_T_PER_M3 = 0.038931 * 0.0153 * 0.99 * 44 / 12; // GB/T 32150: ncv GJ/m3 × C t/GJ × oxidation
    static final double DIESEL_T_PER_KG = 0.042652 * 0.0202 * 0.98 * 44 / 12;
    static final double KGCE_KWH = 0.1229;
    static final double KGCE_M3 = 1.2143;
    static final double KGCE_DIESEL = 1.4571;
    static final double DIESEL_KG = 2_000;
    static final double CONTRACT_KWH = 150_000;
    static final double CERTIFICATE_KWH = 60_000;
    static final double BUDGET_MARGIN = 0.05;
    static final double BASE_ENERGY = 0.35;
    static final double BASE_CO2 = 0.7;

    @TempDir
    static Path dir;
    static RunningIngest ingest;
    static Vertx vertx;
    static String base;
    static MovableClock clock;
    static final HttpClient http = HttpClient.newHttpClient();
    /** Enterprise → month → the month's inputs as written to the broker and uploaded. */
    static final Map<String, Map<YearMonth, Inputs>> inputs = new LinkedHashMap<>();
    static Budgets budgets;
    static JsonArray steelAlarms;
    static List<String> alarmsAfterDaily;

    record Inputs(double kwh, double gasM3, double dieselKg, double contractKwh, double certificateKwh, double valueAdded10k) {
        double tce() {
            return (kwh * KGCE_KWH + gasM3 * KGCE_M3 + dieselKg * KGCE_DIESEL) / 1000;
        }

        double co2Electricity() {
            return (kwh - Math.min(contractKwh, kwh)) * EAST_CHINA_2023 / 1000; // the policy deducts contracts only
        }

        double co2() {
            return co2Electricity() + gasM3 * GAS_T_PER_M3 + dieselKg * DIESEL_T_PER_KG;
        }
    }

    record Budgets(double steelCo2, double foodCo2, double parkCo2, double parkEnergy) {
    }

    @BeforeAll
    static void start(MqttBroker broker, InfluxDb influx) throws Exception {
        Map<String, Map<LocalDate, double[]>> daily = dailyUse();
        budgets = budgets();
        Path parks = Files.createDirectories(dir.resolve("parks"));
        Files.writeString(parks.resolve(PARK + ".yaml"), parkFile(budgets));
        influx.createDatabase(DB);
        ingest = RunningIngest.start(RunningIngest.environment(broker.url(), influx.url(), parks, "ingest-carbon-test",
                Map.of("PARKPULSE_INFLUX_DATABASE", DB, "PARKPULSE_MAX_READING_AGE", "P1500D")));

        // one cumulative reading per meter every local midnight, 100 readings a message
        GatewaysOnBroker gateways = new GatewaysOnBroker(broker.url(), PARK, List.of("gw-1"));
        int messages = 0;
        try {
            Map<String, double[]> registers = new LinkedHashMap<>();
            List<Reading> batch = new ArrayList<>();
            LocalDate first = LocalDate.of(YEAR - 1, 1, 1).minusDays(1);
            LocalDate last = THROUGH.plusMonths(1).atDay(2);
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                long t = d.atStartOfDay(SHANGHAI).toInstant().toEpochMilli();
                for (String e : ENTERPRISES) {
                    double[] reg = registers.computeIfAbsent(e, k -> new double[] {100_000, 50_000});
                    batch.add(new Reading(meter(e), t, List.of(Value.of(Quantity.ENERGY_KWH, reg[0]))));
                    if (e.equals("ent-steel")) {
                        batch.add(new Reading("G-STEEL", t, List.of(Value.of(Quantity.GAS_M3, reg[1]))));
                    }
                    double[] use = daily.get(e).getOrDefault(d, new double[2]);
                    reg[0] += use[0];
                    reg[1] += use[1];
                }
                if (batch.size() >= 100) {
                    gateways.publish("gw-1", new TelemetryMessage(messages++, batch));
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) {
                gateways.publish("gw-1", new TelemetryMessage(messages++, batch));
            }
        } finally {
            gateways.disconnect();
        }
        int sent = messages;
        Await.until(Duration.ofSeconds(30), () -> ingest.counter("parkpulse.ingest.messages", "outcome", "stored") >= sent,
                () -> "ingest stored " + ingest.counter("parkpulse.ingest.messages", "outcome", "stored") + " of " + sent);

        Path tokens = dir.resolve("tokens.yaml");
        Files.writeString(tokens, "tokens:\n"
                + "  - {name: control-room, sha256: " + ApiTokens.sha256(OPERATOR) + ", role: operator, park: " + PARK + "}\n"
                + "  - {name: chip-maker, sha256: " + ApiTokens.sha256(CHIP_TOKEN) + ", role: enterprise, park: " + PARK
                + ", enterprise: ent-chip}\n");
        clock = new MovableClock(LocalDateTime.of(2026, 10, 15, 5, 0).atZone(SHANGHAI).toInstant(), SHANGHAI);
        DashboardConfig config = new DashboardConfig(parks, Duration.ofSeconds(1), tokens, InfluxConfig.of(influx.url(), DB),
                "127.0.0.1", 0, Duration.ofSeconds(30), 40_000_000L, 1_000, null, null, Duration.ofHours(1), null,
                Duration.ofMillis(200));
        vertx = Vertx.vertx();
        DashboardVerticle verticle = new DashboardVerticle(config, clock);
        vertx.deployVerticle(verticle).await(60, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + verticle.port() + "/api/v1/parks/" + PARK;

        // every report but the food maker's of this September
        upload(reports(r -> !(r.getString("enterprise").equals("ent-food") && r.getString("month").equals(THROUGH.toString()))));

        // 07:00: the daily rules' turn comes on the next tick
        clock.set(LocalDateTime.of(2026, 10, 15, 7, 0).atZone(SHANGHAI).toInstant());
        Await.until(Duration.ofSeconds(20), () -> !alarms("steel-co2-budget").isEmpty(), () -> "no steel-co2-budget alarm");
        alarmsAfterDaily = get("/alarms").getJsonArray("alarms").stream()
                .map(a -> ((JsonObject) a).getString("rule") + ":" + ((JsonObject) a).getJsonObject("subject").getString("id")).toList();
        steelAlarms = alarms("steel-co2-budget");

        // the food maker's September report arrives: the park's year is complete
        upload(reports(r -> r.getString("enterprise").equals("ent-food") && r.getString("month").equals(THROUGH.toString())));
    }

    @AfterAll
    static void stop() throws Exception {
        if (vertx != null) {
            vertx.close().await(20, TimeUnit.SECONDS);
        }
        if (ingest != null) {
            ingest.close();
        }
    }

    // ---- the data -------------------------------------------------------------------------------------------------

    static String meter(String enterprise) {
        return switch (enterprise) {
            case "ent-steel" -> "E-STEEL";
            case "ent-chip" -> "E-CHIP";
            default -> "E-FOOD";
        };
    }

    /**
     * Each enterprise's daily electricity (kWh) and gas (m³) over last year and this year through September: a base
     * load, a summer-peaking season, a small month-to-month wobble, and this year's growth (steel +15 %).
     */
    static Map<String, Map<LocalDate, double[]>> dailyUse() {
        Map<String, Map<LocalDate, double[]>> use = new LinkedHashMap<>();
        double[][] bases = {{40_000, 3_000}, {25_000, 0}, {8_000, 0}};
        double[] growth = {1.15, 1.05, 0.98};
        double[] valueAdded = {600, 1_200, 300}; // 10^4 CNY a month
        for (int i = 0; i < ENTERPRISES.size(); i++) {
            String e = ENTERPRISES.get(i);
            Map<LocalDate, double[]> days = new LinkedHashMap<>();
            Map<YearMonth, Inputs> months = new LinkedHashMap<>();
            for (YearMonth m = YearMonth.of(YEAR - 1, 1); !m.isAfter(THROUGH); m = m.plusMonths(1)) {
                double season = 1 + 0.3 * Math.cos(2 * Math.PI * (m.getMonthValue() - 7) / 12.0);
                double wobble = 1 + 0.02 * (((m.getMonthValue() * 7 + i + m.getYear()) % 5) - 2);
                double g = m.getYear() == YEAR ? growth[i] : 1;
                double kwhDay = bases[i][0] * season * wobble * g;
                double gasDay = bases[i][1] * season * wobble * g;
                for (int d = 1; d <= m.lengthOfMonth(); d++) {
                    days.put(m.atDay(d), new double[] {kwhDay, gasDay});
                }
                int n = m.lengthOfMonth();
                boolean steel = e.equals("ent-steel");
                boolean chip = e.equals("ent-chip");
                months.put(m, new Inputs(kwhDay * n, gasDay * n, steel ? DIESEL_KG : 0, chip ? CONTRACT_KWH : 0,
                        chip ? CERTIFICATE_KWH : 0, valueAdded[i] * (m.getYear() == YEAR && chip ? 1.1 : 1)));
            }
            use.put(e, days);
            inputs.put(e, months);
        }
        return use;
    }

    /** Budgets set around the recomputed forecasts: the steel works 15 % under its forecast CO₂, the food maker well above. */
    static Budgets budgets() {
        double steel = forecast(series("ent-steel", true, YEAR), series("ent-steel", true, YEAR - 1))[0];
        double food = forecast(series("ent-food", true, YEAR), series("ent-food", true, YEAR - 1))[0];
        double parkCo2 = 0;
        double parkEnergy = 0;
        for (String e : ENTERPRISES) {
            parkCo2 += forecast(series(e, true, YEAR), series(e, true, YEAR - 1))[0];
            parkEnergy += forecast(series(e, false, YEAR), series(e, false, YEAR - 1))[0];
        }
        return new Budgets(Math.round(steel * 0.85), Math.round(food * 1.5), Math.round(parkCo2 * 1.02), Math.round(parkEnergy * 0.95));
    }

    static String parkFile(Budgets b) {
        return """
                schema_version: 1
                park: {id: carbon-park, name: 碳核算测试园区, time_zone: Asia/Shanghai}
                enterprises:
                  - {id: ent-steel, name: 华东钢铁, industry: C3120, land_mu: 80}
                  - {id: ent-chip, name: 芯源微电子, industry: C3973, land_mu: 40}
                  - {id: ent-food, name: 绿园食品, industry: C1431, land_mu: 20}
                gateways:
                  - {id: gw-1}
                meters:
                  - {id: E-STEEL, kind: electricity, enterprise: ent-steel, gateway: gw-1, reading_interval: P1D}
                  - {id: G-STEEL, kind: gas, enterprise: ent-steel, gateway: gw-1, reading_interval: P1D}
                  - {id: E-CHIP, kind: electricity, enterprise: ent-chip, gateway: gw-1, reading_interval: P1D}
                  - {id: E-FOOD, kind: electricity, enterprise: ent-food, gateway: gw-1, reading_interval: P1D}
                policy:
                  version: carbon-test-1
                  carbon:
                    grid_factor: {scope: regional, area: east_china}
                    green_electricity: contracts
                    targets:
                      plan: "十五五 (2026–2030)"
                      base_year: 2025
                      final_year: 2030
                      base: {energy_per_value_added: %s, co2_per_value_added: %s}
                      reduction: {energy_per_value_added: 0.135, co2_per_value_added: 0.18}
                    budgets:
                      2026:
                        park: {energy_tce: %s, co2_t: %s}
                        enterprises:
                          ent-steel: {co2_t: %s}
                          ent-food: {co2_t: %s}
                    alarm_margins: {budget: %s, intensity: 0.0}
                    two_high:
                      industries: [C31]
                  alarms:
                    - {id: steel-co2-budget, kind: budget_at_risk, enterprise: ent-steel, quantity: co2}
                    - {id: food-co2-budget, kind: budget_at_risk, enterprise: ent-food, quantity: co2}
                    - {id: park-co2-budget, kind: budget_at_risk, quantity: co2}
                """.formatted(BASE_ENERGY, BASE_CO2, (long) b.parkEnergy(), (long) b.parkCo2(), (long) b.steelCo2(),
                (long) b.foodCo2(), BUDGET_MARGIN);
    }

    static JsonArray reports(java.util.function.Predicate<JsonObject> which) {
        JsonArray list = new JsonArray();
        inputs.forEach((e, months) -> months.forEach((m, in) -> {
            JsonObject r = new JsonObject().put("enterprise", e).put("month", m.toString())
                    .put("output_value_cny", in.valueAdded10k() * 4 * 10_000).put("value_added_cny", in.valueAdded10k() * 10_000);
            if (in.dieselKg() > 0) {
                r.put("fuels", new JsonObject().put("diesel", in.dieselKg()));
            }
            if (in.contractKwh() > 0) {
                r.put("green_electricity", new JsonArray().add(new JsonObject().put("kind", "contract").put("kwh", in.contractKwh()))
                        .add(new JsonObject().put("kind", "certificate").put("kwh", in.certificateKwh())));
            }
            if (which.test(r)) {
                list.add(r);
            }
        }));
        return list;
    }

    static void upload(JsonArray reports) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/output-reports"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(reports.encode())), OPERATOR);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(new JsonObject(r.body()).getJsonArray("rejected", new JsonArray())).as(r.body()).isEmpty();
    }

    // ---- the recomputation ----------------------------------------------------------------------------------------

    /** An enterprise's months of {@code year} (through September this year): CO₂ (t) or energy (tce). */
    static List<Double> series(String e, boolean co2, int year) {
        List<Double> s = new ArrayList<>();
        inputs.get(e).forEach((m, in) -> {
            if (m.getYear() == year) {
                s.add(co2 ? in.co2() : in.tce());
            }
        });
        return s;
    }

    static List<Double> sum(List<List<Double>> all) {
        List<Double> s = new ArrayList<>();
        for (int i = 0; i < all.get(0).size(); i++) {
            double v = 0;
            for (List<Double> one : all) {
                v += one.get(i);
            }
            s.add(v);
        }
        return s;
    }

    /**
     * The documented seasonal-ratio forecast (docs/efficiency.md): r = Σx ÷ Σp₁…p_m, F = Σx + r × Σp_{m+1}…p₁₂;
     * s = the monthly ratios' sample deviation, at least 2 % of r; σ² = s² (Σ_rest p² + (Σ_rest p)² Σ_ytd p² ÷ (Σ_ytd p)²);
     * band ± 2σ. Returns {value, low, high}.
     */
    static double[] forecast(List<Double> x, List<Double> p) {
        int m = x.size();
        double sx = 0;
        double sp = 0;
        double sp2 = 0;
        double rest = 0;
        double rest2 = 0;
        for (int i = 0; i < 12; i++) {
            if (i < m) {
                sx += x.get(i);
                sp += p.get(i);
                sp2 += p.get(i) * p.get(i);
            } else {
                rest += p.get(i);
                rest2 += p.get(i) * p.get(i);
            }
        }
        double r = sx / sp;
        double mean = 0;
        for (int i = 0; i < m; i++) {
            mean += x.get(i) / p.get(i) / m;
        }
        double squares = 0;
        for (int i = 0; i < m; i++) {
            squares += Math.pow(x.get(i) / p.get(i) - mean, 2);
        }
        double s = Math.max(Math.sqrt(squares / (m - 1)), 0.02 * r);
        double value = sx + r * rest;
        double sigma = s * Math.sqrt(rest2 + rest * rest * sp2 / (sp * sp));
        return new double[] {value, value - 2 * sigma, value + 2 * sigma};
    }

    static double total(List<Double> v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v.get(i);
        }
        return s;
    }

    // ---- the tests ------------------------------------------------------------------------------------------------

    @Test
    void the_targets_page_equals_the_recomputation_from_the_raw_inputs() throws Exception {
        JsonObject t = get("/targets?year=2026");
        assertThat(t.getInteger("year")).isEqualTo(YEAR);
        assertThat(t.getString("through")).isEqualTo("2026-09");
        assertThat(t.getString("time_zone")).isEqualTo("Asia/Shanghai");
        assertThat(t.getString("policy_version")).isEqualTo("carbon-test-1");
        JsonObject grid = t.getJsonObject("basis").getJsonObject("grid_factor");
        assertThat(grid.getString("scope")).isEqualTo("regional");
        assertThat(grid.getString("area")).isEqualTo("east_china");
        assertThat(grid.getDouble("kg_co2_per_kwh")).isEqualTo(EAST_CHINA_2023);
        assertThat(grid.getInteger("year_used")).isEqualTo(2023);
        assertThat(grid.getBoolean("from_earlier_year")).isTrue();
        assertThat(grid.getString("source")).contains("2023");
        assertThat(t.getJsonObject("basis").getString("green_electricity")).isEqualTo("contracts");
        assertThat(codes(t.getJsonObject("basis").getJsonArray("notes"))).contains("grid_factor_from_earlier_year");

        int m = THROUGH.getMonthValue();
        List<List<Double>> co2Now = new ArrayList<>();
        List<List<Double>> co2Before = new ArrayList<>();
        List<List<Double>> energyNow = new ArrayList<>();
        List<List<Double>> energyBefore = new ArrayList<>();
        Map<String, Double> co2Forecasts = new LinkedHashMap<>();
        Map<String, JsonObject> lines = new LinkedHashMap<>();
        t.getJsonArray("enterprises").forEach(o -> lines.put(((JsonObject) o).getString("enterprise"), (JsonObject) o));
        assertThat(lines.keySet()).containsExactlyElementsOf(ENTERPRISES);
        for (String e : ENTERPRISES) {
            co2Now.add(series(e, true, YEAR));
            co2Before.add(series(e, true, YEAR - 1));
            energyNow.add(series(e, false, YEAR));
            energyBefore.add(series(e, false, YEAR - 1));
            double[] f = forecast(series(e, true, YEAR), series(e, true, YEAR - 1));
            co2Forecasts.put(e, f[0]);
            JsonObject co2 = lines.get(e).getJsonObject("co2");
            assertThat(co2.getString("unit")).isEqualTo("t");
            close(co2.getDouble("ytd"), total(series(e, true, YEAR), 0, m), e + " co2 ytd");
            close(co2.getJsonObject("forecast").getDouble("value"), f[0], e + " co2 forecast");
            close(co2.getJsonObject("forecast").getDouble("low"), f[1], e + " co2 band low");
            close(co2.getJsonObject("forecast").getDouble("high"), f[2], e + " co2 band high");
            assertThat(co2.getJsonObject("forecast").getString("method")).isEqualTo("seasonal_ratio");
            JsonObject energy = lines.get(e).getJsonObject("energy");
            close(energy.getDouble("ytd"), total(series(e, false, YEAR), 0, m), e + " energy ytd");
            close(energy.getJsonObject("forecast").getDouble("value"),
                    forecast(series(e, false, YEAR), series(e, false, YEAR - 1))[0], e + " energy forecast");
            assertThat(energy.getString("verdict")).as("no enterprise energy budget").isEqualTo("unknown");
            assertThat(codes(energy.getJsonObject("data_state").getJsonArray("reasons"))).contains("no_budget");
            assertThat(lines.get(e).getJsonObject("data_state").getString("state")).isEqualTo("complete");
        }
        // the steel works: its own budget, spread by last year's months; over it with the margin
        JsonObject steel = lines.get("ent-steel").getJsonObject("co2");
        List<Double> steelBefore = series("ent-steel", true, YEAR - 1);
        close(steel.getDouble("budget"), budgets.steelCo2(), "steel budget");
        close(steel.getDouble("budget_ytd"), budgets.steelCo2() * total(steelBefore, 0, m) / total(steelBefore, 0, 12), "steel budget ytd");
        close(steel.getDouble("gap"), co2Forecasts.get("ent-steel") - budgets.steelCo2(), "steel gap");
        double[] sf = forecast(series("ent-steel", true, YEAR), steelBefore);
        String verdict = sf[1] > budgets.steelCo2() * (1 + BUDGET_MARGIN) ? "off_track" : "at_risk";
        assertThat(steel.getString("verdict")).isEqualTo(verdict);
        assertThat(lines.get("ent-food").getJsonObject("co2").getString("verdict")).isEqualTo("on_track");
        assertThat(lines.get("ent-steel").getBoolean("two_high")).isTrue();
        assertThat(lines.get("ent-steel").getJsonArray("two_high_reasons").getJsonObject(0).getString("code")).isEqualTo("industry");
        assertThat(lines.get("ent-chip").getBoolean("two_high")).isFalse();

        // the park: sums, Σ forecasts with the band of its own series, the budget profile of last year's park months
        JsonObject park = t.getJsonObject("park_progress");
        List<Double> parkNow = sum(co2Now);
        List<Double> parkBefore = sum(co2Before);
        JsonObject co2 = park.getJsonObject("co2");
        double parkForecast = co2Forecasts.values().stream().mapToDouble(Double::doubleValue).sum();
        double[] own = forecast(parkNow, parkBefore);
        close(co2.getDouble("ytd"), total(parkNow, 0, m), "park co2 ytd");
        close(co2.getJsonObject("forecast").getDouble("value"), parkForecast, "park co2 forecast");
        close(co2.getJsonObject("forecast").getDouble("low"), parkForecast - (own[0] - own[1]), "park co2 band low");
        close(co2.getJsonObject("forecast").getDouble("high"), parkForecast + (own[2] - own[0]), "park co2 band high");
        close(co2.getDouble("budget_ytd"), budgets.parkCo2() * total(parkBefore, 0, m) / total(parkBefore, 0, 12), "park budget ytd");
        close(co2.getDouble("gap"), parkForecast - budgets.parkCo2(), "park co2 gap");
        JsonObject energy = park.getJsonObject("energy");
        double energyForecast = 0;
        for (String e : ENTERPRISES) {
            energyForecast += forecast(series(e, false, YEAR), series(e, false, YEAR - 1))[0];
        }
        close(energy.getJsonObject("forecast").getDouble("value"), energyForecast, "park energy forecast");
        String energyVerdict = energyForecast > budgets.parkEnergy() * (1 + BUDGET_MARGIN) ? "at_risk" : "on_track";
        if (!energy.getString("verdict").equals("off_track")) {
            assertThat(energy.getString("verdict")).isEqualTo(energyVerdict);
        }

        JsonArray months = park.getJsonArray("months");
        assertThat(months).hasSize(12);
        double cumulative = 0;
        double before = total(parkBefore, 0, 12);
        double profile = 0;
        for (int i = 0; i < 12; i++) {
            JsonObject month = months.getJsonObject(i);
            assertThat(month.getString("month")).isEqualTo(YearMonth.of(YEAR, i + 1).toString());
            profile += parkBefore.get(i);
            close(month.getDouble("budget_cumulative_co2_t"), budgets.parkCo2() * profile / before, "budget profile " + month);
            if (i < m) {
                cumulative += parkNow.get(i);
                close(month.getDouble("co2_t"), parkNow.get(i), "park co2 " + month);
                close(month.getDouble("cumulative_co2_t"), cumulative, "park cumulative co2 " + month);
            } else {
                assertThat(month.getValue("co2_t")).isNull();
            }
        }

        // intensity against the milestone base × (1 − R)^(1/5)
        double va = 0;
        double e = total(sum(energyNow), 0, m);
        for (String id : ENTERPRISES) {
            va += inputs.get(id).entrySet().stream().filter(x -> x.getKey().getYear() == YEAR).mapToDouble(x -> x.getValue().valueAdded10k()).sum();
        }
        double co2Milestone = BASE_CO2 * Math.pow(1 - 0.18, 1 / 5.0);
        JsonObject co2Intensity = park.getJsonObject("intensity").getJsonObject("co2_per_value_added");
        close(co2Intensity.getDouble("ytd"), total(parkNow, 0, m) / va, "park co2 per value added");
        close(co2Intensity.getDouble("milestone"), co2Milestone, "co2 milestone");
        assertThat(co2Intensity.getString("unit")).isEqualTo("tCO2/10^4 CNY");
        close(park.getJsonObject("intensity").getJsonObject("energy_per_value_added").getDouble("ytd"), e / va, "park energy per va");
        close(t.getJsonObject("targets").getJsonObject("milestone").getDouble("energy_per_value_added"),
                BASE_ENERGY * Math.pow(1 - 0.135, 1 / 5.0), "energy milestone");

        // contributions: forecast − own budget (the chip maker: the rest of the park's budget), adding up to the park's gap
        JsonArray contributors = t.getJsonObject("contributors").getJsonArray("co2");
        Map<String, Double> budgetsOf = Map.of("ent-steel", budgets.steelCo2(), "ent-food", budgets.foodCo2(),
                "ent-chip", budgets.parkCo2() - budgets.steelCo2() - budgets.foodCo2());
        double gaps = 0;
        double shares = 0;
        for (Object o : contributors) {
            JsonObject c = (JsonObject) o;
            String id = c.getString("enterprise");
            close(c.getDouble("gap"), co2Forecasts.get(id) - budgetsOf.get(id), "contribution of " + id);
            gaps += c.getDouble("gap");
            shares += c.getDouble("share");
        }
        assertThat(contributors).hasSize(3);
        assertThat(contributors.getJsonObject(0).getString("enterprise")).isEqualTo("ent-steel");
        close(gaps, parkForecast - budgets.parkCo2(), "Σ contributions = the park's gap");
        assertThat(shares).isCloseTo(1.0, within(1e-9));
        // intensity contributions: (E_e − I* V_e) ÷ V add up to I − I*
        double intensityGaps = 0;
        for (Object o : t.getJsonObject("contributors").getJsonArray("co2_per_value_added")) {
            intensityGaps += ((JsonObject) o).getDouble("gap");
        }
        close(intensityGaps, total(parkNow, 0, m) / va - co2Milestone, "Σ intensity contributions");
    }

    @Test
    void an_enterprise_carbon_page_equals_the_recomputation_and_only_its_own_is_open_to_it() throws Exception {
        JsonObject c = get("/enterprises/ent-chip/carbon?year=2026", CHIP_TOKEN);
        assertThat(c.getString("enterprise")).isEqualTo("ent-chip");
        assertThat(c.getString("name")).isEqualTo("芯源微电子");
        assertThat(c.getString("industry")).isEqualTo("C3973");
        JsonArray months = c.getJsonArray("months");
        assertThat(months).hasSize(THROUGH.getMonthValue());
        for (int i = 0; i < months.size(); i++) {
            JsonObject month = months.getJsonObject(i);
            Inputs in = inputs.get("ent-chip").get(YearMonth.parse(month.getString("month")));
            close(month.getDouble("co2_t"), in.co2(), "chip co2 " + month.getString("month"));
            close(month.getJsonObject("co2_by_carrier").getDouble("electricity"), in.co2Electricity(), "chip electricity co2");
            close(month.getDouble("energy_tce"), in.tce(), "chip tce");
            close(month.getDouble("value_added"), in.valueAdded10k(), "chip value added");
            assertThat(month.getDouble("green_kwh_declared")).isEqualTo(CONTRACT_KWH + CERTIFICATE_KWH);
            assertThat(month.getDouble("green_kwh_applied")).isEqualTo(CONTRACT_KWH);
        }
        assertThat(codes(c.getJsonObject("basis").getJsonArray("notes"))).contains("green_not_deducted");
        double[] f = forecast(series("ent-chip", true, YEAR), series("ent-chip", true, YEAR - 1));
        close(c.getJsonObject("co2").getJsonObject("forecast").getDouble("value"), f[0], "chip forecast");
        JsonObject intensity = c.getJsonObject("intensity").getJsonObject("co2_per_value_added");
        double va = inputs.get("ent-chip").entrySet().stream().filter(x -> x.getKey().getYear() == YEAR)
                .mapToDouble(x -> x.getValue().valueAdded10k()).sum();
        close(intensity.getDouble("value"), total(series("ent-chip", true, YEAR), 0, THROUGH.getMonthValue()) / va, "chip co2/va");
        assertThat(intensity.getJsonObject("peers").getInteger("count")).isEqualTo(1);
        assertThat(intensity.getJsonObject("standing").getInteger("rank")).isEqualTo(1);

        // the steel works' fuels: gas metered, diesel declared
        JsonObject steel = get("/enterprises/ent-steel/carbon?year=2026");
        JsonObject march = steel.getJsonArray("months").getJsonObject(2);
        Inputs in = inputs.get("ent-steel").get(YearMonth.of(YEAR, 3));
        close(march.getJsonObject("co2_by_carrier").getDouble("diesel"), DIESEL_KG * DIESEL_T_PER_KG, "diesel co2");
        close(march.getJsonObject("co2_by_carrier").getDouble("natural_gas"), in.gasM3() * GAS_T_PER_M3, "gas co2");
        close(march.getDouble("energy_tce"), in.tce(), "steel tce");

        assertThat(status("/enterprises/ent-steel/carbon?year=2026", CHIP_TOKEN)).isEqualTo(403);
        assertThat(status("/targets?year=2026", CHIP_TOKEN)).isEqualTo(403);
        assertThat(status("/enterprises/ent-nobody/carbon")).isEqualTo(404);
        HttpResponse<String> bad = send(HttpRequest.newBuilder(URI.create(base + "/targets?year=twenty")).GET(), OPERATOR);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(bad.body()).getString("field")).isEqualTo("year");
        HttpResponse<String> future = send(HttpRequest.newBuilder(URI.create(base + "/targets?year=2027")).GET(), OPERATOR);
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(future.body()).getString("error")).contains("future");
    }

    @Test
    void the_daily_rule_raises_for_the_enterprise_over_budget_and_not_for_one_with_a_month_missing() {
        assertThat(steelAlarms).hasSize(1);
        JsonObject a = steelAlarms.getJsonObject(0);
        double[] f = forecast(series("ent-steel", true, YEAR), series("ent-steel", true, YEAR - 1));
        assertThat(a.getString("kind")).isEqualTo("budget_at_risk");
        assertThat(a.getJsonObject("subject").getString("kind")).isEqualTo("enterprise");
        close(a.getDouble("value"), f[0], "alarm value = forecast");
        close(a.getDouble("threshold"), budgets.steelCo2() * (1 + BUDGET_MARGIN), "alarm threshold = budget × (1 + margin)");
        assertThat(a.getString("unit")).isEqualTo("t");
        assertThat(a.getJsonObject("detail_message").getString("code")).isEqualTo("budget_forecast_enterprise");
        // the food maker's September report was missing, so the park's total too: judged on nothing, raised for no one
        assertThat(alarmsAfterDaily).containsExactly("steel-co2-budget:ent-steel");
    }

    @Test
    void the_carbon_report_says_its_basis_and_the_same_figures() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/reports/carbon?period=2026&format=csv&lang=en")).GET(), OPERATOR);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<org.apache.commons.csv.CSVRecord> records = org.apache.commons.csv.CSVFormat.RFC4180
                .parse(new java.io.StringReader(r.body().substring(1))).getRecords();
        Map<String, String> basis = new LinkedHashMap<>();
        int table = 0;
        while (records.get(table).size() == 2) {
            basis.put(records.get(table).get(0), records.get(table).get(1));
            table++;
        }
        assertThat(basis.get("Grid emission factor")).contains("0.55 kgCO₂/kWh", "East China", "factor of 2023",
                "none published for 2026");
        assertThat(basis.get("Factor source")).contains("2023");
        assertThat(basis.get("Green electricity rule")).isEqualTo("green electricity contracts deducted");
        assertThat(basis.get("Policy version")).isEqualTo("carbon-test-1");
        assertThat(basis.get("Time zone")).isEqualTo("Asia/Shanghai");
        assertThat(basis.get("Period")).isEqualTo("2026 (2026-01 – 2026-09)");
        while (records.get(table).size() < 3) {
            table++;
        }
        List<String> titles = records.get(table).toList();
        org.apache.commons.csv.CSVRecord steel = records.stream().filter(x -> x.get(0).equals("ent-steel")).findFirst().orElseThrow();
        double co2 = Double.parseDouble(steel.get(titles.indexOf("CO2 (tCO₂)")));
        assertThat(co2).isCloseTo(total(series("ent-steel", true, YEAR), 0, 9), within(0.0006));
        assertThat(steel.get(titles.indexOf("CO2 budget of the year (tCO₂)"))).isEqualTo(Long.toString((long) budgets.steelCo2()));
        assertThat(steel.get(titles.indexOf("Two-high"))).isEqualTo("yes");
        assertThat(records.stream().anyMatch(x -> x.get(0).equals("Park total"))).isTrue();

        HttpResponse<String> month = send(HttpRequest.newBuilder(URI.create(base + "/reports/carbon?period=2026-03&format=csv")).GET(), OPERATOR);
        assertThat(month.statusCode()).isEqualTo(200);
        assertThat(month.body()).contains("电网排放因子", "华东", "扣减绿电交易合同电量", "偏离目标");
        HttpResponse<String> xlsx = send(HttpRequest.newBuilder(URI.create(base + "/reports/carbon?period=2026-09&format=xlsx")).GET(), CHIP_TOKEN);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(status("/reports/carbon?period=2026-10&format=csv")).as("October is not over on the 15th").isEqualTo(400);
    }

    @Test
    void what_if_says_the_park_co2_under_a_draft_green_rule_and_who_changes() throws Exception {
        String draft = "version: draft-no-green\ncarbon:\n  grid_factor: {scope: regional, area: east_china}\n"
                + "  green_electricity: not_deducted\n";
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/what-if?period=2026-03"))
                .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(draft)), OPERATOR);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject carbon = new JsonObject(r.body()).getJsonObject("carbon");
        double march = 0;
        for (String e : ENTERPRISES) {
            march += inputs.get(e).get(YearMonth.of(YEAR, 3)).co2();
        }
        close(carbon.getDouble("co2_t"), march, "park co2 of March");
        close(carbon.getDouble("change_t"), CONTRACT_KWH * EAST_CHINA_2023 / 1000, "the contract no longer deducted");
        assertThat(carbon.getJsonArray("changes")).hasSize(1);
        assertThat(carbon.getJsonArray("changes").getJsonObject(0).getString("enterprise")).isEqualTo("ent-chip");
        assertThat(carbon.getInteger("unchanged")).isEqualTo(2);
        assertThat(carbon.getJsonObject("draft_basis").getString("green_electricity")).isEqualTo("not_deducted");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    static void close(Double actual, double expected, String what) {
        assertThat(actual).as(what).isNotNull();
        assertThat(actual).as(what).isCloseTo(expected, within(Math.max(1e-9, Math.abs(expected) * 1e-9)));
    }

    static List<String> codes(JsonArray messages) {
        return messages.stream().map(r -> ((JsonObject) r).getString("code")).toList();
    }

    static JsonArray alarms(String rule) {
        try {
            JsonArray list = new JsonArray();
            get("/alarms").getJsonArray("alarms").forEach(a -> {
                if (((JsonObject) a).getString("rule").equals(rule)) {
                    list.add(a);
                }
            });
            return list;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject get(String path) throws Exception {
        return get(path, OPERATOR);
    }

    static JsonObject get(String path, String token) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    static int status(String path) throws Exception {
        return status(path, OPERATOR);
    }

    static int status(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token).statusCode();
    }

    static HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
        return http.send(request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A clock the test sets; every zone's view of it moves together. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;
        private final ZoneId zone;

        MovableClock(Instant start, ZoneId zone) {
            this(new AtomicReference<>(start), zone);
        }

        private MovableClock(AtomicReference<Instant> now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return new MovableClock(now, z);
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
