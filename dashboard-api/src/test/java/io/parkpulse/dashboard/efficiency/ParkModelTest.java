package io.parkpulse.dashboard.efficiency;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.contract.MeterId;
import io.parkpulse.efficiency.counter.CounterEvent;
import io.parkpulse.efficiency.counter.CounterProfile;
import io.parkpulse.efficiency.evaluation.MeterInfo;
import io.parkpulse.park.Park;
import io.parkpulse.park.ParkFileReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ParkModelTest {

    static final String PARK = """
            schema_version: 1
            park: {id: p1, name: 园区, time_zone: Asia/Shanghai}
            enterprises:
              - {id: ent-1, name: 甲, industry: "3011", land_mu: 10}
            gateways:
              - {id: gw-1}
            meters:
              - id: E-1
                kind: electricity
                enterprise: ent-1
                gateway: gw-1
                ct_ratio: 40
                pt_ratio: 100
                register_modulus: 1000000
                max_rate: 5000
                events:
                  - {type: ratio_change, time: "2026-10-01T08:00:00+08:00", old_final: 100, new_start: 100, ct_ratio: 80}
                  - {type: exchange, time: "2026-10-10T08:00:00+08:00", old_final: 300, new_start: 0}
              - {id: E-1-SUB, kind: electricity, enterprise: ent-1, gateway: gw-1, role: sub}
              - {id: E-1-T, kind: electricity, enterprise: ent-1, gateway: gw-1, metering: instantaneous}
              - {id: W-1, kind: water, enterprise: ent-1, gateway: gw-1, multiplier: 10, reading_interval: PT1H}
              - {id: M-1, kind: equipment, enterprise: ent-1, gateway: gw-1}
              - {id: E-PARK, kind: electricity, gateway: gw-1}
            """;

    @Test
    void billing_meters_are_the_main_cumulative_registers_of_enterprises() {
        ParkModel model = new ParkModel(new ParkFileReader().read("p1.yaml", PARK));
        assertThat(model.meters()).extracting(MeterInfo::id).containsExactly("E-1", "W-1");
        assertThat(model.meters().get(1).profile().expectedIntervalMs()).isEqualTo(3_600_000);
        assertThat(model.meters().get(1).profile().initialFactor()).isEqualTo(10);
    }

    @Test
    void declared_events_carry_the_ratios_in_force_after_them() {
        Park park = new ParkFileReader().read("p1.yaml", PARK);
        CounterProfile profile = ParkModel.profile(park.meter(MeterId.of("E-1")).orElseThrow());
        assertThat(profile.initialFactor()).isEqualTo(4000);
        assertThat(profile.registerModulus()).isEqualTo(1_000_000);
        assertThat(profile.maxRatePerHour()).isEqualTo(5000);
        // the ratio change doubles CT; the exchange keeps the ratios it does not name
        assertThat(profile.events()).extracting(CounterEvent::factorAfter).containsExactly(8000.0, 8000.0);
        assertThat(profile.events().get(0).timeMs()).isEqualTo(java.time.Instant.parse("2026-10-01T00:00:00Z").toEpochMilli());
    }

    @Test
    void the_demo_park_bills_no_sub_meter() {
        ParkModel model = new ParkModel(new ParkFileReader().read(Path.of("..", "test-kit", "parks", "demo-park.yaml")));
        assertThat(model.meters()).extracting(MeterInfo::id).doesNotContain("E-HD-CNC", "E-XY-KILN", "W-QY-OUT", "E-QY-BLOWER")
                .contains("E-HD-MAIN", "S-TH-01", "G-LY-01", "W-HD-01");
    }
}
