package io.parkpulse.efficiency.evaluation;

import io.parkpulse.efficiency.benchmark.LimitStandard;
import io.parkpulse.efficiency.calendar.Period;
import io.parkpulse.efficiency.coal.CoefficientTable;
import io.parkpulse.efficiency.coal.EnergyCarrier;
import io.parkpulse.efficiency.coal.StandardCoal;
import io.parkpulse.efficiency.counter.ConsumptionFigure;
import io.parkpulse.efficiency.indicator.Indicator;
import io.parkpulse.efficiency.indicator.OutputTotals.ProductTotal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Compares products with the national limit-standard rows a policy names for them (docs/efficiency.md, "Limit
 * standards"). A row counts electricity, fuel or both; the comparison is made only when every counted kind of energy
 * is metered for the enterprise and known over the policy's least coverage, and the period's output reports are in —
 * a cement works whose kiln coal is not metered would otherwise look ten times better than the best kiln in China.
 */
public final class LimitChecker {

    private final CoefficientTable coefficients;
    private final DataSufficiency sufficiency;

    public LimitChecker(CoefficientTable coefficients, double minCoverage) {
        this.coefficients = coefficients;
        this.sufficiency = new DataSufficiency(minCoverage);
    }

    /** The comparisons of the enterprise's reported products that {@code rows} (product → row) name a row for. */
    public List<LimitCheck> check(EnterprisePeriod p, Map<String, LimitStandard> rows, Period period) {
        List<LimitCheck> checks = new ArrayList<>();
        p.figures().output().products().forEach((product, total) -> {
            LimitStandard row = rows.get(product);
            if (row != null) {
                checks.add(check(p, product, total, row, period.start().getYear()));
            }
        });
        return checks;
    }

    private LimitCheck check(EnterprisePeriod p, String product, ProductTotal total, LimitStandard row, int year) {
        String denominator = row.unit().substring(row.unit().indexOf('/') + 1);
        if (!denominator.equals(total.unit())) {
            return none(product, row, DataState.insufficient(DataState.unitMismatch(row.id(), denominator, total.unit())));
        }
        if (!(total.quantity() > 0)) {
            return none(product, row, DataState.insufficient(DataState.noQuantity(product)));
        }
        DataState state = p.inputs().getOrDefault(Indicator.Input.OUTPUT_REPORT, DataState.complete());
        Map<EnergyCarrier, Double> counted = new EnumMap<>(EnergyCarrier.class);
        for (LimitStandard.Counted kind : row.counts()) {
            boolean metered = false;
            for (Map.Entry<Metered, ConsumptionFigure> e : p.consumption().entrySet()) {
                EnergyCarrier carrier = e.getKey().carrier();
                if (carrier != null && kind.includes(carrier)) {
                    metered = true;
                    state = state.and(sufficiency.metered(e.getKey(), e.getValue()));
                    counted.put(carrier, e.getValue().value());
                }
            }
            if (!metered) {
                state = state.and(DataState.insufficient(DataState.carrierNotMetered(kind.id())));
            }
        }
        if (!state.isSufficient()) {
            return none(product, row, state);
        }
        double numerator;
        if (row.basis() == null) {
            numerator = counted.get(EnergyCarrier.ELECTRICITY); // kWh per product
        } else {
            try {
                numerator = StandardCoal.of(counted, coefficients, row.basis(), year).tce() * 1000; // tce → kgce
            } catch (IllegalArgumentException noEqualValue) {
                return none(product, row, DataState.insufficient(DataState.noCoefficient(row.basis().id(), year)));
            }
        }
        double share = p.figures().output().products().size() == 1 && total.energyShare() == 0 ? 1 : total.energyShare();
        double value = numerator * share / total.quantity();
        return new LimitCheck(product, row, value, row.compare(value), state);
    }

    private static LimitCheck none(String product, LimitStandard row, DataState state) {
        return new LimitCheck(product, row, Double.NaN, null, state);
    }
}
