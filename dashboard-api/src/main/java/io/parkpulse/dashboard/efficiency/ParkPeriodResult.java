package io.parkpulse.dashboard.efficiency;

import io.parkpulse.efficiency.benchmark.LimitComparison;
import io.parkpulse.efficiency.benchmark.LimitStandard;
import io.parkpulse.efficiency.benchmark.PeerGroup;
import io.parkpulse.efficiency.calendar.Period;
import io.parkpulse.efficiency.coal.EnergyBasis;
import io.parkpulse.efficiency.coal.EnergyCarrier;
import io.parkpulse.efficiency.coal.StandardCoal;
import io.parkpulse.efficiency.counter.ConsumptionFigure;
import io.parkpulse.efficiency.evaluation.EnterprisePeriod;
import io.parkpulse.efficiency.evaluation.Metered;
import io.parkpulse.efficiency.evaluation.ParkEvaluation;
import io.parkpulse.efficiency.evaluation.ParkEvaluation.LandEfficiency;
import io.parkpulse.efficiency.indicator.Indicator;
import io.parkpulse.efficiency.indicator.OutputTotals.ProductTotal;
import io.parkpulse.efficiency.policy.Policy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A park's efficiency for one period under one policy: every enterprise's figures, and — computed once when first
 * asked — the peer groups of each indicator, the land-efficiency classes and the limit-standard comparisons. Immutable
 * apart from those memos; safe to share between requests.
 */
public final class ParkPeriodResult {

    private final ParkModel model;
    private final Policy policy;
    private final Period period;
    private final Map<String, EnterprisePeriod> figures;
    private final Map<Indicator, Map<String, PeerGroup>> peerGroups = new ConcurrentHashMap<>();
    private volatile Map<String, LandEfficiency> classes;

    public ParkPeriodResult(ParkModel model, Policy policy, Period period, Map<String, EnterprisePeriod> figures) {
        this.model = model;
        this.policy = policy;
        this.period = period;
        this.figures = figures;
    }

    public ParkModel model() {
        return model;
    }

    public Policy policy() {
        return policy;
    }

    public Period period() {
        return period;
    }

    public Map<String, EnterprisePeriod> figures() {
        return figures;
    }

    /** Industry code → the peer group of {@code indicator} (enterprises with a value only). */
    public Map<String, PeerGroup> peerGroups(Indicator indicator) {
        return peerGroups.computeIfAbsent(indicator, i -> ParkEvaluation.peerGroups(figures, i, policy.frontrunner()));
    }

    /** The peer group the enterprise belongs to for {@code indicator}, or {@code null} when it has no value. */
    public PeerGroup peerGroupOf(String enterprise, Indicator indicator) {
        EnterprisePeriod p = figures.get(enterprise);
        return p == null ? null : peerGroups(indicator).get(p.figures().industry());
    }

    /** Land-efficiency scores and classes of everyone, graded as of the period's last day. */
    public Map<String, LandEfficiency> classes() {
        Map<String, LandEfficiency> c = classes;
        if (c == null) {
            c = ParkEvaluation.landEfficiency(figures, model.enterprises(), policy.scoring(), policy.classes(),
                    policy.scope(), period.end().minusDays(1));
            classes = c;
        }
        return c;
    }

    /**
     * A product held to a national limit row: its unit energy on the row's basis and the comparison, or why there is
     * none.
     */
    public record LimitCheck(String product, LimitStandard standard, double value, LimitComparison comparison,
                             String missing) {
    }

    /** The limit-standard comparisons of the enterprise's products that the policy names a row for. */
    public List<LimitCheck> limits(String enterprise) {
        EnterprisePeriod p = figures.get(enterprise);
        List<LimitCheck> checks = new ArrayList<>();
        if (p == null) {
            return checks;
        }
        p.figures().output().products().forEach((product, total) -> {
            LimitStandard row = policy.productLimits().get(product);
            if (row != null) {
                checks.add(check(p, product, total, row));
            }
        });
        return checks;
    }

    private LimitCheck check(EnterprisePeriod p, String product, ProductTotal total, LimitStandard row) {
        String denominator = row.unit().substring(row.unit().indexOf('/') + 1);
        if (!denominator.equals(total.unit())) {
            return new LimitCheck(product, row, Double.NaN, null, row.id() + " is per " + denominator
                    + " but the product is reported in " + total.unit());
        }
        if (!(total.quantity() > 0)) {
            return new LimitCheck(product, row, Double.NaN, null, "no quantity reported");
        }
        double share = p.figures().output().products().size() == 1 && total.energyShare() == 0 ? 1 : total.energyShare();
        double numerator;
        if (row.basis() == null) {
            // a physical unit: electricity per product (kWh/t)
            numerator = p.figures().electricityKwh();
        } else {
            numerator = energyOn(p, row.basis()) * 1000; // tce → kgce
        }
        if (Double.isNaN(numerator)) {
            return new LimitCheck(product, row, Double.NaN, null, row.basis() == null
                    ? "electricity is not known for the period" : "comprehensive energy on the " + row.basis().id()
                    + " basis is not known for the period (too few readings, or no equal value for " + period.start().getYear() + ")");
        }
        double value = numerator * share / total.quantity();
        return new LimitCheck(product, row, value, row.compare(value), null);
    }

    /** Comprehensive energy in tce on {@code basis}, {@code NaN} when unknown. */
    private double energyOn(EnterprisePeriod p, EnergyBasis basis) {
        if (basis == p.figures().energy().basis()) {
            return p.figures().energy().tce();
        }
        Map<EnergyCarrier, Double> quantities = new EnumMap<>(EnergyCarrier.class);
        for (Map.Entry<Metered, ConsumptionFigure> e : p.consumption().entrySet()) {
            if (e.getKey().carrier() == null) {
                continue;
            }
            if (e.getValue().coverage() < ParkEvaluation.MIN_COVERAGE) {
                return Double.NaN;
            }
            quantities.put(e.getKey().carrier(), e.getValue().value());
        }
        if (quantities.isEmpty()) {
            return Double.NaN;
        }
        try {
            return StandardCoal.of(quantities, policy.coefficients(), basis, period.start().getYear()).tce();
        } catch (IllegalArgumentException noEqualValue) {
            return Double.NaN;
        }
    }
}
