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

        assertThat(meter("E-HD-MAIN")).isEqualTo(new LiveView.MeterLive("E-HD-MAIN", 200, 2400.0, null));
        assertThat(meter("E-XY-MAIN").powerKw()).isEqualTo(6000.0);
        assertThat(meter("W-HD-01")).isEqualTo(new LiveView.MeterLive("W-HD-01", 150, null, 2.5));
        assertThat(state.snapshot("demo-park").orElseThrow().atMs()).as("when the newest part arrived").isEqualTo(1_000_500);
        assertThat(state.snapshot("other-park")).isEmpty();
    }

    @Test
    void theSameDeviceTimeKeepsWhatIsThere() {
        state.apply(rollup("ingest-a", "\"E-HD-MAIN\":{\"t\":100,\"power_kw\":2000.0}", null));
        state.apply(rollup("ingest-b", "\"E-HD-MAIN\":{\"t\":100,\"power_kw\":1.0}", null));
        assertThat(meter("E-HD-MAIN").powerKw()).isEqualTo(2000.0);
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
                .hasMessageContaining("$.meters.E-1.t: the device time is required");
        assertThatThrownBy(() -> Rollup.parse(TOPIC, rollupBytes("\"E-1\":{\"t\":1,\"power_kw\":\"many\"}")))
                .hasMessageContaining("wrong type");
        assertThatThrownBy(() -> Rollup.parse(TOPIC, rollupBytes("\"bad id!\":{\"t\":1}")))
                .hasMessageContaining("$.meters.bad id!");
        assertThatThrownBy(() -> Rollup.parse(TOPIC, "[1,2".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> Rollup.parse("dp/v1/demo-park/gw/telemetry", rollupBytes(""))).hasMessageContaining("not live/v1/{park}/rollup");
    }

    static byte[] rollupBytes(String meters) {
        return ("{\"v\":1,\"park\":\"demo-park\",\"at\":5,\"meters\":{" + meters + "}}").getBytes(StandardCharsets.UTF_8);
    }
}
