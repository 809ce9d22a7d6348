package io.parkpulse.dashboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.dashboard.efficiency.CarbonYearFixture;
import io.parkpulse.dashboard.efficiency.ParkYear;
import io.parkpulse.efficiency.carbon.tracking.TargetProgress.MonthProgress;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The targets and carbon JSON as the web UI reads it (docs/web-ui.md), from a year built without I/O. */
class CarbonJsonTest {

    @Test
    void the_targets_answer_has_twelve_months_a_budget_profile_all_year_and_contributions_adding_up() {
        ParkYear y = CarbonYearFixture.year(true);
        JsonObject t = CarbonJson.targets(y);
        assertThat(t.encode()).doesNotContain("NaN");
        assertThat(t.getString("through")).isEqualTo("2026-03");
        JsonObject grid = t.getJsonObject("basis").getJsonObject("grid_factor");
        assertThat(grid.getString("scope")).isEqualTo("national");
        assertThat(grid.getInteger("year_used")).isEqualTo(2023);
        assertThat(grid.getBoolean("from_earlier_year")).isTrue();
        assertThat(codes(t.getJsonObject("basis").getJsonArray("notes"))).containsExactly("grid_factor_from_earlier_year");
        assertThat(t.getJsonObject("targets").getJsonObject("milestone").getDouble("co2_per_value_added"))
                .isCloseTo(0.4 * Math.pow(0.82, 0.2), within(1e-12));
        assertThat(t.getJsonObject("targets").getJsonObject("base").getDouble("energy_per_value_added")).isEqualTo(0.1);

        JsonObject park = t.getJsonObject("park_progress");
        JsonArray months = park.getJsonArray("months");
        assertThat(months).hasSize(12);
        List<MonthProgress> tracked = y.progress().park().months();
        for (int i = 0; i < 3; i++) {
            // the profile after `through` continues the tracker's own
            assertThat(months.getJsonObject(i).getDouble("budget_cumulative_co2_t"))
                    .isCloseTo(tracked.get(i).budgetCumulativeCo2T(), within(1e-9));
            assertThat(months.getJsonObject(i).getDouble("cumulative_co2_t")).isCloseTo(tracked.get(i).cumulativeCo2T(), within(1e-9));
        }
        assertThat(months.getJsonObject(11).getDouble("budget_cumulative_co2_t")).isCloseTo(600, within(1e-9));
        assertThat(months.getJsonObject(11).getDouble("budget_cumulative_energy_tce")).isCloseTo(150, within(1e-9));
        assertThat(months.getJsonObject(5).getValue("co2_t")).isNull();
        assertThat(park.getJsonObject("co2").getDouble("budget_ytd")).isCloseTo(months.getJsonObject(2).getDouble("budget_cumulative_co2_t"), within(1e-9));

        double gaps = 0;
        for (Object o : t.getJsonObject("contributors").getJsonArray("co2")) {
            gaps += ((JsonObject) o).getDouble("gap");
            assertThat(((JsonObject) o).getString("name")).isNotBlank();
        }
        assertThat(gaps).isCloseTo(park.getJsonObject("co2").getDouble("gap"), within(1e-9));

        JsonObject a = t.getJsonArray("enterprises").getJsonObject(0);
        assertThat(a.getString("name")).isEqualTo("=Alpha 水泥");
        assertThat(a.getBoolean("two_high")).isTrue();
        assertThat(a.getJsonArray("two_high_reasons").getJsonObject(0).getString("code")).isEqualTo("industry");
        assertThat(a.getJsonArray("two_high_reasons").getJsonObject(0).getJsonObject("args").getString("industry")).isEqualTo("C3011");
        JsonObject bEnergy = t.getJsonArray("enterprises").getJsonObject(1).getJsonObject("energy");
        assertThat(bEnergy.getString("verdict")).isEqualTo("unknown");
        assertThat(bEnergy.getJsonObject("data_state").getString("state")).isEqualTo("complete");
        assertThat(codes(bEnergy.getJsonObject("data_state").getJsonArray("reasons"))).containsExactly("no_budget");
        assertThat(bEnergy.getJsonObject("verdict_message").getString("code")).isEqualTo("no_budget");
    }

    @Test
    void a_month_missing_makes_the_park_unknown_naming_the_enterprise_and_month() {
        JsonObject t = CarbonJson.targets(CarbonYearFixture.year(false));
        assertThat(t.encode()).doesNotContain("NaN");
        JsonObject co2 = t.getJsonObject("park_progress").getJsonObject("co2");
        assertThat(co2.getString("verdict")).isEqualTo("unknown");
        assertThat(co2.getValue("gap")).isNull();
        JsonObject reason = co2.getJsonObject("data_state").getJsonArray("reasons").getJsonObject(0);
        assertThat(co2.getJsonObject("data_state").getString("state")).isEqualTo("insufficient");
        assertThat(reason.getString("code")).isEqualTo("enterprise_month_insufficient");
        assertThat(reason.getJsonObject("args").getString("enterprise")).isEqualTo("ent-b");
        assertThat(reason.getJsonObject("args").getString("month")).isEqualTo("2026-03");
        assertThat(t.getJsonObject("contributors").getJsonArray("co2")).isEmpty();
        // the other enterprise is still judged on its own
        assertThat(t.getJsonArray("enterprises").getJsonObject(0).getJsonObject("co2").getString("verdict")).isNotEqualTo("unknown");
    }

    @Test
    void january_has_no_month_yet_and_every_verdict_says_so() {
        ParkYear full = CarbonYearFixture.year(true);
        ParkYear january = new ParkYear(full.model(), full.policy(), 2026, null, java.util.Map.of("ent-a", List.of(), "ent-b", List.of()),
                full.previousYear(), java.util.Map.of("ent-a", List.of(), "ent-b", List.of()), null, full.grid(), java.util.Map.of());
        JsonObject t = CarbonJson.targets(january);
        assertThat(t.getValue("through")).isNull();
        JsonObject co2 = t.getJsonObject("park_progress").getJsonObject("co2");
        assertThat(co2.getString("verdict")).isEqualTo("unknown");
        assertThat(codes(co2.getJsonObject("data_state").getJsonArray("reasons"))).containsExactly("no_month");
        assertThat(co2.getDouble("budget")).isEqualTo(600.0);
        assertThat(t.getJsonObject("park_progress").getJsonArray("months").getJsonObject(11).getDouble("budget_cumulative_co2_t"))
                .isCloseTo(600, within(1e-9));
        assertThat(t.getJsonObject("park_progress").getJsonObject("intensity").getJsonObject("co2_per_value_added")
                .getDouble("milestone")).isCloseTo(0.4 * Math.pow(0.82, 0.2), within(1e-12));
    }

    @Test
    void the_carbon_answer_has_its_months_green_electricity_notes_and_peers() {
        JsonObject c = CarbonJson.carbon(CarbonYearFixture.year(true), "ent-b");
        assertThat(c.encode()).doesNotContain("NaN");
        assertThat(c.getString("name")).isEqualTo("Beta 电子");
        JsonArray months = c.getJsonArray("months");
        assertThat(months).hasSize(3);
        JsonObject feb = months.getJsonObject(1);
        double kwh = CarbonYearFixture.kwh("ent-b", YearMonth.of(2026, 2));
        assertThat(feb.getJsonObject("co2_by_carrier").getDouble("electricity")).isCloseTo((kwh - 100_000) * 0.5306 / 1000, within(1e-9));
        assertThat(feb.getDouble("green_kwh_declared")).isEqualTo(150_000.0);
        assertThat(feb.getDouble("green_kwh_applied")).isEqualTo(100_000.0);
        assertThat(c.getJsonObject("green").getDouble("applied_kwh")).isEqualTo(300_000.0);
        assertThat(codes(c.getJsonObject("basis").getJsonArray("notes"))).contains("grid_factor_from_earlier_year", "green_not_deducted");
        JsonObject intensity = c.getJsonObject("intensity").getJsonObject("co2_per_value_added");
        assertThat(intensity.getString("unit")).isEqualTo("tCO2/10^4 CNY");
        assertThat(intensity.getJsonObject("peers").getInteger("count")).isEqualTo(1);
        assertThat(intensity.getJsonObject("standing").getInteger("rank")).isEqualTo(1);
        assertThat(c.getJsonArray("months_progress")).hasSize(12);
        assertThat(c.getJsonObject("co2").getString("unit")).isEqualTo("t");
        assertThat(c.getBoolean("two_high")).isFalse();
    }

    static List<String> codes(JsonArray messages) {
        return messages.stream().map(m -> ((JsonObject) m).getString("code")).toList();
    }
}
