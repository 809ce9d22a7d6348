package io.parkpulse.dashboard.http;

import io.parkpulse.dashboard.efficiency.GrowthLine;
import io.parkpulse.dashboard.efficiency.ParkPeriodResult;
import io.parkpulse.efficiency.benchmark.LimitStandard;
import io.parkpulse.efficiency.benchmark.PeerGroup;
import io.parkpulse.efficiency.benchmark.PeerStanding;
import io.parkpulse.efficiency.coal.StandardCoal;
import io.parkpulse.efficiency.counter.ConsumptionFigure;
import io.parkpulse.efficiency.counter.CounterFinding;
import io.parkpulse.efficiency.evaluation.DataState;
import io.parkpulse.efficiency.evaluation.EnterprisePeriod;
import io.parkpulse.efficiency.evaluation.LimitCheck;
import io.parkpulse.efficiency.evaluation.ParkEvaluation.LandEfficiency;
import io.parkpulse.efficiency.indicator.Indicator;
import io.parkpulse.efficiency.indicator.IndicatorCalculator;
import io.parkpulse.efficiency.indicator.IndicatorValue;
import io.parkpulse.efficiency.indicator.ProductIndicator;
import io.parkpulse.efficiency.policy.Policy;
import io.parkpulse.efficiency.scoring.Benchmark;
import io.parkpulse.efficiency.scoring.ClassRule;
import io.parkpulse.efficiency.scoring.ScoredIndicator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The API's JSON for efficiency results (docs/openapi.yaml): every value with its unit, every tce with its basis, every
 * figure that could not be computed as {@code null} with the reason beside it, and the policy version that produced it.
 */
final class EfficiencyJson {

    /** What a product's unit energy is made of. */
    private static final Set<Indicator.Input> PRODUCT_INPUTS = EnumSet.of(Indicator.Input.ENERGY, Indicator.Input.OUTPUT_REPORT);

    private EfficiencyJson() {
    }

    /** What every efficiency answer starts with: park, period, policy version and the energy basis. */
    static JsonObject header(ParkPeriodResult r) {
        Policy p = r.policy();
        return new JsonObject()
                .put("park", r.model().park().id())
                .put("period", period(r))
                .put("policy_version", p.version())
                .put("energy_basis", basis(p));
    }

    static JsonObject period(ParkPeriodResult r) {
        return new JsonObject().put("id", r.period().toString())
                .put("kind", r.period().kind().name().toLowerCase(Locale.ROOT))
                .put("first_day", r.period().start().toString())
                .put("last_day", r.period().end().minusDays(1).toString())
                .put("time_zone", r.model().park().timeZone().getId());
    }

    static JsonObject basis(Policy p) {
        return new JsonObject().put("id", p.basis().id()).put("name", p.basis().chinese())
                .put("coefficients", p.coefficients().version());
    }

    /** One enterprise's indicators, consumption, energy breakdown, products and counter findings. */
    static JsonObject enterprise(ParkPeriodResult r, String id, List<Indicator> indicators) {
        EnterprisePeriod p = r.figures().get(id);
        JsonObject values = new JsonObject();
        for (Indicator i : indicators) {
            values.put(i.id(), indicator(i, p.indicators().get(i), p.state(i)));
        }
        JsonObject inputs = new JsonObject();
        p.inputs().forEach((input, state) -> inputs.put(input.name().toLowerCase(Locale.ROOT), dataState(state)));
        DataState productState = p.state(PRODUCT_INPUTS);
        JsonObject consumption = new JsonObject();
        p.consumption().forEach((metered, figure) -> consumption.put(metered.name().toLowerCase(Locale.ROOT),
                consumption(figure, metered.carrier() == null ? "m³" : metered.carrier().unit())));
        JsonArray products = new JsonArray();
        for (ProductIndicator pi : IndicatorCalculator.perProduct(p.figures())) {
            JsonObject product = new JsonObject().put("product", pi.product()).put("quantity", pi.quantity())
                    .put("energy_per_unit", productState.isSufficient() ? number(pi.value()) : null).put("unit", pi.unit())
                    .put("energy_basis", p.figures().energy().basis().id()).put("data_state", dataState(productState));
            if (!productState.isSufficient()) {
                DataState.Reason why = DataState.insufficientData(productState);
                product.put("missing", why.text()).put("missing_message", message(why));
            }
            products.add(product);
        }
        JsonArray findings = new JsonArray();
        p.findings().forEach((meter, list) -> {
            for (CounterFinding f : list) {
                findings.add(new JsonObject().put("meter", meter).put("time_ms", f.timeMs())
                        .put("type", f.type().name().toLowerCase(Locale.ROOT)).put("detail", f.detail()));
            }
        });
        return new JsonObject()
                .put("enterprise", id)
                .put("industry", p.figures().industry())
                .put("land_mu", p.figures().landMu())
                .put("energy", energy(p.figures().energy()))
                .put("consumption", consumption)
                .put("data_inputs", inputs)
                .put("indicators", values)
                .put("products", products)
                .put("counter_findings", findings);
    }

    static JsonObject indicator(Indicator i, IndicatorValue v, DataState state) {
        JsonObject o = new JsonObject().put("value", v == null ? null : number(v.value())).put("unit", i.unit())
                .put("name", i.chinese()).put("data_state", dataState(state));
        if (v == null || !v.isPresent()) {
            DataState.Reason why = v == null ? new DataState.Reason("not_computed", Map.of(), "not computed") : v.why();
            o.put("missing", why.text()).put("missing_message", message(why));
        }
        return o;
    }

    static JsonObject energy(StandardCoal c) {
        JsonObject breakdown = new JsonObject();
        c.breakdown().forEach((carrier, tce) -> breakdown.put(carrier.id(), tce));
        return new JsonObject().put("value", number(c.tce())).put("unit", "tce").put("basis", c.basis().id())
                .put("coefficients", c.table()).put("by_carrier_tce", breakdown);
    }

    static JsonObject consumption(ConsumptionFigure f, String unit) {
        return new JsonObject().put("value", number(f.value())).put("unit", unit).put("coverage", f.coverage())
                .put("estimated_share", f.estimatedShare()).put("completeness", f.completeness());
    }

    /** A peer group's statistics; with the full ranking for operators. */
    static JsonObject peerGroup(String industry, PeerGroup g, boolean withRanking) {
        JsonObject o = new JsonObject().put("industry", industry).put("count", g.count())
                .put("frontrunner", number(g.frontrunner())).put("median", number(g.median())).put("mean", number(g.mean()));
        if (withRanking) {
            o.put("leaders", new JsonArray(g.leaders()));
            JsonArray ranking = new JsonArray();
            g.standings().forEach((id, s) -> ranking.add(standing(s).put("enterprise", id)));
            o.put("ranking", ranking);
        }
        return o;
    }

    static JsonObject standing(PeerStanding s) {
        return new JsonObject().put("value", number(s.value())).put("rank", s.rank()).put("percentile", number(s.percentile()))
                .put("gap_to_frontrunner", number(s.gap())).put("gap_percent", number(s.gapPercent()));
    }

    /**
     * How far a figure can be trusted: {@code {"state": "partial", "reasons": [{"code": "partial_coverage",
     * "args": {"carrier": "electricity", "coverage": "93.8"}, "text": "…"}]}} — the code and args for the UI to say in
     * the reader's language, the text in English for everyone else.
     */
    static JsonObject dataState(DataState state) {
        JsonArray reasons = new JsonArray();
        state.reasons().forEach(r -> reasons.add(message(r)));
        return new JsonObject().put("state", state.kind().id()).put("reasons", reasons);
    }

    /** A message beside its English text field: {@link MessageJson}. */
    static JsonObject message(DataState.Reason r) {
        return MessageJson.of(r);
    }

    static JsonObject limit(LimitCheck c) {
        JsonObject o = new JsonObject().put("product", c.product()).put("standard", c.standard().standard())
                .put("row", c.standard().id()).put("description", c.standard().product()).put("unit", c.standard().unit())
                .put("basis", c.standard().basis() == null ? null : c.standard().basis().id())
                .put("limit_value", c.standard().limit()).put("entry_value", c.standard().entry())
                .put("advanced_value", number(c.standard().advanced())).put("value", number(c.value()))
                .put("counts", new JsonArray(c.standard().counts().stream().map(LimitStandard.Counted::id).sorted().toList()))
                .put("data_state", dataState(c.state()));
        if (c.comparison() == null) {
            return o.put("missing", c.missing()).put("missing_message", message(new DataState.Reason("incomplete", Map.of(), c.missing())));
        }
        return o.put("grade", c.comparison().grade().name().toLowerCase(Locale.ROOT))
                .put("gap_to_limit", c.comparison().gapToLimit()).put("gap_to_entry", c.comparison().gapToEntry())
                .put("gap_to_advanced", number(c.comparison().gapToAdvanced()))
                .put("efficiency_index", c.comparison().eei());
    }

    static JsonObject growth(String id, GrowthLine g) {
        JsonObject o = new JsonObject().put("enterprise", id)
                .put("energy_tce", number(g.energyNow())).put("energy_tce_year_earlier", number(g.energyYearAgo()))
                .put("output_value", number(g.outputNow())).put("output_value_year_earlier", number(g.outputYearAgo()))
                .put("output_unit", "10^4 CNY")
                .put("intensity", number(g.intensity())).put("intensity_unit", Indicator.ENERGY_PER_OUTPUT_VALUE.unit())
                .put("peer_median_intensity", number(g.peerMedian()))
                .put("intensity_level", g.level() == null ? null : g.level().name().toLowerCase(Locale.ROOT))
                .put("data_state", dataState(g.state()))
                .put("year_earlier_data_state", dataState(g.yearEarlierState()));
        if (g.comparison() == null) {
            return o.put("missing", g.missing()).put("missing_message", message(g.why()));
        }
        return o.put("energy_growth", g.comparison().energyGrowth()).put("output_growth", g.comparison().outputGrowth())
                .put("elasticity", g.comparison().elasticity().isPresent() ? g.comparison().elasticity().getAsDouble() : null)
                .put("quadrant", g.comparison().quadrant().name().toLowerCase(Locale.ROOT));
    }

    static JsonObject landEfficiency(String id, LandEfficiency l) {
        JsonObject o = new JsonObject().put("enterprise", id).put("class", l.grade()).put("reason", l.reason())
                .put("reason_message", message(l.why()))
                .put("data_state", dataState(l.state()));
        if (l.score() != null) {
            JsonObject points = new JsonObject();
            l.score().points().forEach((i, p) -> points.put(i.id(), p));
            o.put("score", number(l.score().total())).put("points", points);
        } else {
            o.put("score", null);
        }
        return o;
    }

    /** The policy in the park-file vocabulary, so an operator can see what is in force and draft from it. */
    static JsonObject policy(Policy p) {
        JsonArray lines = new JsonArray();
        for (ScoredIndicator l : p.scoring().indicators()) {
            JsonObject line = new JsonObject().put("indicator", l.indicator().id()).put("weight", l.weight())
                    .put("direction", l.direction().name().toLowerCase(Locale.ROOT))
                    .put("missing", l.missing().name().toLowerCase(Locale.ROOT))
                    .put("cap", number(l.cap())).put("floor", number(l.floor()));
            if (l.benchmark() instanceof Benchmark.Fixed f) {
                line.put("benchmark", f.value());
            } else if (l.benchmark() instanceof Benchmark.OfPeers b) {
                line.put("benchmark", new JsonObject().put("of_peers", b.statistic().name().toLowerCase(Locale.ROOT))
                        .put("factor", b.factor()));
            }
            lines.add(line);
        }
        JsonObject limits = new JsonObject();
        p.productLimits().forEach((product, row) -> limits.put(product, row.id()));
        return new JsonObject()
                .put("version", p.version())
                .put("energy_basis", basis(p))
                .put("indicators", new JsonArray(p.indicators().stream().map(Indicator::id).toList()))
                .put("frontrunner_top_percent", p.frontrunner().topPercent())
                .put("growth", new JsonObject().put("flat_threshold", p.growthFlatThreshold()).put("intensity_band", p.intensityBand()))
                .put("product_limits", limits)
                .put("scoring", new JsonObject().put("method", p.scoring().method().name().toLowerCase(Locale.ROOT))
                        .put("min_max_floor", p.scoring().minMaxFloor()).put("indicators", lines))
                .put("classes", classRuleAsWritten(p.classes()))
                .put("scope", new JsonObject().put("min_land_mu", p.scope().minLandMu())
                        .put("ungraded_industries", new JsonArray(p.scope().ungradedIndustries()))
                        .put("min_years_operating", p.scope().minYearsOperating())
                        .put("ungraded_class", p.scope().ungradedClass())
                        .put("min_coverage_percent", p.scope().minCoveragePercent()));
    }

    /** JSON has no NaN: an unknown number is {@code null}. */
    static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** The class rule in the park file's words only (no formula), so the policy answer reads back as a draft. */
    static JsonObject classRuleAsWritten(ClassRule rule) {
        JsonObject json = classRule(rule);
        json.remove("share_formula");
        return json;
    }

    /** How scores became classes: by percentile (with the share rule and its formula) or by score, and the bands. */
    static JsonObject classRule(ClassRule rule) {
        JsonArray bands = new JsonArray();
        for (ClassRule.Band b : rule.bands()) {
            bands.add(new JsonObject().put("class", b.name()).put("limit", b.limit()));
        }
        JsonObject json = new JsonObject().put("by", rule.kind().name().toLowerCase(Locale.ROOT));
        if (rule.kind() == ClassRule.Kind.PERCENTILE) {
            json.put("share", rule.share().id()).put("share_formula", rule.share().formula());
        }
        return json.put("bands", bands);
    }
}
