package io.parkpulse.efficiency.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How far a figure can be trusted: every indicator, score, class, benchmark position, growth quadrant and
 * limit-standard comparison carries one. A class, rank or verdict is a public statement about a company: nothing is
 * graded, ranked or compared on {@link Kind#INSUFFICIENT} data, which says instead what is missing.
 *
 * @param kind    complete, partial or insufficient
 * @param reasons why it is not complete, each with a code people's languages translate and its values; empty when
 *                complete
 */
public record DataState(Kind kind, List<Reason> reasons) {

    public enum Kind {
        /** Every input of the period is there: every metered carrier known over the whole period, every report in. */
        COMPLETE,
        /** Usable, but not whole: a carrier known over less than all of the period (above the policy's threshold). */
        PARTIAL,
        /** Not enough to say anything: see the reasons. */
        INSUFFICIENT;

        /** Its name in JSON and reports: complete, partial, insufficient. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One thing missing or short.
     *
     * @param code what it is, a stable identifier the UI translates: {@code no_output_report}, {@code no_readings},
     *             {@code coverage_below_threshold}, {@code no_energy_meter}, {@code carrier_not_metered},
     *             {@code partial_coverage}, {@code unit_mismatch}, {@code no_quantity}, {@code no_coefficient}
     * @param args the values the text names (month, carrier, coverage, threshold …), as text
     * @param text the reason in English, for logs and the reports' notes
     */
    public record Reason(String code, Map<String, String> args, String text) {
        public Reason {
            Objects.requireNonNull(code, "code");
            args = Map.copyOf(args);
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return text;
        }
    }

    public DataState {
        Objects.requireNonNull(kind, "kind");
        reasons = List.copyOf(reasons);
        if (kind != Kind.COMPLETE && reasons.isEmpty()) {
            throw new IllegalArgumentException("a state that is not complete says why");
        }
    }

    private static final DataState COMPLETE = new DataState(Kind.COMPLETE, List.of());

    public static DataState complete() {
        return COMPLETE;
    }

    public static DataState insufficient(Reason... reasons) {
        return new DataState(Kind.INSUFFICIENT, List.of(reasons));
    }

    public boolean isSufficient() {
        return kind != Kind.INSUFFICIENT;
    }

    /** The reasons in English, joined: for notes and logs. */
    public String summary() {
        return String.join("; ", reasons.stream().map(Reason::text).toList());
    }

    /** The weaker of two states, with the reasons of both (a figure made of two inputs is as sure as the weaker). */
    public DataState and(DataState other) {
        if (other.kind == Kind.COMPLETE) {
            return this;
        }
        if (kind == Kind.COMPLETE) {
            return other;
        }
        List<Reason> all = new ArrayList<>(reasons);
        other.reasons.stream().filter(r -> !all.contains(r)).forEach(all::add);
        return new DataState(kind.ordinal() >= other.kind.ordinal() ? kind : other.kind, all);
    }

    // ---- the reasons ----------------------------------------------------------------------------------------------

    public static Reason noOutputReport(String month) {
        return new Reason("no_output_report", Map.of("month", month), "no output report for " + month);
    }

    public static Reason noReadings(String what) {
        return new Reason("no_readings", Map.of("carrier", what), "no " + what + " readings in the period");
    }

    public static Reason coverageBelow(String what, double coverage, double threshold) {
        return new Reason("coverage_below_threshold", Map.of("carrier", what, "coverage", percent(coverage),
                "threshold", percent(threshold)), what + " known over " + percent(coverage) + " % of the period, under the policy's "
                + percent(threshold) + " %");
    }

    public static Reason partialCoverage(String what, double coverage) {
        return new Reason("partial_coverage", Map.of("carrier", what, "coverage", percent(coverage)),
                what + " known over " + percent(coverage) + " % of the period");
    }

    public static Reason noEnergyMeter() {
        return new Reason("no_energy_meter", Map.of(), "no energy meter");
    }

    public static Reason carrierNotMetered(String carrier) {
        return new Reason("carrier_not_metered", Map.of("carrier", carrier), carrier + " not metered");
    }

    public static Reason unitMismatch(String row, String rowUnit, String reportedUnit) {
        return new Reason("unit_mismatch", Map.of("row", row, "row_unit", rowUnit, "reported_unit", reportedUnit),
                row + " is per " + rowUnit + " but the product is reported in " + reportedUnit);
    }

    public static Reason noQuantity(String product) {
        return new Reason("no_quantity", Map.of("product", product), "no quantity of " + product + " reported");
    }

    public static Reason noCoefficient(String basis, int year) {
        return new Reason("no_coefficient", Map.of("basis", basis, "year", Integer.toString(year)),
                "no " + basis + " electricity coefficient for " + year + " in the policy");
    }

    /**
     * A figure withheld because its data is insufficient ({@code insufficient_data}): the state beside it says what is
     * missing, in codes; the text repeats it in English.
     */
    public static Reason insufficientData(DataState state) {
        return new Reason("insufficient_data", Map.of(), "insufficient data: " + state.summary());
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f", share * 100);
    }
}
