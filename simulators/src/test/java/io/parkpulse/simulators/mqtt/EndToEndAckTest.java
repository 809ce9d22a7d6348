package io.parkpulse.simulators.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EndToEndAckTest {

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheContractsExampleAndIgnoresUnknownFields() {
        EndToEndAck ack = EndToEndAck.parse(json("{\"v\":1,\"done\":[[1040,1045],[1047,1047]],\"at\":1796613752123,\"x\":{\"y\":[1]}}"))
                .orElseThrow();
        assertThat(ack.at()).isEqualTo(1796613752123L);
        assertThat(ack.covers(1040)).isTrue();
        assertThat(ack.covers(1045)).isTrue();
        assertThat(ack.covers(1046)).isFalse();
        assertThat(ack.covers(1047)).isTrue();
        assertThat(ack.covers(1039)).isFalse();
    }

    @Test
    void anotherVersionIsIgnored() {
        assertThat(EndToEndAck.parse(json("{\"v\":2,\"done\":[[0,99]]}"))).isEmpty();
    }

    @Test
    void somethingElseIsNotAnAck() {
        assertThatThrownBy(() -> EndToEndAck.parse(json("{\"done\":[[1,2]]}"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EndToEndAck.parse(json("{\"v\":1,\"done\":[[5,2]]}"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EndToEndAck.parse(json("{\"v\":1,\"done\":[1,2]}"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EndToEndAck.parse(json("not json"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTopicIsTheGatewaysAckTopic() {
        assertThat(EndToEndAck.topic("demo-park", "gw-south")).isEqualTo("dp/v1/demo-park/gw-south/ack");
    }
}
