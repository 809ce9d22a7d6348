package io.parkpulse.dashboard.efficiency;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.dashboard.readings.CounterReadingStore;
import io.parkpulse.dashboard.readings.MeterDayStore;
import io.parkpulse.dashboard.reports.OutputReportStore;
import io.parkpulse.efficiency.indicator.OutputReport;
import io.parkpulse.park.ParkFileReader;
import io.parkpulse.storage.InfluxClient;
import io.parkpulse.storage.InfluxConfig;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.RealServicesTest;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Settled months kept beyond the result lifetime (issue 19): on a real InfluxDB, a two-month park asked twice gets
 * the same month results back; a late-reading mark written on a day of February (or rewritten) recomputes February
 * only; output reports arriving (forget, as the upload does) drop every kept month of the park; a month not yet
 * settled when computed is not kept.
 */
@RealServicesTest
class KeptMonthsIntegrationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String PARK = """
            schema_version: 1
            park: {id: kept-park, name: 留存园区, time_zone: Asia/Shanghai}
            enterprises:
              - {id: ent-a, name: 甲厂, industry: C3011, land_mu: 50}
            gateways:
              - {id: gw-1}
            meters:
              - {id: E-A, kind: electricity, enterprise: ent-a, gateway: gw-1}
            """;
    static final YearMonth JAN = YearMonth.of(2025, 1);
    static final YearMonth FEB = YearMonth.of(2025, 2);
    static final List<YearMonth> BOTH = List.of(JAN, FEB);

    Vertx vertx;
    InfluxDb db;
    String database;
    InfluxClient influx;
    ParkModel model;

    @BeforeEach
    void start(InfluxDb db) {
        this.db = db;
        database = "kept_" + System.nanoTime();
        db.createDatabase(database);
        vertx = Vertx.vertx();
        influx = new InfluxClient(vertx, InfluxConfig.of(db.url(), database));
        model = new ParkModel(new ParkFileReader().read("kept-park.yaml", PARK));
        // a reading every 15 minutes from the last day of 2024 to the first of March, 10 kWh an hour
        StringBuilder lines = new StringBuilder();
        long from = LocalDate.of(2024, 12, 31).atStartOfDay(SHANGHAI).toInstant().toEpochMilli();
        long to = LocalDate.of(2025, 3, 2).atStartOfDay(SHANGHAI).toInstant().toEpochMilli();
        double register = 1_000;
        for (long t = from; t < to; t += 900_000) {
            lines.append("electricity,enterprise=ent-a,industry=C3011,meter=E-A,park=kept-park energy_kwh=").append(register)
                    .append(' ').append(t).append('\n');
            register += 2.5;
        }
        db.write(database, lines.toString());
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    EfficiencyService service(LocalDateTime now) {
        Clock clock = Clock.fixed(now.atZone(SHANGHAI).toInstant(), SHANGHAI);
        DailyConsumption consumption = new DailyConsumption(vertx, new CounterReadingStore(vertx, influx),
                new MeterDayStore(influx, 1_000), 10_000_000L);
        // no result lifetime: whatever comes back twice was kept as a settled month
        return new EfficiencyService(vertx, consumption, new OutputReportStore(influx), Duration.ZERO, 8, clock);
    }

    List<ParkPeriodResult> months(EfficiencyService service) throws Exception {
        return service.months(model, BOTH).await(60, TimeUnit.SECONDS);
    }

    void lateMark(LocalDate day, long arrivedMs) {
        db.write(database, "late_reading,meter=E-A,park=kept-park arrived_ms=" + (double) arrivedMs + " "
                + day.atStartOfDay(SHANGHAI).toInstant().toEpochMilli() + "\n");
    }

    static double kwh(ParkPeriodResult r) {
        return r.figures().get("ent-a").figures().electricityKwh();
    }

    @Test
    void a_settled_month_is_reused_until_a_late_mark_of_its_days_changes() throws Exception {
        EfficiencyService service = service(LocalDateTime.of(2025, 4, 15, 9, 0));
        List<ParkPeriodResult> first = months(service);
        assertThat(service.keptMonths()).isEqualTo(2);

        List<ParkPeriodResult> again = months(service);
        assertThat(again.get(0)).as("January, nothing changed").isSameAs(first.get(0));
        assertThat(again.get(1)).as("February, nothing changed").isSameAs(first.get(1));

        // a late reading of 10 February arrives: February is computed again, January is not
        lateMark(LocalDate.of(2025, 2, 10), Instant.parse("2025-04-15T00:00:00Z").toEpochMilli());
        List<ParkPeriodResult> afterMark = months(service);
        assertThat(afterMark.get(0)).isSameAs(first.get(0));
        assertThat(afterMark.get(1)).isNotSameAs(first.get(1));
        assertThat(months(service).get(1)).as("kept again, with the new mark").isSameAs(afterMark.get(1));

        // a later late batch of the same day rewrites the mark: February again
        lateMark(LocalDate.of(2025, 2, 10), Instant.parse("2025-04-15T00:30:00Z").toEpochMilli());
        List<ParkPeriodResult> afterRewrite = months(service);
        assertThat(afterRewrite.get(0)).isSameAs(first.get(0));
        assertThat(afterRewrite.get(1)).isNotSameAs(afterMark.get(1));

        // a mark on 1 February is a neighbour of 31 January: both months read it
        lateMark(LocalDate.of(2025, 2, 1), Instant.parse("2025-04-15T00:40:00Z").toEpochMilli());
        List<ParkPeriodResult> afterEdge = months(service);
        assertThat(afterEdge.get(0)).isNotSameAs(first.get(0));
        assertThat(afterEdge.get(1)).isNotSameAs(afterRewrite.get(1));
        assertThat(kwh(afterEdge.get(0))).isEqualTo(kwh(first.get(0))).isEqualTo(31 * 24 * 10.0);
    }

    @Test
    void output_reports_arriving_drop_the_kept_months() throws Exception {
        EfficiencyService service = service(LocalDateTime.of(2025, 4, 15, 9, 0));
        List<ParkPeriodResult> first = months(service);
        assertThat(first.get(0).figures().get("ent-a").figures().output().outputValue()).isNaN();

        // as the upload does: write the reports, then forget the park's kept results
        new OutputReportStore(influx).write("kept-park", SHANGHAI, List.of(OutputReport.builder("ent-a", JAN, 5_000_000).build()),
                "test", Instant.parse("2025-04-15T01:00:00Z").toEpochMilli()).await(30, TimeUnit.SECONDS);
        service.forget("kept-park");
        assertThat(service.keptMonths()).isZero();

        List<ParkPeriodResult> after = months(service);
        assertThat(after.get(0)).isNotSameAs(first.get(0));
        assertThat(after.get(1)).isNotSameAs(first.get(1));
        assertThat(after.get(0).figures().get("ent-a").figures().output().outputValue()).isEqualTo(5_000_000);
        assertThat(service.keptMonths()).isEqualTo(2);
    }

    @Test
    void a_month_not_settled_when_computed_is_not_kept() throws Exception {
        // an hour after February ended: its last day may still get readings on their way
        EfficiencyService service = service(LocalDateTime.of(2025, 3, 1, 1, 0));
        List<ParkPeriodResult> first = months(service);
        assertThat(service.keptMonths()).as("January only").isEqualTo(1);
        List<ParkPeriodResult> again = months(service);
        assertThat(again.get(0)).isSameAs(first.get(0));
        assertThat(again.get(1)).isNotSameAs(first.get(1));
    }
}
