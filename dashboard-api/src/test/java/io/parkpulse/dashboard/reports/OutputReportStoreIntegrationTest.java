package io.parkpulse.dashboard.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.efficiency.coal.EnergyCarrier;
import io.parkpulse.efficiency.indicator.OutputReport;
import io.parkpulse.efficiency.indicator.OutputReport.GreenElectricity;
import io.parkpulse.efficiency.indicator.OutputReport.GreenKind;
import io.parkpulse.efficiency.indicator.OutputReport.ProductOutput;
import io.parkpulse.storage.InfluxClient;
import io.parkpulse.storage.InfluxConfig;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.RealServicesTest;
import io.vertx.core.Vertx;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Declared fuels and green electricity written to and read back from a real InfluxDB, beside reports stored before them. */
@RealServicesTest
class OutputReportStoreIntegrationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);

    Vertx vertx;
    InfluxDb db;
    String database;
    OutputReportStore store;

    @BeforeEach
    void start(InfluxDb db) {
        this.db = db;
        database = "report_store_" + System.nanoTime();
        db.createDatabase(database);
        vertx = Vertx.vertx();
        store = new OutputReportStore(new InfluxClient(vertx, InfluxConfig.of(db.url(), database)));
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    List<OutputReport> read(YearMonth month) throws Exception {
        return store.read("p", SHANGHAI, month, month, null).await(20, TimeUnit.SECONDS).stream()
                .sorted(Comparator.comparing(OutputReport::enterprise)).toList();
    }

    @Test
    void fuels_and_green_electricity_come_back_as_they_were_declared() throws Exception {
        OutputReport declared = OutputReport.builder("ent-a", SEPTEMBER, 12_000_000).valueAdded(3_000_000)
                .products(List.of(new ProductOutput("熟料", 40_000, "t", 1.0)))
                .fuels(Map.of(EnergyCarrier.RAW_COAL, 12_000.0, EnergyCarrier.DIESEL, 800.5, EnergyCarrier.COKE, 0.0))
                .green(List.of(new GreenElectricity(GreenKind.CONTRACT, 150_000), new GreenElectricity(GreenKind.CERTIFICATE, 20_000)))
                .build();
        OutputReport plain = OutputReport.builder("ent-b", SEPTEMBER, 5_000).build();
        store.write("p", SHANGHAI, List.of(declared, plain), "test", 1L).await(20, TimeUnit.SECONDS);

        assertThat(read(SEPTEMBER)).containsExactly(declared, plain);
    }

    @Test
    void a_correction_that_leaves_a_declaration_out_removes_it() throws Exception {
        store.write("p", SHANGHAI, List.of(OutputReport.builder("ent-a", SEPTEMBER, 1)
                .fuels(Map.of(EnergyCarrier.LPG, 450.0, EnergyCarrier.GASOLINE, 120.0))
                .green(List.of(new GreenElectricity(GreenKind.CONTRACT, 1_000))).build()), "test", 1L).await(20, TimeUnit.SECONDS);
        OutputReport corrected = OutputReport.builder("ent-a", SEPTEMBER, 1).fuels(Map.of(EnergyCarrier.LPG, 400.0))
                .green(List.of(new GreenElectricity(GreenKind.CERTIFICATE, 2_000))).build();
        store.write("p", SHANGHAI, List.of(corrected), "test", 2L).await(20, TimeUnit.SECONDS);

        assertThat(read(SEPTEMBER)).containsExactly(corrected);
    }

    @Test
    void several_declarations_of_one_kind_are_stored_as_their_sum() throws Exception {
        store.write("p", SHANGHAI, List.of(OutputReport.builder("ent-a", SEPTEMBER, 1).green(List.of(
                new GreenElectricity(GreenKind.CONTRACT, 100_000), new GreenElectricity(GreenKind.CONTRACT, 50_000))).build()),
                "test", 1L).await(20, TimeUnit.SECONDS);

        assertThat(read(SEPTEMBER).get(0).green()).containsExactly(new GreenElectricity(GreenKind.CONTRACT, 150_000));
    }

    @Test
    void a_report_stored_before_the_declarations_existed_still_reads_and_declares_nothing() throws Exception {
        // the point as OutputReportStore wrote it before issue 19: no fuel_* or green_* fields
        long time = OutputReportStore.monthStart(YearMonth.of(2026, 8), SHANGHAI).toEpochMilli();
        db.write(database, "output_report,enterprise=ent-old,park=p output_value_cny=52000000,value_added_cny=13000000,tax_cny=-1,"
                + "revenue_cny=-1,rd_spend_cny=-1,employees=420,emissions_t=-1,products=\"[]\",submitted_at_ms=1,submitted_by=\"old\" "
                + time);

        assertThat(read(YearMonth.of(2026, 8))).singleElement().satisfies(old -> {
            assertThat(old.enterprise()).isEqualTo("ent-old");
            assertThat(old.outputValue()).isEqualTo(52_000_000);
            assertThat(old.valueAdded()).hasValue(13_000_000);
            assertThat(old.employees()).hasValue(420);
            assertThat(old.fuels()).isEmpty();
            assertThat(old.green()).isEmpty();
        });
    }
}
