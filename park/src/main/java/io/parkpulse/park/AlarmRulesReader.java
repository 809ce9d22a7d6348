package io.parkpulse.park;

import io.parkpulse.config.YamlMapping;
import io.parkpulse.contract.Ids;
import io.parkpulse.contract.MeterId;
import io.parkpulse.contract.MeterKind;
import io.parkpulse.efficiency.carbon.CarbonQuantity;
import io.parkpulse.efficiency.policy.AlarmRule;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code policy.alarms} (docs/park-file.md#alarms): a list of rules, each with an id, a kind and the keys of
 * that kind. Subjects are checked against the park's enterprises, gateways and meters when they are known (a park
 * file), and only for syntax when the policy is read on its own (a draft).
 */
final class AlarmRulesReader {

    /** The ids a park file declares, for checking what alarms name; {@code null} parts are not checked. */
    record Declared(Set<String> enterprises, Set<String> gateways, Set<String> meters, Map<MeterId, Meter> validMeters) {
    }

    static final Duration MAX_HOLD = Duration.ofDays(7);
    private static final List<String> COMMON = List.of("id", "kind", "severity");
    private static final Map<String, List<String>> KEYS = Map.of(
            "power_above", List.of("meter", "enterprise", "limit_kw", "for"),
            "gateway_offline", List.of("gateway", "for"),
            "meter_silent", List.of("meter", "gateway", "for"),
            "night_water_rise", List.of("meter", "rise_percent", "baseline_days"),
            "energy_outgrows_output", List.of("enterprise", "margin_points"),
            "budget_at_risk", List.of("enterprise", "quantity"),
            "intensity_off_track", List.of("quantity"));
    static final List<String> KINDS = List.of("power_above", "gateway_offline", "meter_silent", "night_water_rise",
            "energy_outgrows_output", "budget_at_risk", "intensity_off_track");

    private final YamlMapping.CountingProblems problems;
    private final Declared declared;

    AlarmRulesReader(YamlMapping.CountingProblems problems, Declared declared) {
        this.problems = problems;
        this.declared = declared;
    }

    /** The rules at {@code node}; those with problems are left out (and reported). */
    List<AlarmRule> read(Node node, String path) {
        List<AlarmRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        YamlMapping.eachElement(node, path, problems, (element, at) -> {
            AlarmRule rule = rule(element, at, ids);
            if (rule != null) {
                rules.add(rule);
            }
        });
        return rules;
    }

    private AlarmRule rule(Node node, String path, Set<String> ids) {
        YamlMapping a = YamlMapping.of(node, path, problems);
        if (a == null) {
            return null;
        }
        int before = problems.count();
        String id = a.requiredText("id");
        if (id != null && Ids.problem(id) != null) {
            problems.at(a.get("id"), a.child("id"), "id " + Ids.problem(id));
        } else if (id != null && !ids.add(id)) {
            problems.at(a.get("id"), a.child("id"), "alarm id \"" + id + "\" is already used above");
        }
        String kind = a.parsed("kind", AlarmRulesReader::kind, true, null);
        AlarmRule.Severity severity = a.parsed("severity", AlarmRulesReader::severity, false, AlarmRule.Severity.WARNING);
        if (kind == null) {
            return null;
        }
        AlarmRule.Severity sev = severity == null ? AlarmRule.Severity.WARNING : severity;
        List<String> allowed = new ArrayList<>(COMMON);
        allowed.addAll(KEYS.get(kind));
        a.allowOnly(allowed);
        AlarmRule rule = switch (kind) {
            case "power_above" -> powerAbove(a, id, sev);
            case "gateway_offline" -> gatewayOffline(a, id, sev);
            case "meter_silent" -> meterSilent(a, id, sev);
            case "night_water_rise" -> nightWater(a, id, sev);
            case "budget_at_risk" -> budgetAtRisk(a, id, sev);
            case "intensity_off_track" -> intensityOffTrack(a, id, sev);
            default -> energyOutgrowsOutput(a, id, sev);
        };
        return problems.count() > before || id == null || severity == null ? null : rule;
    }

    private AlarmRule powerAbove(YamlMapping a, String id, AlarmRule.Severity severity) {
        if (a.has("meter") == a.has("enterprise")) {
            problems.at(a.has("meter") ? a.get("meter") : a.get("kind"), a.child(a.has("meter") ? "meter" : "kind"),
                    "power_above watches one meter or one enterprise (the sum of its main electricity meters): "
                            + "give exactly one of meter and enterprise");
            return null;
        }
        String meter = a.has("meter") ? meter(a, MeterKind.ELECTRICITY) : null;
        String enterprise = a.has("enterprise") ? enterprise(a, true) : null;
        Double limit = a.requiredNumber("limit_kw", YamlMapping.POSITIVE);
        Duration hold = hold(a);
        if ((meter == null && enterprise == null) || limit == null || hold == null || id == null) {
            return null;
        }
        return new AlarmRule.PowerAbove(id, severity, meter, enterprise, limit, hold);
    }

    private AlarmRule gatewayOffline(YamlMapping a, String id, AlarmRule.Severity severity) {
        String gateway = gateway(a);
        Duration hold = hold(a);
        return id == null || hold == null ? null : new AlarmRule.GatewayOffline(id, severity, gateway, hold);
    }

    private AlarmRule energyOutgrowsOutput(YamlMapping a, String id, AlarmRule.Severity severity) {
        String enterprise = enterprise(a, false);
        Double margin = a.optionalNumber("margin_points", 0.0, v -> v >= 0 && v <= 1000 ? null
                : "must be percentage points from 0 up (5 = energy growth may exceed output growth by 5 points)");
        return id == null || margin == null ? null : new AlarmRule.EnergyOutgrowsOutput(id, severity, enterprise, margin);
    }

    private AlarmRule budgetAtRisk(YamlMapping a, String id, AlarmRule.Severity severity) {
        String enterprise = enterprise(a, false);
        CarbonQuantity quantity = a.parsed("quantity", AlarmRulesReader::quantity, true, null);
        if (a.has("enterprise") && enterprise == null) {
            return null;
        }
        return id == null || quantity == null ? null : new AlarmRule.BudgetAtRisk(id, severity, enterprise, quantity);
    }

    private AlarmRule intensityOffTrack(YamlMapping a, String id, AlarmRule.Severity severity) {
        CarbonQuantity quantity = a.parsed("quantity", AlarmRulesReader::quantity, true, null);
        return id == null || quantity == null ? null : new AlarmRule.IntensityOffTrack(id, severity, quantity);
    }

    static CarbonQuantity quantity(String text) {
        return CarbonQuantity.byId(text).orElseThrow(() -> new IllegalArgumentException("\"" + text
                + "\" is not a quantity; expected co2 (t) or energy (tce)"));
    }

    private AlarmRule meterSilent(YamlMapping a, String id, AlarmRule.Severity severity) {
        if (a.has("meter") && a.has("gateway")) {
            problems.at(a.get("gateway"), a.child("gateway"), "meter_silent watches one meter or the meters of one "
                    + "gateway: give meter or gateway, not both (neither: every meter)");
            return null;
        }
        String meter = a.has("meter") ? meter(a, null) : null;
        String gateway = gateway(a);
        Duration hold = hold(a);
        return id == null || hold == null ? null : new AlarmRule.MeterSilent(id, severity, meter, gateway, hold);
    }

    private AlarmRule nightWater(YamlMapping a, String id, AlarmRule.Severity severity) {
        if (!a.has("meter")) {
            a.require("meter");
        }
        String meter = a.has("meter") ? meter(a, MeterKind.WATER) : null;
        Double rise = a.requiredNumber("rise_percent", v -> v > 0 && v <= 1000 ? null : "must be a percent above 0 (30 = 30 %)");
        Double days = a.optionalNumber("baseline_days", 30.0, v -> v >= 7 && v <= 90 && v == Math.rint(v) ? null
                : "must be a whole number of nights from 7 to 90");
        if (meter == null || rise == null || days == null || id == null) {
            return null;
        }
        return new AlarmRule.NightWaterRise(id, severity, meter, rise, days.intValue());
    }

    private Duration hold(YamlMapping a) {
        return a.parsed("for", AlarmRulesReader::duration, true, null);
    }

    private String gateway(YamlMapping a) {
        return reference(a, "gateway", declared == null ? null : declared.gateways(), "gateways");
    }

    private String enterprise(YamlMapping a, boolean required) {
        if (required && !a.has("enterprise")) {
            a.require("enterprise");
            return null;
        }
        return reference(a, "enterprise", declared == null ? null : declared.enterprises(), "enterprises");
    }

    /** The meter named at {@code meter}, checked to be of {@code kind} when that is given and the meter is known. */
    private String meter(YamlMapping a, MeterKind kind) {
        String id = reference(a, "meter", declared == null ? null : declared.meters(), "meters");
        Meter m = id == null || declared == null || declared.validMeters() == null ? null : declared.validMeters().get(MeterId.of(id));
        if (m != null && kind != null && m.kind() != kind) {
            problems.at(a.get("meter"), a.child("meter"), "meter " + id + " is a " + m.kind().wireName() + " meter; "
                    + "this alarm needs a " + kind.wireName() + " meter");
            return null;
        }
        return id;
    }

    /** The id at {@code key} ({@code null} when absent or wrong), checked against {@code known} when given. */
    private String reference(YamlMapping a, String key, Set<String> known, String section) {
        if (!a.has(key)) {
            return null;
        }
        String id = a.requiredText(key);
        if (id == null) {
            return null;
        }
        if (known != null && !known.contains(id)) {
            String hint = YamlMapping.nearest(id, known);
            problems.at(a.get(key), a.child(key), "\"" + id + "\" is not listed under " + section
                    + (hint == null ? "" : "; did you mean \"" + hint + "\"?"));
            return null;
        }
        if (known == null && Ids.problem(id) != null) {
            problems.at(a.get(key), a.child(key), "id " + Ids.problem(id));
            return null;
        }
        return id;
    }

    static String kind(String text) {
        if (!KINDS.contains(text)) {
            String hint = YamlMapping.nearest(text, KINDS);
            throw new IllegalArgumentException("\"" + text + "\" is not an alarm kind"
                    + (hint == null ? "" : "; did you mean \"" + hint + "\"?") + " (known: " + String.join(", ", KINDS) + ")");
        }
        return text;
    }

    static AlarmRule.Severity severity(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "warning" -> AlarmRule.Severity.WARNING;
            case "critical" -> AlarmRule.Severity.CRITICAL;
            default -> throw new IllegalArgumentException("\"" + text + "\" is not a severity; expected warning or critical");
        };
    }

    static Duration duration(String text) {
        Duration d;
        try {
            d = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a duration such as PT5M, PT30M or PT2H");
        }
        if (d.isNegative() || d.isZero() || d.compareTo(MAX_HOLD) > 0) {
            throw new IllegalArgumentException(text + " must be more than 0 and at most 7 days (P7D)");
        }
        return d;
    }
}
