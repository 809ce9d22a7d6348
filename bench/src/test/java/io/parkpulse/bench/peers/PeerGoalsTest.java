package io.parkpulse.bench.peers;

import static io.parkpulse.bench.peers.PeerReportTest.FIFTY;
import static io.parkpulse.bench.peers.PeerReportTest.ONE;
import static io.parkpulse.bench.peers.PeerReportTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeerGoalsTest {

    private static PeerGoals.Check find(List<PeerGoals.Check> checks, String goal) {
        return checks.stream().filter(c -> c.goal().equals(goal)).findFirst().orElseThrow(() -> new AssertionError(goal + " in " + checks));
    }

    @Test
    void warmGoalsPerShapeAgainstNodeRedTheCeilingsAndCpu() {
        List<PeerGoals.Check> checks = PeerGoals.check(new PeerReport(List.of(
                // batched: 2.5× Node-RED, 0.5× InfluxDB alone, 5 vs 12 µs
                run(Phase.WARM, 1, FIFTY, Lane.PARKPULSE, 100_000, 1, 0.5),
                run(Phase.WARM, 1, FIFTY, Lane.NODE_RED, 100_000, 2.5, 1.2),
                run(Phase.WARM, 1, FIFTY, Lane.INFLUX, 100_000, 0.5, 0),
                // one reading: 1.2× Node-RED, 0.9× the broker alone, 30 vs 60 µs
                run(Phase.WARM, 1, ONE, Lane.PARKPULSE, 100_000, 10, 3),
                run(Phase.WARM, 1, ONE, Lane.NODE_RED, 100_000, 12, 6),
                run(Phase.WARM, 1, ONE, Lane.BROKER, 100_000, 9, 0.1))));

        assertThat(find(checks, "warm qos1-50: ParkPulse ≥ 2 × Node-RED").verdict()).isEqualTo(PeerGoals.Verdict.MET);
        assertThat(find(checks, "warm qos1-50: ParkPulse ≥ 2 × Node-RED").figures()).isEqualTo("2.50× (medians 100,000 vs 40,000 readings/s)");
        assertThat(find(checks, "warm qos1-50: ParkPulse ≥ 0.6 × InfluxDB alone").verdict()).isEqualTo(PeerGoals.Verdict.MISSED);
        assertThat(find(checks, "warm qos1-50: ingest CPU µs/reading ≤ ½ Node-RED's").verdict()).isEqualTo(PeerGoals.Verdict.MET);
        assertThat(find(checks, "warm qos1-1: ParkPulse ≥ 1.3 × Node-RED").verdict()).isEqualTo(PeerGoals.Verdict.MISSED);
        assertThat(find(checks, "warm qos1-1: ParkPulse ≥ 0.8 × broker alone").verdict()).isEqualTo(PeerGoals.Verdict.MET);
        assertThat(find(checks, "warm qos1-1: ingest CPU µs/reading ≤ ½ Node-RED's").verdict()).isEqualTo(PeerGoals.Verdict.MET);
        assertThat(find(checks, "ParkPulse: nothing lost, nothing stored twice").verdict()).isEqualTo(PeerGoals.Verdict.MET);
        assertThat(find(checks, "ParkPulse: ingest heap ≤ 256 MB").verdict()).isEqualTo(PeerGoals.Verdict.MET);
        assertThat(checks).noneMatch(c -> c.goal().startsWith("cold"));
    }

    @Test
    void coldGoalIsParkPulseAtLeastNodeRedInEveryShape() {
        List<PeerGoals.Check> checks = PeerGoals.check(new PeerReport(List.of(
                run(Phase.COLD, 1, ONE, Lane.PARKPULSE, 1_000, 1, 0.1),
                run(Phase.COLD, 1, ONE, Lane.NODE_RED, 1_000, 1, 0.1),
                run(Phase.COLD, 1, FIFTY, Lane.PARKPULSE, 1_000, 2, 0.1),
                run(Phase.COLD, 1, FIFTY, Lane.NODE_RED, 1_000, 1, 0.1))));

        assertThat(find(checks, "cold qos1-1: ParkPulse ≥ 1 × Node-RED").verdict()).isEqualTo(PeerGoals.Verdict.MET);
        assertThat(find(checks, "cold qos1-50: ParkPulse ≥ 1 × Node-RED").verdict()).isEqualTo(PeerGoals.Verdict.MISSED);
    }

    @Test
    void aGoalOverSeveralRoundsShowsTheSpreadOfTheirRatios() {
        List<PeerGoals.Check> checks = PeerGoals.check(new PeerReport(List.of(
                run(Phase.COLD, 1, ONE, Lane.PARKPULSE, 1_000, 1, 0.1),
                run(Phase.COLD, 1, ONE, Lane.NODE_RED, 1_000, 2, 0.1),
                run(Phase.COLD, 2, ONE, Lane.PARKPULSE, 1_000, 2, 0.1),
                run(Phase.COLD, 2, ONE, Lane.NODE_RED, 1_000, 1, 0.1),
                run(Phase.COLD, 3, ONE, Lane.PARKPULSE, 1_000, 1, 0.1),
                run(Phase.COLD, 3, ONE, Lane.NODE_RED, 1_000, 1.25, 0.1))));

        assertThat(find(checks, "cold qos1-1: ParkPulse ≥ 1 × Node-RED").figures())
                .isEqualTo("1.25× (rounds 0.50–2.00; medians 1,000 vs 800 readings/s)");
    }

    @Test
    void aLaneLeftOutLeavesItsGoalsNotMeasured() {
        List<PeerGoals.Check> checks = PeerGoals.check(new PeerReport(List.of(run(Phase.WARM, 1, ONE, Lane.NODE_RED, 1_000, 1, 0.1))));

        assertThat(find(checks, "warm qos1-1: ParkPulse ≥ 1.3 × Node-RED").verdict()).isEqualTo(PeerGoals.Verdict.NOT_MEASURED);
        assertThat(find(checks, "ParkPulse: ingest heap ≤ 256 MB").verdict()).isEqualTo(PeerGoals.Verdict.NOT_MEASURED);
        assertThat(find(checks, "warm qos1-1: ParkPulse ≥ 1.3 × Node-RED").line()).isEqualTo("  not measured warm qos1-1: ParkPulse ≥ 1.3 × Node-RED");
    }

    @Test
    void aLostReadingOrARunWithAProblemMissesTheIntegrityAndHeapGoals() {
        PlannedRun plan = new PlannedRun(Phase.COLD, 1, ONE, Lane.PARKPULSE);
        List<PeerGoals.Check> checks = PeerGoals.check(new PeerReport(List.of(
                new PeerRun(plan, 1_000, 999, 0, 1, Map.of(), 300, "ingest ran out of heap (-Xmx256m)"))));

        assertThat(find(checks, "ParkPulse: nothing lost, nothing stored twice").verdict()).isEqualTo(PeerGoals.Verdict.MISSED);
        assertThat(find(checks, "ParkPulse: nothing lost, nothing stored twice").figures()).contains("1 lost");
        assertThat(find(checks, "ParkPulse: ingest heap ≤ 256 MB").verdict()).isEqualTo(PeerGoals.Verdict.MISSED);
    }
}
