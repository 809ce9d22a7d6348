package io.parkpulse.dashboard.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.dashboard.Parks;
import io.parkpulse.dashboard.reports.OutputReportStore;
import io.parkpulse.efficiency.indicator.OutputReport;
import io.parkpulse.storage.InfluxClient;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.RealServicesTest;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily rules against readings and output reports written to a real InfluxDB. */
@RealServicesTest
class DailyRulesIntegrationTest {

    static final LocalDate NIGHT = LocalDate.of(2026, 10, 14);

    @TempDir
    Path dir;
    Vertx vertx;
    InfluxDb db;
    String database;
    InfluxClient influx;
    Parks parks;
    AlarmFixture.MovableClock clock;
    AlarmEngine engine;

    @BeforeEach
    void start(InfluxDb db) throws Exception {
        this.db = db;
        database = "daily_" + System.nanoTime();
        db.createDatabase(database);
        vertx = Vertx.vertx();
        influx = AlarmFixture.influx(vertx, db.url(), database);
        parks = AlarmFixture.parks(dir, AlarmFixture.PARK);
        clock = new AlarmFixture.MovableClock(NIGHT.atTime(7, 0).atZone(AlarmFixture.SHANGHAI).toInstant());
        AlarmFixture.TestLiveView live = new AlarmFixture.TestLiveView();
        live.empty = true;
        engine = AlarmFixture.engine(vertx, parks, live, influx, clock);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    List<AlarmEvent> daily() throws Exception {
        return engine.evaluateDaily("alarm-park").await(60, TimeUnit.SECONDS).stream()
                .filter(e -> e.alarm().rule().equals(rule)).toList();
    }

    String rule;

    /** 15-minute cumulative volumes of the park inlet from {@code from} to {@code to}: 10 m³/h by day, {@code night} by night. */
    void writeInlet(LocalDate from, LocalDate to, DoubleUnaryOperator nightFlowOfDay, double startVolume) {
        StringBuilder lines = new StringBuilder();
        ZonedDateTime t = from.atStartOfDay(AlarmFixture.SHANGHAI);
        ZonedDateTime end = to.atTime(6, 0).atZone(AlarmFixture.SHANGHAI);
        double volume = startVolume;
        while (!t.isAfter(end)) {
            lines.append("water,meter=W-INLET,park=alarm-park volume_m3=").append(volume).append(' ')
                    .append(t.toInstant().toEpochMilli()).append('\n');
            LocalTime time = t.toLocalTime();
            boolean night = !time.isBefore(LocalTime.of(1, 0)) && time.isBefore(LocalTime.of(5, 0));
            double flow = night ? nightFlowOfDay.applyAsDouble(t.toLocalDate().toEpochDay()) : 10;
            volume += flow / 4;
            t = t.plusMinutes(15);
        }
        db.write(database, lines.toString());
    }

    @Test
    void a_night_minimum_above_its_baseline_raises_and_a_normal_night_clears() throws Exception {
        rule = "night-water";
        long tonight = NIGHT.toEpochDay();
        // ten nights at about 2 m³/h (1.9-2.1, median 2.0), tonight 2.8: above 2.0 × 1.3 = 2.6
        writeInlet(NIGHT.minusDays(10), NIGHT, day -> day == tonight ? 2.8 : 1.9 + 0.2 * ((day % 3) / 2.0), 1000);
        List<AlarmEvent> raised = daily();
        assertThat(raised).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(AlarmState.RAISED);
            assertThat(e.alarm().subject()).isEqualTo(Subject.meter("W-INLET"));
            assertThat(e.alarm().value()).isCloseTo(2.8, within(1e-9));
            assertThat(e.alarm().threshold()).isCloseTo(2.0 * 1.3, within(1e-9));
            assertThat(e.alarm().detail()).contains("night of 2026-10-14", "median of 10 nights");
            assertThat(e.alarm().message().code()).isEqualTo("night_baseline");
            assertThat(e.alarm().message().args()).containsEntry("night", "2026-10-14").containsEntry("nights", "10");
        });
        assertThat(daily()).as("judged again the same day: nothing new").isEmpty();

        // tonight corrected to 2.4 m³/h (a late, corrected upload): within the 30 %
        writeInlet(NIGHT, NIGHT, day -> 2.4, volumeAt(NIGHT));
        assertThat(daily()).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(AlarmState.CLEARED);
            assertThat(e.alarm().value()).isCloseTo(2.4, within(1e-9));
        });
    }

    @Test
    void a_night_with_too_few_readings_or_too_short_a_baseline_is_not_judged() throws Exception {
        rule = "night-water";
        long tonight = NIGHT.toEpochDay();
        // only four nights of baseline: fewer than half of ten
        writeInlet(NIGHT.minusDays(4), NIGHT, day -> day == tonight ? 9.0 : 2.0, 1000);
        assertThat(daily()).isEmpty();
        assertThat(engine.active("alarm-park").await(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void a_rule_that_could_not_be_told_is_judged_again_the_same_day_once_its_data_has_arrived() throws Exception {
        rule = "night-water";
        long tonight = NIGHT.toEpochDay();
        // 07:00, the day's turn: only four nights are known yet (history still on its way), so nothing can be told
        writeInlet(NIGHT.minusDays(4), NIGHT, day -> day == tonight ? 2.8 : 2.0, 1000);
        engine.tick().await(60, TimeUnit.SECONDS);
        assertThat(engine.active("alarm-park").await(10, TimeUnit.SECONDS)).isEmpty();

        // the rest of the history arrives; the next round is not yet the retry's time, the one after it is
        writeInlet(NIGHT.minusDays(10), NIGHT, day -> day == tonight ? 2.8 : 2.0, 1000);
        clock.advance(Duration.ofMinutes(1));
        engine.tick().await(60, TimeUnit.SECONDS);
        assertThat(engine.active("alarm-park").await(10, TimeUnit.SECONDS)).as("before the retry is due").isEmpty();
        clock.advance(AlarmEngine.DAILY_RETRY);
        engine.tick().await(60, TimeUnit.SECONDS);
        assertThat(engine.active("alarm-park").await(10, TimeUnit.SECONDS)).singleElement()
                .satisfies(a -> assertThat(a.subject()).isEqualTo(Subject.meter("W-INLET")));
    }

    /** The volume the baseline writing reached at the start of {@code day} (1000 + 10 m³/h by day, 1.9-2.1 by night). */
    double volumeAt(LocalDate day) {
        double v = 1000;
        for (LocalDate d = NIGHT.minusDays(10); d.isBefore(day); d = d.plusDays(1)) {
            double night = 1.9 + 0.2 * ((d.toEpochDay() % 3) / 2.0);
            v += 20 * 10 + 4 * night;
        }
        return v;
    }

    @Test
    void energy_growing_faster_than_output_raises_for_that_enterprise_only() throws Exception {
        rule = "energy-vs-output";
        YearMonth now = YearMonth.of(2026, 9);
        YearMonth before = now.minusYears(1);
        // cement: energy +30 %, output +5 % → energy outpaces output; food: energy +5 %, output +20 % → improving
        writeHourlyEnergy("E-CEM-1", "ent-cement", "C3011", before, 500);
        writeHourlyEnergy("E-CEM-2", "ent-cement", "C3011", before, 500);
        writeHourlyEnergy("E-CEM-1", "ent-cement", "C3011", now, 650);
        writeHourlyEnergy("E-CEM-2", "ent-cement", "C3011", now, 650);
        writeHourlyEnergy("E-FOOD", "ent-food", "C1431", before, 100);
        writeHourlyEnergy("E-FOOD", "ent-food", "C1431", now, 105);
        OutputReportStore reports = new OutputReportStore(influx);
        reports.write("alarm-park", AlarmFixture.SHANGHAI, List.of(report("ent-cement", before, 1_000_000),
                report("ent-cement", now, 1_050_000), report("ent-food", before, 500_000), report("ent-food", now, 600_000)),
                "test", clock.millis()).await(20, TimeUnit.SECONDS);

        List<AlarmEvent> raised = daily();
        assertThat(raised).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(AlarmState.RAISED);
            assertThat(e.alarm().subject()).isEqualTo(Subject.enterprise("ent-cement"));
            assertThat(e.alarm().value()).isCloseTo(30.0, within(0.01));
            assertThat(e.alarm().threshold()).isCloseTo(5.0, within(0.01));
            assertThat(e.alarm().detail()).contains("2026-09 against 2025-09", "energy_outpacing_output");
            assertThat(e.alarm().message().code()).isEqualTo("growth_against");
            assertThat(e.alarm().message().args()).containsEntry("month", "2026-09").containsEntry("year_earlier", "2025-09")
                    .containsEntry("quadrant", "energy_outpacing_output");
        });

        // the next month judged: cement's September output corrected upward, growth now in line
        reports.write("alarm-park", AlarmFixture.SHANGHAI, List.of(report("ent-cement", now, 1_400_000)), "test",
                clock.millis()).await(20, TimeUnit.SECONDS);
        clock.advance(Duration.ofHours(1));
        assertThat(daily()).singleElement().extracting(AlarmEvent::state).isEqualTo(AlarmState.CLEARED);
    }

    static OutputReport report(String enterprise, YearMonth month, double outputValue) {
        return OutputReport.builder(enterprise, month, outputValue).valueAdded(outputValue * 0.25).tax(outputValue * 0.04)
                .revenue(outputValue).rdSpend(outputValue * 0.02).employees(100).emissions(1).build();
    }

    /** Hourly cumulative energy of {@code kw} constant load through {@code month}, a day either side. */
    void writeHourlyEnergy(String meter, String enterprise, String industry, YearMonth month, double kw) {
        StringBuilder lines = new StringBuilder();
        ZonedDateTime t = month.atDay(1).minusDays(1).atStartOfDay(AlarmFixture.SHANGHAI);
        ZonedDateTime end = month.atEndOfMonth().plusDays(2).atStartOfDay(AlarmFixture.SHANGHAI);
        double kwh = 10_000;
        while (!t.isAfter(end)) {
            lines.append("electricity,enterprise=").append(enterprise).append(",industry=").append(industry)
                    .append(",meter=").append(meter).append(",park=alarm-park energy_kwh=").append(kwh)
                    .append(",power_kw=").append(kw).append(' ').append(t.toInstant().toEpochMilli()).append('\n');
            kwh += kw;
            t = t.plusHours(1);
        }
        db.write(database, lines.toString());
    }
}
