package io.parkpulse.park;

import io.parkpulse.config.YamlMapping;
import io.parkpulse.efficiency.benchmark.FrontrunnerRule;
import io.parkpulse.efficiency.benchmark.LimitStandard;
import io.parkpulse.efficiency.benchmark.LimitStandards;
import io.parkpulse.efficiency.coal.CoefficientTable;
import io.parkpulse.efficiency.coal.EnergyBasis;
import io.parkpulse.efficiency.indicator.Direction;
import io.parkpulse.efficiency.indicator.Indicator;
import io.parkpulse.efficiency.policy.Policy;
import io.parkpulse.efficiency.scoring.Benchmark;
import io.parkpulse.efficiency.scoring.ClassRule;
import io.parkpulse.efficiency.scoring.GradingScope;
import io.parkpulse.efficiency.scoring.MissingRule;
import io.parkpulse.efficiency.scoring.ScoredIndicator;
import io.parkpulse.efficiency.scoring.ScoringMethod;
import io.parkpulse.efficiency.scoring.ScoringRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the {@code policy:} section of a park file (docs/park-file.md#policy) into a {@link Policy}. Every key is
 * optional except {@code version}; what is left out is taken from {@link Policy#standard()}. Problems are reported
 * with the field's path; the result is {@code null} when there was any.
 */
final class PolicyReader {

    static final List<String> POLICY_KEYS = List.of("version", "energy_basis", "equal_value", "natural_gas", "steam",
            "indicators", "frontrunner_top_percent", "growth", "product_limits", "scoring", "classes", "scope", "alarms", "carbon");
    private static final List<String> GROWTH_KEYS = List.of("flat_threshold", "intensity_band");
    private static final List<String> SCORING_KEYS = List.of("method", "min_max_floor", "indicators");
    private static final List<String> LINE_KEYS = List.of("indicator", "weight", "benchmark", "direction", "cap", "floor",
            "missing");
    private static final List<String> PEER_BENCHMARK_KEYS = List.of("of_peers", "factor");
    private static final List<String> CLASSES_KEYS = List.of("by", "share", "bands");
    private static final List<String> BAND_KEYS = List.of("class", "limit");
    private static final List<String> SCOPE_KEYS = List.of("min_land_mu", "ungraded_industries", "min_years_operating",
            "ungraded_class", "min_coverage_percent");

    private final YamlMapping.CountingProblems problems;
    private final AlarmRulesReader.Declared declared;

    /** A reader for a policy on its own (a draft): alarm subjects are checked for syntax only. */
    PolicyReader(YamlMapping.Problems problems) {
        this(problems, null);
    }

    /** A reader for a park file's policy: alarm subjects must be among {@code declared}. */
    PolicyReader(YamlMapping.Problems problems, AlarmRulesReader.Declared declared) {
        this.problems = new YamlMapping.CountingProblems(problems);
        this.declared = declared;
    }

    /** The policy at {@code node} (path {@code path}), or {@code null} when anything was wrong (reported). */
    Policy read(Node node, String path) {
        YamlMapping p = YamlMapping.of(node, path, problems);
        if (p == null) {
            return null;
        }
        p.allowOnly(POLICY_KEYS);
        Policy standard = Policy.standard();
        String version = p.requiredText("version");
        EnergyBasis basis = p.parsed("energy_basis", PolicyReader::basis, false, standard.basis());
        Map<Integer, Double> equalValue = equalValue(p);
        if (basis == EnergyBasis.EQUAL_VALUE && equalValue != null && equalValue.isEmpty()) {
            problems.at(p.get("energy_basis"), p.child("energy_basis"), "the equal-value basis needs the equal value of "
                    + "electricity per year under equal_value (kgce/kWh, such as 2026: 0.2950); there is no official default");
        }
        CoefficientTable.GasSource gas = p.parsed("natural_gas", PolicyReader::gasSource, false,
                CoefficientTable.GasSource.GAS_FIELD);
        CoefficientTable.SteamGrade steam = p.parsed("steam", PolicyReader::steamGrade, false,
                CoefficientTable.SteamGrade.MPA_1_0);
        List<Indicator> indicators = p.has("indicators") ? indicatorList(p.get("indicators"), p.child("indicators"))
                : standard.indicators();
        Double top = p.optionalNumber("frontrunner_top_percent", 0.0,
                v -> v >= 0 && v <= 100 ? null : "must be within 0 (the single best) and 100");
        double[] growth = growth(p, standard);
        Map<String, LimitStandard> limits = productLimits(p);
        ScoringRule scoring = p.has("scoring") ? scoring(p.get("scoring"), p.child("scoring")) : standard.scoring();
        ClassRule classes = p.has("classes") ? classes(p.get("classes"), p.child("classes")) : standard.classes();
        GradingScope scope = p.has("scope") ? scope(p.get("scope"), p.child("scope"), standard.scope()) : standard.scope();
        List<io.parkpulse.efficiency.policy.AlarmRule> alarms = p.has("alarms")
                ? new AlarmRulesReader(problems, declared).read(p.get("alarms"), p.child("alarms")) : standard.alarms();
        io.parkpulse.efficiency.carbon.CarbonPolicy carbon = p.has("carbon")
                ? new CarbonPolicyReader(problems, declared == null ? null : declared.enterprises()).read(p.get("carbon"), p.child("carbon"))
                : io.parkpulse.efficiency.carbon.CarbonPolicy.standard();
        if (problems.count() > 0) {
            return null;
        }
        return new Policy(version, basis, CoefficientTable.gbt2589(gas, steam, equalValue), indicators,
                new FrontrunnerRule(top), growth[0], growth[1], limits, scoring, classes, scope, alarms, carbon);
    }

    /** {@code equal_value: {2025: 0.2955, 2026: 0.2950}}: kgce per kWh by year. */
    private Map<Integer, Double> equalValue(YamlMapping p) {
        Map<Integer, Double> byYear = new TreeMap<>();
        if (!p.has("equal_value")) {
            return byYear;
        }
        YamlMapping m = YamlMapping.of(p.get("equal_value"), p.child("equal_value"), problems);
        if (m == null) {
            return null;
        }
        for (String key : m.keys()) {
            int year;
            try {
                year = Integer.parseInt(key);
            } catch (NumberFormatException e) {
                problems.at(m.get(key), m.child(key), "keys of equal_value are years such as 2026, got \"" + key + "\"");
                continue;
            }
            if (year < 2000 || year > 2100) {
                problems.at(m.get(key), m.child(key), "year " + year + " is outside 2000-2100");
                continue;
            }
            // published equal values lie around 0.28-0.40 kgce/kWh; outside 0.1229-1 it is a unit mistake
            Double v = m.numberAt(key, x -> x >= 0.1229 && x <= 1 ? null
                    : "must be kgce per kWh, between 0.1229 (the heat content) and 1");
            if (v != null) {
                byYear.put(year, v);
            }
        }
        return byYear;
    }

    private List<Indicator> indicatorList(Node node, String path) {
        List<Indicator> list = new ArrayList<>();
        YamlMapping.eachElement(node, path, problems, (element, at) -> {
            String id = YamlMapping.textOf(element, at, problems);
            if (id == null) {
                return;
            }
            Indicator i = indicator(element, at, id);
            if (i != null && list.contains(i)) {
                problems.at(element, at, id + " is listed twice");
            } else if (i != null) {
                list.add(i);
            }
        });
        if (list.isEmpty() && problems.count() == 0) {
            problems.at(node, path, "must name at least one indicator");
        }
        return list;
    }

    private Indicator indicator(Node node, String path, String id) {
        Indicator i = Indicator.byId(id).orElse(null);
        if (i == null) {
            List<String> ids = Arrays.stream(Indicator.values()).map(Indicator::id).toList();
            String hint = YamlMapping.nearest(id, ids);
            problems.at(node, path, "\"" + id + "\" is not an indicator" + (hint == null ? "" : "; did you mean \"" + hint + "\"?")
                    + " (known: " + String.join(", ", ids) + ")");
        }
        return i;
    }

    private double[] growth(YamlMapping p, Policy standard) {
        double[] result = {standard.growthFlatThreshold(), standard.intensityBand()};
        if (!p.has("growth")) {
            return result;
        }
        YamlMapping g = YamlMapping.of(p.get("growth"), p.child("growth"), problems);
        if (g == null) {
            return result;
        }
        g.allowOnly(GROWTH_KEYS);
        YamlMapping.NumberRule share = v -> v >= 0 && v < 1 ? null : "must be a share between 0 and 1 (0.01 = 1 %)";
        Double flat = g.optionalNumber("flat_threshold", result[0], share);
        Double band = g.optionalNumber("intensity_band", result[1], share);
        return new double[] {flat == null ? result[0] : flat, band == null ? result[1] : band};
    }

    private Map<String, LimitStandard> productLimits(YamlMapping p) {
        Map<String, LimitStandard> limits = new LinkedHashMap<>();
        if (!p.has("product_limits")) {
            return limits;
        }
        YamlMapping m = YamlMapping.of(p.get("product_limits"), p.child("product_limits"), problems);
        if (m == null) {
            return limits;
        }
        Set<String> known = LimitStandards.all().stream().map(LimitStandard::id).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        for (String product : m.keys()) {
            String id = YamlMapping.textOf(m.get(product), m.child(product), problems);
            if (id == null) {
                continue;
            }
            LimitStandard s = LimitStandards.byId(id).orElse(null);
            if (s == null) {
                String hint = YamlMapping.nearest(id, known);
                problems.at(m.get(product), m.child(product), "\"" + id + "\" is not a built-in limit-standard row"
                        + (hint == null ? "" : "; did you mean \"" + hint + "\"?") + " (known: " + String.join(", ", known) + ")");
                continue;
            }
            limits.put(product, s);
        }
        return limits;
    }

    private ScoringRule scoring(Node node, String path) {
        YamlMapping s = YamlMapping.of(node, path, problems);
        if (s == null) {
            return null;
        }
        s.allowOnly(SCORING_KEYS);
        ScoringMethod method = s.parsed("method", PolicyReader::method, true, null);
        Double floor = s.optionalNumber("min_max_floor", 0.0, v -> v >= 0 && v < 100 ? null : "must be a percent from 0 to under 100");
        if (s.has("min_max_floor") && method == ScoringMethod.RATIO) {
            problems.at(s.get("min_max_floor"), s.child("min_max_floor"), "only the min_max method has a floor; "
                    + "under ratio use floor on each indicator");
        }
        List<ScoredIndicator> lines = new ArrayList<>();
        Set<Indicator> seen = new HashSet<>();
        if (!s.has("indicators")) {
            s.require("indicators");
        }
        YamlMapping.eachElement(s.get("indicators"), s.child("indicators"), problems, (element, at) -> {
            ScoredIndicator line = scoredIndicator(element, at, method);
            if (line != null && !seen.add(line.indicator())) {
                problems.at(element, at, line.indicator().id() + " is scored twice");
            } else if (line != null) {
                lines.add(line);
            }
        });
        if (method == null || floor == null) {
            return null;
        }
        return new ScoringRule(method, floor, lines);
    }

    private ScoredIndicator scoredIndicator(Node node, String path, ScoringMethod method) {
        YamlMapping l = YamlMapping.of(node, path, problems);
        if (l == null) {
            return null;
        }
        l.allowOnly(LINE_KEYS);
        String id = l.requiredText("indicator");
        Indicator indicator = id == null ? null : indicator(l.get("indicator"), l.child("indicator"), id);
        Direction direction = l.parsed("direction", PolicyReader::direction, false,
                indicator == null ? null : indicator.direction());
        if (indicator != null && direction == Direction.NONE) {
            problems.at(l.get("indicator"), l.child("indicator"), id + " is a volume with no better or worse; "
                    + "score an intensity such as energy_per_output_value, or give direction");
            return null;
        }
        Double weight = l.requiredNumber("weight", YamlMapping.POSITIVE);
        Benchmark benchmark = null;
        if (l.has("benchmark")) {
            benchmark = benchmark(l.get("benchmark"), l.child("benchmark"));
        } else if (method == ScoringMethod.RATIO) {
            l.require("benchmark");
        }
        if (method == ScoringMethod.MIN_MAX && l.has("benchmark")) {
            problems.at(l.get("benchmark"), l.child("benchmark"), "min_max scores against the group's range, not a benchmark");
        }
        Double cap = l.optionalNumber("cap", Double.NaN, YamlMapping.POSITIVE);
        Double floor = l.optionalNumber("floor", Double.NaN, YamlMapping.NOT_NEGATIVE);
        if (cap != null && floor != null && cap < floor) {
            problems.at(l.get("cap"), l.child("cap"), "cap " + cap + " is below floor " + floor);
        }
        MissingRule missing = l.parsed("missing", PolicyReader::missing, false, MissingRule.ZERO);
        if (indicator == null || direction == null || weight == null || cap == null || floor == null || missing == null
                || (method == ScoringMethod.RATIO && benchmark == null)) {
            return null;
        }
        return new ScoredIndicator(indicator, direction, weight, benchmark, cap, floor, missing);
    }

    /** A number (a published benchmark) or {@code {of_peers: mean|median|best, factor: 2}}. */
    private Benchmark benchmark(Node node, String path) {
        if (!(node instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
            Double v = YamlMapping.numberOf(node, path, problems, YamlMapping.POSITIVE);
            return v == null ? null : new Benchmark.Fixed(v);
        }
        YamlMapping b = YamlMapping.of(node, path, problems);
        b.allowOnly(PEER_BENCHMARK_KEYS);
        Benchmark.Statistic statistic = b.parsed("of_peers", PolicyReader::statistic, true, null);
        Double factor = b.optionalNumber("factor", 1.0, YamlMapping.POSITIVE);
        return statistic == null || factor == null ? null : new Benchmark.OfPeers(statistic, factor);
    }

    private ClassRule classes(Node node, String path) {
        YamlMapping c = YamlMapping.of(node, path, problems);
        if (c == null) {
            return null;
        }
        c.allowOnly(CLASSES_KEYS);
        ClassRule.Kind kind = c.parsed("by", PolicyReader::classKind, true, null);
        ClassRule.ShareRule share = c.parsed("share", PolicyReader::shareRule, false, ClassRule.ShareRule.RANKED_ABOVE);
        if (c.has("share") && kind == ClassRule.Kind.SCORE) {
            problems.at(c.get("share"), c.child("share"), "classes by score take no share rule; it is for classes by percentile");
        }
        List<ClassRule.Band> bands = new ArrayList<>();
        Set<String> names = new HashSet<>();
        if (!c.has("bands")) {
            c.require("bands");
        }
        YamlMapping.eachElement(c.get("bands"), c.child("bands"), problems, (element, at) -> {
            YamlMapping b = YamlMapping.of(element, at, problems);
            if (b == null) {
                return;
            }
            b.allowOnly(BAND_KEYS);
            String name = b.requiredText("class");
            Double limit = b.requiredNumber("limit", v -> v >= 0 ? null : "must not be negative");
            if (name != null && !names.add(name)) {
                problems.at(b.get("class"), b.child("class"), "class " + name + " is listed twice");
                return;
            }
            if (name == null || limit == null) {
                return;
            }
            if (!bands.isEmpty() && kind != null) {
                double previous = bands.get(bands.size() - 1).limit();
                boolean ordered = kind == ClassRule.Kind.PERCENTILE ? limit > previous : limit < previous;
                if (!ordered) {
                    problems.at(b.get("limit"), b.child("limit"), kind == ClassRule.Kind.PERCENTILE
                            ? "percentile limits are cumulative shares, best class first: must exceed " + previous
                            : "score limits are least scores, best class first: must be below " + previous);
                }
            }
            bands.add(new ClassRule.Band(name, limit));
        });
        if (kind == ClassRule.Kind.PERCENTILE && !bands.isEmpty() && bands.get(bands.size() - 1).limit() != 100) {
            problems.at(c.get("bands"), c.child("bands"), "the last percentile class must reach 100 so everyone gets a class");
        }
        if (kind == null || bands.isEmpty()) {
            if (c.has("bands") && bands.isEmpty() && problems.count() == 0) {
                problems.at(c.get("bands"), c.child("bands"), "must list at least one class");
            }
            return null;
        }
        return share == null ? null : new ClassRule(kind, bands, share);
    }

    private GradingScope scope(Node node, String path, GradingScope standard) {
        YamlMapping s = YamlMapping.of(node, path, problems);
        if (s == null) {
            return null;
        }
        s.allowOnly(SCOPE_KEYS);
        Double land = s.optionalNumber("min_land_mu", standard.minLandMu(), YamlMapping.NOT_NEGATIVE);
        Double years = s.optionalNumber("min_years_operating", (double) standard.minYearsOperating(),
                v -> v >= 0 && v == Math.rint(v) ? null : "must be a whole number of years, 0 or more");
        String ungradedClass = s.optionalText("ungraded_class", standard.ungradedClass());
        Double coverage = s.optionalNumber("min_coverage_percent", standard.minCoveragePercent(),
                v -> v > 0 && v <= 100 ? null : "must be a percent above 0 and at most 100");
        List<String> industries = new ArrayList<>();
        if (s.has("ungraded_industries")) {
            YamlMapping.eachElement(s.get("ungraded_industries"), s.child("ungraded_industries"), problems, (element, at) -> {
                String prefix = YamlMapping.textOf(element, at, problems);
                if (prefix != null && !prefix.matches("[A-T][0-9]{0,4}")) {
                    problems.at(element, at, "\"" + prefix + "\" is not a GB/T 4754 code prefix such as D44 or D");
                } else if (prefix != null) {
                    industries.add(prefix);
                }
            });
        } else {
            industries.addAll(standard.ungradedIndustries());
        }
        if (land == null || years == null || coverage == null) {
            return null;
        }
        return new GradingScope(land, industries, years.intValue(), ungradedClass, coverage / 100);
    }

    static EnergyBasis basis(String text) {
        return EnergyBasis.byId(text).orElseThrow(() -> new IllegalArgumentException("\"" + text
                + "\" is not an energy basis; expected equivalent (当量值) or equal_value (等价值)"));
    }

    static CoefficientTable.GasSource gasSource(String text) {
        return Arrays.stream(CoefficientTable.GasSource.values()).filter(g -> g.id().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("\"" + text + "\" is not a natural-gas source; expected "
                        + ids(CoefficientTable.GasSource.values(), CoefficientTable.GasSource::id)));
    }

    static CoefficientTable.SteamGrade steamGrade(String text) {
        return Arrays.stream(CoefficientTable.SteamGrade.values()).filter(g -> g.id().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("\"" + text + "\" is not a steam grade; expected "
                        + ids(CoefficientTable.SteamGrade.values(), CoefficientTable.SteamGrade::id)));
    }

    static ScoringMethod method(String text) {
        return switch (text) {
            case "ratio" -> ScoringMethod.RATIO;
            case "min_max" -> ScoringMethod.MIN_MAX;
            default -> throw new IllegalArgumentException("\"" + text + "\" is not a scoring method; expected ratio or min_max");
        };
    }

    static Direction direction(String text) {
        return switch (text) {
            case "higher_is_better" -> Direction.HIGHER_IS_BETTER;
            case "lower_is_better" -> Direction.LOWER_IS_BETTER;
            default -> throw new IllegalArgumentException("\"" + text
                    + "\" is not a direction; expected higher_is_better or lower_is_better");
        };
    }

    static MissingRule missing(String text) {
        return switch (text) {
            case "zero" -> MissingRule.ZERO;
            case "peer_average" -> MissingRule.PEER_AVERAGE;
            default -> throw new IllegalArgumentException("\"" + text + "\" is not a missing-data rule; expected zero or peer_average");
        };
    }

    static Benchmark.Statistic statistic(String text) {
        try {
            return Benchmark.Statistic.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a peer statistic; expected mean, median or best");
        }
    }

    static ClassRule.ShareRule shareRule(String text) {
        for (ClassRule.ShareRule r : ClassRule.ShareRule.values()) {
            if (r.id().equals(text)) {
                return r;
            }
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a share rule; expected one of "
                + java.util.Arrays.stream(ClassRule.ShareRule.values()).map(ClassRule.ShareRule::id).toList());
    }

    static ClassRule.Kind classKind(String text) {
        try {
            return ClassRule.Kind.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a class rule; expected percentile or score");
        }
    }

    private static <T> String ids(T[] values, java.util.function.Function<T, String> id) {
        return Arrays.stream(values).map(id).collect(Collectors.joining(", "));
    }
}
