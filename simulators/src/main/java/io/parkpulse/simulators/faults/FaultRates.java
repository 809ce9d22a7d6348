package io.parkpulse.simulators.faults;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How often each fault is injected. Rates are expected events per entity and year (independent
 * chances each step, so events form a Poisson process), shares are probabilities per message or
 * per meter.
 *
 * @param replacementsPerMeterYear  meter exchanges (cumulative meters)
 * @param rolloverShare             share of cumulative meters whose registers start within a day or so of the modulus
 * @param gapsPerMeterYear          silent periods per meter
 * @param meanGap                   mean length of a silent period (exponential)
 * @param duplicateShare            share of messages published twice
 * @param malformedShare            share of messages corrupted
 * @param skewsPerGatewayYear       clock-skew periods per gateway
 * @param meanSkew                  mean length of a skew period (exponential)
 * @param maxSkewOffset             largest clock offset (uniform in ±[1 min, max])
 * @param leaksPerWaterMeterYear    leaks starting behind enterprise water meters
 */
public record FaultRates(double replacementsPerMeterYear, double rolloverShare, double gapsPerMeterYear, Duration meanGap,
                         double duplicateShare, double malformedShare, double skewsPerGatewayYear, Duration meanSkew,
                         Duration maxSkewOffset, double leaksPerWaterMeterYear) {

    /** No faults at all. */
    public static final FaultRates NONE = new FaultRates(0, 0, 0, Duration.ofHours(4), 0, 0, 0, Duration.ofHours(12),
            Duration.ofMinutes(90), 0);

    /**
     * Rare faults of every kind, roughly what a park of a few hundred meters sees in a year: a few
     * meter exchanges, a handful of silent hours per meter, the odd re-sent or garbled message.
     */
    public static final FaultRates REALISTIC = new FaultRates(0.2, 0.02, 4, Duration.ofHours(4), 0.002, 0.0005, 2,
            Duration.ofHours(12), Duration.ofMinutes(90), 0.05);

    /** The names {@link #with} understands, as shown in errors and help. */
    public static final List<String> NAMES = List.of("replacement", "rollover", "gap", "gap_hours", "duplicate", "malformed",
            "clock_skew", "skew_hours", "skew_max_minutes", "leak");

    public FaultRates {
        check("replacement", replacementsPerMeterYear, Double.MAX_VALUE);
        check("rollover", rolloverShare, 1);
        check("gap", gapsPerMeterYear, Double.MAX_VALUE);
        check("duplicate", duplicateShare, 1);
        check("malformed", malformedShare, 1);
        check("clock_skew", skewsPerGatewayYear, Double.MAX_VALUE);
        check("leak", leaksPerWaterMeterYear, Double.MAX_VALUE);
        if (meanGap.isNegative() || meanGap.isZero() || meanSkew.isNegative() || meanSkew.isZero()
                || maxSkewOffset.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("gap_hours and skew_hours must be positive, skew_max_minutes at least 1");
        }
    }

    public static FaultRates preset(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "realistic" -> REALISTIC;
            default -> throw new IllegalArgumentException("unknown fault preset \"" + name + "\"; expected none or realistic");
        };
    }

    /** These rates with one changed, from {@code name=value} text such as {@code gap=12}. */
    public FaultRates with(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("\"" + assignment + "\": expected name=value, e.g. gap=12; names: " + NAMES);
        }
        String name = assignment.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        double v;
        try {
            v = Double.parseDouble(assignment.substring(eq + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + assignment + "\": the value is not a number");
        }
        FaultRates r = this;
        return switch (name) {
            case "replacement" -> new FaultRates(v, r.rolloverShare, r.gapsPerMeterYear, r.meanGap, r.duplicateShare, r.malformedShare,
                    r.skewsPerGatewayYear, r.meanSkew, r.maxSkewOffset, r.leaksPerWaterMeterYear);
            case "rollover" -> new FaultRates(r.replacementsPerMeterYear, v, r.gapsPerMeterYear, r.meanGap, r.duplicateShare,
                    r.malformedShare, r.skewsPerGatewayYear, r.meanSkew, r.maxSkewOffset, r.leaksPerWaterMeterYear);
            case "gap" -> new FaultRates(r.replacementsPerMeterYear, r.rolloverShare, v, r.meanGap, r.duplicateShare, r.malformedShare,
                    r.skewsPerGatewayYear, r.meanSkew, r.maxSkewOffset, r.leaksPerWaterMeterYear);
            case "gap_hours" -> new FaultRates(r.replacementsPerMeterYear, r.rolloverShare, r.gapsPerMeterYear, hours(name, v),
                    r.duplicateShare, r.malformedShare, r.skewsPerGatewayYear, r.meanSkew, r.maxSkewOffset, r.leaksPerWaterMeterYear);
            case "duplicate" -> new FaultRates(r.replacementsPerMeterYear, r.rolloverShare, r.gapsPerMeterYear, r.meanGap, v,
                    r.malformedShare, r.skewsPerGatewayYear, r.meanSkew, r.maxSkewOffset, r.leaksPerWaterMeterYear);
            case "malformed" -> new FaultRates(r.replacementsPerMeterYear, r.rolloverShare, r.gapsPerMeterYear, r.meanGap,
                    r.duplicateShare, v, r.skewsPerGatewayYear, r.meanSkew, r.maxSkewOffset, r.leaksPerWaterMeterYear);
            case "clock_skew" -> new FaultRates(r.replacementsPerMeterYear, r.rolloverShare, r.gapsPerMeterYear, r.meanGap,
                    r.duplicateShare, r.malformedShare, v, r.meanSkew, r.maxSkewOffset, r.leaksPerWaterMeterYear);
            case "skew_hours" -> new FaultRates(r.replacementsPerMeterYear, r.rolloverShare, r.gapsPerMeterYear, r.meanGap,
                    r.duplicateShare, r.malformedShare, r.skewsPerGatewayYear, hours(name, v), r.maxSkewOffset, r.leaksPerWaterMeterYear);
            case "skew_max_minutes" -> new FaultRates(r.replacementsPerMeterYear, r.rolloverShare, r.gapsPerMeterYear, r.meanGap,
                    r.duplicateShare, r.malformedShare, r.skewsPerGatewayYear, r.meanSkew, Duration.ofSeconds(Math.round(v * 60)),
                    r.leaksPerWaterMeterYear);
            case "leak" -> new FaultRates(r.replacementsPerMeterYear, r.rolloverShare, r.gapsPerMeterYear, r.meanGap,
                    r.duplicateShare, r.malformedShare, r.skewsPerGatewayYear, r.meanSkew, r.maxSkewOffset, v);
            default -> throw new IllegalArgumentException("unknown fault \"" + name + "\"; expected one of " + NAMES);
        };
    }

    private static Duration hours(String name, double v) {
        if (!(v > 0)) {
            throw new IllegalArgumentException(name + " must be positive, got " + v);
        }
        return Duration.ofSeconds(Math.round(v * 3600));
    }

    private static void check(String name, double v, double max) {
        if (!(v >= 0 && v <= max)) {
            throw new IllegalArgumentException(name + " must be between 0 and " + (max == Double.MAX_VALUE ? "any rate" : max)
                    + ", got " + v);
        }
    }

    public boolean any() {
        return replacementsPerMeterYear > 0 || rolloverShare > 0 || gapsPerMeterYear > 0 || duplicateShare > 0
                || malformedShare > 0 || skewsPerGatewayYear > 0 || leaksPerWaterMeterYear > 0;
    }
}
