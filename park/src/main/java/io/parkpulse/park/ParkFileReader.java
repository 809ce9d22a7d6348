package io.parkpulse.park;

import io.parkpulse.config.ConfigFileError;
import io.parkpulse.config.YamlMapping;
import io.parkpulse.contract.EnterpriseId;
import io.parkpulse.contract.GatewayId;
import io.parkpulse.contract.Ids;
import io.parkpulse.contract.MeterId;
import io.parkpulse.contract.MeterKind;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one park file (format documented in {@code docs/park-file.md}) and checks it completely:
 * structure, types, ids, references between sections, and the rules for meters. All problems are
 * collected and thrown together, each naming file, line, column and field.
 *
 * <p>Stateless and thread-safe.
 */
public final class ParkFileReader {

    /** The file format this reader understands. */
    public static final int SCHEMA_VERSION = 1;
    static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

    private static final List<String> TOP_KEYS = List.of("schema_version", "park", "enterprises", "gateways", "meters",
            "policy");
    private static final List<String> PARK_KEYS = List.of("id", "name", "time_zone", "revision");
    private static final List<String> ENTERPRISE_KEYS = List.of("id", "name", "industry", "land_mu", "operating_since");
    private static final List<String> GATEWAY_KEYS = List.of("id", "name", "uplink_interval");
    private static final List<String> METER_KEYS = List.of("id", "name", "kind", "enterprise", "gateway", "metering",
            "ct_ratio", "pt_ratio", "multiplier", "role", "register_modulus", "max_rate", "reading_interval", "events");
    private static final List<String> EVENT_KEYS = List.of("type", "time", "old_final", "new_start", "ct_ratio", "pt_ratio",
            "multiplier");

    public Park read(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw invalid(name, "the file is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw invalid(name, "cannot read the file: " + e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalid(name, "the file is not UTF-8 text");
        }
        return read(name, text);
    }

    /** Reads park file text; {@code name} only labels the errors. */
    public Park read(String name, String text) {
        List<ConfigFileError> errors = new ArrayList<>();
        Node root = compose(name, text);
        Park park = new Document(problems(name, errors)).read(root, name);
        if (!errors.isEmpty() || park == null) {
            throw new InvalidParkFileException(errors);
        }
        return park;
    }

    /**
     * Reads a policy on its own, in the format of a park file's {@code policy:} section (YAML or JSON), such as a
     * draft to compare with the park's current policy.
     *
     * @throws InvalidParkFileException listing every problem, each naming line and field
     */
    public io.parkpulse.efficiency.policy.Policy readPolicy(String name, String text) {
        List<ConfigFileError> errors = new ArrayList<>();
        Node root = compose(name, text);
        io.parkpulse.efficiency.policy.Policy policy = new PolicyReader(problems(name, errors)).read(root, "policy");
        if (!errors.isEmpty() || policy == null) {
            throw new InvalidParkFileException(errors);
        }
        return policy;
    }

    private static YamlMapping.Problems problems(String name, List<ConfigFileError> errors) {
        return YamlMapping.collecting(name, errors);
    }

    /** The YAML node tree of {@code text}; refuses alias bombs, duplicate keys and empty documents. */
    private static Node compose(String name, String text) {
        List<ConfigFileError> errors = new ArrayList<>();
        Node root = YamlMapping.compose(name, text, MAX_FILE_BYTES, errors);
        if (root == null) {
            throw new InvalidParkFileException(errors);
        }
        return root;
    }

    private static InvalidParkFileException invalid(String file, String message) {
        return new InvalidParkFileException(List.of(new ConfigFileError(file, 0, 0, "", message)));
    }

    /** Reading state of one document. */
    private static final class Document {
        private final YamlMapping.CountingProblems problems;
        private final Map<EnterpriseId, Enterprise> enterprises = new LinkedHashMap<>();
        private final Map<GatewayId, Gateway> gateways = new LinkedHashMap<>();
        private final Map<MeterId, Meter> meters = new LinkedHashMap<>();
        /** Ids declared in the file, of entries valid or not, so one bad entry does not make its references fail too. */
        private final java.util.Set<String> declaredEnterprises = new java.util.HashSet<>();
        private final java.util.Set<String> declaredGateways = new java.util.HashSet<>();
        private final java.util.Set<String> declaredMeters = new java.util.HashSet<>();

        Document(YamlMapping.Problems problems) {
            this.problems = new YamlMapping.CountingProblems(problems);
        }

        Park read(Node root, String source) {
            YamlMapping top = YamlMapping.of(root, "", problems);
            if (top == null) {
                return null;
            }
            top.allowOnly(TOP_KEYS);
            Double version = top.requiredNumber("schema_version", v -> v == SCHEMA_VERSION ? null
                    : "this ParkPulse reads schema_version " + SCHEMA_VERSION);
            Node parkNode = top.require("park");
            YamlMapping park = parkNode == null ? null : YamlMapping.of(parkNode, "park", problems);
            String id = null;
            String name = null;
            ZoneId zone = null;
            String revision = "";
            if (park != null) {
                park.allowOnly(PARK_KEYS);
                id = id(park, "id");
                name = park.requiredText("name");
                zone = park.parsed("time_zone", ParkFileReader::zone, true, null);
                revision = park.optionalText("revision", "");
            }
            YamlMapping.eachElement(top.get("enterprises"), "enterprises", problems, this::readEnterprise);
            YamlMapping.eachElement(top.get("gateways"), "gateways", problems, this::readGateway);
            if (!top.has("gateways")) {
                top.require("gateways");
            }
            YamlMapping.eachElement(top.get("meters"), "meters", problems, this::readMeter);
            io.parkpulse.efficiency.policy.Policy policy = top.has("policy")
                    ? new PolicyReader(problems, new AlarmRulesReader.Declared(declaredEnterprises, declaredGateways,
                            declaredMeters, meters)).read(top.get("policy"), "policy")
                    : io.parkpulse.efficiency.policy.Policy.standard();
            if (version == null || id == null || name == null || zone == null || policy == null) {
                return null;
            }
            return new Park(id, name, zone, revision, source, enterprises, gateways, meters, policy);
        }

        private void readEnterprise(Node node, String path) {
            YamlMapping e = YamlMapping.of(node, path, problems);
            if (e == null) {
                return;
            }
            e.allowOnly(ENTERPRISE_KEYS);
            String id = uniqueId(e, declaredEnterprises, "enterprise");
            String name = e.requiredText("name");
            IndustryCode industry = e.parsed("industry", IndustryCode::parse, true, null);
            Double land = e.requiredNumber("land_mu", YamlMapping.NOT_NEGATIVE);
            boolean sinceOk = !e.has("operating_since");
            java.time.LocalDate since = e.parsed("operating_since", ParkFileReader::date, false, null);
            if (id != null && name != null && industry != null && land != null && (sinceOk || since != null)) {
                EnterpriseId enterpriseId = EnterpriseId.of(id);
                enterprises.put(enterpriseId, new Enterprise(enterpriseId, name, industry, land, since));
            }
        }

        private void readGateway(Node node, String path) {
            YamlMapping g = YamlMapping.of(node, path, problems);
            if (g == null) {
                return;
            }
            g.allowOnly(GATEWAY_KEYS);
            String id = uniqueId(g, declaredGateways, "gateway");
            if (id != null) {
                GatewayId gatewayId = GatewayId.of(id);
                java.time.Duration uplink = g.parsed("uplink_interval", ParkFileReader::interval, false, null);
                gateways.put(gatewayId, new Gateway(gatewayId, g.optionalText("name", id), uplink));
            }
        }

        private void readMeter(Node node, String path) {
            YamlMapping m = YamlMapping.of(node, path, problems);
            if (m == null) {
                return;
            }
            m.allowOnly(METER_KEYS);
            String id = uniqueId(m, declaredMeters, "meter");
            MeterKind kind = m.parsed("kind", ParkFileReader::kind, true, null);
            Metering metering = m.parsed("metering", ParkFileReader::metering, false, Metering.CUMULATIVE);

            String enterprise = m.has("enterprise") ? reference(m, "enterprise", declaredEnterprises, "enterprises") : null;
            boolean enterpriseOk = !m.has("enterprise") || enterprise != null;
            String gateway = m.has("gateway") ? reference(m, "gateway", declaredGateways, "gateways") : null;
            if (!m.has("gateway")) {
                m.require("gateway");
            }

            double ct = 1;
            double pt = 1;
            double multiplier = 1;
            boolean ratiosOk = true;
            if (kind == MeterKind.ELECTRICITY) {
                if (m.has("multiplier")) {
                    problems.at(m.get("multiplier"), m.child("multiplier"),
                            "electricity meters take ct_ratio and pt_ratio instead, so current and voltage scale correctly");
                    ratiosOk = false;
                }
                Double c = m.optionalNumber("ct_ratio", 1.0, YamlMapping.POSITIVE);
                Double p = m.optionalNumber("pt_ratio", 1.0, YamlMapping.POSITIVE);
                ratiosOk &= c != null && p != null;
                ct = c == null ? 1 : c;
                pt = p == null ? 1 : p;
            } else if (kind != null) {
                for (String ratio : List.of("ct_ratio", "pt_ratio")) {
                    if (m.has(ratio)) {
                        problems.at(m.get(ratio), m.child(ratio), "only electricity meters have " + ratio + "; use multiplier");
                        ratiosOk = false;
                    }
                }
                Double k = m.optionalNumber("multiplier", 1.0, YamlMapping.POSITIVE);
                ratiosOk &= k != null;
                multiplier = k == null ? 1 : k;
            }
            CounterDeclaration counter = readCounter(m, kind, metering);
            if (id != null && kind != null && metering != null && enterpriseOk && gateway != null && ratiosOk && counter != null) {
                String name = m.optionalText("name", id);
                MeterId meterId = MeterId.of(id);
                meters.put(meterId, new Meter(meterId, name, kind, enterprise == null ? null : EnterpriseId.of(enterprise), GatewayId.of(gateway),
                        metering, ct, pt, multiplier, counter));
            }
        }

        /** Role, rollover, interval and declared events of a meter; {@code null} when any is wrong (reported). */
        private CounterDeclaration readCounter(YamlMapping m, MeterKind kind, Metering metering) {
            int before = problems.count();
            CounterDeclaration.Role role = m.parsed("role", ParkFileReader::role, false, CounterDeclaration.Role.MAIN);
            if (metering == Metering.INSTANTANEOUS) {
                for (String key : List.of("register_modulus", "max_rate", "events")) {
                    if (m.has(key)) {
                        problems.at(m.get(key), m.child(key), "an instantaneous meter has no cumulative register");
                    }
                }
            }
            double modulus = m.has("register_modulus") ? orNaN(m.optionalNumber("register_modulus", null, YamlMapping.POSITIVE)) : Double.NaN;
            double maxRate = m.has("max_rate") ? orNaN(m.optionalNumber("max_rate", null, YamlMapping.POSITIVE)) : Double.NaN;
            java.time.Duration interval = m.parsed("reading_interval", ParkFileReader::interval, false, java.time.Duration.ofMinutes(15));
            List<MeterEvent> events = new ArrayList<>();
            YamlMapping.eachElement(m.get("events"), m.child("events"), problems, (node, path) -> {
                MeterEvent e = readEvent(node, path, kind);
                if (e != null) {
                    events.add(e);
                }
            });
            if (problems.count() > before || role == null || interval == null) {
                return null;
            }
            return new CounterDeclaration(role, modulus, maxRate, interval, events);
        }

        private MeterEvent readEvent(Node node, String path, MeterKind kind) {
            YamlMapping e = YamlMapping.of(node, path, problems);
            if (e == null) {
                return null;
            }
            e.allowOnly(EVENT_KEYS);
            MeterEvent.Type type = e.parsed("type", ParkFileReader::eventType, true, null);
            java.time.Instant time = e.parsed("time", ParkFileReader::instant, true, null);
            Double oldFinal = e.requiredNumber("old_final", YamlMapping.NOT_NEGATIVE);
            Double newStart = e.requiredNumber("new_start", YamlMapping.NOT_NEGATIVE);
            boolean electricity = kind == MeterKind.ELECTRICITY;
            for (String key : electricity ? List.of("multiplier") : List.of("ct_ratio", "pt_ratio")) {
                if (e.has(key)) {
                    problems.at(e.get(key), e.child(key), electricity
                            ? "electricity meters change ct_ratio and pt_ratio" : "only electricity meters have " + key + "; use multiplier");
                }
            }
            double ct = e.has("ct_ratio") ? orNaN(e.optionalNumber("ct_ratio", null, YamlMapping.POSITIVE)) : Double.NaN;
            double pt = e.has("pt_ratio") ? orNaN(e.optionalNumber("pt_ratio", null, YamlMapping.POSITIVE)) : Double.NaN;
            double k = e.has("multiplier") ? orNaN(e.optionalNumber("multiplier", null, YamlMapping.POSITIVE)) : Double.NaN;
            if (type == null || time == null || oldFinal == null || newStart == null) {
                return null;
            }
            return new MeterEvent(type, time, oldFinal, newStart, ct, pt, k);
        }

        private static double orNaN(Double value) {
            return value == null ? Double.NaN : value;
        }

        /** The id at {@code key}, checked for syntax and uniqueness, and added to {@code declared}. */
        private String uniqueId(YamlMapping mapping, java.util.Set<String> declared, String what) {
            String id = id(mapping, "id");
            if (id != null && declared.contains(id)) {
                problems.at(mapping.get("id"), mapping.child("id"), what + " id \"" + id + "\" is already used above");
                return null;
            }
            if (id != null) {
                declared.add(id);
            }
            return id;
        }

        private String id(YamlMapping mapping, String key) {
            String id = mapping.requiredText(key);
            if (id == null) {
                return null;
            }
            String problem = Ids.problem(id);
            if (problem != null) {
                problems.at(mapping.get(key), mapping.child(key), "id " + problem);
                return null;
            }
            return id;
        }

        private String reference(YamlMapping mapping, String key, java.util.Set<String> known, String section) {
            String id = mapping.requiredText(key);
            if (id != null && !known.contains(id)) {
                String hint = YamlMapping.nearest(id, known);
                problems.at(mapping.get(key), mapping.child(key), "\"" + id + "\" is not listed under " + section
                        + (hint == null ? "" : "; did you mean \"" + hint + "\"?"));
                return null;
            }
            return id;
        }
    }

    static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a time-zone id; use a region id such as Asia/Shanghai");
        }
    }

    static MeterKind kind(String text) {
        return MeterKind.byWireName(text).orElseThrow(() -> new IllegalArgumentException("\"" + text
                + "\" is not a meter kind; expected one of " + Arrays.stream(MeterKind.values()).map(MeterKind::wireName)
                .collect(Collectors.joining(", "))));
    }

    static CounterDeclaration.Role role(String text) {
        return switch (text) {
            case "main" -> CounterDeclaration.Role.MAIN;
            case "sub" -> CounterDeclaration.Role.SUB;
            default -> throw new IllegalArgumentException("\"" + text + "\" is not a meter role; expected main or sub");
        };
    }

    static MeterEvent.Type eventType(String text) {
        return switch (text) {
            case "exchange" -> MeterEvent.Type.EXCHANGE;
            case "ratio_change" -> MeterEvent.Type.RATIO_CHANGE;
            default -> throw new IllegalArgumentException("\"" + text + "\" is not a meter event; expected exchange or ratio_change");
        };
    }

    static java.time.Instant instant(String text) {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a time with an offset, such as 2026-10-01T08:20:00+08:00");
        }
    }

    static java.time.LocalDate date(String text) {
        try {
            return java.time.LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a date such as 2021-06-01");
        }
    }

    static java.time.Duration interval(String text) {
        java.time.Duration d;
        try {
            d = java.time.Duration.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a duration such as PT15M or PT1H");
        }
        if (d.isNegative() || d.isZero() || d.compareTo(java.time.Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException(text + " must be more than 0 and at most a day (P1D)");
        }
        return d;
    }

    static Metering metering(String text) {
        try {
            return Metering.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a metering mode; expected cumulative or instantaneous");
        }
    }
}
