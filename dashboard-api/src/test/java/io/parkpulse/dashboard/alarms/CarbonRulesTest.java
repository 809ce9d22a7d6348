package io.parkpulse.dashboard.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.dashboard.efficiency.CarbonYearFixture;
import io.parkpulse.dashboard.efficiency.ParkYear;
import io.parkpulse.efficiency.carbon.CarbonQuantity;
import io.parkpulse.efficiency.carbon.tracking.TargetProgress.TotalProgress;
import io.parkpulse.efficiency.carbon.tracking.Verdict;
import io.parkpulse.efficiency.policy.AlarmRule;
import org.junit.jupiter.api.Test;

/** budget_at_risk and intensity_off_track judged from the carbon year GET /targets answers with. */
class CarbonRulesTest {

    static final AlarmRule.BudgetAtRisk A_CO2 = new AlarmRule.BudgetAtRisk("a-co2", AlarmRule.Severity.WARNING, "ent-a", CarbonQuantity.CO2);
    static final AlarmRule.BudgetAtRisk B_CO2 = new AlarmRule.BudgetAtRisk("b-co2", AlarmRule.Severity.WARNING, "ent-b", CarbonQuantity.CO2);
    static final AlarmRule.BudgetAtRisk PARK_CO2 = new AlarmRule.BudgetAtRisk("park-co2", AlarmRule.Severity.WARNING, null, CarbonQuantity.CO2);
    static final AlarmRule.IntensityOffTrack INTENSITY = new AlarmRule.IntensityOffTrack("co2-intensity", AlarmRule.Severity.WARNING, CarbonQuantity.CO2);

    @Test
    void an_enterprise_budget_is_judged_on_its_forecast_against_the_budget_and_margin() {
        ParkYear y = CarbonYearFixture.year(true);
        Observation o = CarbonRules.budget(A_CO2, y).get(0);
        TotalProgress t = y.progress().enterprises().get("ent-a").co2();
        assertThat(o.subject()).isEqualTo(Subject.enterprise("ent-a"));
        assertThat(o.value()).isEqualTo(t.forecast().value());
        assertThat(o.threshold()).isCloseTo(400 * (1 + y.policy().carbon().budgetMargin()), within(1e-9));
        assertThat(o.status()).isEqualTo(t.verdict() == Verdict.ON_TRACK ? Observation.Status.NORMAL : Observation.Status.BREACH);
        assertThat(o.detail().code()).isEqualTo("budget_forecast_enterprise");
        assertThat(o.detail().args()).containsEntry("unit", "t").containsEntry("through", "2026-03").containsEntry("budget", "400");
    }

    @Test
    void the_park_budget_names_its_largest_contributors() {
        ParkYear y = CarbonYearFixture.year(true);
        Observation o = CarbonRules.budget(PARK_CO2, y).get(0);
        assertThat(o.subject()).isEqualTo(Subject.park("unit-park"));
        assertThat(o.value()).isCloseTo(y.progress().park().co2().forecast().value(), within(1e-9));
        assertThat(o.detail().code()).isEqualTo("budget_forecast");
        // ent-a uses 5 % more than last year against a park budget that does not allow it: the first to make the gap,
        // named as people know it, with its share
        assertThat(y.progress().contributors().co2().get(0).enterprise()).isEqualTo("ent-a");
        assertThat(y.progress().contributors().co2().get(0).gap()).isPositive();
        assertThat(o.detail().args().get("contributors")).startsWith("=Alpha 水泥 ").doesNotContain("ent-a");
        assertThat(o.detail().args().get("forecast")).matches("\\d+");
    }

    @Test
    void nothing_is_raised_on_insufficient_data_or_without_a_budget_and_the_detail_says_why() {
        ParkYear y = CarbonYearFixture.year(false);
        Observation park = CarbonRules.budget(PARK_CO2, y).get(0);
        assertThat(park.status()).isEqualTo(Observation.Status.UNKNOWN);
        assertThat(park.detail().code()).isEqualTo("carbon_data_insufficient");
        assertThat(park.detail().args()).containsEntry("enterprises", "Beta 电子").containsEntry("months", "2026-03");
        Observation b = CarbonRules.budget(B_CO2, CarbonYearFixture.year(true)).get(0);
        assertThat(b.status()).isEqualTo(Observation.Status.UNKNOWN);
        assertThat(b.detail().code()).isEqualTo("no_budget");
        Observation intensity = CarbonRules.intensity(INTENSITY, y).get(0);
        assertThat(intensity.status()).isEqualTo(Observation.Status.UNKNOWN);
        assertThat(intensity.detail().code()).isEqualTo("carbon_data_insufficient");
    }

    @Test
    void the_intensity_is_held_against_the_milestone_and_margin() {
        ParkYear y = CarbonYearFixture.year(true);
        Observation o = CarbonRules.intensity(INTENSITY, y).get(0);
        double milestone = 0.4 * Math.pow(0.82, 0.2);
        assertThat(o.threshold()).isCloseTo(milestone * (1 + y.policy().carbon().intensityMargin()), within(1e-12));
        assertThat(o.value()).isCloseTo(y.progress().park().co2PerValueAdded().ytd(), within(1e-12));
        assertThat(o.status()).isEqualTo(o.value() > o.threshold() ? Observation.Status.BREACH : Observation.Status.NORMAL);
        assertThat(o.detail().args()).containsEntry("quantity", "co2_per_value_added").containsEntry("unit", "tCO2/10^4 CNY");
    }
}
