package io.parkpulse.park;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.parkpulse.config.ConfigFileError;
import io.parkpulse.contract.MeterId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Meter role, rollover, reading interval and declared exchanges / ratio changes in the park file. */
class CounterDeclarationTest {

    private final ParkFileReader reader = new ParkFileReader();

    /** The reader test's valid park with more keys for its one electricity meter. */
    private static String park(String meterExtra) {
        return ParkFileReaderTest.VALID + meterExtra;
    }

    private List<String> errorsOf(String yaml) {
        InvalidParkFileException e = catchThrowableOfType(InvalidParkFileException.class, () -> reader.read("park.yaml", yaml));
        assertThat(e).as("expected the file to be rejected").isNotNull();
        return e.errors().stream().map(ConfigFileError::toString).toList();
    }

    @Test
    void defaults_are_a_main_meter_read_every_15_minutes_without_rollover_or_events() {
        CounterDeclaration c = reader.read("park.yaml", park("")).meter(MeterId.of("E-1")).orElseThrow().counter();
        assertThat(c.role()).isEqualTo(CounterDeclaration.Role.MAIN);
        assertThat(c.registerModulus()).isNaN();
        assertThat(c.maxRatePerHour()).isNaN();
        assertThat(c.readingInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.events()).isEmpty();
    }

    @Test
    void everything_declared_is_read_and_events_come_in_time_order() {
        CounterDeclaration c = reader.read("park.yaml", park("""
                    role: sub
                    register_modulus: 1000000
                    max_rate: 2000
                    reading_interval: PT1H
                    events:
                      - type: ratio_change
                        time: 2026-11-01T10:00:00+08:00
                        old_final: 2400.5
                        new_start: 2400.5
                        ct_ratio: 80
                      - type: exchange
                        time: 2026-10-01T08:20:00+08:00
                        old_final: 1234.56
                        new_start: 0.8
                """)).meter(MeterId.of("E-1")).orElseThrow().counter();
        assertThat(c.role()).isEqualTo(CounterDeclaration.Role.SUB);
        assertThat(c.registerModulus()).isEqualTo(1_000_000);
        assertThat(c.maxRatePerHour()).isEqualTo(2000);
        assertThat(c.readingInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(c.events()).extracting(MeterEvent::type).containsExactly(MeterEvent.Type.EXCHANGE, MeterEvent.Type.RATIO_CHANGE);
        MeterEvent exchange = c.events().get(0);
        assertThat(exchange.time()).isEqualTo(Instant.parse("2026-10-01T00:20:00Z"));
        assertThat(exchange.oldFinal()).isEqualTo(1234.56);
        assertThat(exchange.newStart()).isEqualTo(0.8);
        assertThat(exchange.ctRatio()).isNaN();
        assertThat(c.events().get(1).ctRatio()).isEqualTo(80);
        assertThat(c.events().get(1).ptRatio()).isNaN();
    }

    @Test
    void a_modulus_alone_is_taken_and_leaves_the_maximum_rate_unknown() {
        CounterDeclaration c = reader.read("park.yaml", park("    register_modulus: 1000000\n")).meter(MeterId.of("E-1")).orElseThrow().counter();
        assertThat(c.registerModulus()).isEqualTo(1_000_000);
        assertThat(c.maxRatePerHour()).isNaN();
    }

    @Test
    void bad_roles_intervals_and_events_name_their_field() {
        List<String> errors = errorsOf(park("""
                    role: billing
                    reading_interval: 15 minutes
                    events:
                      - type: swap
                        time: 2026-10-01 08:20
                        old_final: -1
                        multiplier: 2
                """));
        assertThat(errors).containsExactly(
                "park.yaml:20:11: meters[0].role: \"billing\" is not a meter role; expected main or sub",
                "park.yaml:21:23: meters[0].reading_interval: \"15 minutes\" is not a duration such as PT15M or PT1H",
                "park.yaml:23:15: meters[0].events[0].type: \"swap\" is not a meter event; expected exchange or ratio_change",
                "park.yaml:24:15: meters[0].events[0].time: \"2026-10-01 08:20\" is not a time with an offset, such as 2026-10-01T08:20:00+08:00",
                "park.yaml:25:20: meters[0].events[0].old_final: must not be negative, got -1",
                "park.yaml:23:9: meters[0].events[0].new_start: is required",
                "park.yaml:26:21: meters[0].events[0].multiplier: electricity meters change ct_ratio and pt_ratio");
    }
}
