package io.parkpulse.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Merging the parts of several ingest instances (docs/live.md#merging). */
class LiveStateTest {

    static final String TOPIC = "live/v1/demo-park/rollup";
    long now = 1_000_000;
    final LiveState state = new LiveState(() -> now);

    static Rollup rollup(String source, String meters, String gateways) {
        String json = "{\"v\":1,\"park\":\"demo-park\",\"source\":\"" + source + "\",\"at\":5,\"full\":false,\"meters\":{" + meters + "}"
                + (gateways == null ? "" : ",\"gateways\":{" + gateways + "}") + "}";
        return Rollup.parse(TOPIC, json.getBytes(StandardCharsets.UTF_8));
    }

    LiveView.MeterLive meter(String id) {
        return state.snapshot("demo-park").orElseThrow().meters().get(id);
    }

    @Test
    void partsOfTwoInstancesAreMergedByMeterAndTheNewestDeviceTimeWins() {
        state.apply(rollup("ingest-a", "\"E-HD-MAIN\":{\"t\":100,\"power_kw\":2000.0},\"E-XY-MAIN\":{\"t\":100,\"power_kw\":6000.0}", null));
        state.apply(rollup("ingest-b", "\"E-HD-MAIN\":{\"t\":200,\"power_kw\":2400.0},\"W-HD-01\":{\"t\":150,\"flow_m3h\":2.5}", null));
        // instance a's full rollup, with its older value of E-HD-MAIN, arrives last
        now = 1_000_500;
        state.apply(rollup("ingest-a", "\"E-HD-MAIN\":{\"t\":100,\"power_kw\":2000.0}", null));

        assertThat(meter("E-HD-MAIN")).isEqualTo(new LiveView.MeterLive("E-HD-MAIN", 200, 2400.0, null, null));
        assertThat(meter("E-XY-MAIN").powerKw()).isEqualTo(6000.0);
        assertThat(meter("W-HD-01")).isEqualTo(new LiveView.MeterLive("W-HD-01", 150, null, 2.5, null));
        assertThat(state.snapshot("demo-park").orElseThrow().atMs()).as("when the newest part arrived").isEqualTo(1_000_500);
        assertThat(state.snapshot("other-park")).isEmpty();
    }

    @Test
    void aPartThatOnlyHeardTheCumulativeRegisterMakesTheMeterSeenAndKeepsTheOthersPower() {
        state.apply(rollup("ingest-a", "\"E-HD-MAIN\":{\"seen\":100,\"t\":100,\"power_kw\":2000.0}", null));
        state.apply(rollup("ingest-b", "\"E-HD-MAIN\":{\"seen\":200}", null)); // an energy reading, on the other instance
        assertThat(meter("E-HD-MAIN")).isEqualTo(new LiveView.MeterLive("E-HD-MAIN", 200, 100L, 2000.0, null, null, null));

        state.apply(rollup("ingest-a", "\"E-HD-MAIN\":{\"seen\":150,\"t\":150,\"power_kw\":2100.0}", null));
        assertThat(meter("E-HD-MAIN")).as("newer power, but not seen any later")
                .isEqualTo(new LiveView.MeterLive("E-HD-MAIN", 200, 150L, 2100.0, null, null, null));

        state.apply(rollup("ingest-b", "\"W-HD-01\":{\"seen\":300}", null));
        assertThat(meter("W-HD-01")).as("a water meter reporting volume only is alive, with no live value")
                .isEqualTo(new LiveView.MeterLive("W-HD-01", 300, null, null, null, null, null));
        assertThat(meter("W-HD-01").isFresh(300, 1_000)).isFalse();
        assertThat(meter("E-HD-MAIN").isFresh(1_150, 1_000)).isTrue();
        assertThat(meter("E-HD-MAIN").isFresh(1_151, 1_000)).isFalse();
    }

    @Test
    void aMeterEntryNamesWhatIsWrong() {
        assertThatThrownBy(() -> rollup("a", "\"E-HD-MAIN\":{\"seen\":100,\"power_kw\":1.0}", null))
                .hasMessage("$.meters.E-HD-MAIN.t: live values need the device time they are of");
        assertThatThrownBy(() -> rollup("a", "\"E-HD-MAIN\":{\"seen\":100,\"t\":200,\"power_kw\":1.0}", null))
                .hasMessage("$.meters.E-HD-MAIN.t: 200 is after seen 100, the newest reading");
        assertThatThrownBy(() -> rollup("a", "\"E-HD-MAIN\":{}", null))
                .hasMessage("$.meters.E-HD-MAIN.seen: the device time of the newest reading is required");
    }

    @Test
    void theSameDeviceTimeKeepsWhatIsThere() {
        state.apply(rollup("ingest-a", "\"E-HD-MAIN\":{\"t\":100,\"power_kw\":2000.0}", null));
        state.apply(rollup("ingest-b", "\"E-HD-MAIN\":{\"t\":100,\"power_kw\":1.0}", null));
        assertThat(meter("E-HD-MAIN").powerKw()).isEqualTo(2000.0);
    }

    @Test
    void anEquipmentStateIsMergedWithSinceWhenItBegan() {
        state.apply(rollup("ingest-a", "\"M-HD-CNC-01\":{\"t\":100,\"power_kw\":30.0,\"state\":\"running\"}", null));
        state.apply(rollup("ingest-b", "\"M-HD-CNC-01\":{\"t\":200,\"power_kw\":31.0,\"state\":\"running\"}", null));
        assertThat(meter("M-HD-CNC-01")).as("still running: since the first reading that said so")
                .isEqualTo(new LiveView.MeterLive("M-HD-CNC-01", 200, 200L, 31.0, null, "running", 100L));

        state.apply(rollup("ingest-a", "\"M-HD-CNC-01\":{\"t\":300,\"power_kw\":0.5,\"state\":\"fault\"}", null));
        state.apply(rollup("ingest-b", "\"M-HD-CNC-01\":{\"t\":250,\"state\":\"running\"}", null)); // older: ignored
        state.apply(rollup("ingest-b", "\"M-HD-CNC-01\":{\"t\":400,\"power_kw\":0.4,\"state\":\"fault\"}", null));
        assertThat(meter("M-HD-CNC-01")).isEqualTo(new LiveView.MeterLive("M-HD-CNC-01", 400, 400L, 0.4, null, "fault", 300L));

        state.apply(rollup("ingest-a", "\"M-HD-CNC-01\":{\"t\":500,\"power_kw\":0.4}", null));
        assertThat(meter("M-HD-CNC-01")).as("a reading without a state leaves it unknown")
                .isEqualTo(new LiveView.MeterLive("M-HD-CNC-01", 500, 500L, 0.4, null, null, null));
        state.apply(rollup("ingest-a", "\"M-HD-CNC-01\":{\"t\":600,\"state\":\"fault\"}", null));
        assertThat(meter("M-HD-CNC-01").stateSinceMs()).isEqualTo(600L);
    }

    @Test
    void theGatewayStatusWithTheNewestSinceWins() {
        state.apply(rollup("ingest-a", "", "\"gw-north\":{\"online\":false,\"since\":300}"));
        state.apply(rollup("ingest-b", "", "\"gw-north\":{\"online\":true,\"since\":100}"));
        assertThat(state.snapshot("demo-park").orElseThrow().gateways().get("gw-north"))
                .isEqualTo(new LiveView.GatewayLive("gw-north", false, 300));
        state.apply(rollup("ingest-b", "", "\"gw-north\":{\"online\":true,\"since\":400}"));
        assertThat(state.snapshot("demo-park").orElseThrow().gateways().get("gw-north").online()).isTrue();
    }

    @Test
    void listenersHearOfChangesOnlyAndCanLeave() {
        List<String> heard = new ArrayList<>();
        LiveState.Registration registration = state.addListener(heard::add);
        state.apply(rollup("ingest-a", "\"E-HD-MAIN\":{\"t\":100,\"power_kw\":2000.0}", null));
        state.apply(rollup("ingest-b", "\"E-HD-MAIN\":{\"t\":50,\"power_kw\":1.0}", null));
        assertThat(heard).containsExactly("demo-park");
        registration.cancel();
        state.apply(rollup("ingest-a", "\"E-HD-MAIN\":{\"t\":200,\"power_kw\":2000.0}", null));
        assertThat(heard).hasSize(1);
    }

    @Test
    void aMessageThatIsNotARollupIsRefusedWithWhatAndWhere() {
        assertThatThrownBy(() -> Rollup.parse("live/v1/other/rollup", rollupBytes("\"E-1\":{\"t\":1}")))
                .hasMessageContaining("$.park: demo-park is not the topic's park other");
        assertThatThrownBy(() -> Rollup.parse(TOPIC, rollupBytes("\"E-1\":{\"power_kw\":1}")))
                .hasMessageContaining("$.meters.E-1.seen: the device time of the newest reading is required");
        assertThatThrownBy(() -> Rollup.parse(TOPIC, rollupBytes("\"E-1\":{\"t\":1,\"power_kw\":\"many\"}")))
                .hasMessageContaining("wrong type");
        assertThatThrownBy(() -> Rollup.parse(TOPIC, rollupBytes("\"M-1\":{\"t\":1,\"state\":\"exploded\"}")))
                .hasMessageContaining("$.meters.M-1.state: \"exploded\" is not one of [running, idle, fault, off]");
        assertThatThrownBy(() -> Rollup.parse(TOPIC, rollupBytes("\"M-1\":{\"t\":1,\"state\":3}")))
                .hasMessageContaining("$.meters.M-1.state: \"3\" is not one of");
        assertThatThrownBy(() -> Rollup.parse(TOPIC, rollupBytes("\"bad id!\":{\"t\":1}")))
                .hasMessageContaining("$.meters.bad id!");
        assertThatThrownBy(() -> Rollup.parse(TOPIC, "[1,2".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> Rollup.parse("dp/v1/demo-park/gw/telemetry", rollupBytes(""))).hasMessageContaining("not live/v1/{park}/rollup");
    }

    static byte[] rollupBytes(String meters) {
        return ("{\"v\":1,\"park\":\"demo-park\",\"at\":5,\"meters\":{" + meters + "}}").getBytes(StandardCharsets.UTF_8);
    }
}
