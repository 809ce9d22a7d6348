package io.parkpulse.simulators.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.contract.DecodedTelemetry;
import io.parkpulse.contract.GatewayId;
import io.parkpulse.contract.Limits;
import io.parkpulse.contract.MeterId;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.TelemetryDecoder;
import io.parkpulse.park.Park;
import io.parkpulse.park.ParkFileReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoadTrafficTest {

    static final long BASE = 1795305600000L;
    final LoadPark park = new LoadPark("load-park", 3, 120);
    final TelemetryDecoder decoder = new TelemetryDecoder(Limits.DEFAULT, Clock.fixed(Instant.ofEpochMilli(BASE + 60_000), ZoneOffset.UTC));

    @Test
    void everyMessageIsValidAndEveryReadingADistinctPointOfTheLoadPark() {
        Park parsed = new ParkFileReader().read("load-park.yaml", park.toYaml());
        LoadTraffic traffic = new LoadTraffic(park, 50, BASE);
        assertThat(traffic.messagesPerRound()).isEqualTo(3);
        Set<String> points = new HashSet<>();
        for (long round = 0; round < 4; round++) {
            for (int g = 0; g < park.gateways(); g++) {
                for (int chunk = 0; chunk < traffic.messagesPerRound(); chunk++) {
                    LoadTraffic.Message message = traffic.message(g, round, chunk);
                    DecodedTelemetry decoded = decoder.decode(message.payload());
                    assertThat(decoded.rejections()).isEmpty();
                    assertThat(decoded.readings()).hasSize(message.readings());
                    assertThat(decoded.readings().get(0).meter()).isEqualTo(message.firstMeter());
                    for (Reading r : decoded.readings()) {
                        assertThat(r.timeMs()).isEqualTo(BASE + round);
                        assertThat(parsed.meter(MeterId.of(r.meter())).orElseThrow().gateway()).isEqualTo(GatewayId.of(LoadPark.gatewayId(g)));
                        assertThat(points.add(r.meter() + "@" + r.timeMs())).isTrue();
                    }
                }
            }
        }
        assertThat(points).hasSize(4 * park.meters());
    }

    @Test
    void aPayloadIsNotChangedByLaterMessages() {
        LoadTraffic traffic = new LoadTraffic(park, 10, BASE);
        byte[] first = traffic.message(0, 0, 0).payload().clone();
        LoadTraffic.Message firstAgain = traffic.message(0, 0, 0);
        traffic.message(0, 7, 0);
        assertThat(firstAgain.payload()).isEqualTo(first);
    }

    @Test
    void withUniqueSeqsEveryMessageOfAGatewayHasItsOwnSeqInItsPayload() {
        LoadTraffic traffic = new LoadTraffic(park, 50, BASE, true);
        Set<Long> seqs = new HashSet<>();
        for (long round = 0; round < 4; round++) {
            for (int chunk = 0; chunk < traffic.messagesPerRound(); chunk++) {
                LoadTraffic.Message message = traffic.message(1, round, chunk);
                DecodedTelemetry decoded = decoder.decode(message.payload());
                assertThat(decoded.rejections()).isEmpty();
                assertThat(decoded.seq()).isEqualTo(message.seq());
                assertThat(decoded.readings().get(0).timeMs()).isEqualTo(BASE + round);
                assertThat(seqs.add(message.seq())).isTrue();
            }
        }
        assertThat(seqs).hasSize(4 * traffic.messagesPerRound());
    }
}
