package io.parkpulse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Environment settings: documented defaults when unset, and every bad value named at once. */
class EnvSettingsTest {

    @Test
    void unsetOrBlankVariablesTakeTheirDefaults() {
        EnvSettings env = new EnvSettings(Map.of("PARKPULSE_A", "  "));

        assertThat(env.text("PARKPULSE_A", "fallback")).isEqualTo("fallback");
        assertThat(env.integer("PARKPULSE_B", 7, 1, 10)).isEqualTo(7);
        assertThat(env.duration("PARKPULSE_C", Duration.ofSeconds(5), Duration.ZERO, Duration.ofHours(1))).hasSeconds(5);
        assertThat(env.optional("PARKPULSE_SECRET")).isNull();
        env.throwIfInvalid();
    }

    @Test
    void switchesReadOnOffAndTrueFalseInAnyCase() {
        EnvSettings env = new EnvSettings(Map.of("PARKPULSE_A", "Off", "PARKPULSE_B", " true ", "PARKPULSE_C", "ON", "PARKPULSE_D", "no"));

        assertThat(env.onOff("PARKPULSE_A", true)).isFalse();
        assertThat(env.onOff("PARKPULSE_B", false)).isTrue();
        assertThat(env.onOff("PARKPULSE_C", false)).isTrue();
        assertThat(env.onOff("PARKPULSE_UNSET", true)).isTrue();
        assertThat(env.onOff("PARKPULSE_D", true)).as("a bad value keeps the default meanwhile").isTrue();
        assertThatThrownBy(env::throwIfInvalid).hasMessageContaining("PARKPULSE_D=no: must be on or off (or true / false)");
    }

    @Test
    void durationsReadShortFormsAndIso8601() {
        assertThat(EnvSettings.parseDuration("200ms")).isEqualTo(Duration.ofMillis(200));
        assertThat(EnvSettings.parseDuration("1.5s")).isEqualTo(Duration.ofMillis(1_500));
        assertThat(EnvSettings.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(EnvSettings.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(EnvSettings.parseDuration("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(EnvSettings.parseDuration("PT0.2S")).isEqualTo(Duration.ofMillis(200));
        assertThat(EnvSettings.parseDuration("soon")).isNull();
    }

    @Test
    void everyBadValueIsReportedWithItsVariableAndTheDefaultIsKeptMeanwhile() {
        EnvSettings env = new EnvSettings(Map.of(
                "PARKPULSE_PORT", "eighty",
                "PARKPULSE_WRITERS", "99",
                "PARKPULSE_DELAY", "soon",
                "PARKPULSE_INFLUX_URL", "influx:8086"));

        assertThat(env.integer("PARKPULSE_PORT", 8080, 0, 65535)).isEqualTo(8080);
        assertThat(env.integer("PARKPULSE_WRITERS", 2, 1, 16)).isEqualTo(2);
        assertThat(env.duration("PARKPULSE_DELAY", Duration.ofMillis(200), Duration.ZERO, Duration.ofMinutes(1))).hasMillis(200);
        assertThat(env.uri("PARKPULSE_INFLUX_URL", "http://127.0.0.1:8086", List.of("http", "https")))
                .isEqualTo(URI.create("http://127.0.0.1:8086"));

        assertThatThrownBy(env::throwIfInvalid).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PARKPULSE_PORT=eighty: not a whole number")
                .hasMessageContaining("PARKPULSE_WRITERS=99: must be between 1 and 16")
                .hasMessageContaining("PARKPULSE_DELAY=soon: not a duration")
                .hasMessageContaining("PARKPULSE_INFLUX_URL=influx:8086: expected a URL like http://host:port");
    }
}
