package io.parkpulse.efficiency.carbon;

import io.parkpulse.efficiency.indicator.OutputReport.GreenKind;
import java.util.Locale;
import java.util.Optional;

/**
 * Which declared green electricity (绿电) reduces an enterprise's electricity emissions: the park's choice, stated with
 * every figure (docs/efficiency.md, "Green electricity"). Whatever the rule, no more than the electricity metered in
 * the period is deducted.
 */
public enum GreenElectricityRule {
    /** Nothing is deducted: the grid factor already counts the green generation of the grid. */
    NOT_DEDUCTED,
    /** Electricity bought under green-electricity trading contracts (绿电交易) is deducted. */
    CONTRACTS,
    /** Contracts and unbundled green certificates (绿证) are deducted. */
    CONTRACTS_AND_CERTIFICATES;

    /** Whether green electricity evidenced by {@code kind} is deducted under this rule. */
    public boolean deducts(GreenKind kind) {
        return switch (this) {
            case NOT_DEDUCTED -> false;
            case CONTRACTS -> kind == GreenKind.CONTRACT;
            case CONTRACTS_AND_CERTIFICATES -> true;
        };
    }

    /** The name in park files and APIs: {@code contracts_and_certificates}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<GreenElectricityRule> byId(String id) {
        for (GreenElectricityRule r : values()) {
            if (r.id().equals(id)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
