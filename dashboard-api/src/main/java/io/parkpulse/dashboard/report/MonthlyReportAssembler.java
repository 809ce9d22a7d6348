package io.parkpulse.dashboard.report;

import io.parkpulse.contract.EnterpriseId;
import io.parkpulse.dashboard.efficiency.GrowthLine;
import io.parkpulse.dashboard.efficiency.ParkPeriodResult;
import io.parkpulse.efficiency.benchmark.PeerGroup;
import io.parkpulse.efficiency.benchmark.PeerStanding;
import io.parkpulse.efficiency.evaluation.DataState;
import io.parkpulse.efficiency.evaluation.EnterprisePeriod;
import io.parkpulse.efficiency.evaluation.ParkEvaluation.LandEfficiency;
import io.parkpulse.efficiency.indicator.Indicator;
import io.parkpulse.efficiency.indicator.IndicatorCalculator;
import io.parkpulse.efficiency.indicator.IndicatorValue;
import io.parkpulse.efficiency.indicator.ProductIndicator;
import io.parkpulse.efficiency.policy.Policy;
import io.parkpulse.park.Enterprise;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.StringJoiner;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Puts the monthly report together from the efficiency service's answers, read the same way the efficiency endpoints
 * read them (indicators, peer groups and standings of energy per output value, classes, growth lines), so the file
 * and the API never disagree. Peer statistics are taken from the enterprise's own standing only.
 */
final class MonthlyReportAssembler {

    /** The indicator enterprises are benchmarked on in the report. */
    static final Indicator BENCHMARK = Indicator.ENERGY_PER_OUTPUT_VALUE;

    private MonthlyReportAssembler() {
    }

    /** What a row's headline figures are made of: the energy and the output reports. */
    private static final Set<Indicator.Input> ROW_INPUTS = EnumSet.of(Indicator.Input.ENERGY, Indicator.Input.OUTPUT_REPORT);

    /** @param only the one enterprise to include (an enterprise caller's own), or {@code null} for every one */
    static MonthlyReport assemble(ParkPeriodResult result, Map<String, GrowthLine> growth, String only,
                                  Instant generatedAt, String generatedFor) {
        Policy policy = result.policy();
        List<ReportRow> rows = new ArrayList<>();
        for (String id : result.figures().keySet()) {
            if (only == null || only.equals(id)) {
                rows.add(row(result, id, growth.get(id)));
            }
        }
        return new MonthlyReport(result.model().park().id(), result.model().park().name(), result.model().park().timeZone(),
                YearMonth.from(result.period().start()), policy.version(), policy.basis().id(), policy.basis().chinese(),
                policy.coefficients().version(), policy.frontrunner().topPercent(), generatedAt, generatedFor, rows,
                policy.carbon().gridFactor(io.parkpulse.efficiency.carbon.GridFactorTable.published(),
                        result.period().start().getYear()).orElse(null), policy.carbon().green().id());
    }

    private static ReportRow row(ParkPeriodResult r, String id, GrowthLine g) {
        EnterprisePeriod p = r.figures().get(id);
        Enterprise e = r.model().park().enterprises().get(EnterpriseId.of(id));
        // the data state's reasons are said in the report's language (the row's state); the other notes explain
        // a single figure, and the insufficient-data ones would only repeat the state
        List<DataState.Reason> notes = new ArrayList<>();
        StringJoiner products = new StringJoiner("; ");
        LandEfficiency land = r.classes().get(id);
        DataState state = p.state(ROW_INPUTS);
        if (land != null && land.state() != null) {
            state = state.and(land.state());
        }
        for (ProductIndicator pi : IndicatorCalculator.perProduct(p.figures())) {
            if (Double.isFinite(pi.value()) && state.isSufficient()) {
                products.add(pi.product() + ": " + ReportColumns.significantText(pi.value(), 4) + " " + pi.unit());
            } else if (state.isSufficient()) {
                notes.add(new DataState.Reason("product_no_figure", Map.of("product", pi.product(), "unit", pi.unit()),
                        pi.product() + ": no " + pi.unit() + " figure, the enterprise's energy is not known for the month"));
            }
        }
        if (land != null && land.grade() == null && land.reason() != null && land.state().isSufficient()) {
            notes.add(land.why());
        }
        double energyGrowth = Double.NaN;
        double outputGrowth = Double.NaN;
        double elasticity = Double.NaN;
        String quadrant = null;
        if (g != null && g.comparison() != null) {
            energyGrowth = g.comparison().energyGrowth() * 100;
            outputGrowth = g.comparison().outputGrowth() * 100;
            elasticity = g.comparison().elasticity().isPresent() ? g.comparison().elasticity().getAsDouble() : Double.NaN;
            quadrant = g.comparison().quadrant().name().toLowerCase(Locale.ROOT);
        } else if (g != null && g.missing() != null && g.state().isSufficient()) {
            notes.add(g.why());
            if (!g.yearEarlierState().isSufficient()) {
                notes.addAll(g.yearEarlierState().reasons()); // what the year-earlier month is short of
            }
        }
        IndicatorValue intensity = p.indicators().get(BENCHMARK);
        if (intensity != null && !intensity.isPresent() && p.state(BENCHMARK).isSufficient()) {
            notes.add(benchmarkMissing(intensity.why()));
        }
        PeerGroup peers = r.peerGroupOf(id, BENCHMARK);
        PeerStanding standing = peers == null ? null : peers.standings().get(id);
        return new ReportRow(id, e == null ? id : e.name(), p.figures().industry(), p.figures().landMu(),
                p.figures().energy().tce(), value(p, Indicator.ELECTRICITY), value(p, Indicator.WATER),
                value(p, Indicator.OUTPUT_VALUE), value(p, BENCHMARK), products.toString(),
                value(p, Indicator.OUTPUT_VALUE_PER_MU), value(p, Indicator.TAX_PER_MU),
                land == null || land.score() == null ? Double.NaN : land.score().total(), land == null ? null : land.grade(),
                energyGrowth, outputGrowth, elasticity, quadrant,
                peers == null ? 0 : peers.count(), peers == null ? Double.NaN : peers.frontrunner(),
                peers == null ? Double.NaN : peers.median(), standing == null ? 0 : standing.rank(),
                standing == null ? Double.NaN : standing.percentile(), state, notes,
                value(p, Indicator.CO2), value(p, Indicator.CO2_PER_VALUE_ADDED));
    }

    /** Why the benchmark indicator is missing ({@code benchmark_missing}): its own reason's code as {@code why}, its args. */
    private static DataState.Reason benchmarkMissing(DataState.Reason why) {
        Map<String, String> args = new HashMap<>(why.args());
        args.put("why", why.code());
        return new DataState.Reason("benchmark_missing", args, BENCHMARK.id() + ": " + why.text());
    }

    private static double value(EnterprisePeriod p, Indicator indicator) {
        IndicatorValue v = p.indicators().get(indicator);
        return v == null || !v.isPresent() ? Double.NaN : v.value();
    }
}
