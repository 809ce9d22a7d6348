package io.parkpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkpulse.config.EnvSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

    @Test
    void hasDocumentedDefaults() {
        IngestConfig c = IngestConfig.fromEnvironment(Map.of("PARKPULSE_MQTT_CLIENT_ID", "ingest-1"));
        assertThat(c.pahoServerUri()).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(c.influx().url().toString()).isEqualTo("http://127.0.0.1:8086");
        assertThat(c.influx().database()).isEqualTo("parkpulse");
        assertThat(c.shareGroup()).isEqualTo("ingest");
        assertThat(c.receiveMaximum()).isEqualTo(10_000);
        assertThat(c.receiveMaximumBytes()).isEqualTo(8 * 1024 * 1024);
        assertThat(c.batchMaxMessages()).isEqualTo(5_000);
        assertThat(c.batchMaxDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(c.limits().maxAge()).isEqualTo(Duration.ofDays(30));
        assertThat(c.httpHost()).isEqualTo("127.0.0.1");
        assertThat(c.endToEndAcks()).isTrue();
        assertThat(c.liveRollups()).isTrue();
    }

    @Test
    void endToEndAcksAndLiveRollupsSwitchOffWithOffOrFalse() {
        IngestConfig off = IngestConfig.fromEnvironment(Map.of("PARKPULSE_MQTT_CLIENT_ID", "ingest-1",
                "PARKPULSE_END_TO_END_ACKS", "off", "PARKPULSE_LIVE_ROLLUPS", "FALSE"));
        assertThat(off.endToEndAcks()).isFalse();
        assertThat(off.liveRollups()).isFalse();
        assertThat(off.toString()).contains("endToEndAcks=off", "liveRollups=off");
        IngestConfig on = IngestConfig.fromEnvironment(Map.of("PARKPULSE_MQTT_CLIENT_ID", "ingest-1", "PARKPULSE_END_TO_END_ACKS", "true"));
        assertThat(on.endToEndAcks()).isTrue();
        assertThat(on.toString()).contains("endToEndAcks=on");
    }

    @Test
    void readsEveryVariable() {
        IngestConfig c = IngestConfig.fromEnvironment(Map.ofEntries(
                Map.entry("PARKPULSE_MQTT_URL", "mqtts://broker.example:8883"),
                Map.entry("PARKPULSE_MQTT_CLIENT_ID", "ingest-a"),
                Map.entry("PARKPULSE_MQTT_USERNAME", "ingest"),
                Map.entry("PARKPULSE_MQTT_PASSWORD", "from-a-secret-store"),
                Map.entry("PARKPULSE_INFLUX_URL", "https://influx.example:8086/prefix"),
                Map.entry("PARKPULSE_INFLUX_PASSWORD", "token"),
                Map.entry("PARKPULSE_BATCH_MAX_DELAY", "500ms"),
                Map.entry("PARKPULSE_MAX_READING_AGE", "400d"),
                Map.entry("PARKPULSE_MQTT_RECEIVE_MAXIMUM", "64"),
                Map.entry("PARKPULSE_MQTT_RECEIVE_MAXIMUM_BYTES", "1048576")));
        assertThat(c.pahoServerUri()).isEqualTo("ssl://broker.example:8883");
        assertThat(c.mqttPassword()).isEqualTo("from-a-secret-store");
        assertThat(c.influx().url().getPath()).isEqualTo("/prefix");
        assertThat(c.batchMaxDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.limits().maxAge()).isEqualTo(Duration.ofDays(400));
        assertThat(c.batchMaxMessages()).isEqualTo(32);
        assertThat(c.receiveMaximumBytes()).isEqualTo(1 << 20);
        assertThat(c.toString()).doesNotContain("from-a-secret-store").doesNotContain("token")
                .contains("mqttSecretGiven=true", "secretGiven=true");
    }

    @Test
    void namesEveryBadVariable() {
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of(
                "PARKPULSE_BATCH_MAX_DELAY", "2s",
                "PARKPULSE_MQTT_RECEIVE_MAXIMUM", "lots",
                "PARKPULSE_MQTT_RECEIVE_MAXIMUM_BYTES", "1000",
                "PARKPULSE_INFLUX_URL", "influx:8086",
                "PARKPULSE_MQTT_SHARE_GROUP", "a/b",
                "PARKPULSE_END_TO_END_ACKS", "sometimes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PARKPULSE_BATCH_MAX_DELAY=2s: must be between")
                .hasMessageContaining("PARKPULSE_MQTT_RECEIVE_MAXIMUM=lots: not a whole number")
                .hasMessageContaining("PARKPULSE_MQTT_RECEIVE_MAXIMUM_BYTES=1000: must be between")
                .hasMessageContaining("PARKPULSE_INFLUX_URL=influx:8086")
                .hasMessageContaining("PARKPULSE_MQTT_SHARE_GROUP=a/b")
                .hasMessageContaining("PARKPULSE_END_TO_END_ACKS=sometimes: must be on or off");
    }

    @Test
    void parsesShortAndIsoDurations() {
        assertThat(EnvSettings.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(EnvSettings.parseDuration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(EnvSettings.parseDuration("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(EnvSettings.parseDuration("PT0.2S")).isEqualTo(Duration.ofMillis(200));
        assertThat(EnvSettings.parseDuration("soon")).isNull();
    }
}
