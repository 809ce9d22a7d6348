package io.parkpulse.efficiency.evaluation;

import io.parkpulse.efficiency.benchmark.FrontrunnerRule;
import io.parkpulse.efficiency.benchmark.PeerGroup;
import io.parkpulse.efficiency.calendar.ParkCalendar;
import io.parkpulse.efficiency.calendar.Period;
import io.parkpulse.efficiency.carbon.CarbonAccounting;
import io.parkpulse.efficiency.carbon.CarbonPolicy;
import io.parkpulse.efficiency.carbon.Emissions;
import io.parkpulse.efficiency.carbon.GridFactorTable;
import io.parkpulse.efficiency.coal.CoefficientTable;
import io.parkpulse.efficiency.coal.EnergyBasis;
import io.parkpulse.efficiency.coal.EnergyCarrier;
import io.parkpulse.efficiency.coal.StandardCoal;
import io.parkpulse.efficiency.counter.BucketGrid;
import io.parkpulse.efficiency.counter.ConsumptionCalculator;
import io.parkpulse.efficiency.counter.ConsumptionFigure;
import io.parkpulse.efficiency.counter.CounterFinding;
import io.parkpulse.efficiency.counter.CounterReading;
import io.parkpulse.efficiency.counter.MeterConsumption;
import io.parkpulse.efficiency.indicator.Direction;
import io.parkpulse.efficiency.indicator.EnterpriseFigures;
import io.parkpulse.efficiency.indicator.Indicator;
import io.parkpulse.efficiency.indicator.IndicatorCalculator;
import io.parkpulse.efficiency.indicator.IndicatorValue;
import io.parkpulse.efficiency.indicator.OutputReport;
import io.parkpulse.efficiency.indicator.OutputTotals;
import io.parkpulse.efficiency.scoring.ClassRule;
import io.parkpulse.efficiency.scoring.Classifier;
import io.parkpulse.efficiency.scoring.GradingScope;
import io.parkpulse.efficiency.scoring.Score;
import io.parkpulse.efficiency.scoring.ScoreCard;
import io.parkpulse.efficiency.scoring.ScoringRule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A park's efficiency for one period, from raw counter readings and output reports: per-enterprise figures and
 * indicators, peer groups by industry, land-efficiency scores and classes. Pure: give it the same inputs, get the
 * same answer; late readings change it the next time it runs.
 */
public final class ParkEvaluation {

    private final ParkCalendar calendar;
    private final CoefficientTable coefficients;
    private final EnergyBasis basis;
    private final DataSufficiency sufficiency;
    private final CarbonPolicy carbon;
    private final GridFactorTable gridFactors;

    /**
     * @param minCoverage least share of the period whose consumption must be known for a figure to count: below it an
     *                    indicator is missing rather than low, and the input insufficient (the policy's
     *                    {@link GradingScope#minCoverage()}; the online-monitoring rule, docs/domain.md §5, asks 90 %)
     * @param carbon      the park's carbon policy (grid factor, green rule, fuel factors)
     * @param gridFactors the published grid factors ({@link GridFactorTable#published()})
     */
    public ParkEvaluation(ParkCalendar calendar, CoefficientTable coefficients, EnergyBasis basis, double minCoverage,
                          CarbonPolicy carbon, GridFactorTable gridFactors) {
        this.calendar = calendar;
        this.coefficients = coefficients;
        this.basis = basis;
        this.sufficiency = new DataSufficiency(minCoverage);
        this.carbon = java.util.Objects.requireNonNull(carbon, "carbon");
        this.gridFactors = java.util.Objects.requireNonNull(gridFactors, "gridFactors");
    }

    /** Everything from {@code policy}: coefficients, basis, least coverage and carbon, with the published grid factors. */
    public static ParkEvaluation under(ParkCalendar calendar, io.parkpulse.efficiency.policy.Policy policy) {
        return new ParkEvaluation(calendar, policy.coefficients(), policy.basis(), policy.scope().minCoverage(),
                policy.carbon(), GridFactorTable.published());
    }

    /** Under the standard carbon policy and the published grid factors. */
    public ParkEvaluation(ParkCalendar calendar, CoefficientTable coefficients, EnergyBasis basis, double minCoverage) {
        this(calendar, coefficients, basis, minCoverage, CarbonPolicy.standard(), GridFactorTable.published());
    }

    /** With the online-monitoring rule's 90 %. */
    public ParkEvaluation(ParkCalendar calendar, CoefficientTable coefficients, EnergyBasis basis) {
        this(calendar, coefficients, basis, GradingScope.DEFAULT_MIN_COVERAGE);
    }

    /**
     * @param readings meter id → its readings over the period plus a margin on both sides (a day is plenty), so the
     *                 first and last intervals can be measured
     * @param reports  output reports of the period's months
     */
    public Map<String, EnterprisePeriod> figures(Period period, Collection<EnterpriseInfo> enterprises,
                                                 Collection<MeterInfo> meters,
                                                 Function<String, Collection<CounterReading>> readings,
                                                 Collection<OutputReport> reports) {
        BucketGrid grid = calendar.dailyGrid(period);
        List<MeterFigure> computed = new ArrayList<>(meters.size());
        for (MeterInfo meter : meters) {
            MeterConsumption c = ConsumptionCalculator.compute(readings.apply(meter.id()), meter.profile(), grid);
            computed.add(new MeterFigure(meter, c.total(), c.findings()));
        }
        return figures(period, enterprises, computed, reports);
    }

    /**
     * The same from each billing meter's consumption over the period, already known.
     *
     * @param reports output reports; those outside the period's months are ignored
     */
    public Map<String, EnterprisePeriod> figures(Period period, Collection<EnterpriseInfo> enterprises,
                                                 Collection<MeterFigure> meters, Collection<OutputReport> reports) {
        Map<String, Map<Metered, ConsumptionFigure>> consumption = new LinkedHashMap<>();
        Map<String, Map<String, List<CounterFinding>>> findings = new LinkedHashMap<>();
        for (MeterFigure m : meters) {
            MeterInfo meter = m.meter();
            consumption.computeIfAbsent(meter.enterprise(), e -> new EnumMap<>(Metered.class))
                    .merge(meter.metered(), m.total(), ConsumptionFigure::plus);
            if (!m.findings().isEmpty()) {
                findings.computeIfAbsent(meter.enterprise(), e -> new LinkedHashMap<>()).put(meter.id(), m.findings());
            }
        }
        Map<String, List<OutputReport>> reportsByEnterprise = new LinkedHashMap<>();
        for (OutputReport r : reports) {
            if (!r.month().isBefore(period.firstMonth()) && !r.month().isAfter(period.lastMonth())) {
                reportsByEnterprise.computeIfAbsent(r.enterprise(), e -> new ArrayList<>()).add(r);
            }
        }
        int year = period.start().getYear();
        Map<String, EnterprisePeriod> result = new LinkedHashMap<>();
        for (EnterpriseInfo e : enterprises) {
            Map<Metered, ConsumptionFigure> used = consumption.getOrDefault(e.id(), Map.of());
            List<OutputReport> own = reportsByEnterprise.getOrDefault(e.id(), List.of());
            Map<EnergyCarrier, Double> energy = new EnumMap<>(EnergyCarrier.class);
            used.forEach((metered, figure) -> {
                if (metered.carrier() != null) {
                    energy.put(metered.carrier(), usable(figure));
                }
            });
            boolean metered = !energy.isEmpty();
            List<OutputReport.GreenElectricity> green = new ArrayList<>();
            for (OutputReport r : own) {
                // fuels no meter measures, declared month by month, count in energy and CO2 alike
                r.fuels().forEach((fuel, quantity) -> energy.merge(fuel, quantity, Double::sum));
                green.addAll(r.green());
            }
            // no energy meter at all: comprehensive energy and CO2 are unknown, not zero (nor the declared fuels alone)
            StandardCoal tce = !metered ? new StandardCoal(Double.NaN, basis, coefficients.version(), Map.of())
                    : StandardCoal.of(energy, coefficients, basis, year);
            Emissions co2 = !metered ? Emissions.unknown(carbon)
                    : CarbonAccounting.emissions(energy, green, carbon, gridFactors, coefficients, year);
            EnterpriseFigures f = new EnterpriseFigures(e.id(), e.industry(), e.landMu(), tce,
                    value(used, Metered.ELECTRICITY), value(used, Metered.WATER),
                    OutputTotals.of(own), co2);
            Map<Indicator.Input, DataState> inputs = sufficiency.inputs(period, used, own);
            result.put(e.id(), new EnterprisePeriod(f, DataSufficiency.guard(IndicatorCalculator.indicators(f), inputs), used,
                    findings.getOrDefault(e.id(), Map.of()), inputs));
        }
        return result;
    }

    /** The consumption, or {@code NaN} when there is no such meter or too little of the period is known. */
    private double value(Map<Metered, ConsumptionFigure> used, Metered metered) {
        ConsumptionFigure f = used.get(metered);
        return f == null ? Double.NaN : usable(f);
    }

    private double usable(ConsumptionFigure f) {
        return sufficiency.usable(f) ? f.value() : Double.NaN;
    }

    /** Peer groups of one indicator, one per industry code, of the enterprises that have a value. */
    public static Map<String, PeerGroup> peerGroups(Map<String, EnterprisePeriod> figures, Indicator indicator,
                                                    FrontrunnerRule rule) {
        Map<String, Map<String, Double>> byIndustry = new LinkedHashMap<>();
        figures.forEach((id, p) -> {
            IndicatorValue v = p.indicators().get(indicator);
            if (v != null && v.isPresent()) {
                byIndustry.computeIfAbsent(p.figures().industry(), k -> new LinkedHashMap<>()).put(id, v.value());
            }
        });
        Map<String, PeerGroup> groups = new LinkedHashMap<>();
        byIndustry.forEach((industry, values) -> groups.put(industry, PeerGroup.of(values, indicator.direction(), rule)));
        return groups;
    }

    /**
     * An enterprise's land-efficiency result.
     *
     * @param score  its score, {@code null} when out of scope or its data is insufficient
     * @param grade  its class, the ungraded class, or {@code null} when out of scope or its data is insufficient
     * @param why    why it is out of scope, ungraded or not graded for want of data ({@code land_below_threshold},
     *               {@code industry_not_graded}, {@code operating_too_short}, {@code insufficient_data}), or {@code null}
     * @param state  the state of the data its score rests on (every input of the scored indicators)
     */
    public record LandEfficiency(Score score, String grade, DataState.Reason why, DataState state) {

        /** {@link #why()} in English, or {@code null}. */
        public String reason() {
            return why == null ? null : why.text();
        }
    }

    /**
     * Scores everyone in scope whose data is sufficient together (ungraded enterprises are evaluated too) and grades
     * the graded ones among themselves. An enterprise whose scored indicators rest on insufficient data — no output
     * report, no readings, a carrier known over less than the scope's least coverage — is neither scored nor graded,
     * nor counted in the peers' benchmarks: its result says what is missing. A period without data grades no one.
     */
    public static Map<String, LandEfficiency> landEfficiency(Map<String, EnterprisePeriod> figures,
                                                             Map<String, EnterpriseInfo> enterprises, ScoringRule rule,
                                                             ClassRule classes, GradingScope scope, LocalDate asOf) {
        Map<String, Map<Indicator, Double>> values = new LinkedHashMap<>();
        Map<String, LandEfficiency> result = new LinkedHashMap<>();
        Map<String, DataState> states = new LinkedHashMap<>();
        Set<Indicator.Input> needs = EnumSet.noneOf(Indicator.Input.class);
        rule.indicators().forEach(line -> needs.addAll(line.indicator().inputs()));
        Map<String, DataState.Reason> ungraded = new LinkedHashMap<>();
        figures.forEach((id, p) -> {
            EnterpriseInfo info = enterprises.get(id);
            DataState.Reason out = scope.outOfScope(info.landMu());
            if (out != null) {
                result.put(id, new LandEfficiency(null, null, out, DataState.complete()));
                return;
            }
            DataState state = p.state(needs);
            if (!state.isSufficient()) {
                result.put(id, new LandEfficiency(null, null, DataState.insufficientData(state), state));
                return;
            }
            states.put(id, state);
            Map<Indicator, Double> v = new EnumMap<>(Indicator.class);
            p.indicators().forEach((k, iv) -> v.put(k, iv.value()));
            values.put(id, v);
            DataState.Reason why = scope.ungraded(info.industry(), info.operatingSince(), asOf);
            if (why != null) {
                ungraded.put(id, why);
            }
        });
        Map<String, Score> scores = ScoreCard.score(values, rule);
        Map<String, Double> graded = new LinkedHashMap<>();
        scores.forEach((id, s) -> {
            if (!ungraded.containsKey(id)) {
                graded.put(id, s.total());
            }
        });
        Map<String, String> grades = Classifier.classify(graded, classes);
        scores.forEach((id, s) -> result.put(id, ungraded.containsKey(id)
                ? new LandEfficiency(s, scope.ungradedClass(), ungraded.get(id), states.get(id))
                : new LandEfficiency(s, grades.get(id), null, states.get(id))));
        return result;
    }

    /** Indicators that have a direction and can be ranked. */
    public static List<Indicator> rankable() {
        List<Indicator> list = new ArrayList<>();
        for (Indicator i : Indicator.values()) {
            if (i.direction() != Direction.NONE) {
                list.add(i);
            }
        }
        return list;
    }
}
