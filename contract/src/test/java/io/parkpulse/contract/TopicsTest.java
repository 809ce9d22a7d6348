package io.parkpulse.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {

    @Test
    void buildsTheThreeTopicsOfAGateway() {
        assertThat(Topics.telemetry("demo-park", "gw-01")).isEqualTo("dp/v1/demo-park/gw-01/telemetry");
        assertThat(Topics.status("demo-park", "gw-01")).isEqualTo("dp/v1/demo-park/gw-01/status");
        assertThat(Topics.rejected("demo-park", "gw-01")).isEqualTo("dp/v1/demo-park/gw-01/rejected");
    }

    @Test
    void sharedSubscriptionCoversEveryPark() {
        assertThat(Topics.shared("ingest", Channel.TELEMETRY)).isEqualTo("$share/ingest/dp/v1/+/+/telemetry");
    }

    @Test
    void parsesWhatItBuilds() {
        assertThat(Topics.parse("dp/v1/demo-park/gw-01/telemetry"))
                .contains(new Topics.Address("demo-park", "gw-01", Channel.TELEMETRY));
        assertThat(Topics.parse("dp/v1/p/g/status").orElseThrow().topic()).isEqualTo("dp/v1/p/g/status");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dp/v2/p/g/telemetry", "dp/v1/p/telemetry", "dp/v1/p/g/x/telemetry", "dp/v1/p/g/metrics",
            "dp/v1/p g/g/telemetry", "dp/v1//g/telemetry", "other/topic", ""})
    void refusesWhatIsNotAParkPulseTopic(String topic) {
        assertThat(Topics.parse(topic)).isEmpty();
    }

    @Test
    void refusesIdsThatWouldBreakTheTopicTree() {
        assertThatThrownBy(() -> Topics.telemetry("a/b", "gw")).hasMessageContaining("park id");
        assertThatThrownBy(() -> Topics.telemetry("p", "#")).hasMessageContaining("gateway id");
        assertThatThrownBy(() -> Topics.shared("a+b", Channel.TELEMETRY)).hasMessageContaining("share group");
    }
}
