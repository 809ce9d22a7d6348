package io.parkpulse.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.contract.SeqRanges.Range;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AcknowledgementTest {

    private static Acknowledgement.Decoded decode(String json) {
        return Acknowledgement.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void encodesTheContractExample() {
        Acknowledgement ack = new Acknowledgement(List.of(new Range(1040, 1045), new Range(1047, 1047)), 1796613752123L);
        assertThat(new String(ack.toJson(), StandardCharsets.UTF_8))
                .isEqualTo("{\"v\":1,\"done\":[[1040,1045],[1047,1047]],\"at\":1796613752123}");
    }

    @Test
    void decodesTheContractExampleAndIgnoresUnknownFields() {
        Acknowledgement.Decoded d = decode("{\"v\": 1, \"done\": [[1040, 1045], [1047, 1047]], \"at\": 1796613752123,"
                + " \"later\": {\"x\": [1, 2]}}");
        assertThat(d.problem()).isNull();
        assertThat(d.ack().done()).containsExactly(new Range(1040, 1045), new Range(1047, 1047));
        assertThat(d.ack().atMs()).isEqualTo(1796613752123L);
        assertThat(d.ack().covers(1044)).isTrue();
        assertThat(d.ack().covers(1046)).isFalse();
    }

    @Test
    void roundTrips() {
        Acknowledgement ack = new Acknowledgement(SeqRanges.of(List.of(0L, 1L, 2L, 9L, Long.MAX_VALUE)), 7);
        assertThat(Acknowledgement.decode(ack.toJson()).ack()).isEqualTo(ack);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "null", "[]", "{", "{\"v\":1,\"done\":[[1,2]],\"at\":1} {}", "not json",
            "{\"v\":2,\"done\":[[1,2]],\"at\":1}",                 // another version
            "{\"done\":[[1,2]],\"at\":1}",                         // no version
            "{\"v\":\"1\",\"done\":[[1,2]],\"at\":1}",
            "{\"v\":{\"x\":1},\"done\":[[1,2]],\"at\":1}",
            "{\"v\":1,\"at\":1}",                                  // no done
            "{\"v\":1,\"done\":[],\"at\":1}",                      // nothing done
            "{\"v\":1,\"done\":[[1,2]]}",                          // no at
            "{\"v\":1,\"done\":[[1,2]],\"at\":1.5}",
            "{\"v\":1,\"done\":[[2,1]],\"at\":1}",                 // backwards
            "{\"v\":1,\"done\":[[-1,1]],\"at\":1}",                // negative
            "{\"v\":1,\"done\":[[1]],\"at\":1}",
            "{\"v\":1,\"done\":[[1,2,3]],\"at\":1}",
            "{\"v\":1,\"done\":[[1,\"2\"]],\"at\":1}",
            "{\"v\":1,\"done\":[[1,2.0]],\"at\":1}",
            "{\"v\":1,\"done\":[[1,99999999999999999999]],\"at\":1}",
            "{\"v\":1,\"done\":[1,2],\"at\":1}",
            "{\"v\":1,\"done\":{\"1\":2},\"at\":1}",
            "{\"v\":1,\"done\":[[5,6],[1,2]],\"at\":1}",           // unsorted
            "{\"v\":1,\"done\":[[1,5],[5,6]],\"at\":1}",           // overlapping
            "{\"v\":1,\"done\":[[1,5],[6,6]],\"at\":1}",           // adjacent, not merged
    })
    void refusesWhatTheContractDoesNotAllowWithAReason(String json) {
        Acknowledgement.Decoded d = decode(json);
        assertThat(d.ok()).as(json).isFalse();
        assertThat(d.problem()).as(json).isNotBlank();
    }

    @Test
    void refusesMoreThanAThousandRanges() {
        assertThat(decode(withRanges(1_000)).ok()).isTrue();
        assertThat(decode(withRanges(1_001)).problem()).contains("1000");
        assertThat(Acknowledgement.decode(null).ok()).isFalse();
        assertThat(Acknowledgement.decode(new byte[] {(byte) 0xff, 0x00, 0x7b}).ok()).isFalse();
    }

    private static String withRanges(int n) {
        StringBuilder json = new StringBuilder("{\"v\":1,\"at\":1,\"done\":[");
        for (int i = 0; i < n; i++) {
            json.append(i == 0 ? "" : ",").append('[').append(i * 2).append(',').append(i * 2).append(']');
        }
        return json + "]}";
    }

    @Test
    void theAckTopicIsBesideTheTelemetryTopic() {
        assertThat(Topics.ack("demo-park", "gw-01")).isEqualTo("dp/v1/demo-park/gw-01/ack");
        assertThat(Topics.parse("dp/v1/demo-park/gw-01/ack")).contains(new Topics.Address("demo-park", "gw-01", Channel.ACK));
        assertThat(Topics.allParks(Channel.ACK)).isEqualTo("dp/v1/+/+/ack");
    }
}
