package io.parkpulse.simulators.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.contract.EquipmentState;
import io.parkpulse.contract.MeterId;
import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.Value;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Park;
import io.parkpulse.simulators.Simulations.Emitted;
import io.parkpulse.simulators.Simulations;
import io.parkpulse.simulators.faults.FaultEvent;
import io.parkpulse.simulators.faults.FaultType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CalendarAndLeakTest {

    static final Park DEMO = Simulations.demoPark();

    /** The food factory (day shift) of the demo park, 2026-10-01 (National Day) to 2026-10-17. */
    @Test
    void holidaysAndWeekendsLowerADayShiftFactorysConsumptionAndAdjustedWorkdaysRestoreIt() {
        ParkModel model = ParkModel.build(DEMO, ModelSettings.of(3));
        List<Emitted> readings = Simulations.drive(model, Simulations.localMidnight(LocalDate.of(2026, 10, 1)),
                Simulations.localMidnight(LocalDate.of(2026, 10, 17)), Duration.ofMinutes(15));
        Meter main = DEMO.meters().get(MeterId.of("E-LY-MAIN"));
        Map<LocalDate, Double> daily = new TreeMap<>();
        Map<LocalDate, Double> start = new TreeMap<>();
        for (Emitted e : readings) {
            if (!e.reading().meter().equals(main.id().value())) {
                continue;
            }
            LocalDate day = Instant.ofEpochMilli(e.reading().timeMs()).atZone(Simulations.SHANGHAI).toLocalDate();
            double register = Simulations.value(e.reading(), Quantity.ENERGY_KWH).orElseThrow() * main.ctRatio();
            start.putIfAbsent(day, register);
            daily.put(day, register - start.get(day));
        }
        double holiday = daily.get(LocalDate.of(2026, 10, 2));
        double adjustedSaturday = daily.get(LocalDate.of(2026, 10, 10));
        double weekend = daily.get(LocalDate.of(2026, 10, 11));
        double workday = daily.get(LocalDate.of(2026, 10, 14));
        assertThat(holiday).as("National Day holiday vs Wednesday").isLessThan(0.5 * workday);
        assertThat(weekend).as("Sunday vs Wednesday").isLessThan(0.5 * workday);
        assertThat(adjustedSaturday).as("Saturday 2026-10-10 is a working day (调休)").isGreaterThan(0.8 * workday);

        List<EquipmentState> holidayStates = new ArrayList<>();
        for (Emitted e : readings) {
            LocalDate day = Instant.ofEpochMilli(e.reading().timeMs()).atZone(Simulations.SHANGHAI).toLocalDate();
            if (e.reading().meter().equals("M-HD-CNC-01") && day.equals(LocalDate.of(2026, 10, 3))) {
                holidayStates.add(state(e.reading()));
            }
        }
        assertThat(holidayStates).as("machines of a two-shift plant stay off on a holiday").isNotEmpty()
                .doesNotContain(EquipmentState.RUNNING, EquipmentState.IDLE);
    }

    /** A leak behind an NB-IoT water meter raises its night minimum flow by the leak's flow. */
    @Test
    void aLeakRaisesTheNightMinimum() {
        LocalDate first = LocalDate.of(2026, 11, 9);
        long leakStart = Simulations.localMidnight(first.plusDays(2)) + 12 * 3_600_000L;
        double leak = 0.8;
        List<FaultEvent> faults = new ArrayList<>();
        ParkModel model = ParkModel.build(DEMO, ModelSettings.of(3).withFaultLog(faults::add)
                .withLeaks(List.of(new LeakSpec("W-HD-01", Instant.ofEpochMilli(leakStart), leak))));
        List<Emitted> readings = Simulations.drive(model, Simulations.localMidnight(first), Simulations.localMidnight(first.plusDays(6)),
                Duration.ofMinutes(15));
        Map<Long, Double> hourly = new TreeMap<>();
        for (Emitted e : readings) {
            if (e.reading().meter().equals("W-HD-01")) {
                hourly.put(e.reading().timeMs(), Simulations.value(e.reading(), Quantity.VOLUME_M3).orElseThrow());
            }
        }
        double before = nightMinimum(hourly, first.plusDays(1));
        double after = nightMinimum(hourly, first.plusDays(3));
        assertThat(after - before).as("night minimum " + before + " -> " + after + " m³/h").isBetween(leak - 0.15, leak + 0.15);
        assertThat(faults).filteredOn(f -> f.type() == FaultType.LEAK).singleElement()
                .satisfies(f -> {
                    assertThat(f.meter()).isEqualTo("W-HD-01");
                    assertThat(f.startMs()).isEqualTo(leakStart);
                });
    }

    /** Lowest hourly flow between 01:00 and 05:00 local, from the NB meter's frozen hourly register values. */
    static double nightMinimum(Map<Long, Double> hourly, LocalDate night) {
        long midnight = Simulations.localMidnight(night);
        double min = Double.MAX_VALUE;
        for (int h = 1; h < 5; h++) {
            Double a = hourly.get(midnight + h * 3_600_000L);
            Double b = hourly.get(midnight + (h + 1) * 3_600_000L);
            min = Math.min(min, b - a);
        }
        return min;
    }

    static EquipmentState state(Reading r) {
        return r.values().stream().filter(v -> v.quantity() == Quantity.STATE).map(Value::state).findFirst().orElseThrow();
    }
}
