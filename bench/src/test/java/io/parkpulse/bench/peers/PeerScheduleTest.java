package io.parkpulse.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PeerScheduleTest {

    private static final Shape ONE = Shape.parse("qos1-1");
    private static final Shape FIFTY = Shape.parse("qos1-50");
    private static final List<Lane> LANES = List.of(Lane.BROKER, Lane.INFLUX, Lane.PARKPULSE, Lane.NODE_RED);

    @Test
    void everyLaneOnceForEachRoundAndShapeInPhaseOrder() {
        List<PlannedRun> runs = PeerSchedule.of(List.of(Phase.COLD, Phase.WARM), List.of(2, 1), List.of(ONE, FIFTY), LANES);

        assertThat(runs).hasSize((2 + 1) * 2 * 4);
        assertThat(runs.subList(0, 16)).allMatch(r -> r.phase() == Phase.COLD);
        assertThat(runs.subList(16, 24)).allMatch(r -> r.phase() == Phase.WARM && r.round() == 1);
        assertThat(runs.subList(0, 8)).allMatch(r -> r.round() == 1);
        assertThat(runs.subList(0, 4)).allMatch(r -> r.shape().equals(ONE));
        assertThat(runs.subList(0, 4).stream().map(PlannedRun::lane)).containsExactlyInAnyOrderElementsOf(LANES);
    }

    @Test
    void laneOrderRotatesFromOneShapeAndRoundToTheNext() {
        List<PlannedRun> runs = PeerSchedule.of(List.of(Phase.COLD), List.of(2), List.of(ONE, FIFTY), LANES);

        assertThat(runs.subList(0, 4).stream().map(PlannedRun::lane)).containsExactly(Lane.BROKER, Lane.INFLUX, Lane.PARKPULSE, Lane.NODE_RED);
        assertThat(runs.subList(4, 8).stream().map(PlannedRun::lane)).containsExactly(Lane.INFLUX, Lane.PARKPULSE, Lane.NODE_RED, Lane.BROKER);
        assertThat(runs.subList(8, 12).stream().map(PlannedRun::lane)).containsExactly(Lane.INFLUX, Lane.PARKPULSE, Lane.NODE_RED, Lane.BROKER);
        assertThat(runs.subList(12, 16).stream().map(PlannedRun::lane)).containsExactly(Lane.PARKPULSE, Lane.NODE_RED, Lane.BROKER, Lane.INFLUX);
    }

    @Test
    void aPhaseWithoutRoundsIsSkipped() {
        assertThat(PeerSchedule.of(List.of(Phase.COLD, Phase.WARM), List.of(0, 1), List.of(ONE), List.of(Lane.PARKPULSE)))
                .containsExactly(new PlannedRun(Phase.WARM, 1, ONE, Lane.PARKPULSE));
    }

    @Test
    void shapesAndLanesAreReadAsTheCommandLineSpellsThem() {
        assertThat(Shape.parse("qos0-1")).isEqualTo(new Shape(0, 1));
        assertThat(Shape.parse("qos1-50").toString()).isEqualTo("qos1-50");
        assertThat(Shape.parse("qos1-1").singleReading()).isTrue();
        assertThatThrownBy(() -> Shape.parse("qos2-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shape.parse("qos1-1001")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Lane.parse("node-red")).isEqualTo(Lane.NODE_RED);
        assertThatThrownBy(() -> Lane.parse("telegraf")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PlannedRun(Phase.WARM, 3, Shape.parse("qos0-1"), Lane.NODE_RED).name()).isEqualTo("warm-r3-qos0-1-node-red");
    }

    @Test
    void runSizesAreWholeRoundsOfTheParksMeters() {
        io.parkpulse.simulators.load.LoadPark park = new io.parkpulse.simulators.load.LoadPark("p", 20, 100);
        assertThat(RunSizes.of(park, 200_000, 1_000_000)).isEqualTo(new RunSizes(100, 500));
        assertThatThrownBy(() -> RunSizes.of(park, 200_001, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ReadingBlock(1_000, 100).next(50)).isEqualTo(new ReadingBlock(1_100, 50));
        assertThat(new ReadingBlock(1_000, 100).readings(park)).isEqualTo(200_000);
    }
}
