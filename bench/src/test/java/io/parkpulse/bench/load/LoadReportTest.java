package io.parkpulse.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadReportTest {

    static LoadReport report(List<LoadReport.Instance> ingests, Map<String, Double> cpu) {
        return new LoadReport("two, sustained", 20, 10_000, 50, 1, 0, 10, 1_000_000, 0, 12.5, 1_000_000, 1_000_100, 0,
                List.of(100.0, 200.0, 300.0, 400.0), 0, ingests, cpu);
    }

    @Test
    void sharesAndCpuPerThousandReadingsComeFromEachInstance() {
        Map<String, Double> others = new LinkedHashMap<>();
        others.put("influxdb", 120.0);
        others.put("load generator", Double.NaN);
        LoadReport r = report(List.of(new LoadReport.Instance("ingest-1", 600_000, 150, 40, 290, 30),
                new LoadReport.Instance("ingest-2", 400_100, 140, 45, 300, 20)), others);

        assertThat(r.shares()).containsExactly(new double[] {600_000 / 1_000_100.0, 400_100 / 1_000_100.0}, within(1e-12));
        assertThat(r.storedPerSecond()).isEqualTo(80_000);
        assertThat(r.duplicates()).isEqualTo(100);
        assertThat(r.cpuByProcess()).containsKeys("ingest-1", "ingest-2", LoadReport.ALL_INGESTS, "influxdb", "load generator");
        assertThat(r.cpuByProcess().get(LoadReport.ALL_INGESTS)).isEqualTo(50);
        assertThat(r.cpuPerThousandReadings().get(LoadReport.ALL_INGESTS)).isCloseTo(0.05, within(1e-12));
        assertThat(r.cpuPerThousandReadings().get("influxdb")).isCloseTo(0.12, within(1e-12));
        assertThat(r.ingestHeapPeakMb()).isEqualTo(150);
        assertThat(r.ingestLiveHeapMb()).isEqualTo(45);
        assertThat(r.ingestRssPeakMb()).isEqualTo(300);

        assertThat(r.table()).contains("ingest-1").contains("60.0 % of the stream").contains("ingest-2").contains("40.0 %")
                .contains("influxdb 120.0 s = 0.1200 s").contains("p95 400 ms");
        JsonObject json = new JsonObject(r.json().encode()); // NaN would not survive encoding
        assertThat(json.getJsonArray("ingests").getJsonObject(1).getDouble("share")).isCloseTo(0.4, within(1e-3));
        assertThat(json.getJsonObject("cpuSecondsPer1000Readings").getValue("load generator")).isNull();
        assertThat(json.getJsonObject("cpuSecondsPer1000Readings").getDouble(LoadReport.ALL_INGESTS)).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void oneInstanceIsReportedAsBeforeAndUnknownCountsGiveNoShares() {
        LoadReport one = report(List.of(new LoadReport.Instance("ingest", 1_000_000, 146, 42, 286, 47)), Map.of());
        assertThat(one.table()).contains("ingest memory").contains("heap peak 146 MiB in use, 42 MiB live after GC, RSS peak 286 MiB")
                .doesNotContain("of the stream").doesNotContain(LoadReport.ALL_INGESTS);
        assertThat(one.shares()).containsExactly(1.0);

        LoadReport unknown = report(List.of(new LoadReport.Instance("ingest-1", -1, -1, -1, -1, Double.NaN),
                new LoadReport.Instance("ingest-2", 5, -1, -1, -1, Double.NaN)), Map.of());
        assertThat(unknown.shares()).containsOnly(Double.NaN);
        assertThat(unknown.table()).contains("heap unknown");
        assertThat(new JsonObject(unknown.json().encode()).getJsonArray("ingests").getJsonObject(0).getValue("share")).isNull();

        LoadReport none = report(List.of(), Map.of());
        assertThat(none.ingestHeapPeakMb()).isEqualTo(-1);
        assertThat(none.shares()).isEmpty();
    }
}
