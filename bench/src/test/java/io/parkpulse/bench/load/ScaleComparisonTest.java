package io.parkpulse.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleComparisonTest {

    static LoadReport run(String label, double rate, long stored, double seconds, List<LoadReport.Instance> ingests, double influxCpu) {
        return new LoadReport(label, 20, 10_000, 50, 1, rate, seconds, stored, 0, seconds, stored, stored, 0,
                List.of(100.0, 200.0, 300.0, 400.0), 0, ingests, Map.of("influxdb", influxCpu, "mosquitto", 5.0));
    }

    static JsonObject phase(String label, List<LoadReport.Instance> ingests, long sustainedStored, double pacedRate) {
        return new JsonObject().put("label", label).put("instances", ingests.size())
                .put("sustained", run(label + ", sustained", 0, sustainedStored, 50, ingests, 100).json())
                .put("paced", run(label + ", paced", pacedRate, (long) pacedRate * 30, 30, ingests, 40).json());
    }

    final JsonObject one = phase("1 ingest", List.of(new LoadReport.Instance("ingest-1", 5_000_000, 150, 40, 290, 25)), 5_000_000, 50_000);
    final JsonObject two = phase("2 ingest", List.of(new LoadReport.Instance("ingest-1", 2_640_000, 140, 38, 280, 14),
            new LoadReport.Instance("ingest-2", 2_860_000, 145, 41, 295, 15)), 5_500_000, 50_000);

    @Test
    void everyFigureIsSetBesideItsCounterpartWithTheRatio() {
        ScaleComparison c = new ScaleComparison(one, two, "one.json");
        Map<String, ScaleComparison.Row> rows = new java.util.HashMap<>();
        c.rows().forEach(r -> rows.put(r.figure(), r));

        assertThat(rows.get("ingest instances").ratio()).isEqualTo(2);
        assertThat(rows.get("sustained (closed loop): stored").first()).isEqualTo(100_000);
        assertThat(rows.get("sustained (closed loop): stored").ratio()).isCloseTo(1.1, within(1e-9));
        assertThat(rows.get("paced at the same rate: target").ratio()).isEqualTo(1);
        assertThat(rows.get("paced at the same rate: p95 publish→queryable").second()).isEqualTo(400);
        // CPU of all instances per 1000 readings: 25 s / 5 M vs (14 + 15) s / 5.5 M
        assertThat(rows.get("sustained: CPU of every ingest instance").first()).isCloseTo(0.005, within(1e-12));
        assertThat(rows.get("sustained: CPU of every ingest instance").second()).isCloseTo(29 / 5_500.0, within(1e-12));
        assertThat(rows.get("sustained: CPU of influxdb").second()).isCloseTo(100 / 5_500.0, within(1e-12));
        assertThat(rows.get("sustained: ingest RSS peaks, all instances").second()).isEqualTo(575);
        assertThat(rows.get("sustained: ingest RSS peak (largest instance)").second()).isEqualTo(295);

        assertThat(c.shares().get(0)).startsWith("sustained: ingest-1 48.0 % (2,640,000 points), ingest-2 52.0 %")
                .endsWith("largest / smallest share = 1.083");
        assertThat(c.table()).contains("1 ingest").contains("2 ingest").contains("1.10");
        assertThat(new JsonObject(c.json().encode()).getJsonArray("rows")).isNotEmpty();
    }

    @Test
    void anEarlierPhaseIsReadBackFromItsFileAndAWrongFileIsNamed(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("one.json"), one.encodePrettily());
        assertThat(ScalePhaseCommand.readPhase(good).getString("label")).isEqualTo("1 ingest");

        Path results = Files.writeString(dir.resolve("results.json"), "{\"baseline\": {}, \"runs\": []}");
        assertThatThrownBy(() -> ScalePhaseCommand.readPhase(results)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(results.toString()).hasMessageContaining("no \"sustained\" run");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"sustained\": ");
        assertThatThrownBy(() -> ScalePhaseCommand.readPhase(broken)).hasMessageContaining(broken.toString()).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> ScalePhaseCommand.readPhase(dir.resolve("missing.json"))).hasMessageContaining("missing.json")
                .hasMessageContaining("cannot read");

        JsonObject wrongType = one.copy();
        wrongType.getJsonObject("sustained").put("storedSeconds", 50).put("stored", "lots");
        assertThatThrownBy(() -> new ScaleComparison(wrongType, two, "one.json").rows()).hasMessageContaining("one.json")
                .hasMessageContaining("\"stored\" must be a number");
    }
}
