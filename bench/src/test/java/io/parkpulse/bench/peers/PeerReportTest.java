package io.parkpulse.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PeerReportTest {

    static final Shape ONE = Shape.parse("qos1-1");
    static final Shape FIFTY = Shape.parse("qos1-50");

    /** A run storing all it published in {@code seconds}, its process under test using {@code cpuSeconds}. */
    static PeerRun run(Phase phase, int round, Shape shape, Lane lane, long readings, double seconds, double cpuSeconds) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        String own = ProcessNames.underTest(lane);
        if (own != null) {
            cpu.put(own, cpuSeconds);
        }
        cpu.put(ProcessNames.MOSQUITTO, 0.5);
        cpu.put(ProcessNames.INFLUXD, 1.0);
        return new PeerRun(new PlannedRun(phase, round, shape, lane), readings, readings, 0, seconds, cpu,
                lane == Lane.PARKPULSE ? 180 : Double.NaN, null);
    }

    @Test
    void medianOfOddAndEvenCountsIgnoringWhatIsNotKnown() {
        assertThat(PeerReport.median(List.of(3.0, 1.0, 2.0))).hasValue(2.0);
        assertThat(PeerReport.median(List.of(4.0, 1.0, 3.0, 2.0))).hasValue(2.5);
        assertThat(PeerReport.median(Arrays.asList(5.0, Double.NaN, null))).hasValue(5.0);
        assertThat(PeerReport.median(List.of())).isEmpty();
    }

    @Test
    void ratioIsTheMedianOfTheRoundsOwnRatios() {
        List<PeerRun> runs = new ArrayList<>();
        // round 1: 100 vs 50 (2×); round 2: 40 vs 40 (1×); round 3: 300 vs 100 (3×)
        double[][] rates = {{100, 50}, {40, 40}, {300, 100}};
        for (int r = 0; r < rates.length; r++) {
            runs.add(run(Phase.COLD, r + 1, ONE, Lane.PARKPULSE, 1_000, 1_000 / rates[r][0], 1));
            runs.add(run(Phase.COLD, r + 1, ONE, Lane.NODE_RED, 1_000, 1_000 / rates[r][1], 1));
        }
        PeerReport report = new PeerReport(runs);

        assertThat(report.ratio(Phase.COLD, ONE, Lane.PARKPULSE, Lane.NODE_RED).getAsDouble()).isCloseTo(2.0, within(1e-9));
        assertThat(report.ratios(Phase.COLD, ONE, Lane.PARKPULSE, Lane.NODE_RED)).hasSize(3);
        assertThat(report.readingsPerSecond(Phase.COLD, ONE, Lane.PARKPULSE).getAsDouble()).isCloseTo(100, within(1e-9));
        assertThat(report.ratio(Phase.WARM, ONE, Lane.PARKPULSE, Lane.NODE_RED)).isEmpty();
        assertThat(report.ratio(Phase.COLD, ONE, Lane.PARKPULSE, Lane.BROKER)).isEmpty();
    }

    @Test
    void aRoundWithoutItsPartnerIsLeftOutOfTheRatio() {
        PeerReport report = new PeerReport(List.of(
                run(Phase.COLD, 1, ONE, Lane.PARKPULSE, 1_000, 1, 1),
                run(Phase.COLD, 1, ONE, Lane.NODE_RED, 1_000, 2, 1),
                run(Phase.COLD, 2, ONE, Lane.PARKPULSE, 1_000, 1, 1),
                PeerRun.failed(new PlannedRun(Phase.COLD, 2, ONE, Lane.NODE_RED), "did not start")));

        assertThat(report.ratio(Phase.COLD, ONE, Lane.PARKPULSE, Lane.NODE_RED)).hasValue(2.0);
        assertThat(report.readingsPerSecond(Phase.COLD, ONE, Lane.NODE_RED)).hasValue(500.0);
    }

    @Test
    void cpuPerReadingIsPerStoredReading() {
        PeerRun run = run(Phase.WARM, 1, FIFTY, Lane.PARKPULSE, 200_000, 2, 1.5);

        assertThat(run.cpuMicrosPerReading(ProcessNames.INGEST)).isCloseTo(7.5, within(1e-9));
        assertThat(run.cpuMicrosPerReading(ProcessNames.NODE_RED)).isNaN();
        assertThat(run.readingsPerSecond()).isEqualTo(100_000);
        assertThat(new PeerReport(List.of(run)).cpuMicrosPerReading(Phase.WARM, FIFTY, Lane.PARKPULSE, ProcessNames.INGEST))
                .isEqualTo(OptionalDouble.of(7.5));
    }

    @Test
    void lostAndStoredTwiceCompareStoredWithPublished() {
        PlannedRun plan = new PlannedRun(Phase.COLD, 1, ONE, Lane.NODE_RED);
        assertThat(new PeerRun(plan, 1_000, 990, 0, 1, Map.of(), Double.NaN, null).lost()).isEqualTo(10);
        assertThat(new PeerRun(plan, 1_000, 1_005, 2, 1, Map.of(), Double.NaN, null).storedTwice()).isEqualTo(7);
        assertThat(new PeerRun(plan, 1_000, -1, 0, 1, Map.of(), Double.NaN, "no count").lost()).isEqualTo(1_000);
        assertThat(new PeerRun(plan, 1_000, -1, 0, 1, Map.of(), Double.NaN, "no count").readingsPerSecond()).isNaN();
    }

    @Test
    void tableHasARowPerShapeWithRatesAndRatiosAndCpuPerLane() {
        PeerReport report = new PeerReport(List.of(
                run(Phase.WARM, 1, FIFTY, Lane.BROKER, 200_000, 1, 0.2),
                run(Phase.WARM, 1, FIFTY, Lane.INFLUX, 200_000, 1.25, 0),
                run(Phase.WARM, 1, FIFTY, Lane.PARKPULSE, 200_000, 2, 1.5),
                run(Phase.WARM, 1, FIFTY, Lane.NODE_RED, 200_000, 8, 12)));

        String table = report.table(Phase.WARM, "WARM");

        assertThat(table).startsWith("WARM; medians of 1 round(s)");
        assertThat(table).containsPattern("qos1-50 +100,000 +25,000 +160,000 +200,000 +4\\.00× +0\\.63× +0\\.50×");
        assertThat(table).containsPattern("qos1-50 +ParkPulse +7\\.5 +— +— +2\\.5 +5\\.0 +— +15\\.0 +180 MB");
        assertThat(table).containsPattern("qos1-50 +Node-RED +— +60\\.0 ");
        assertThat(table).contains("ParkPulse 0 / 0");
    }

    @Test
    void jsonCarriesEveryRunAndTheSummaryWithoutNaN() {
        PeerReport report = new PeerReport(List.of(run(Phase.COLD, 1, ONE, Lane.PARKPULSE, 1_000, 1, 1),
                run(Phase.COLD, 1, ONE, Lane.NODE_RED, 1_000, 2, 1),
                PeerRun.failed(new PlannedRun(Phase.COLD, 1, ONE, Lane.BROKER), "mosquitto_sub missing")));

        String json = report.json().encode();

        assertThat(json).doesNotContain("NaN");
        assertThat(report.json().getJsonArray("runs")).hasSize(3);
        assertThat(report.json().getJsonObject("summary").getJsonObject("cold").getJsonObject("qos1-1").getJsonObject("node-red")
                .getDouble("parkPulseRatio")).isEqualTo(2.0);
    }
}
