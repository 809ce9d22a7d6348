package io.parkpulse.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ack-cost figures: each lane's totals over its rounds and their ratios to lane a, overall and round by round. */
class AckCostTest {

    /** A run that stored {@code stored} readings in {@code seconds}, ingest using {@code cpu} CPU seconds ({@code published} sent). */
    static LoadReport run(long published, long stored, double seconds, double cpu) {
        return new LoadReport("run", 20, 10_000, 50, 1, 0, seconds, published, 0, seconds, stored, stored, 0, List.of(100.0), 0,
                List.of(new LoadReport.Instance("ingest", stored, 100, 40, 280, cpu)), Map.of());
    }

    /** Two rounds of a b a c; each round's two runs of a together store what one would in 20 s. */
    static AckCost twoRounds() {
        AckCost cost = new AckCost(50, "a b a c");
        cost.add(1, AckLane.ACKS_OFF, run(450_000, 450_000, 5, 1.8));
        cost.add(1, AckLane.ACKS_ON, run(950_000, 950_000, 10, 3.99));
        cost.add(1, AckLane.ACKS_OFF, run(1_550_000, 1_550_000, 15, 6.2));
        cost.add(1, AckLane.END_TO_END, run(800_000, 800_000, 10, 3.68));
        cost.add(2, AckLane.ACKS_OFF, run(1_100_000, 1_100_000, 10, 4.4));
        cost.add(2, AckLane.ACKS_ON, run(1_045_000, 1_045_000, 10, 4.389));
        cost.add(2, AckLane.ACKS_OFF, run(1_100_000, 1_100_000, 10, 4.4));
        cost.add(2, AckLane.END_TO_END, run(880_000, 880_000, 10, 4.048));
        return cost;
    }

    @Test
    void eachLaneIsTotalledOverItsRoundsAndSetAgainstLaneA() {
        AckCost cost = twoRounds();

        AckCost.Totals a = cost.totals(AckLane.ACKS_OFF);
        assertThat(a.stored()).isEqualTo(4_200_000);
        assertThat(a.readingsPerSecond()).as("4.2 M readings in 40 s").isCloseTo(105_000, within(1e-6));
        assertThat(a.cpuMicrosPerReading()).isCloseTo(4.0, within(1e-9));
        assertThat(cost.totals(AckLane.ACKS_ON).cpuMicrosPerReading()).isCloseTo(4.2, within(1e-9));

        assertThat(cost.throughputRatio(AckLane.ACKS_OFF)).isEqualTo(1.0);
        assertThat(cost.throughputRatio(AckLane.ACKS_ON)).isCloseTo(0.95, within(1e-9));
        assertThat(cost.throughputRatio(AckLane.END_TO_END)).isCloseTo(0.80, within(1e-9));
        assertThat(cost.cpuRatio(AckLane.ACKS_ON)).isCloseTo(1.05, within(1e-9));
        assertThat(cost.cpuRatio(AckLane.END_TO_END)).isCloseTo(1.15, within(1e-9));
        assertThat(cost.nothingLost()).isTrue();
    }

    @Test
    void roundByRoundRatiosCompareEachLaneWithLaneAOfItsOwnRound() {
        AckCost cost = new AckCost(1, "a c");
        cost.add(1, AckLane.ACKS_OFF, run(100_000, 100_000, 10, 1.5));
        cost.add(1, AckLane.END_TO_END, run(90_000, 90_000, 10, 1.5));
        cost.add(2, AckLane.ACKS_OFF, run(200_000, 200_000, 10, 3.0));
        cost.add(2, AckLane.END_TO_END, run(150_000, 150_000, 10, 3.0));

        assertThat(cost.throughputRatiosByRound(AckLane.END_TO_END)).containsExactly(0.9, 0.75);
        assertThat(cost.cpuRatiosByRound(AckLane.END_TO_END)).satisfiesExactly(
                r -> assertThat(r).isCloseTo(10.0 / 9, within(1e-9)), r -> assertThat(r).isCloseTo(20.0 / 15, within(1e-9)));
        assertThat(cost.throughputRatio(AckLane.END_TO_END)).as("over all rounds: 240 000 / 300 000").isCloseTo(0.8, within(1e-9));
    }

    @Test
    void withThreeRoundsOrMoreTheMedianOfTheRoundsRatiosIsShown() {
        AckCost cost = new AckCost(50, "a b c");
        double[] b = {0.9, 1.3, 0.95};
        for (int round = 1; round <= 3; round++) {
            long stored = (long) (100_000 * b[round - 1]);
            cost.add(round, AckLane.ACKS_OFF, run(100_000, 100_000, 10, 1.0));
            cost.add(round, AckLane.ACKS_ON, run(stored, stored, 10, 1.0));
            cost.add(round, AckLane.END_TO_END, run(80_000, 80_000, 10, 1.0));
        }

        assertThat(cost.table()).contains("b ÷ a 0.90, 1.30, 0.95 (median 0.95)").contains("c ÷ a 0.80, 0.80, 0.80 (median 0.80)");
        assertThat(cost.json().getJsonObject("lanes").getJsonObject("b").getDouble("readingsPerSecondRatioMedian")).isCloseTo(0.95, within(1e-9));
        assertThat(AckCost.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(AckCost.median(List.of())).isNaN();
    }

    @Test
    void theTableShowsFiguresRatiosAndTheirSpreadByRound() {
        String table = twoRounds().table();

        assertThat(table).contains("50 readings per message, QoS 1: 2 rounds of a b a c");
        assertThat(table).containsPattern("\\(a\\) acks off, publisher trusts PUBACK +105,000 +1\\.00 +4\\.00 µs +1\\.00 +0 / 0");
        assertThat(table).containsPattern("\\(b\\) acks on, publisher trusts PUBACK +99,750 +0\\.95 +4\\.20 µs +1\\.05");
        assertThat(table).containsPattern("\\(c\\) acks on, publisher waits for acks +84,000 +0\\.80 +4\\.60 µs +1\\.15");
        assertThat(table).contains("by round, readings/s: b ÷ a 0.95, 0.95; c ÷ a 0.80, 0.80");
        assertThat(table).contains("by round, ingest CPU per reading: b ÷ a 1.05, 1.05; c ÷ a 1.15, 1.15");
    }

    @Test
    void unknownCpuIsShownAsUnknownAndWrittenAsNull() {
        AckCost cost = new AckCost(1, "a b c");
        cost.add(1, AckLane.ACKS_OFF, run(100_000, 100_000, 10, Double.NaN));
        cost.add(1, AckLane.ACKS_ON, run(100_000, 100_000, 10, Double.NaN));
        cost.add(1, AckLane.END_TO_END, run(100_000, 100_000, 10, Double.NaN));

        assertThat(cost.table()).contains("one reading per message").containsPattern("10,000 +1\\.00 +— µs +—");
        JsonObject lane = new JsonObject(cost.json().encode()).getJsonObject("lanes").getJsonObject("b");
        assertThat(lane.getDouble("readingsPerSecondRatio")).isEqualTo(1.0);
        assertThat(lane.getValue("ingestCpuMicrosPerReading")).isNull();
        assertThat(lane.getJsonArray("runs")).hasSize(1);
    }

    @Test
    void aLostReadingInAnyRunIsReported() {
        AckCost cost = twoRounds();
        cost.add(3, AckLane.END_TO_END, run(500_000, 499_999, 10, 2.0));

        assertThat(cost.nothingLost()).isFalse();
        assertThat(cost.totals(AckLane.END_TO_END).lost()).isEqualTo(1);
    }
}
