package io.parkpulse.park;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * What the park file says about a meter's cumulative registers, for consumption arithmetic.
 *
 * @param role            {@code MAIN}: its consumption counts towards the enterprise (a billing meter);
 *                        {@code SUB}: part of what a main meter already counts, for breakdowns only
 * @param registerModulus where the register wraps (1 000 000 for XXXXXX.XX), as displayed; {@code NaN} unknown
 * @param maxRatePerHour  the most the main register can advance in an hour, in primary units (kWh/h = kW);
 *                        {@code NaN} unknown. A rollover is only accepted when both are declared
 * @param readingInterval how often readings are expected
 * @param events          declared exchanges and ratio changes, in time order
 */
public record CounterDeclaration(Role role, double registerModulus, double maxRatePerHour, Duration readingInterval,
                                 List<MeterEvent> events) {

    public enum Role { MAIN, SUB }

    public static final CounterDeclaration DEFAULT =
            new CounterDeclaration(Role.MAIN, Double.NaN, Double.NaN, Duration.ofMinutes(15), List.of());

    public CounterDeclaration {
        events = events.stream().sorted(Comparator.comparing(MeterEvent::time)).toList();
    }
}
