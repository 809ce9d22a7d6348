package io.parkpulse.efficiency.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.efficiency.counter.CounterFinding.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed expectations for the counter rules of docs/domain.md §8. */
class ConsumptionCalculatorTest {

    private static final long Q = 15 * 60_000L;
    private static final long T0 = Instant.parse("2026-10-01T00:00:00Z").toEpochMilli();
    /** Four hours of quarter-hour buckets from T0. */
    private static final BucketGrid GRID = new BucketGrid(T0, T0 + 16 * Q, Q);

    private static CounterReading at(int quarter, double register) {
        return CounterReading.of(T0 + quarter * Q, register);
    }

    private static List<CounterReading> steadily(double start, double perQuarter, int quarters) {
        List<CounterReading> list = new ArrayList<>();
        for (int q = 0; q <= quarters; q++) {
            list.add(at(q, start + q * perQuarter));
        }
        return list;
    }

    @Test
    void steady_readings_give_each_quarter_its_delta_whatever_the_arrival_order() {
        List<CounterReading> readings = steadily(1000, 25, 16);
        Collections.reverse(readings);
        readings.add(readings.get(3)); // a QoS 1 redelivery
        MeterConsumption c = ConsumptionCalculator.compute(readings, CounterProfile.plain(), GRID);

        assertThat(c.total().value()).isCloseTo(400, within(1e-9));
        assertThat(c.value(0)).isCloseTo(25, within(1e-9));
        assertThat(c.total().coverage()).isEqualTo(1.0);
        assertThat(c.total().estimatedShare()).isZero();
        assertThat(c.total().completeness()).isEqualTo(1.0);
        assertThat(c.findings()).isEmpty();
    }

    @Test
    void rollover_with_known_modulus_and_plausible_rate_counts_the_wrapped_rise() {
        // DL/T 645 XXXXXX.XX kWh wraps at 1 000 000; 999 990 -> 15 is a 25 kWh rise, possible at 500 kW in 15 min
        List<CounterReading> readings = List.of(at(0, 999_940), at(1, 999_965), at(2, 999_990), at(3, 15), at(4, 40));
        CounterProfile profile = CounterProfile.plain().withModulus(1_000_000, 500);
        MeterConsumption c = ConsumptionCalculator.compute(readings, profile, GRID);

        assertThat(c.value(2)).isCloseTo(25, within(1e-6));
        assertThat(c.total(0, 4).value()).isCloseTo(100, within(1e-6));
        assertThat(c.findings()).extracting(CounterFinding::type).containsExactly(Type.ROLLOVER);
    }

    @Test
    void a_fall_is_not_a_rollover_when_the_wrapped_rise_is_impossible_at_the_maximum_rate() {
        // 500 000 -> 100 would be a 499 900 kWh rise in 15 minutes: a 500 kW connection cannot do that
        List<CounterReading> readings = new ArrayList<>(List.of(at(0, 499_950), at(1, 500_000), at(2, 100)));
        for (int q = 3; q <= 16; q++) {
            readings.add(at(q, 100 + (q - 2) * 25));
        }
        CounterProfile profile = CounterProfile.plain().withModulus(1_000_000, 500);
        MeterConsumption c = ConsumptionCalculator.compute(readings, profile, GRID);

        assertThat(c.findings()).extracting(CounterFinding::type).containsExactly(Type.UNEXPLAINED_DROP);
        assertThat(c.bucket(1).coverage()).isZero(); // that quarter's consumption is unknown, not guessed
        assertThat(c.total().value()).isCloseTo(50 + 14 * 25, within(1e-6));
        assertThat(c.total().coverage()).isCloseTo(15.0 / 16, within(1e-12));
        assertThat(c.total().isComplete()).isFalse();
    }

    @Test
    void without_a_declared_modulus_a_fall_is_never_read_as_a_rollover() {
        List<CounterReading> readings = new ArrayList<>(List.of(at(0, 999_965), at(1, 999_990)));
        for (int q = 2; q <= 16; q++) {
            readings.add(at(q, 15 + (q - 2) * 25));
        }
        MeterConsumption c = ConsumptionCalculator.compute(readings, CounterProfile.plain(), GRID);

        assertThat(c.findings()).extracting(CounterFinding::type).containsExactly(Type.UNEXPLAINED_DROP);
        assertThat(c.total().value()).isCloseTo(25 + 14 * 25, within(1e-6));
    }

    @Test
    void declared_exchange_closes_the_old_register_and_opens_the_new_one() {
        // old meter read 5 000 at 00:00 and 5 030 at 00:15; exchanged at 00:20 with final 5 040;
        // new meter starts at 2.5 and reads 12.5 at 00:30, 37.5 at 00:45
        long exchangeAt = T0 + 20 * 60_000L;
        CounterEvent exchange = new CounterEvent(CounterEvent.Type.EXCHANGE, exchangeAt, 5040, 2.5, 1.0);
        List<CounterReading> readings = List.of(at(0, 5000), at(1, 5030), at(2, 12.5), at(3, 37.5));
        CounterProfile profile = CounterProfile.plain().withEvents(List.of(exchange));
        MeterConsumption c = ConsumptionCalculator.compute(readings, profile, GRID);

        assertThat(c.value(0)).isCloseTo(30, within(1e-9));
        assertThat(c.value(1)).isCloseTo(10 + 10, within(1e-9)); // 5030->5040 before, 2.5->12.5 after
        assertThat(c.value(2)).isCloseTo(25, within(1e-9));
        assertThat(c.total(0, 3).value()).isCloseTo(75, within(1e-9));
        assertThat(c.findings()).extracting(CounterFinding::type).containsExactly(Type.EXCHANGE);
    }

    @Test
    void ratio_change_applies_the_old_factor_before_and_the_new_one_after() {
        // register 100.0 at 00:00, CT 200/5 (40) until 00:15 when it reads 101.0; CT 400/5 (80) after; 102.0 at 00:30
        CounterEvent change = new CounterEvent(CounterEvent.Type.RATIO_CHANGE, T0 + Q, 101.0, 101.0, 80);
        CounterProfile profile = new CounterProfile(40, Double.NaN, Double.NaN, Q, List.of(change));
        // stored values carry the factor ingest applied: 40 for the first two, 80 afterwards
        List<CounterReading> readings = List.of(new CounterReading(T0, 4000, 40), new CounterReading(T0 + Q, 8080, 80),
                new CounterReading(T0 + 2 * Q, 8160, 80));
        MeterConsumption c = ConsumptionCalculator.compute(readings, profile, GRID);

        assertThat(c.value(0)).isCloseTo(40, within(1e-9));
        assertThat(c.value(1)).isCloseTo(80, within(1e-9));
        assertThat(c.findings()).extracting(CounterFinding::type).containsExactly(Type.RATIO_CHANGE);
    }

    @Test
    void spurious_zero_is_rejected_and_the_next_reading_measured_against_the_last_valid_one() {
        // evcc's case: a transient 0 must not re-base the counter (that produced a 53.7 MWh spike)
        List<CounterReading> readings = List.of(at(0, 12_000), at(1, 12_025), at(2, 0), at(3, 12_075), at(4, 12_100));
        MeterConsumption c = ConsumptionCalculator.compute(readings, CounterProfile.plain(), GRID);

        assertThat(c.total(0, 4).value()).isCloseTo(100, within(1e-9));
        assertThat(c.value(1)).isCloseTo(25, within(1e-9)); // 12 025 -> 12 075 spread over half an hour
        assertThat(c.value(2)).isCloseTo(25, within(1e-9));
        assertThat(c.findings()).extracting(CounterFinding::type).containsExactly(Type.GLITCH_REJECTED);
        assertThat(c.findings().get(0).timeMs()).isEqualTo(T0 + 2 * Q);
    }

    @Test
    void spike_faster_than_the_maximum_rate_is_rejected_when_the_readings_come_back() {
        List<CounterReading> readings = List.of(at(0, 1000), at(1, 1025), at(2, 99_999), at(3, 1075), at(4, 1100));
        CounterProfile profile = CounterProfile.plain().withModulus(1_000_000, 200);
        MeterConsumption c = ConsumptionCalculator.compute(readings, profile, GRID);

        assertThat(c.total(0, 4).value()).isCloseTo(100, within(1e-9));
        assertThat(c.findings()).extracting(CounterFinding::type).containsExactly(Type.GLITCH_REJECTED);
    }

    @Test
    void zeros_that_persist_do_not_confirm_a_reset_and_the_recovery_is_measured_from_the_last_valid_total() {
        List<CounterReading> readings = new ArrayList<>(List.of(at(0, 12_000), at(1, 12_025)));
        for (int q = 2; q < 8; q++) {
            readings.add(at(q, 0)); // an hour and a half of a meter answering 0
        }
        readings.add(at(8, 12_200));
        MeterConsumption c = ConsumptionCalculator.compute(readings, CounterProfile.plain(), GRID);

        assertThat(c.total(0, 8).value()).isCloseTo(200, within(1e-9));
        assertThat(c.total(1, 8).estimatedShare()).isEqualTo(1.0); // 12 025 -> 12 200 spread over the gap
        assertThat(c.findings()).extracting(CounterFinding::type).containsOnly(Type.GLITCH_REJECTED).hasSize(6);
    }

    @Test
    void a_zero_followed_by_a_long_silence_never_rebases_the_counter() {
        // 12 000, then 0, then nothing for 25 hours, then 12 100: 100 kWh in all, not 12 100
        BucketGrid days = new BucketGrid(T0, T0 + 2 * 96 * Q, 96 * Q);
        List<CounterReading> readings = List.of(at(0, 12_000), at(1, 0), at(101, 12_100));
        MeterConsumption c = ConsumptionCalculator.compute(readings, CounterProfile.plain(), days);

        assertThat(c.total().value()).isCloseTo(100, within(1e-9));
        assertThat(c.findings()).extracting(CounterFinding::type).containsExactly(Type.GLITCH_REJECTED);
    }

    @Test
    void registers_stuck_at_zero_or_frozen_never_confirm_a_reset() {
        BucketGrid days = new BucketGrid(T0, T0 + 2 * 96 * Q, 96 * Q);
        List<CounterReading> stuck = new ArrayList<>(List.of(at(0, 12_000)));
        for (int q = 1; q <= 120; q++) {
            stuck.add(at(q, 0)); // 30 hours of zeros
        }
        stuck.add(at(121, 12_340));
        assertThat(ConsumptionCalculator.compute(stuck, CounterProfile.plain(), days).total().value()).isCloseTo(340, within(1e-9));

        List<CounterReading> frozen = new ArrayList<>(List.of(at(0, 12_000), at(1, 12_025)));
        for (int q = 2; q <= 7; q++) {
            frozen.add(at(q, 7)); // a bad register value repeated
        }
        frozen.add(at(8, 12_200));
        assertThat(ConsumptionCalculator.compute(frozen, CounterProfile.plain(), days).total().value()).isCloseTo(200, within(1e-9));
    }

    @Test
    void a_glitch_just_before_a_declared_exchange_is_measured_against_the_declared_final_register() {
        CounterEvent exchange = new CounterEvent(CounterEvent.Type.EXCHANGE, T0 + 3 * Q, 12_030, 0, 1.0);
        List<CounterReading> readings = List.of(at(0, 12_000), at(1, 12_010), at(2, 0), at(4, 20));
        MeterConsumption c = ConsumptionCalculator.compute(readings, CounterProfile.plain().withEvents(List.of(exchange)), GRID);

        assertThat(c.total().value()).isCloseTo(30 + 20, within(1e-9));
        assertThat(c.findings()).extracting(CounterFinding::type).containsExactly(Type.GLITCH_REJECTED, Type.EXCHANGE);
    }

    @Test
    void a_reading_above_the_modulus_is_never_a_negative_rollover() {
        List<CounterReading> readings = new ArrayList<>(List.of(at(0, 999_000), at(1, 999_010), at(2, 1_039_000)));
        for (int q = 3; q <= 7; q++) {
            readings.add(at(q, 1_039_000 + (q - 2) * 10)); // a register the modulus does not allow, persisting
        }
        CounterProfile profile = CounterProfile.plain().withModulus(1_000_000, 100_000);
        MeterConsumption c = ConsumptionCalculator.compute(readings, profile, GRID);

        assertThat(c.findings()).extracting(CounterFinding::type).doesNotContain(Type.ROLLOVER);
        assertThat(c.total().value()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void an_odd_first_reading_is_not_counted_from() {
        List<CounterReading> spikeFirst = List.of(at(0, 99_999), at(1, 1_000), at(2, 1_025), at(3, 1_050));
        MeterConsumption spike = ConsumptionCalculator.compute(spikeFirst, CounterProfile.plain(), GRID);
        assertThat(spike.total().value()).isCloseTo(50, within(1e-9));
        assertThat(spike.findings()).extracting(CounterFinding::type).containsExactly(Type.GLITCH_REJECTED);

        List<CounterReading> zeroFirst = List.of(at(0, 0), at(1, 12_000), at(2, 12_025), at(3, 12_050));
        CounterProfile rated = CounterProfile.plain().withModulus(1_000_000, 500);
        assertThat(ConsumptionCalculator.compute(zeroFirst, rated, GRID).total().value()).isCloseTo(50, within(1e-9));
    }

    @Test
    void fall_at_the_end_of_the_data_is_ignored_until_later_readings_explain_it() {
        List<CounterReading> readings = List.of(at(0, 500), at(1, 525), at(2, 550), at(3, 0));
        MeterConsumption c = ConsumptionCalculator.compute(readings, CounterProfile.plain(), GRID);

        assertThat(c.total(0, 3).value()).isCloseTo(50, within(1e-9));
        assertThat(c.bucket(2).coverage()).isZero();
        assertThat(c.findings()).extracting(CounterFinding::type).containsExactly(Type.UNCONFIRMED);
    }

    @Test
    void delta_across_a_gap_is_kept_spread_evenly_and_flagged_estimated() {
        // readings at 00:00 and 01:00 only: 100 kWh over four quarters
        List<CounterReading> readings = List.of(at(0, 1000), at(4, 1100), at(5, 1125));
        MeterConsumption c = ConsumptionCalculator.compute(readings, CounterProfile.plain(), GRID);

        for (int q = 0; q < 4; q++) {
            assertThat(c.value(q)).isCloseTo(25, within(1e-9));
            assertThat(c.bucket(q).estimatedShare()).isEqualTo(1.0);
        }
        assertThat(c.bucket(4).estimatedShare()).isZero();
        ConsumptionFigure firstHours = c.total(0, 5);
        assertThat(firstHours.value()).isCloseTo(125, within(1e-9));
        assertThat(firstHours.coverage()).isEqualTo(1.0);
        assertThat(firstHours.estimatedShare()).isCloseTo(0.8, within(1e-12));
        assertThat(firstHours.completeness()).isCloseTo(2.0 / 5, within(1e-12)); // readings at 00:00 and 01:00 of five expected
    }

    @Test
    void readings_jittered_off_the_quarter_hour_are_split_between_buckets_by_time() {
        List<CounterReading> readings = List.of(CounterReading.of(T0 + Q - 60_000, 100), CounterReading.of(T0 + 2 * Q - 60_000, 130));
        MeterConsumption c = ConsumptionCalculator.compute(readings, CounterProfile.plain(), GRID);

        assertThat(c.value(0)).isCloseTo(2, within(1e-9)); // the last minute of the first quarter
        assertThat(c.value(1)).isCloseTo(28, within(1e-9));
    }

    @Test
    void a_wrap_between_the_first_two_readings_counts_with_a_declared_maximum_rate() {
        // 999 998.8 -> 0.5 wraps at 1 000 000: 1.7 kWh, then 0.5 more: 2.2 kWh in all, not 0.5
        List<CounterReading> readings = List.of(at(0, 999_998.8), at(1, 0.5), at(2, 1.0));
        MeterConsumption c = ConsumptionCalculator.compute(readings, CounterProfile.plain().withModulus(1_000_000, 500), GRID);

        assertThat(c.total(0, 2).value()).isCloseTo(2.2, within(1e-6));
        assertThat(c.value(0)).isCloseTo(1.7, within(1e-6));
        assertThat(c.findings()).extracting(CounterFinding::type).containsExactly(Type.ROLLOVER);
    }

    @Test
    void a_wrap_between_the_first_two_readings_counts_on_the_modulus_alone_against_the_rate_that_follows() {
        // no maximum rate: the 1.7 kWh across the wrap (6.8 kWh/h) is within ten times the 2 kWh/h that follows it
        List<CounterReading> readings = List.of(at(0, 999_998.8), at(1, 0.5), at(2, 1.0));
        MeterConsumption c = ConsumptionCalculator.compute(readings, CounterProfile.plain().withModulus(1_000_000), GRID);

        assertThat(c.total(0, 2).value()).isCloseTo(2.2, within(1e-6));
        assertThat(c.findings()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(Type.ROLLOVER_BY_RECENT_RATE);
            assertThat(f.detail()).contains("999998.8 -> 0.5").contains("recent rate");
        });
    }

    @Test
    void a_wrap_between_the_last_two_readings_counts_on_the_modulus_alone_against_the_rate_before_it() {
        // 25 kWh a quarter (100 kWh/h) up to 999 990, then 15: a 25 kWh wrap, as fast as before
        List<CounterReading> readings = new ArrayList<>(steadily(999_890, 25, 4));
        readings.add(at(5, 15));
        MeterConsumption c = ConsumptionCalculator.compute(readings, CounterProfile.plain().withModulus(1_000_000), GRID);

        assertThat(c.total(0, 5).value()).isCloseTo(125, within(1e-6));
        assertThat(c.value(4)).isCloseTo(25, within(1e-6));
        assertThat(c.findings()).extracting(CounterFinding::type).containsExactly(Type.ROLLOVER_BY_RECENT_RATE);
    }

    @Test
    void a_reset_is_not_read_as_a_wrap_on_the_modulus_alone() {
        // 500 000 -> 100 would be a 499 900 kWh wrap in 15 minutes against 100 kWh/h before: a reset, left unexplained
        List<CounterReading> readings = new ArrayList<>(steadily(499_900, 25, 4));
        for (int q = 5; q <= 10; q++) {
            readings.add(at(q, 100 + (q - 5) * 25));
        }
        MeterConsumption c = ConsumptionCalculator.compute(readings, CounterProfile.plain().withModulus(1_000_000), GRID);

        assertThat(c.findings()).extracting(CounterFinding::type).containsExactly(Type.UNEXPLAINED_DROP);
        assertThat(c.bucket(4).coverage()).isZero();
        assertThat(c.total(0, 10).value()).isCloseTo(4 * 25 + 5 * 25, within(1e-6));
    }

    @Test
    void a_wrap_is_not_accepted_on_the_modulus_alone_without_a_rate_to_judge_it_by() {
        // a still meter (no advance after the fall) gives no recent rate: the fall stays unconfirmed, never guessed
        List<CounterReading> readings = List.of(at(0, 999_998.8), at(1, 0.5), at(2, 0.5));
        MeterConsumption c = ConsumptionCalculator.compute(readings, CounterProfile.plain().withModulus(1_000_000), GRID);

        assertThat(c.findings()).extracting(CounterFinding::type).doesNotContain(Type.ROLLOVER, Type.ROLLOVER_BY_RECENT_RATE);
        assertThat(c.total(0, 2).value()).isZero();
    }

    @Test
    void a_persistent_drop_in_the_first_interval_is_an_unexplained_drop_not_a_glitch() {
        // 500 then 100 and four readings advancing from 100: the first interval's consumption is unknown, and said so
        List<CounterReading> readings = List.of(at(0, 500), at(1, 100), at(2, 125), at(3, 150), at(4, 175), at(5, 200));
        MeterConsumption c = ConsumptionCalculator.compute(readings, CounterProfile.plain(), GRID);

        assertThat(c.findings()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(Type.UNEXPLAINED_DROP);
            assertThat(f.timeMs()).isEqualTo(T0 + Q);
        });
        assertThat(c.bucket(0).coverage()).isZero();
        assertThat(c.total(0, 5).value()).isCloseTo(100, within(1e-9));
    }
}
