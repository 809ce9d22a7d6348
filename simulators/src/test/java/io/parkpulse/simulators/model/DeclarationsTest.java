package io.parkpulse.simulators.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.contract.MeterId;
import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Park;
import io.parkpulse.park.ParkFileReader;
import io.parkpulse.simulators.Simulations;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo park's output reports declare fuels and green electricity (issue 19): the right enterprises, plausible
 * quantities per unit of output, more coal in the cold month, green electricity as the stated share of the metered
 * electricity, and the same figures on a second run.
 */
class DeclarationsTest {

    static final Park DEMO = new ParkFileReader().read(Path.of("..", "parks", "demo-park.yaml"));
    static final Set<String> GREEN_METERS = Set.of("E-15-MAIN", "E-16-MAIN", "E-46-MAIN");
    static Month january;
    static Month july;

    /** One simulated month: its output reports by enterprise and the metered kWh of {@link #GREEN_METERS}. */
    record Month(Map<String, EnterpriseMonth> reports, Map<String, Double> kwh) {
    }

    static Month simulate(YearMonth month) {
        Map<String, EnterpriseMonth> reports = new HashMap<>();
        ParkModel model = ParkModel.build(DEMO, ModelSettings.of(17).withOutputs(m -> {
            if (m.month().equals(month)) {
                reports.put(m.enterprise(), m);
            }
        }));
        long from = Simulations.localMidnight(month.atDay(1));
        long to = Simulations.localMidnight(month.plusMonths(1).atDay(1));
        Map<String, Reading> first = new HashMap<>();
        Map<String, Reading> last = new HashMap<>();
        for (Simulations.Emitted e : Simulations.drive(model, from, to + 2 * 3_600_000L, Duration.ofHours(1))) {
            Reading r = e.reading();
            if (GREEN_METERS.contains(r.meter()) && r.timeMs() == from) {
                first.put(r.meter(), r);
            } else if (GREEN_METERS.contains(r.meter()) && r.timeMs() == to) {
                last.put(r.meter(), r);
            }
        }
        Map<String, Double> kwh = new HashMap<>();
        for (String id : GREEN_METERS) {
            Meter meter = DEMO.meters().get(MeterId.of(id));
            double d = Simulations.value(last.get(id), Quantity.ENERGY_KWH).orElseThrow()
                    - Simulations.value(first.get(id), Quantity.ENERGY_KWH).orElseThrow();
            kwh.put(meter.enterprise().value(), (d < 0 ? d + 1_000_000 : d) * meter.ctRatio() * meter.ptRatio());
        }
        return new Month(reports, kwh);
    }

    @BeforeAll
    static void simulateAColdAndAHotMonth() {
        january = simulate(YearMonth.of(2026, 1));
        july = simulate(YearMonth.of(2026, 7));
    }

    static Set<String> declaring(Month m, String what) {
        return m.reports().values().stream().filter(r -> r.fuelsKg().containsKey(what) || r.greenKwh().containsKey(what))
                .map(EnterpriseMonth::enterprise).collect(Collectors.toSet());
    }

    @Test
    void the_fuel_burning_enterprises_of_the_demo_park_declare_their_fuels_and_the_others_nothing() {
        for (Month m : List.of(january, july)) {
            assertThat(m.reports()).hasSize(DEMO.enterprises().size()).allSatisfy((id, r) -> assertThat(r.complete()).isTrue());
            assertThat(declaring(m, "diesel")).containsExactlyInAnyOrder("ent-xinyuan-cement", "ent-cement-02", "ent-cement-03");
            assertThat(declaring(m, "raw_coal")).containsExactlyInAnyOrder("ent-dyeing-09", "ent-dyeing-10");
            assertThat(declaring(m, "lpg")).containsExactlyInAnyOrder("ent-food-40", "ent-food-41", "ent-food-42", "ent-food-43", "ent-food-44");
            assertThat(declaring(m, "contract")).containsExactlyInAnyOrder("ent-circuits-15", "ent-circuits-16");
            assertThat(declaring(m, "certificate")).containsExactly("ent-software-46");
            assertThat(m.reports().values()).filteredOn(r -> r.industry().startsWith("C26") || r.industry().startsWith("C34"))
                    .allSatisfy(r -> {
                        assertThat(r.fuelsKg()).isEmpty();
                        assertThat(r.greenKwh()).isEmpty();
                    });
        }
    }

    @Test
    void fuels_per_unit_of_output_are_plausible_and_coal_rises_in_the_cold_month() {
        for (Month m : List.of(january, july)) {
            for (String cement : List.of("ent-xinyuan-cement", "ent-cement-02", "ent-cement-03")) {
                EnterpriseMonth r = m.reports().get(cement);
                // loaders and yard vehicles: a few hundred grams of diesel per tonne
                assertThat(r.fuelsKg().get("diesel") / r.quantity()).isBetween(0.2, 0.3);
            }
            for (String food : List.of("ent-food-40", "ent-food-44")) {
                EnterpriseMonth r = m.reports().get(food);
                // a canteen meal a working day: 0.1–0.2 kg LPG per person and day, 15–25 working days
                assertThat(r.fuelsKg().get("lpg") / r.employees()).isBetween(1.5, 5.0);
            }
        }
        for (String dyeing : List.of("ent-dyeing-09", "ent-dyeing-10")) {
            double cold = january.reports().get(dyeing).fuelsKg().get("raw_coal") / january.reports().get(dyeing).quantity();
            double warm = july.reports().get(dyeing).fuelsKg().get("raw_coal") / july.reports().get(dyeing).quantity();
            // stenter thermal-oil heaters: about 6 kg of coal per 100 m of fabric, 15 % more in January
            assertThat(warm).isBetween(5.0, 7.5);
            assertThat(cold / warm).isCloseTo(1.15 * fuelEfficiency(january, dyeing) / fuelEfficiency(july, dyeing), within(0.001));
        }
    }

    /** The fuel follows a quarter of the month's efficiency factor's departure from 1, like the metered gas. */
    static double fuelEfficiency(Month m, String enterprise) {
        return 1 + 0.25 * (m.reports().get(enterprise).efficiencyFactor() - 1);
    }

    @Test
    void green_electricity_covers_the_stated_share_of_the_metered_electricity() {
        for (Month m : List.of(january, july)) {
            assertThat(m.reports().get("ent-circuits-15").greenKwh().get("contract")).isCloseTo(0.30 * m.kwh().get("ent-circuits-15"),
                    within(0.01 * 0.30 * m.kwh().get("ent-circuits-15")));
            assertThat(m.reports().get("ent-circuits-16").greenKwh().get("contract")).isCloseTo(0.20 * m.kwh().get("ent-circuits-16"),
                    within(0.01 * 0.20 * m.kwh().get("ent-circuits-16")));
            double certificates = m.reports().get("ent-software-46").greenKwh().get("certificate");
            double metered = m.kwh().get("ent-software-46");
            assertThat(certificates % 1000).as("whole certificates of 1 MWh").isZero();
            assertThat(certificates).isPositive().isBetween(metered * 0.99 - 1000, metered * 1.01);
        }
    }

    @Test
    void the_declarations_are_the_same_on_a_second_run() {
        Month again = simulate(YearMonth.of(2026, 7));
        july.reports().forEach((id, r) -> {
            assertThat(again.reports().get(id).fuelsKg()).as(id).isEqualTo(r.fuelsKg());
            assertThat(again.reports().get(id).greenKwh()).as(id).isEqualTo(r.greenKwh());
        });
    }
}
