package io.parkpulse.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.QueryResult;
import io.parkpulse.testkit.RealServicesTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The storage sample's readings, written to a real InfluxDB: every one a distinct point, registers that only count up. */
@RealServicesTest
class StorageSampleIntegrationTest {

    static final long MONDAY = Instant.parse("2026-11-15T16:00:00Z").toEpochMilli(); // Monday 00:00 in Asia/Shanghai

    @Test
    void aDayOfFifteenMinuteReadsIsStoredReadingByReadingWithCountingRegisters(InfluxDb influx) {
        StorageSample sample = new StorageSample("storage-park", 12, Duration.ofMinutes(15), MONDAY, Duration.ofDays(1), 7);
        assertThat(sample.steps()).isEqualTo(96);
        assertThat(sample.points()).isEqualTo(12 * 96);
        StringBuilder lines = new StringBuilder();
        for (int step = 0; step < sample.steps(); step++) {
            sample.appendStep(step, lines);
        }
        influx.createDatabase("sample");
        influx.write("sample", lines.toString());

        assertThat(influx.count("sample", "SELECT count(power_kw) FROM electricity")).isEqualTo(12 * 96);
        assertThat(influx.count("sample", "SELECT count(register_factor) FROM electricity WHERE register_factor = 40")).isEqualTo(12 * 96);
        QueryResult meter = influx.query("sample", "SELECT energy_kwh, power_kw FROM electricity WHERE meter = '" + StorageSample.meterId(5) + "'");
        List<List<Object>> rows = meter.single().values();
        assertThat(rows).hasSize(96);
        double lastEnergy = -1;
        long lastTime = 0;
        for (int i = 0; i < rows.size(); i++) {
            long time = ((Number) rows.get(i).get(0)).longValue();
            double energy = ((Number) rows.get(i).get(1)).doubleValue();
            assertThat(time - (MONDAY + i * 900_000L)).as("meter 5 is read 5 bus slots of 250 ms after the schedule, plus a few ms").isBetween(1_250L, 1_300L);
            assertThat(energy).isGreaterThanOrEqualTo(lastEnergy);
            assertThat(time).isGreaterThan(lastTime);
            lastEnergy = energy;
            lastTime = time;
        }
        // the day shift draws more than the night
        double night = ((Number) rows.get(8).get(2)).doubleValue();  // 02:00
        double day = ((Number) rows.get(40).get(2)).doubleValue();   // 10:00
        assertThat(day).isGreaterThan(night);
    }

    @Test
    void samplesFillWholeShardGroupsWhichStartOnMondaysUtc() {
        long now = Instant.parse("2026-11-30T05:00:00Z").toEpochMilli();
        long start = StorageFootprintCommand.shardGroupStart(now);
        assertThat(Instant.ofEpochMilli(start)).isEqualTo(Instant.parse("2026-11-30T00:00:00Z")); // a Monday
        assertThat(StorageFootprintCommand.shardGroupStart(start - 1)).isEqualTo(start - Duration.ofDays(7).toMillis());
        assertThat(StorageFootprintCommand.shardGroupStart(start)).isEqualTo(start);
    }

    @Test
    void theWorkingDayOfTheLoadAndBadShapesAreRefused() {
        long hour = 3_600_000;
        assertThat(StorageSample.load(MONDAY + 10 * hour)).isEqualTo(0.75);
        assertThat(StorageSample.load(MONDAY + 2 * hour)).isEqualTo(0.25);
        assertThat(StorageSample.load(MONDAY + 21 * hour)).isEqualTo(0.45);
        assertThat(StorageSample.load(MONDAY + 6 * 24 * hour + 10 * hour)).as("Sunday").isEqualTo(0.3);
        assertThatThrownBy(() -> new StorageSample("p", 0, Duration.ofMinutes(15), MONDAY, Duration.ofDays(1), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 meters");
        assertThatThrownBy(() -> new StorageSample("p", 3, Duration.ofMinutes(15), MONDAY, Duration.ofMinutes(5), 1))
                .hasMessageContaining("span PT5M");
    }
}
