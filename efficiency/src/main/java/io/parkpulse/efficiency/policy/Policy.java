package io.parkpulse.efficiency.policy;

import io.parkpulse.efficiency.benchmark.FrontrunnerRule;
import io.parkpulse.efficiency.benchmark.LimitStandard;
import io.parkpulse.efficiency.carbon.CarbonPolicy;
import io.parkpulse.efficiency.coal.CoefficientTable;
import io.parkpulse.efficiency.coal.EnergyBasis;
import io.parkpulse.efficiency.evaluation.ParkEvaluation;
import io.parkpulse.efficiency.indicator.Indicator;
import io.parkpulse.efficiency.scoring.Benchmark;
import io.parkpulse.efficiency.scoring.ClassRule;
import io.parkpulse.efficiency.scoring.GradingScope;
import io.parkpulse.efficiency.scoring.MissingRule;
import io.parkpulse.efficiency.scoring.ScoredIndicator;
import io.parkpulse.efficiency.scoring.ScoringMethod;
import io.parkpulse.efficiency.scoring.ScoringRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One park's efficiency policy ("one park, one policy"): everything a park decides about how its enterprises are
 * measured, compared and classed. It lives in the park file ({@code policy:}, docs/park-file.md); every result names
 * the {@link #version} that produced it.
 *
 * @param version             the park's label of this policy; results carry it
 * @param basis               electricity basis of comprehensive energy (当量值 by default)
 * @param coefficients        standard-coal coefficients, with the equal value per year when the basis needs it
 * @param indicators          the indicators the park publishes and ranks, in display order
 * @param frontrunner         how a peer group's frontrunner value is chosen
 * @param growthFlatThreshold |output growth| at or below this is "flat": no elasticity (0.01 = 1 %)
 * @param intensityBand       relative width of "typical" intensity around the peer median (0.1 = ±10 %)
 * @param productLimits       product name (as in output reports) → the national limit-standard row it is held to
 * @param scoring             the land-efficiency (亩均) scoring rule
 * @param classes             how scores become classes
 * @param scope               who is scored and who is graded
 * @param alarms              the alarms the park raises (docs/park-file.md#alarms), ids unique, in file order
 * @param carbon              grid factor, green rule, fuel factors, targets, budgets, two-high marking
 *                            (docs/park-file.md#carbon); {@link CarbonPolicy#standard()} when the file says nothing
 */
public record Policy(String version, EnergyBasis basis, CoefficientTable coefficients, List<Indicator> indicators,
                     FrontrunnerRule frontrunner, double growthFlatThreshold, double intensityBand,
                     Map<String, LimitStandard> productLimits, ScoringRule scoring, ClassRule classes,
                     GradingScope scope, List<AlarmRule> alarms, CarbonPolicy carbon) {

    /** The version label of {@link #standard()}. */
    public static final String STANDARD_VERSION = "parkpulse-standard-1";

    public Policy {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(coefficients, "coefficients");
        Objects.requireNonNull(frontrunner, "frontrunner");
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(classes, "classes");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(carbon, "carbon");
        indicators = List.copyOf(indicators);
        productLimits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(productLimits));
        alarms = List.copyOf(alarms);
        if (alarms.stream().map(AlarmRule::id).distinct().count() != alarms.size()) {
            throw new IllegalArgumentException("alarm ids must be unique within a policy");
        }
    }

    /** A policy with the standard carbon policy. */
    public Policy(String version, EnergyBasis basis, CoefficientTable coefficients, List<Indicator> indicators,
                  FrontrunnerRule frontrunner, double growthFlatThreshold, double intensityBand,
                  Map<String, LimitStandard> productLimits, ScoringRule scoring, ClassRule classes, GradingScope scope,
                  List<AlarmRule> alarms) {
        this(version, basis, coefficients, indicators, frontrunner, growthFlatThreshold, intensityBand, productLimits,
                scoring, classes, scope, alarms, CarbonPolicy.standard());
    }

    /** A policy without alarms. */
    public Policy(String version, EnergyBasis basis, CoefficientTable coefficients, List<Indicator> indicators,
                  FrontrunnerRule frontrunner, double growthFlatThreshold, double intensityBand,
                  Map<String, LimitStandard> productLimits, ScoringRule scoring, ClassRule classes, GradingScope scope) {
        this(version, basis, coefficients, indicators, frontrunner, growthFlatThreshold, intensityBand, productLimits,
                scoring, classes, scope, List.of());
    }

    /**
     * The policy of a park whose file has no {@code policy:} section, modelled on the published Jiangsu and Zhejiang
     * schemes (docs/domain.md §2.2–2.6): GB/T 2589-2020 on the 当量值 basis; the ratio method against the park's own mean
     * (tax per mu 40, value added per mu 20, tax per tce 20, labour productivity 10, R&D intensity 10); Huai'an's
     * percentile classes A 20 % / B 60 % / C 95 % / D; utilities (D44–D46) and firms operating under 2 years are
     * scored but get class T; no land threshold; no alarms; the standard carbon policy (national average grid factor,
     * no green deduction, GB/T 32150 fuel defaults, no targets or budgets).
     */
    public static Policy standard() {
        Benchmark mean = new Benchmark.OfPeers(Benchmark.Statistic.MEAN, 1.0);
        List<ScoredIndicator> lines = List.of(
                line(Indicator.TAX_PER_MU, 40, mean),
                line(Indicator.VALUE_ADDED_PER_MU, 20, mean),
                line(Indicator.TAX_PER_ENERGY, 20, mean),
                line(Indicator.LABOUR_PRODUCTIVITY, 10, mean),
                line(Indicator.RD_INTENSITY, 10, mean));
        return new Policy(STANDARD_VERSION, EnergyBasis.EQUIVALENT, CoefficientTable.gbt2589(),
                ParkEvaluation.rankable(), FrontrunnerRule.BEST, 0.01, 0.1, Map.of(),
                new ScoringRule(ScoringMethod.RATIO, 0, lines), ClassRule.huaian(),
                new GradingScope(0, List.of("D44", "D45", "D46"), 2, "T"));
    }

    private static ScoredIndicator line(Indicator indicator, double weight, Benchmark benchmark) {
        return new ScoredIndicator(indicator, indicator.direction(), weight, benchmark, Double.NaN, Double.NaN,
                MissingRule.ZERO);
    }
}
