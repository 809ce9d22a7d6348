package io.parkpulse.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** InfluxDB started by the kit, exercised through the kit's own HTTP helpers. */
class InfluxDbTest {

    private static final long T0 = 1_700_000_000_000L;

    private static InfluxDb influx;
    private String db;
    private static int databases;

    @BeforeAll
    static void startInflux() {
        influx = RealServices.influxDb();
    }

    @AfterAll
    static void closeInflux() {
        influx.close();
    }

    @BeforeEach
    void freshDatabase() {
        influx.start(); // a fault test may have left it down
        db = "db" + (++databases);
        influx.createDatabase(db);
    }

    @Test
    void writesComeBackWithTagsFieldsAndMillisecondTimes() {
        influx.write(db, String.join("\n",
                "telemetry,park=p1,meter=m1 power_kw=12.5,status=\"ok\",pulses=3i " + T0,
                "telemetry,park=p1,meter=m2 power_kw=7 " + (T0 + 1000)));

        QueryResult.Series series = influx.query(db, "SELECT power_kw, status, pulses FROM telemetry GROUP BY meter")
                .series().get(0);

        assertThat(series.name()).isEqualTo("telemetry");
        assertThat(series.tags()).isEqualTo(Map.of("meter", "m1"));
        assertThat(series.columns()).containsExactly("time", "power_kw", "status", "pulses");
        assertThat(series.values()).containsExactly(List.of(T0, 12.5, "ok", 3L));
        QueryResult.Series m2 = influx.query(db, "SELECT power_kw, status FROM telemetry GROUP BY meter").series().get(1);
        assertThat(m2.tags()).isEqualTo(Map.of("meter", "m2"));
        assertThat(m2.values()).containsExactly(Arrays.asList(T0 + 1000, 7L, null));

        QueryResult all = influx.query(db, "SELECT * FROM telemetry");
        assertThat(all.single().column("time")).containsExactly(T0, T0 + 1000);
        assertThat(all.single().column("meter")).containsExactly("m1", "m2");
        // a whole float comes back as a JSON integer
        assertThat(all.single().column("power_kw")).containsExactly(12.5, 7L);
    }

    @Test
    void countReturnsTheNumberOrZeroWhenThereIsNoSeries() {
        assertThat(influx.count(db, "SELECT count(power_kw) FROM telemetry")).isZero();

        influx.write(db, "telemetry,meter=m1 power_kw=1 " + T0 + "\ntelemetry,meter=m1 power_kw=2 " + (T0 + 1));

        assertThat(influx.count(db, "SELECT count(power_kw) FROM telemetry")).isEqualTo(2);
        assertThat(influx.count(db, "SELECT count(power_kw) FROM telemetry WHERE meter = 'nope'")).isZero();
    }

    @Test
    void dataSurvivesStopAndStartOnTheSameUrl() {
        String url = influx.url();
        influx.write(db, "telemetry,meter=m1 power_kw=1 " + T0);

        influx.stop();
        assertThat(influx.isRunning()).isFalse();
        influx.start();

        assertThat(influx.url()).isEqualTo(url);
        assertThat(influx.count(db, "SELECT count(power_kw) FROM telemetry")).isEqualTo(1);
    }

    @Test
    void acknowledgedWritesSurviveAKill() {
        influx.write(db, "telemetry,meter=m1 power_kw=1 " + T0);

        influx.kill();
        influx.start();

        assertThat(influx.count(db, "SELECT count(power_kw) FROM telemetry")).isEqualTo(1);
    }

    @Test
    void writeWhileStoppedFailsClearly() {
        influx.stop();

        assertThatThrownBy(() -> influx.write(db, "telemetry power_kw=1 " + T0))
                .isInstanceOf(InfluxDbException.class)
                .hasMessageContaining("InfluxDB at " + influx.url() + " is not reachable")
                .satisfies(e -> assertThat(((InfluxDbException) e).status()).isEqualTo(InfluxDbException.NO_RESPONSE));
    }

    @Test
    void serverErrorsCarryInfluxDbsOwnText() {
        assertThatThrownBy(() -> influx.write(db, "telemetry power_kw=notanumber"))
                .isInstanceOf(InfluxDbException.class)
                .hasMessageContaining("unable to parse")
                .satisfies(e -> assertThat(((InfluxDbException) e).status()).isEqualTo(400));
        assertThatThrownBy(() -> influx.query(db, "SELEC * FROM telemetry"))
                .isInstanceOf(InfluxDbException.class)
                .hasMessageContaining("error parsing query");
        assertThatThrownBy(() -> influx.query("no_such_db", "SELECT * FROM telemetry"))
                .isInstanceOf(InfluxDbException.class)
                .hasMessageContaining("database not found: no_such_db");
    }

    @Test
    void closeDeletesTheDirectoryAndIsIdempotent() {
        LocalInfluxDb other = (LocalInfluxDb) RealServices.influxDb();
        Path dir = other.directory();
        assertThat(dir.resolve("influxdb.conf")).exists();

        other.close();
        other.close();

        assertThat(other.isRunning()).isFalse();
        assertThat(dir).doesNotExist();
    }
}
