package io.parkpulse.simulators.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.park.Park;
import io.parkpulse.park.ParkFileReader;
import io.parkpulse.simulators.SimulatorsCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {

    static int run(String... args) {
        return new CommandLine(new SimulatorsCli()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    /** What a run that fails with the usage exit code writes to stderr. */
    static String errorOf(String... args) {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(run(args)).isEqualTo(2);
        } finally {
            System.setErr(original);
        }
        return err.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void generateThenDryRunThenReportOutput(@TempDir Path dir) throws Exception {
        Path parkFile = dir.resolve("park.yaml");
        assertThat(run("generate-park", "--enterprises", "12", "--seed", "5", "--park-id", "cli-park", "--out", parkFile.toString())).isZero();
        Park park = new ParkFileReader().read(parkFile);
        assertThat(park.enterprises()).hasSize(12);

        Path messages = dir.resolve("messages.txt");
        Path faults = dir.resolve("faults.jsonl");
        Path output = dir.resolve("output.jsonl");
        assertThat(run("run", "--park", parkFile.toString(), "--mode", "backfill", "--from", "2026-10-31", "--to", "2026-11-02",
                "--interval", "PT1H", "--seed", "3", "--faults", "realistic", "--fault", "duplicate=0.2",
                "--leak", "W-001-NB,2026-11-01T00:00+08:00,0.5", "--dry-run", messages.toString(), "--fault-log", faults.toString(),
                "--output-report", output.toString(), "--output-format", "jsonl", "--progress", "PT1M")).isZero();
        List<String> lines = Files.readAllLines(messages, StandardCharsets.UTF_8);
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l.split("\t")).hasSize(3));
        assertThat(lines.get(0)).contains("\tdp/v1/cli-park/gw-01/telemetry\t{\"seq\":0,");
        assertThat(Files.readString(faults)).contains("\"type\":\"duplicate_message\"", "\"type\":\"leak\"", "\"meter\":\"W-001-NB\"");
        List<String> months = Files.readAllLines(output);
        assertThat(months).hasSize(2 * 12).allSatisfy(l -> assertThat(l).startsWith("{\"park\":\"cli-park\",\"enterprise\":\"ent-"));
        assertThat(months).filteredOn(l -> l.contains("\"month\":\"2026-10\"")).allSatisfy(l -> assertThat(l).contains("\"complete\":false"));

        Path csv = dir.resolve("output.csv");
        assertThat(run("output-report", "--park", parkFile.toString(), "--from", "2026-09", "--to", "2026-10", "--truth",
                "--out", csv.toString())).isZero();
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).isEqualTo("park,enterprise,industry,month,unit,quantity,output_value_cny,value_added_cny,tax_cny,"
                + "employees,rd_spend_cny,complete,fuel_raw_coal_kg,fuel_coke_kg,fuel_diesel_kg,fuel_gasoline_kg,fuel_fuel_oil_kg,fuel_lpg_kg,"
                + "green_contract_kwh,green_certificate_kwh,sim_efficiency_tier,sim_efficiency_factor");
        assertThat(rows).hasSize(1 + 2 * 12);
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r).contains(",true,"));

        Path upload = dir.resolve("upload.csv");
        assertThat(run("output-report", "--park", parkFile.toString(), "--from", "2026-10", "--to", "2026-10", "--format", "upload",
                "--out", upload.toString())).isZero();
        List<String> uploadRows = Files.readAllLines(upload);
        assertThat(uploadRows.get(0)).isEqualTo("enterprise,month,output_value_cny,value_added_cny,tax_cny,employees,rd_spend_cny,"
                + "fuel_raw_coal_kg,fuel_coke_kg,fuel_diesel_kg,fuel_gasoline_kg,fuel_fuel_oil_kg,fuel_lpg_kg,green_contract_kwh,green_certificate_kwh,"
                + "product,quantity,unit");
        assertThat(uploadRows).hasSize(1 + 12);
        assertThat(uploadRows.subList(1, uploadRows.size())).allSatisfy(r -> assertThat(r).matches("ent-[^,]+,2026-10,[0-9.]+,.*"));
    }

    @Test
    void aSkippedGatewayKeepsItsHistoryButSendsNothingFromTheStartOn(@TempDir Path dir) throws Exception {
        Path messages = dir.resolve("messages.txt");
        long before = System.currentTimeMillis();
        assertThat(run("run", "--park", "../test-kit/parks/demo-park.yaml", "--mode", "accelerated", "--speed", "14400", "--from", "now-PT2H",
                "--to", java.time.Instant.ofEpochMilli(before + 7_200_000).toString(), "--skip-gateway", "gw-south", "--dry-run", messages.toString(), "--progress", "PT1M")).isZero();
        long after = System.currentTimeMillis();
        List<String> lines = Files.readAllLines(messages, StandardCharsets.UTF_8);
        java.util.function.ToLongFunction<String> sent = l -> java.time.OffsetDateTime.parse(l.split("\t")[0]).toInstant().toEpochMilli();
        assertThat(lines).filteredOn(l -> l.contains("/gw-south/")).isNotEmpty().allSatisfy(l -> assertThat(sent.applyAsLong(l)).isLessThan(after));
        assertThat(lines).filteredOn(l -> l.contains("/gw-north/")).anySatisfy(l -> assertThat(sent.applyAsLong(l)).isGreaterThan(before + 3_600_000));
    }

    @Test
    void mistakesAreReportedInOneLineWithAUsageExitCode() {
        assertThat(run("run", "--park", "no-such-park.yaml", "--mode", "backfill", "--from", "2026-11-01")).isEqualTo(2);
        assertThat(errorOf("run", "--park", "../test-kit/parks/demo-park.yaml", "--mode", "accelerated")).as("accelerated needs --from")
                .contains("--from");
        assertThat(run("run", "--park", "../test-kit/parks/demo-park.yaml", "--mode", "backfill", "--from", "2026-11-01", "--to", "2026-11-02",
                "--interval", "PT7M", "--dry-run", "-")).as("steps off the NB-IoT freeze grid").isEqualTo(2);
        assertThat(run("run", "--park", "../test-kit/parks/demo-park.yaml", "--mode", "backfill", "--from", "2026-11-01", "--to", "2026-11-02",
                "--readings-per-message", "1001", "--dry-run", "-")).isEqualTo(2);
        assertThat(errorOf("run", "--park", "../test-kit/parks/demo-park.yaml", "--mode", "backfill", "--from", "2026-11-01", "--to", "2026-11-02",
                "--skip-gateway", "gw-east", "--dry-run", "-")).contains("gw-east", "gw-south");
    }
}
