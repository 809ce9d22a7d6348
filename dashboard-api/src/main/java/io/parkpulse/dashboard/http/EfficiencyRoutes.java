package io.parkpulse.dashboard.http;

import io.parkpulse.config.ConfigFileError;
import io.parkpulse.dashboard.Parks;
import io.parkpulse.dashboard.efficiency.EfficiencyService;
import io.parkpulse.dashboard.efficiency.ParkModel;
import io.parkpulse.dashboard.efficiency.ParkPeriodResult;
import io.parkpulse.efficiency.benchmark.PeerGroup;
import io.parkpulse.efficiency.benchmark.PeerStanding;
import io.parkpulse.efficiency.calendar.Period;
import io.parkpulse.efficiency.evaluation.ParkEvaluation.LandEfficiency;
import io.parkpulse.efficiency.indicator.Direction;
import io.parkpulse.efficiency.indicator.Indicator;
import io.parkpulse.efficiency.policy.Policy;
import io.parkpulse.park.InvalidParkFileException;
import io.parkpulse.park.ParkFileReader;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Efficiency answers for a park and period under the park's policy (docs/openapi.yaml): indicators, rankings,
 * benchmarks, growth comparison, classes, and what-if for a draft policy. Operators see the whole park; an enterprise
 * sees its own figures and only the anonymous statistics of its peer group.
 */
final class EfficiencyRoutes {

    /** Drafts are park-file policy sections, a few kB; anything near this is not one. */
    static final int MAX_DRAFT_BYTES = 256 * 1024;

    private final Parks parks;
    private final EfficiencyService service;
    private final ParkFileReader reader = new ParkFileReader();

    EfficiencyRoutes(Parks parks, EfficiencyService service) {
        this.parks = parks;
        this.service = service;
    }

    void mount(Router api) {
        api.get("/parks/:park/policy").handler(this::policy);
        api.get("/parks/:park/indicators").handler(this::indicators);
        api.get("/parks/:park/rankings").handler(this::rankings);
        api.get("/parks/:park/benchmarks").handler(this::benchmarks);
        api.get("/parks/:park/growth").handler(this::growth);
        api.get("/parks/:park/classes").handler(this::classes);
        api.post("/parks/:park/what-if").handler(this::whatIf);
    }

    private void policy(RoutingContext rc) {
        ParkModel park = Requests.park(rc, parks);
        Http.json(rc, 200, new JsonObject().put("park", park.park().id()).put("policy", EfficiencyJson.policy(park.park().policy())));
    }

    private Future<ParkPeriodResult> evaluate(ParkModel park, Period period) {
        return service.evaluate(park, park.park().policy(), period);
    }

    private void indicators(RoutingContext rc) {
        ParkModel park = Requests.park(rc, parks);
        Period period = Requests.period(rc);
        String enterprise = Requests.enterprise(rc, park);
        Http.respond(rc, evaluate(park, period).map(r -> {
            JsonArray list = new JsonArray();
            for (String id : r.figures().keySet()) {
                if (enterprise == null || enterprise.equals(id)) {
                    list.add(EfficiencyJson.enterprise(r, id, java.util.Arrays.asList(Indicator.values())));
                }
            }
            return EfficiencyJson.header(r).put("enterprises", list);
        }));
    }

    /** Operators only: every peer group of one indicator, ranked. */
    private void rankings(RoutingContext rc) {
        ParkModel park = Requests.park(rc, parks);
        Requests.requireOperator(rc, "the full ranking");
        Period period = Requests.period(rc);
        Indicator indicator = Requests.indicator(rc);
        if (indicator.direction() == Direction.NONE) {
            throw ApiError.badRequest("indicator", indicator.id() + " is a volume and has no better or worse; rank an "
                    + "intensity such as " + Indicator.ENERGY_PER_OUTPUT_VALUE.id());
        }
        Http.respond(rc, evaluate(park, period).map(r -> {
            JsonArray groups = new JsonArray();
            new TreeMap<>(r.peerGroups(indicator)).forEach((industry, g) -> {
                JsonObject group = EfficiencyJson.peerGroup(industry, g, true);
                group.getJsonArray("ranking").forEach(entry -> {
                    JsonObject standing = (JsonObject) entry;
                    standing.put("data_state", EfficiencyJson.dataState(r.figures().get(standing.getString("enterprise")).state(indicator)));
                });
                groups.add(group);
            });
            JsonArray unranked = new JsonArray();
            r.figures().forEach((id, p) -> {
                if (!p.indicators().get(indicator).isPresent()) {
                    unranked.add(new JsonObject().put("enterprise", id).put("missing", p.indicators().get(indicator).missing())
                            .put("missing_message", EfficiencyJson.message(p.indicators().get(indicator).why()))
                            .put("data_state", EfficiencyJson.dataState(p.state(indicator))));
                }
            });
            return EfficiencyJson.header(r).put("indicator", indicator.id()).put("unit", indicator.unit())
                    .put("direction", indicator.direction().name().toLowerCase(java.util.Locale.ROOT))
                    .put("frontrunner_top_percent", r.policy().frontrunner().topPercent())
                    .put("groups", groups).put("unranked", unranked);
        }));
    }

    /** One enterprise against its peers on every indicator of the policy, and against the national limit rows. */
    private void benchmarks(RoutingContext rc) {
        ParkModel park = Requests.park(rc, parks);
        Period period = Requests.period(rc);
        String enterprise = Requests.enterprise(rc, park);
        if (enterprise == null) {
            throw ApiError.badRequest("enterprise", "enterprise is required: benchmarks are one enterprise against its peers");
        }
        Http.respond(rc, evaluate(park, period).map(r -> {
            String industry = r.figures().get(enterprise).figures().industry();
            JsonArray lines = new JsonArray();
            for (Indicator i : r.policy().indicators()) {
                JsonObject line = new JsonObject().put("indicator", i.id());
                line.mergeIn(EfficiencyJson.indicator(i, r.figures().get(enterprise).indicators().get(i),
                        r.figures().get(enterprise).state(i)));
                PeerGroup g = i.direction() == Direction.NONE ? null : r.peerGroups(i).get(industry);
                if (g != null) {
                    line.put("peers", EfficiencyJson.peerGroup(industry, g, false));
                    PeerStanding s = g.standings().get(enterprise);
                    if (s != null) {
                        line.put("standing", EfficiencyJson.standing(s));
                    }
                }
                lines.add(line);
            }
            JsonArray limits = new JsonArray();
            r.limits(enterprise).forEach(c -> limits.add(EfficiencyJson.limit(c)));
            return EfficiencyJson.header(r).put("enterprise", enterprise).put("industry", industry)
                    .put("frontrunner_top_percent", r.policy().frontrunner().topPercent())
                    .put("indicators", lines).put("limit_standards", limits);
        }));
    }

    private void growth(RoutingContext rc) {
        ParkModel park = Requests.park(rc, parks);
        Period period = Requests.period(rc);
        String enterprise = Requests.enterprise(rc, park);
        Policy policy = park.park().policy();
        Http.respond(rc, service.growth(park, policy, period).map(lines -> {
            JsonArray list = new JsonArray();
            lines.forEach((id, g) -> {
                if (enterprise == null || enterprise.equals(id)) {
                    list.add(EfficiencyJson.growth(id, g));
                }
            });
            return new JsonObject().put("park", park.park().id()).put("period", period.toString())
                    .put("year_earlier", period.yearEarlier().toString()).put("policy_version", policy.version())
                    .put("energy_basis", EfficiencyJson.basis(policy))
                    .put("flat_threshold", policy.growthFlatThreshold()).put("intensity_band", policy.intensityBand())
                    .put("enterprises", list);
        }));
    }

    private void classes(RoutingContext rc) {
        ParkModel park = Requests.park(rc, parks);
        Period period = Requests.period(rc);
        String enterprise = Requests.enterprise(rc, park);
        Http.respond(rc, evaluate(park, period).map(r -> {
            JsonArray list = new JsonArray();
            r.classes().forEach((id, l) -> {
                if (enterprise == null || enterprise.equals(id)) {
                    list.add(EfficiencyJson.landEfficiency(id, l));
                }
            });
            JsonObject body = EfficiencyJson.header(r).put("class_rule", EfficiencyJson.classRule(r.policy().classes()))
                    .put("enterprises", list);
            if (enterprise == null) {
                body.put("class_counts", new JsonObject(counts(r.classes())));
            }
            return body;
        }));
    }

    /** Operators only: the park's data under a draft policy, and who would change class. */
    private void whatIf(RoutingContext rc) {
        ParkModel park = Requests.park(rc, parks);
        Requests.requireOperator(rc, "what-if");
        Period period = Requests.period(rc);
        String body = rc.body() == null ? null : rc.body().asString();
        if (body == null || body.isBlank()) {
            throw ApiError.badRequest("body", "the body is the draft policy, in the park file's policy: format (YAML or JSON)");
        }
        Policy draft;
        try {
            draft = reader.readPolicy("draft policy", body);
        } catch (InvalidParkFileException e) {
            Http.json(rc, 422, new JsonObject().put("error", "the draft policy is not valid")
                    .put("problems", new JsonArray(e.errors().stream().map(ConfigFileError::toString).toList())));
            return;
        }
        Policy current = park.park().policy();
        Future<ParkPeriodResult> now = service.evaluate(park, current, period);
        Future<ParkPeriodResult> then = service.evaluate(park, draft, period);
        Http.respond(rc, Future.all(now, then).map(done -> {
            Map<String, LandEfficiency> before = now.result().classes();
            Map<String, LandEfficiency> after = then.result().classes();
            JsonArray changes = new JsonArray();
            int unchanged = 0;
            for (String id : before.keySet()) {
                LandEfficiency b = before.get(id);
                LandEfficiency a = after.get(id);
                if (Objects.equals(b.grade(), a.grade())) {
                    unchanged++;
                    continue;
                }
                changes.add(new JsonObject().put("enterprise", id).put("class", b.grade()).put("draft_class", a.grade())
                        .put("score", b.score() == null ? null : EfficiencyJson.number(b.score().total()))
                        .put("draft_score", a.score() == null ? null : EfficiencyJson.number(a.score().total()))
                        .put("reason", b.reason()).put("draft_reason", a.reason())
                        .put("reason_message", EfficiencyJson.message(b.why()))
                        .put("draft_reason_message", EfficiencyJson.message(a.why()))
                        .put("data_state", EfficiencyJson.dataState(b.state()))
                        .put("draft_data_state", EfficiencyJson.dataState(a.state())));
            }
            return EfficiencyJson.header(now.result()).put("draft_policy_version", draft.version())
                    .put("draft_energy_basis", EfficiencyJson.basis(draft))
                    .put("changes", changes).put("unchanged", unchanged)
                    .put("class_counts", new JsonObject(counts(before))).put("draft_class_counts", new JsonObject(counts(after)))
                    .put("carbon", CarbonJson.whatIf(now.result(), then.result()));
        }));
    }

    /**
     * Enterprises per class in class order; {@code insufficient_data} for those not graded for want of data,
     * {@code out_of_scope} for the rest without one.
     */
    private static Map<String, Object> counts(Map<String, LandEfficiency> classes) {
        Map<String, Object> counts = new TreeMap<>();
        classes.values().forEach(l -> counts.merge(l.grade() != null ? l.grade()
                : l.state().isSufficient() ? "out_of_scope" : "insufficient_data", 1, (a, b) -> (int) a + (int) b));
        return counts;
    }
}
