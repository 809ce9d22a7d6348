package io.parkpulse.simulators.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.contract.MeterId;
import io.parkpulse.contract.MeterKind;
import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Metering;
import io.parkpulse.park.Park;
import io.parkpulse.simulators.Simulations.Emitted;
import io.parkpulse.simulators.Simulations;
import io.parkpulse.simulators.faults.FaultEvent;
import io.parkpulse.simulators.faults.FaultType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class EnergyAndCountersTest {

    static final Park PARK = Simulations.generatedPark(30, 21);
    static final long FROM = Simulations.localMidnight(LocalDate.of(2026, 11, 16));

    @Test
    void powerIntegratesToTheEnergyIncrementsOfEveryElectricityMeter() {
        List<FaultEvent> faults = new ArrayList<>();
        ParkModel model = ParkModel.build(PARK, ModelSettings.of(4).withFaultLog(faults::add));
        List<Emitted> readings = Simulations.drive(model, FROM, FROM + Duration.ofDays(1).toMillis(), Duration.ofMinutes(15));
        Map<String, List<Reading>> byMeter = byMeter(readings);
        int checked = 0;
        for (Meter meter : PARK.meters().values()) {
            if (meter.kind() != MeterKind.ELECTRICITY || meter.metering() != Metering.CUMULATIVE
                    || faults.stream().anyMatch(f -> meter.id().value().equals(f.meter()))) {
                continue;
            }
            double ratio = meter.ctRatio() * meter.ptRatio();
            List<Reading> rs = byMeter.get(meter.id().value());
            assertThat(rs).as(meter.id().value()).hasSize(96);
            double integral = 0;
            for (int i = 1; i < rs.size(); i++) {
                double hours = (rs.get(i).timeMs() - rs.get(i - 1).timeMs()) / 3_600_000.0;
                double trapezoid = (v(rs.get(i - 1), Quantity.POWER_KW) + v(rs.get(i), Quantity.POWER_KW)) / 2 * ratio * hours;
                double increment = (v(rs.get(i), Quantity.ENERGY_KWH) - v(rs.get(i - 1), Quantity.ENERGY_KWH)) * ratio;
                // two truncated register readings (0.01 each) and two powers rounded to 0.0001 kW (secondary)
                assertThat(increment).as(meter.id() + " step " + i).isCloseTo(trapezoid,
                        org.assertj.core.api.Assertions.within(ratio * (0.01 + 0.0001 * hours) + 1e-6));
                integral += trapezoid;
            }
            double energy = (v(rs.get(rs.size() - 1), Quantity.ENERGY_KWH) - v(rs.get(0), Quantity.ENERGY_KWH)) * ratio;
            assertThat(energy).as(meter.id() + " over the day").isCloseTo(integral,
                    org.assertj.core.api.Assertions.within(0.01 * integral + 0.02 * ratio));
            assertThat(energy).as(meter.id() + " draws something").isPositive();
            checked++;
        }
        assertThat(checked).isGreaterThan(60);
    }

    @Test
    void theMainMeterIsItsSubMetersPlusTheRestAndTheIncomerCarriesTheWholePark() {
        ParkModel model = ParkModel.build(PARK, ModelSettings.of(4));
        List<Emitted> readings = Simulations.drive(model, FROM, FROM + Duration.ofHours(6).toMillis(), Duration.ofMinutes(15));
        Map<Long, Map<String, Double>> kwByStep = new HashMap<>();
        for (Emitted e : readings) {
            Meter m = PARK.meters().get(MeterId.of(e.reading().meter()));
            OptionalDouble p = Simulations.value(e.reading(), Quantity.POWER_KW);
            if (m.kind() == MeterKind.ELECTRICITY && p.isPresent()) {
                kwByStep.computeIfAbsent(e.stepMs(), k -> new HashMap<>()).put(m.id().value(), p.getAsDouble() * m.ctRatio() * m.ptRatio());
            }
        }
        for (Map<String, Double> kw : kwByStep.values()) {
            double mains = 0;
            for (Meter main : PARK.meters().values()) {
                if (main.id().value().endsWith("-MAIN")) {
                    double subs = PARK.meters().values().stream()
                            .filter(s -> main.enterprise().equals(s.enterprise()) && s.kind() == MeterKind.ELECTRICITY && s != main)
                            .mapToDouble(s -> kw.get(s.id().value())).sum();
                    double ratio = main.ctRatio() * main.ptRatio();
                    assertThat(kw.get(main.id().value())).as(main.id().value()).isGreaterThanOrEqualTo(subs - 0.0001 * ratio);
                    mains += kw.get(main.id().value());
                }
            }
            Meter incomer = PARK.meters().get(MeterId.of("E-PARK-INCOMER"));
            double rounding = 0.0001 * incomer.ctRatio() * incomer.ptRatio() + 0.0001 * mains;
            assertThat(kw.get("E-PARK-INCOMER")).as("incomer = (Σ mains) × 1.015 + no-load loss").isBetween(mains * 1.015 - rounding,
                    mains * 1.015 + 0.001 * ElectricalRating.ratedKw(incomer) + rounding);
        }
    }

    /**
     * With every fault switched on, cumulative values (in the order they are published, duplicates dropped) fall only
     * where the fault log records a meter replacement or a rollover of that meter's register, and
     * each fall matches its record's old and new values.
     */
    @Test
    void cumulativeRegistersNeverFallExceptAtLoggedReplacementsAndRollovers() throws Exception {
        List<FaultEvent> faults = new ArrayList<>();
        var rates = io.parkpulse.simulators.faults.FaultRates.NONE.with("replacement=80").with("rollover=0.3").with("gap=60")
                .with("duplicate=0.05").with("malformed=0.03").with("clock_skew=200").with("leak=40");
        ParkModel model = ParkModel.build(PARK, ModelSettings.of(8).withFaults(rates).withFaultLog(faults::add));
        long to = FROM + Duration.ofDays(2).toMillis();
        var messages = Simulations.dryRun(model, FROM, to, Duration.ofMinutes(15), 200);
        List<Reading> published = Simulations.readings(messages, Simulations.decoderAt(to + Duration.ofHours(3).toMillis()));

        Map<FaultType, Long> counts = new HashMap<>();
        faults.forEach(f -> counts.merge(f.type(), 1L, Long::sum));
        assertThat(counts.keySet()).as("every kind of fault happened").containsExactlyInAnyOrder(FaultType.values());

        Map<String, List<double[]>> falls = new HashMap<>();
        Map<String, Double> last = new HashMap<>();
        java.util.Set<Reading> seen = new java.util.HashSet<>();
        for (Reading r : published) {
            if (!seen.add(r)) {
                continue; // the second copy of a duplicated message: a receiver keys readings by meter and time
            }
            for (var v : r.values()) {
                if (!v.quantity().isCumulative()) {
                    continue;
                }
                String key = r.meter() + "/" + v.quantity().wireName();
                Double before = last.put(key, v.number());
                if (before != null && v.number() < before) {
                    falls.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {before, v.number()});
                }
            }
        }
        int matched = 0;
        for (Map.Entry<String, List<double[]>> e : falls.entrySet()) {
            String meter = e.getKey().substring(0, e.getKey().indexOf('/'));
            String quantity = e.getKey().substring(e.getKey().indexOf('/') + 1);
            List<double[]> recorded = new ArrayList<>();
            for (FaultEvent f : faults) {
                if (!meter.equals(f.meter())) {
                    continue;
                }
                if (f.type() == FaultType.ROLLOVER && quantity.equals(f.details().get("quantity"))) {
                    recorded.add(new double[] {(double) f.details().get("last_before"), (double) f.details().get("first_after")});
                } else if (f.type() == FaultType.METER_REPLACEMENT) {
                    @SuppressWarnings("unchecked")
                    Map<String, Map<String, Object>> registers = (Map<String, Map<String, Object>>) f.details().get("registers");
                    Map<String, Object> r = registers.get(quantity);
                    recorded.add(new double[] {(double) r.get("old_final"), (double) r.get("new_start")});
                }
            }
            assertThat(e.getValue().size()).as(e.getKey() + " falls vs logged faults").isLessThanOrEqualTo(recorded.size());
            int next = 0;
            for (double[] fall : e.getValue()) {
                // the k-th fall is explained by a later-or-equal logged fault: published before ≤ old value, after ≥ new value
                while (next < recorded.size() && !(fall[0] <= recorded.get(next)[0] + 0.011 && fall[1] >= recorded.get(next)[1] - 0.011)) {
                    next++;
                }
                assertThat(next).as(e.getKey() + " fall " + fall[0] + " -> " + fall[1] + " matches a logged fault").isLessThan(recorded.size());
                next++;
                matched++;
            }
        }
        assertThat(matched).as("falls were seen and explained").isGreaterThan(10);
    }

    static Map<String, List<Reading>> byMeter(List<Emitted> readings) {
        Map<String, List<Reading>> byMeter = new HashMap<>();
        for (Emitted e : readings) {
            byMeter.computeIfAbsent(e.reading().meter(), k -> new ArrayList<>()).add(e.reading());
        }
        return byMeter;
    }

    static double v(Reading r, Quantity q) {
        return Simulations.value(r, q).orElseThrow();
    }
}
