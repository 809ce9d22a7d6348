package io.parkpulse.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.contract.MeterKind;
import io.parkpulse.dashboard.auth.Caller;
import io.parkpulse.park.Park;
import io.parkpulse.park.ParkFileReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The panel computed from the demo park file: which meters count, and who sees what. */
class LivePanelTest {

    static final Park DEMO = new ParkFileReader().read(Path.of("..", "test-kit", "parks", "demo-park.yaml"));
    static final Caller OPERATOR = new Caller("control-room", Caller.Role.OPERATOR, "demo-park", null);
    static final Caller HUADONG = new Caller("huadong", Caller.Role.ENTERPRISE, "demo-park", "ent-huadong-precision");

    /** A minute after the readings: everything fresh. */
    static final long NOW = 60_100;

    static LiveView.MeterLive power(String meter, double kw) {
        return new LiveView.MeterLive(meter, 100, kw, null, null);
    }

    static final LiveView.Snapshot SNAPSHOT = new LiveView.Snapshot("demo-park", 12_345, Map.of(
            "E-PARK-INCOMER", power("E-PARK-INCOMER", 9000),
            "E-HD-MAIN", power("E-HD-MAIN", 2000),
            "E-HD-CNC", power("E-HD-CNC", 800),          // role: sub, inside E-HD-MAIN
            "M-HD-CNC-01", new LiveView.MeterLive("M-HD-CNC-01", 100, 100L, 30.0, null, "fault", 90L), // equipment, inside E-HD-MAIN too
            "E-XY-MAIN", power("E-XY-MAIN", 6000),
            "E-XY-KILN", power("E-XY-KILN", 3000),        // role: sub
            "W-HD-01", new LiveView.MeterLive("W-HD-01", 100, null, 2.5, null),
            "W-PARK-INLET", new LiveView.MeterLive("W-PARK-INLET", 100, null, 40.0, null)),
            Map.of("gw-north", new LiveView.GatewayLive("gw-north", true, 77)));

    static JsonObject enterprise(JsonObject panel, String id) {
        return panel.getJsonArray("enterprises").stream().map(JsonObject.class::cast).filter(e -> e.getString("id").equals(id))
                .findFirst().orElseThrow();
    }

    @Test
    void totalsCountBillingMetersOnlyAndParkLevelMetersBesideThem() {
        JsonObject panel = LivePanel.of(DEMO, SNAPSHOT, OPERATOR, NOW);
        assertThat(panel.getString("park")).isEqualTo("demo-park");
        assertThat(panel.getLong("at")).isEqualTo(12_345);
        assertThat(panel.getDouble("total_power_kw")).isEqualTo(8000.0);
        assertThat(panel.getDouble("incomer_power_kw")).isEqualTo(9000.0);
        assertThat(panel.getDouble("water_flow_m3h")).isEqualTo(2.5);
        assertThat(panel.getDouble("inlet_water_flow_m3h")).isEqualTo(40.0);
        assertThat(enterprise(panel, "ent-huadong-precision")).isEqualTo(new JsonObject().put("id", "ent-huadong-precision")
                .put("name", "华东精密机械有限公司").put("power_kw", 2000.0).put("water_flow_m3h", 2.5).put("stale_meters", new JsonArray()));
        assertThat(enterprise(panel, "ent-xinyuan-cement").getDouble("power_kw")).isEqualTo(6000.0);
        assertThat(enterprise(panel, "ent-tianhe-textile").getValue("power_kw")).as("nothing reported yet: unknown, not 0").isNull();
        assertThat(panel.getJsonArray("enterprises")).hasSize(DEMO.enterprises().size());
        JsonArray gateways = panel.getJsonArray("gateways");
        assertThat(gateways).hasSize(3);
        assertThat(gateways.getJsonObject(0)).isEqualTo(new JsonObject().put("id", "gw-north").put("online", true).put("since", 77L));
        assertThat(gateways.getJsonObject(1).getValue("online")).isNull();
    }

    @Test
    void everyEquipmentMeterIsListedWithItsStateUnknownUntilReported() {
        JsonArray equipment = LivePanel.of(DEMO, SNAPSHOT, OPERATOR, NOW).getJsonArray("equipment");
        List<String> declared = DEMO.meters().values().stream().filter(m -> m.kind() == MeterKind.EQUIPMENT).map(m -> m.id().value()).toList();
        assertThat(equipment.stream().map(o -> ((JsonObject) o).getString("id")).toList()).isEqualTo(declared);
        assertThat(equipment.getJsonObject(declared.indexOf("M-HD-CNC-01"))).isEqualTo(new JsonObject().put("id", "M-HD-CNC-01")
                .put("name", "数控加工中心 1#").put("last_seen", 100L).put("enterprise", "ent-huadong-precision").put("state", "fault").put("power_kw", 30.0)
                .put("since", 90L));
        JsonObject silent = equipment.getJsonObject(declared.indexOf("M-HD-CNC-02"));
        assertThat(silent.getValue("state")).isNull();
        assertThat(silent.containsKey("since")).as("since is left out while the state is unknown").isFalse();
    }

    @Test
    void anEnterpriseSeesOnlyItsOwnEntryAndEquipmentNoTotalsAndNoGateways() {
        JsonObject panel = LivePanel.of(DEMO, SNAPSHOT, HUADONG, NOW);
        assertThat(panel.fieldNames()).containsExactlyInAnyOrder("park", "at", "enterprises", "equipment");
        assertThat(panel.getJsonArray("equipment")).isNotEmpty().allSatisfy(o ->
                assertThat(((JsonObject) o).getString("enterprise")).isEqualTo("ent-huadong-precision"));
        assertThat(panel.getJsonArray("enterprises")).hasSize(1);
        assertThat(enterprise(panel, "ent-huadong-precision").getDouble("power_kw")).isEqualTo(2000.0);
        String text = panel.encode();
        DEMO.enterprises().values().stream().filter(e -> !e.id().value().equals("ent-huadong-precision")).forEach(e ->
                assertThat(text).doesNotContain(e.id().value()).doesNotContain(e.name()));
        assertThat(text).doesNotContain("gw-").doesNotContain("8000");
    }

    @Test
    void valuesOlderThanThreeReadingIntervalsAreNotTheLoadNowButNamed() {
        // 15-minute meters: fresh for 45 minutes; E-HD-MAIN's and the incomer's value is an hour old
        long now = 60 * 60_000L + 100;
        LiveView.Snapshot snapshot = new LiveView.Snapshot("demo-park", now, Map.of(
                "E-PARK-INCOMER", power("E-PARK-INCOMER", 9000),
                "E-HD-MAIN", power("E-HD-MAIN", 2000),
                "E-XY-MAIN", new LiveView.MeterLive("E-XY-MAIN", now - 1_000, 6000.0, null, null),
                "M-HD-CNC-01", new LiveView.MeterLive("M-HD-CNC-01", 100, 100L, 30.0, null, "fault", 90L),
                "W-HD-01", new LiveView.MeterLive("W-HD-01", now - 1_000, null, null, null, null, null)), // volume only
                Map.of());

        JsonObject panel = LivePanel.of(DEMO, snapshot, OPERATOR, now);

        assertThat(panel.getDouble("total_power_kw")).isEqualTo(6000.0);
        assertThat(panel.getValue("incomer_power_kw")).isNull();
        assertThat(enterprise(panel, "ent-huadong-precision").getValue("power_kw")).isNull();
        assertThat(enterprise(panel, "ent-huadong-precision").getJsonArray("stale_meters")).containsExactly("E-HD-MAIN");
        assertThat(enterprise(panel, "ent-huadong-precision").getValue("water_flow_m3h")).as("alive, but no flow sent").isNull();
        assertThat(panel.getJsonArray("stale_meters")).containsExactlyInAnyOrder("E-PARK-INCOMER", "E-HD-MAIN");
        JsonObject cnc = panel.getJsonArray("equipment").stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("id").equals("M-HD-CNC-01")).findFirst().orElseThrow();
        assertThat(cnc.getValue("state")).as("an hour-old fault is not the state now").isNull();
        assertThat(cnc.getLong("last_seen")).isEqualTo(100L);
    }

    @Test
    void beforeAnyRollupEverythingIsUnknown() {
        JsonObject panel = LivePanel.of(DEMO, null, OPERATOR, NOW);
        assertThat(panel.getValue("at")).isNull();
        assertThat(panel.getValue("total_power_kw")).isNull();
        assertThat(panel.getJsonArray("equipment")).isNotEmpty().allSatisfy(o -> assertThat(((JsonObject) o).getValue("state")).isNull());
        assertThat(panel.getJsonArray("enterprises")).hasSize(DEMO.enterprises().size());
    }
}
