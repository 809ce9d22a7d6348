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
        JsonObject huadong = enterprise(panel, "ent-huadong-precision");
        assertThat(huadong.copy().put("meters", null)).isEqualTo(new JsonObject().put("id", "ent-huadong-precision")
                .put("name", "华东精密机械有限公司").put("power_kw", 2000.0).put("power_at", 100L).put("water_flow_m3h", 2.5)
                .put("water_at", 100L).put("stale_meters", new JsonArray()).put("meters", null));
        assertThat(enterprise(panel, "ent-xinyuan-cement").getDouble("power_kw")).isEqualTo(6000.0);
        assertThat(enterprise(panel, "ent-tianhe-textile").getValue("power_kw")).as("nothing reported yet: unknown, not 0").isNull();
        assertThat(panel.getJsonArray("enterprises")).hasSize(DEMO.enterprises().size());
        JsonArray gateways = panel.getJsonArray("gateways");
        assertThat(gateways).hasSize(3);
        assertThat(gateways.getJsonObject(0).getString("id")).isEqualTo("gw-north");
        assertThat(gateways.getJsonObject(0).getBoolean("online")).isTrue();
        assertThat(gateways.getJsonObject(0).getLong("since")).isEqualTo(77L);
        assertThat(gateways.getJsonObject(0).getLong("last_seen")).as("its meters' newest reading").isEqualTo(100L);
        assertThat(gateways.getJsonObject(0).getBoolean("stale")).isFalse();
        assertThat(gateways.getJsonObject(1).getValue("online")).isNull();
    }

    @Test
    void everyEquipmentMeterIsListedWithItsStateUnknownUntilReported() {
        JsonArray equipment = LivePanel.of(DEMO, SNAPSHOT, OPERATOR, NOW).getJsonArray("equipment");
        List<String> declared = DEMO.meters().values().stream().filter(m -> m.kind() == MeterKind.EQUIPMENT).map(m -> m.id().value()).toList();
        assertThat(equipment.stream().map(o -> ((JsonObject) o).getString("id")).toList()).isEqualTo(declared);
        assertThat(equipment.getJsonObject(declared.indexOf("M-HD-CNC-01"))).isEqualTo(new JsonObject().put("id", "M-HD-CNC-01")
                .put("name", "数控加工中心 1#").put("enterprise", "ent-huadong-precision").put("state", "fault").put("power_kw", 30.0)
                .put("values_at", 100L).put("last_seen", 100L).put("max_age_ms", 45 * 60_000L).put("stale", false).put("since", 90L));
        JsonObject silent = equipment.getJsonObject(declared.indexOf("M-HD-CNC-02"));
        assertThat(silent.getValue("state")).isNull();
        assertThat(silent.containsKey("since")).as("since is left out while the state is unknown").isFalse();
    }

    @Test
    void anEnterpriseSeesOnlyItsOwnEntryAndEquipmentNoTotalsAndNoGateways() {
        JsonObject panel = LivePanel.of(DEMO, SNAPSHOT, HUADONG, NOW);
        assertThat(panel.fieldNames()).containsExactlyInAnyOrder("park", "time_zone", "now", "at", "enterprises", "equipment");
        assertThat(panel.getJsonArray("equipment")).isNotEmpty().allSatisfy(o ->
                assertThat(((JsonObject) o).getString("enterprise")).isEqualTo("ent-huadong-precision"));
        assertThat(panel.getJsonArray("enterprises")).hasSize(1);
        assertThat(enterprise(panel, "ent-huadong-precision").getDouble("power_kw")).isEqualTo(2000.0);
        String text = panel.encode();
        DEMO.enterprises().values().stream().filter(e -> !e.id().value().equals("ent-huadong-precision")).forEach(e ->
                assertThat(text).doesNotContain(e.id().value()).doesNotContain(e.name()));
        assertThat(text).doesNotContain("gw-").doesNotContain("8000.0"); // the park total
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
        assertThat(cnc.getBoolean("stale")).isTrue();
    }

    @Test
    void aDailyPushedMetersLastFlowIsShownWithItsAgeNotSummedAndNotStaleUntilAnUplinkIsMissed() {
        // W-HD-01: hourly readings behind gw-nbiot, which pushes once a day: overdue after 3 h + 1 d + 1 h = 28 h
        long hour = 3_600_000L;
        long now = 40 * hour;
        LiveView.Snapshot tenHoursOld = new LiveView.Snapshot("demo-park", now, Map.of(
                "W-HD-01", new LiveView.MeterLive("W-HD-01", now - 10 * hour, null, 2.5, null)), Map.of());

        JsonObject huadong = enterprise(LivePanel.of(DEMO, tenHoursOld, OPERATOR, now), "ent-huadong-precision");

        JsonObject meter = meter(huadong, "W-HD-01");
        assertThat(meter.getDouble("flow_m3h")).as("its last value, with its time").isEqualTo(2.5);
        assertThat(meter.getLong("values_at")).isEqualTo(now - 10 * hour);
        assertThat(meter.getBoolean("stale")).as("a day's push is hours old by design").isFalse();
        assertThat(meter.getLong("max_age_ms")).isEqualTo(28 * hour);
        assertThat(huadong.getValue("water_flow_m3h")).as("ten hours ago is not the flow now").isNull();
        assertThat(huadong.getJsonArray("stale_meters")).isEmpty();

        LiveView.Snapshot missedAPush = new LiveView.Snapshot("demo-park", now, Map.of(
                "W-HD-01", new LiveView.MeterLive("W-HD-01", now - 29 * hour, null, 2.5, null)), Map.of());
        JsonObject late = enterprise(LivePanel.of(DEMO, missedAPush, OPERATOR, now), "ent-huadong-precision");
        assertThat(meter(late, "W-HD-01").getBoolean("stale")).isTrue();
        assertThat(meter(late, "W-HD-01").getValue("flow_m3h")).isNull();
        assertThat(late.getJsonArray("stale_meters")).containsExactly("W-HD-01");
    }

    @Test
    void everyFigureSaysHowOldItIsAndAStaleMeterSinceWhen() {
        // E-HD-MAIN an hour old (stale), E-XY-MAIN a second old, M-HD-CNC-02 never heard
        long now = 60 * 60_000L + 100;
        LiveView.Snapshot snapshot = new LiveView.Snapshot("demo-park", now, Map.of(
                "E-HD-MAIN", power("E-HD-MAIN", 2000),
                "E-XY-MAIN", new LiveView.MeterLive("E-XY-MAIN", now - 1_000, 6000.0, null, null),
                "E-PARK-INCOMER", new LiveView.MeterLive("E-PARK-INCOMER", now - 3_000, 9000.0, null, null)),
                Map.of("gw-south", new LiveView.GatewayLive("gw-south", true, 77)));

        JsonObject panel = LivePanel.of(DEMO, snapshot, OPERATOR, now);

        assertThat(panel.getString("time_zone")).isEqualTo("Asia/Shanghai");
        assertThat(panel.getLong("now")).isEqualTo(now);
        assertThat(panel.getLong("total_power_at")).as("the oldest value in the sum").isEqualTo(now - 1_000);
        JsonObject xinyuan = enterprise(panel, "ent-xinyuan-cement");
        assertThat(xinyuan.getLong("power_at")).isEqualTo(now - 1_000);
        JsonObject xyMain = meter(xinyuan, "E-XY-MAIN");
        assertThat(xyMain.getDouble("power_kw")).isEqualTo(6000.0);
        assertThat(xyMain.getLong("values_at")).isEqualTo(now - 1_000);
        assertThat(xyMain.getBoolean("stale")).isFalse();
        assertThat(xyMain.getString("role")).isEqualTo("main");
        JsonObject huadong = enterprise(panel, "ent-huadong-precision");
        assertThat(huadong.getValue("power_at")).isNull();
        JsonObject hdMain = meter(huadong, "E-HD-MAIN");
        assertThat(hdMain.getValue("power_kw")).as("an hour-old value is not shown as now").isNull();
        assertThat(hdMain.getLong("values_at")).isEqualTo(100L);
        assertThat(hdMain.getBoolean("stale")).isTrue();
        assertThat(hdMain.getLong("max_age_ms")).isEqualTo(45 * 60_000L);
        JsonObject never = panel.getJsonArray("equipment").stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("id").equals("M-HD-CNC-02")).findFirst().orElseThrow();
        assertThat(never.getValue("last_seen")).isNull();
        assertThat(never.getBoolean("stale")).as("never heard: no data, not stale data").isFalse();
        JsonObject north = gateway(panel, "gw-north");
        assertThat(north.getLong("last_seen")).isEqualTo(now - 1_000);
        assertThat(north.getBoolean("stale")).isFalse();
        JsonObject nbiot = gateway(panel, "gw-nbiot");
        assertThat(nbiot.getValue("last_seen")).isNull();
        JsonObject south = gateway(panel, "gw-south");
        assertThat(south.getBoolean("online")).isTrue();
        assertThat(south.getValue("last_seen")).as("online, but none of its meters heard").isNull();
    }

    static JsonObject meter(JsonObject enterprise, String id) {
        return enterprise.getJsonArray("meters").stream().map(JsonObject.class::cast).filter(m -> m.getString("id").equals(id))
                .findFirst().orElseThrow();
    }

    static JsonObject gateway(JsonObject panel, String id) {
        return panel.getJsonArray("gateways").stream().map(JsonObject.class::cast).filter(g -> g.getString("id").equals(id))
                .findFirst().orElseThrow();
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
