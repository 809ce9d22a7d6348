package io.parkpulse.efficiency.benchmark;

import io.parkpulse.efficiency.coal.EnergyBasis;
import io.parkpulse.efficiency.coal.EnergyCarrier;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One row of a national energy-limit standard (docs/domain.md §3.2): 限定值 (what existing plants may consume, mandatory),
 * 准入值 (what new plants must meet) and 先进值 (the advanced target). Smaller is better for all of them.
 *
 * @param id       the name policies use: {@code gb16780-2007/clinker-comprehensive/4000tpd}
 * @param standard the standard's number and year
 * @param product  what is measured, for people
 * @param unit     unit of the values
 * @param basis    electricity basis the values assume, or {@code null} for physical units (kWh/t)
 * @param counts   the energy the row's numerator counts: electricity, fuel, or both — a comparison needs every one of
 *                 them metered, or the figure is a fraction of what the standard measures
 * @param limit    限定值
 * @param entry    准入值
 * @param advanced 先进值, {@code NaN} when the standard gives none
 */
public record LimitStandard(String id, String standard, String product, String unit, EnergyBasis basis,
                            Set<Counted> counts, double limit, double entry, double advanced) {

    /** What a row's numerator counts. */
    public enum Counted {
        /** purchased electricity (kWh rows, and the electricity part of comprehensive energy) */
        ELECTRICITY,
        /** every other energy carrier: coal, gas, oil, steam, heat (a kiln's coal, a furnace's coke) */
        FUEL;

        /** Whether {@code carrier} is part of it. */
        public boolean includes(EnergyCarrier carrier) {
            return (carrier == EnergyCarrier.ELECTRICITY) == (this == ELECTRICITY);
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public LimitStandard {
        Objects.requireNonNull(id, "id");
        counts = Set.copyOf(counts);
        if (counts.isEmpty()) {
            throw new IllegalArgumentException(id + " counts no energy");
        }
        if (basis == null && !counts.equals(Set.of(Counted.ELECTRICITY))) {
            throw new IllegalArgumentException(id + ": a row in physical units (no basis) counts electricity only");
        }
    }

    /** Whether the row's numerator includes {@code carrier}. */
    public boolean counts(EnergyCarrier carrier) {
        return counts.stream().anyMatch(c -> c.includes(carrier));
    }

    /** Where {@code actual} stands against the three values. */
    public LimitComparison compare(double actual) {
        LimitComparison.Grade grade;
        if (!Double.isNaN(advanced) && actual <= advanced) {
            grade = LimitComparison.Grade.ADVANCED;
        } else if (actual <= entry) {
            grade = LimitComparison.Grade.ENTRY;
        } else if (actual <= limit) {
            grade = LimitComparison.Grade.LIMIT;
        } else {
            grade = LimitComparison.Grade.ABOVE_LIMIT;
        }
        return new LimitComparison(id, actual, grade, actual - limit, actual - entry,
                Double.isNaN(advanced) ? Double.NaN : actual - advanced, actual / limit);
    }
}
