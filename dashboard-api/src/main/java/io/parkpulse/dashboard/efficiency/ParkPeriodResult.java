package io.parkpulse.dashboard.efficiency;

import io.parkpulse.efficiency.benchmark.PeerGroup;
import io.parkpulse.efficiency.calendar.Period;
import io.parkpulse.efficiency.evaluation.EnterprisePeriod;
import io.parkpulse.efficiency.evaluation.LimitCheck;
import io.parkpulse.efficiency.evaluation.LimitChecker;
import io.parkpulse.efficiency.evaluation.ParkEvaluation.LandEfficiency;
import io.parkpulse.efficiency.evaluation.ParkEvaluation;
import io.parkpulse.efficiency.indicator.Indicator;
import io.parkpulse.efficiency.policy.Policy;
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

    /** The limit-standard comparisons of the enterprise's products that the policy names a row for. */
    public List<LimitCheck> limits(String enterprise) {
        EnterprisePeriod p = figures.get(enterprise);
        if (p == null) {
            return List.of();
        }
        return new LimitChecker(policy.coefficients(), policy.scope().minCoverage()).check(p, policy.productLimits(), period);
    }
}
