package io.parkpulse.simulators.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.contract.Quantity;
import io.parkpulse.park.Park;
import io.parkpulse.simulators.Simulations.Emitted;
import io.parkpulse.simulators.Simulations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NbIotUplinkTest {

    static final Park DEMO = Simulations.demoPark();
    static final LocalDate DAY = LocalDate.of(2026, 11, 17);
    static final Set<String> NB_METERS = DEMO.meters().values().stream().filter(m -> m.gateway().value().contains("nbiot"))
            .map(m -> m.id().value()).collect(Collectors.toSet());

    /** Readings of NB-IoT meters over {@code days} local days from {@link #DAY}, grouped by meter, in emission order. */
    static Map<String, List<Emitted>> uplinks(NbIotSettings nbIot, int days) {
        ParkModel model = ParkModel.build(DEMO, ModelSettings.of(5).withNbIot(nbIot));
        List<Emitted> all = Simulations.drive(model, Simulations.localMidnight(DAY), Simulations.localMidnight(DAY.plusDays(days)),
                Duration.ofMinutes(15));
        return all.stream().filter(e -> NB_METERS.contains(e.reading().meter()))
                .collect(Collectors.groupingBy(e -> e.reading().meter()));
    }

    @Test
    void onceADayEachMeterSendsThePastLocalDaysHourlyValuesEarlyInTheMorning() {
        Map<String, List<Emitted>> byMeter = uplinks(NbIotSettings.DAILY_HOURLY, 1);
        assertThat(byMeter.keySet()).isEqualTo(NB_METERS);
        long previousDayStart = Simulations.localMidnight(DAY.minusDays(1));
        assertThat(Instant.ofEpochMilli(previousDayStart)).isEqualTo(Instant.parse("2026-11-15T16:00:00Z"));
        for (List<Emitted> uplink : byMeter.values()) {
            assertThat(uplink).hasSize(24);
            assertThat(uplink.stream().map(Emitted::stepMs).distinct()).as("one uplink").hasSize(1);
            LocalTime sent = Instant.ofEpochMilli(uplink.get(0).stepMs()).atZone(Simulations.SHANGHAI).toLocalTime();
            assertThat(sent).isBetween(LocalTime.of(0, 30), LocalTime.of(6, 0));
            for (int i = 0; i < 24; i++) {
                Emitted e = uplink.get(i);
                assertThat(e.reading().timeMs()).as("hourly values of the past local day [D-1 16:00Z, D 16:00Z)")
                        .isEqualTo(previousDayStart + i * 3_600_000L);
                boolean last = i == 23;
                assertThat(Simulations.value(e.reading(), Quantity.VOLUME_M3)).isPresent();
                assertThat(Simulations.value(e.reading(), Quantity.BATTERY_V).isPresent()).isEqualTo(last);
                assertThat(Simulations.value(e.reading(), Quantity.SIGNAL_DBM).isPresent()).isEqualTo(last);
                if (i > 0) {
                    assertThat(Simulations.value(e.reading(), Quantity.VOLUME_M3).getAsDouble())
                            .isGreaterThanOrEqualTo(Simulations.value(uplink.get(i - 1).reading(), Quantity.VOLUME_M3).getAsDouble());
                }
            }
            assertThat(Simulations.value(uplink.get(23).reading(), Quantity.BATTERY_V).getAsDouble()).isBetween(3.0, 3.7);
        }
        assertThat(byMeter.values().stream().map(u -> u.get(0).stepMs()).distinct().count())
                .as("meters are staggered, not all at once").isGreaterThan(4);
    }

    @Test
    void theNumberOfValuesAndUplinksFollowsTheSettings() {
        Map<String, List<Emitted>> quarterHours = uplinks(new NbIotSettings(1, Duration.ofMinutes(15)), 1);
        long start = Simulations.localMidnight(DAY.minusDays(1));
        for (List<Emitted> uplink : quarterHours.values()) {
            assertThat(uplink).hasSize(96);
            assertThat(uplink.get(95).reading().timeMs()).isEqualTo(start + 95 * 900_000L);
        }
        Map<String, List<Emitted>> twiceADay = uplinks(new NbIotSettings(2, Duration.ofHours(1)), 2);
        for (List<Emitted> readings : twiceADay.values()) {
            Map<Long, List<Emitted>> bySend = readings.stream().collect(Collectors.groupingBy(Emitted::stepMs));
            assertThat(bySend).as("two uplinks a day for two days").hasSize(4);
            bySend.values().forEach(u -> {
                assertThat(u).hasSize(12);
                long first = u.get(0).reading().timeMs();
                assertThat((first - start) % (12 * 3_600_000L)).as("blocks begin at local 00:00 and 12:00").isZero();
                assertThat(u.get(0).stepMs() - (first + 12 * 3_600_000L)).as("sent after the block ends")
                        .isBetween(15 * 60_000L, 3 * 3_600_000L);
            });
        }
    }
}
