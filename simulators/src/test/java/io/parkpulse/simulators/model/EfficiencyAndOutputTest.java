package io.parkpulse.simulators.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.contract.EnterpriseId;
import io.parkpulse.contract.MeterId;
import io.parkpulse.contract.MeterKind;
import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.park.Enterprise;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Park;
import io.parkpulse.simulators.Simulations.Emitted;
import io.parkpulse.simulators.Simulations;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A month of a 40-enterprise park at hourly readings: efficiency ordering and output consistent with the readings. */
class EfficiencyAndOutputTest {

    static final Park PARK = Simulations.generatedPark(40, 33);
    static final YearMonth MONTH = YearMonth.of(2026, 11);
    static ParkModel model;
    static final Map<String, EnterpriseMonth> output = new HashMap<>();
    static final Map<String, Reading> first = new HashMap<>();
    static final Map<String, Reading> last = new HashMap<>();

    @BeforeAll
    static void simulateAMonth() {
        model = ParkModel.build(PARK, ModelSettings.of(17).withOutputs(m -> {
            if (m.month().equals(MONTH)) {
                output.put(m.enterprise(), m);
            }
        }));
        long from = Simulations.localMidnight(LocalDate.of(2026, 11, 1));
        long to = Simulations.localMidnight(LocalDate.of(2026, 12, 1));
        for (Emitted e : Simulations.drive(model, from, to + 2 * 3_600_000L, Duration.ofHours(1))) {
            Reading r = e.reading();
            if (r.timeMs() == from) {
                first.put(r.meter(), r);
            }
            if (r.timeMs() == to) {
                last.put(r.meter(), r);
            }
        }
    }

    static double increase(String meter, Quantity q, double modulus) {
        double d = Simulations.value(last.get(meter), q).orElseThrow() - Simulations.value(first.get(meter), q).orElseThrow();
        return d < 0 ? d + modulus : d;
    }

    /** kWh per unit of output over the month: main-meter energy from the readings ÷ the output report's quantity. */
    static double kwhPerUnit(Enterprise e) {
        Meter main = PARK.meters().get(MeterId.of("E-" + e.id().value().split("-")[1] + "-MAIN"));
        double kwh = increase(main.id().value(), Quantity.ENERGY_KWH, 1_000_000) * main.ctRatio() * main.ptRatio();
        return kwh / output.get(e.id().value()).quantity();
    }

    @Test
    void leadersUseLessEnergyPerOutputThanAverageEnterprisesAndAverageLessThanLaggards() {
        Map<Industry, Map<EfficiencyTier, List<Double>>> byIndustry = new HashMap<>();
        for (Enterprise e : PARK.enterprises().values()) {
            byIndustry.computeIfAbsent(Industry.of(e.industry()), i -> new EnumMap<>(EfficiencyTier.class))
                    .computeIfAbsent(model.tierOf(e.id().value()), t -> new ArrayList<>()).add(kwhPerUnit(e));
        }
        int industriesChecked = 0;
        for (Map.Entry<Industry, Map<EfficiencyTier, List<Double>>> entry : byIndustry.entrySet()) {
            Map<EfficiencyTier, List<Double>> tiers = entry.getValue();
            if (tiers.size() < 3) {
                continue;
            }
            double leaderMax = tiers.get(EfficiencyTier.LEADER).stream().mapToDouble(d -> d).max().orElseThrow();
            double averageMin = tiers.get(EfficiencyTier.AVERAGE).stream().mapToDouble(d -> d).min().orElseThrow();
            double averageMax = tiers.get(EfficiencyTier.AVERAGE).stream().mapToDouble(d -> d).max().orElseThrow();
            double laggardMin = tiers.get(EfficiencyTier.LAGGARD).stream().mapToDouble(d -> d).min().orElseThrow();
            assertThat(leaderMax).as(entry.getKey() + " " + tiers).isLessThan(averageMin);
            assertThat(averageMax).as(entry.getKey() + " " + tiers).isLessThan(laggardMin);
            industriesChecked++;
        }
        assertThat(industriesChecked).isGreaterThanOrEqualTo(4);
        Enterprise cement = PARK.enterprises().values().stream().filter(e -> e.industry().code().equals("C3011")).findFirst().orElseThrow();
        assertThat(kwhPerUnit(cement)).as("cement, kWh/t: around the GB 16780 limits").isBetween(70.0, 140.0);
    }

    @Test
    void theOutputReportMatchesTheProductionCountersAndPrices() {
        assertThat(output.keySet()).isEqualTo(PARK.enterprises().keySet().stream().map(EnterpriseId::value).collect(Collectors.toSet()));
        for (Enterprise e : PARK.enterprises().values()) {
            EnterpriseMonth m = output.get(e.id().value());
            Industry industry = Industry.of(e.industry());
            assertThat(m.complete()).isTrue();
            assertThat(m.quantity()).as(e.id().value()).isPositive();
            assertThat(m.unit()).isEqualTo(industry.unit());
            assertThat(m.outputValueCny() / m.quantity()).isCloseTo(industry.pricePerUnit(), within(industry.pricePerUnit() * 0.15));
            assertThat(m.valueAddedCny()).isBetween(0.0, m.outputValueCny());
            assertThat(m.taxCny()).isBetween(0.0, m.valueAddedCny());
            assertThat(m.employees()).isPositive();
            assertThat(m.rdSpendCny()).isPositive();
            List<Meter> machines = PARK.meters().values().stream()
                    .filter(x -> e.id().equals(x.enterprise()) && x.kind() == MeterKind.EQUIPMENT).toList();
            if (machines.isEmpty()) {
                continue;
            }
            double counted = 0;
            double resolution = 0;
            for (Meter machine : machines) {
                counted += increase(machine.id().value(), Quantity.OUTPUT_COUNT, 1e9) * machine.multiplier();
                resolution += machine.multiplier();
            }
            assertThat(counted).as(e.id() + ": Σ counters × multiplier = reported quantity")
                    .isCloseTo(m.quantity(), within(resolution + 1e-6 * m.quantity() + 0.001));
        }
    }
}
