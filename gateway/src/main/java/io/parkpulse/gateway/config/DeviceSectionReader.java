package io.parkpulse.gateway.config;

import io.parkpulse.config.ConfigFileError;
import io.parkpulse.config.YamlMapping;
import io.parkpulse.contract.Ids;
import io.parkpulse.contract.Quantity;
import io.parkpulse.protocols.cjt188.Cjt188Field;
import io.parkpulse.protocols.cjt188.DiOrder;
import io.parkpulse.protocols.cjt188.MeterFamily;
import io.parkpulse.protocols.dlt645.DataIdentifier;
import io.parkpulse.protocols.modbus.DataType;
import io.parkpulse.protocols.modbus.RegisterTable;
import io.parkpulse.protocols.modbus.RegisterValue;
import io.parkpulse.protocols.modbus.WordOrder;
import io.parkpulse.protocols.nbiot.PayloadField;
import io.parkpulse.protocols.nbiot.PayloadFormat;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the {@code devices:} entries of a gateway configuration: protocol, bus, address, and points taken
 * from a profile and/or listed in the entry (an entry's point replaces the profile's point of the same
 * quantity). Checks that meters, bus addresses and NB-IoT ids are not configured twice.
 */
final class DeviceSectionReader {

    private static final List<String> DEVICE_KEYS = List.of("meter", "protocol", "endpoint", "interval", "profile",
            "points", "unit_id", "address", "meter_type", "di_order", "device_id", "imei", "format", "clock_zone");
    private static final List<String> PROFILE_KEYS = List.of("protocol", "model", "source", "points", "meter_type",
            "di_order", "format");

    private final YamlMapping.Problems problems;
    private final ProfileCatalog profiles;
    private final Duration defaultInterval;
    private final Map<String, String> meters = new HashMap<>();
    private final Map<String, String> busAddresses = new HashMap<>();
    private final Map<String, String> nbIds = new HashMap<>();

    DeviceSectionReader(YamlMapping.Problems problems, ProfileCatalog profiles, Duration defaultInterval) {
        this.problems = problems;
        this.profiles = profiles;
        this.defaultInterval = defaultInterval;
    }

    DeviceConfig read(Node node, String path) {
        YamlMapping d = YamlMapping.of(node, path, problems);
        if (d == null) {
            return null;
        }
        d.allowOnly(DEVICE_KEYS);
        String meter = d.requiredText("meter");
        if (meter != null && !Ids.isValid(meter)) {
            problems.at(d.get("meter"), d.child("meter"), "is not a valid meter id, got \"" + meter + "\"");
            meter = null;
        }
        if (meter != null && meters.putIfAbsent(meter, path) != null) {
            problems.at(d.get("meter"), d.child("meter"), "meter " + meter + " is already configured at " + meters.get(meter));
        }
        Protocol protocol = d.parsed("protocol", text -> Protocol.byConfigName(text).orElseThrow(() ->
                new IllegalArgumentException("must be one of modbus, dlt645, cjt188, nbiot; got \"" + text + "\"")), true, null);
        LoadedProfile profile = profile(d, protocol);
        Endpoint endpoint = endpoint(d, protocol);
        Duration interval = d.parsed("interval", text -> GatewayConfigReader.Durations.parse(text, Duration.ofSeconds(1)),
                false, defaultInterval);
        if (protocol == null) {
            return null;
        }
        DeviceSettings settings = switch (protocol) {
            case MODBUS -> modbus(d, profile);
            case DLT645 -> dlt645(d, profile);
            case CJT188 -> cjt188(d, profile);
            case NBIOT -> nbiot(d, profile);
        };
        if (settings != null && settings.points().isEmpty()) {
            problems.at(node, path, "has no points: give a profile or a points: mapping");
        }
        if (settings != null && endpoint != null) {
            String key = endpoint + " " + busAddress(settings);
            String first = busAddresses.putIfAbsent(key, path);
            if (first != null) {
                problems.at(node, path, "reads the same device as " + first + " (" + key + ")");
            }
        }
        return meter == null || interval == null || settings == null ? null
                : new DeviceConfig(meter, protocol, endpoint, interval, settings);
    }

    /** Nothing to check across devices beyond what {@link #read} tracks; kept for the reader's flow. */
    void checkUnique(Node devices) {
        if (meters.isEmpty() && devices != null && !YamlMapping.isNull(devices)) {
            problems.at(devices, "devices", "lists no usable device");
        }
    }

    private static String busAddress(DeviceSettings settings) {
        if (settings instanceof DeviceSettings.Modbus m) {
            return "unit " + m.unitId();
        }
        if (settings instanceof DeviceSettings.Dlt645 m) {
            return "address " + m.address();
        }
        if (settings instanceof DeviceSettings.Cjt188 m) {
            return "address " + m.address();
        }
        DeviceSettings.NbIot m = (DeviceSettings.NbIot) settings;
        return "nb " + m.deviceId() + "/" + m.imei();
    }

    /** A profile's mapping with the sink that reports problems at the profile's own lines. */
    private record LoadedProfile(YamlMapping mapping, YamlMapping.Problems problems) {
    }

    private LoadedProfile profile(YamlMapping d, Protocol protocol) {
        String name = d.optionalText("profile", null);
        if (name == null) {
            return null;
        }
        Optional<ProfileCatalog.Profile> found = profiles.find(name);
        if (found.isEmpty()) {
            String hint = YamlMapping.nearest(name, profiles.names());
            problems.at(d.get("profile"), d.child("profile"), "unknown profile \"" + name + "\""
                    + (hint == null ? "" : "; did you mean \"" + hint + "\"?") + " (known: " + String.join(", ", profiles.names()) + ")");
            return null;
        }
        List<ConfigFileError> errors = new ArrayList<>();
        ProfileCatalog.Profile p = found.get();
        Node root = YamlMapping.compose(p.name(), p.text(), GatewayConfigReader.MAX_FILE_CHARS, errors);
        // a broken profile is reported where it is used, with the profile's own line
        YamlMapping.Problems inProfile = (node, field, message) -> problems.at(d.get("profile"), d.child("profile"),
                p.name() + (node == null ? "" : ":" + (node.getStartMark().getLine() + 1)) + ": " + field + ": " + message);
        for (ConfigFileError e : errors) {
            problems.at(d.get("profile"), d.child("profile"), e.toString());
        }
        if (root == null) {
            return null;
        }
        YamlMapping m = YamlMapping.of(root, "", inProfile);
        if (m == null) {
            return null;
        }
        m.allowOnly(PROFILE_KEYS);
        String profileProtocol = m.requiredText("protocol");
        if (protocol != null && profileProtocol != null && !protocol.configName().equals(profileProtocol)) {
            problems.at(d.get("profile"), d.child("profile"), "profile " + name + " is for " + profileProtocol
                    + " meters, this device uses " + protocol.configName());
            return null;
        }
        return new LoadedProfile(m, inProfile);
    }

    private Endpoint endpoint(YamlMapping d, Protocol protocol) {
        if (protocol == Protocol.NBIOT) {
            if (d.has("endpoint")) {
                problems.at(d.get("endpoint"), d.child("endpoint"), "NB-IoT meters push to the gateway; remove endpoint");
            }
            return null;
        }
        return d.parsed("endpoint", DeviceSectionReader::parseEndpoint, protocol != null, null);
    }

    static Endpoint parseEndpoint(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("must be host:port, got \"" + text + "\"");
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port of \"" + text + "\" is not a number");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port of \"" + text + "\" must be from 1 to 65535");
        }
        return new Endpoint(text.substring(0, colon), port);
    }

    // ---- per protocol ----

    private DeviceSettings modbus(YamlMapping d, LoadedProfile profile) {
        Double unit = d.optionalNumber("unit_id", 1.0, v -> v >= 0 && v <= 247 && v == Math.rint(v) ? null
                : "must be a whole number from 0 to 247");
        forbid(d, "address", "device_id", "imei", "format", "meter_type", "di_order", "clock_zone");
        List<PointConfig<RegisterValue>> points = points(d, profile, this::register);
        return unit == null ? null : new DeviceSettings.Modbus(unit.intValue(), points);
    }

    private DeviceSettings dlt645(YamlMapping d, LoadedProfile profile) {
        forbid(d, "unit_id", "device_id", "imei", "format", "meter_type", "di_order");
        String address = d.parsed("address", text -> {
            if (!text.matches("\\d{12}")) {
                throw new IllegalArgumentException("must be the meter's 12-digit address as printed on it, got \"" + text + "\"");
            }
            return text;
        }, true, null);
        List<PointConfig<DataIdentifier>> points = points(d, profile, this::dataIdentifier);
        ZoneId clockZone = d.parsed("clock_zone", text -> {
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("\"" + text + "\" is not a time zone such as Asia/Shanghai");
            }
        }, false, DeviceSettings.Dlt645.DEFAULT_CLOCK_ZONE);
        return address == null || clockZone == null ? null : new DeviceSettings.Dlt645(address, points, clockZone);
    }

    private DeviceSettings cjt188(YamlMapping d, LoadedProfile profile) {
        forbid(d, "unit_id", "device_id", "imei", "format", "clock_zone");
        String address = d.parsed("address", text -> {
            if (!text.matches("[0-9A-Fa-f]{14}")) {
                throw new IllegalArgumentException("must be the meter's 14-digit address (7 bytes, highest first), got \"" + text + "\"");
            }
            return text.toUpperCase(Locale.ROOT);
        }, true, null);
        Integer type = fromDeviceOrProfile(d, profile, "meter_type", 0x10, text -> {
            int t = Integer.decode(text);
            if (t < 0 || t > 0xFF) {
                throw new IllegalArgumentException("must be a byte, e.g. 0x10 for cold water, got \"" + text + "\"");
            }
            if (MeterFamily.of(t).isEmpty()) {
                throw new IllegalArgumentException(String.format("must be the type of a water (0x10–0x19), heat (0x20–0x29)"
                        + " or gas (0x30–0x39) meter, the ones read over CJ/T 188; got 0x%02X", t));
            }
            return t;
        });
        MeterFamily family = type == null ? null : MeterFamily.of(type).orElse(null);
        DiOrder order = fromDeviceOrProfile(d, profile, "di_order", DiOrder.HIGH_FIRST, text -> byName(DiOrder.values(), text));
        List<PointConfig<Cjt188Field>> points = points(d, profile,
                (quantity, node, path, inProblems) -> cjt188Field(quantity, node, path, inProblems, type, family));
        return address == null || type == null || order == null ? null : new DeviceSettings.Cjt188(address, type, order, points);
    }

    /**
     * A CJ/T 188 point's field, which must be in the reply of the meter's family (meter type) and be the point's
     * quantity there; {@code family} is null when the meter type is wrong (reported already).
     */
    private static Cjt188Field cjt188Field(Quantity quantity, Node node, String path, YamlMapping.Problems sink,
                                           Integer type, MeterFamily family) {
        Cjt188Field field = field(node, path, sink, Cjt188Field.values());
        if (field == null || family == null) {
            return field;
        }
        if (!field.belongsTo(family)) {
            String owners = String.join(" and ", Arrays.stream(MeterFamily.values()).filter(field::belongsTo)
                    .map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
            String fields = String.join(", ", Arrays.stream(Cjt188Field.values()).filter(f -> f.belongsTo(family))
                    .map(Cjt188Field::configName).toList());
            sink.at(node, path, String.format("field %s is in the reply of %s meters; meter_type 0x%02X is a %s, whose fields are %s",
                    field.configName(), owners, type, family.describe(), fields));
            return null;
        }
        Quantity expected = field.quantity(family).orElseThrow();
        if (expected != quantity) {
            sink.at(node, path, "field " + field.configName() + " is " + expected.wireName()
                    + (family == MeterFamily.HEAT ? "" : " on a " + family.name().toLowerCase(Locale.ROOT) + " meter")
                    + ", not " + quantity.wireName());
            return null;
        }
        return field;
    }

    private DeviceSettings nbiot(YamlMapping d, LoadedProfile profile) {
        forbid(d, "unit_id", "address", "meter_type", "di_order", "clock_zone");
        String deviceId = d.optionalText("device_id", null);
        String imei = d.parsed("imei", text -> {
            if (!text.matches("\\d{15}")) {
                throw new IllegalArgumentException("must be the 15-digit IMEI, got \"" + text + "\"");
            }
            return text;
        }, false, null);
        if (deviceId == null && imei == null && !d.has("imei")) {
            problems.at(d.get("meter"), d.child("device_id"), "an NB-IoT meter needs device_id (the carrier platform's id) or imei");
        }
        for (String id : new String[] {deviceId, imei}) {
            if (id != null && nbIds.putIfAbsent(id, d.child("")) != null) {
                problems.at(d.get(id == deviceId ? "device_id" : "imei"), d.child(id == deviceId ? "device_id" : "imei"),
                        id + " is already used by the device at " + nbIds.get(id));
            }
        }
        PayloadFormat format = fromDeviceOrProfile(d, profile, "format", PayloadFormat.PARKPULSE_WATER_V1,
                text -> byName(PayloadFormat.values(), text));
        List<PointConfig<PayloadField>> points = points(d, profile, (quantity, node, path, inProblems) -> {
            PayloadField field = field(node, path, inProblems, PayloadField.values());
            Quantity expected = field == null ? null : switch (field) {
                case VOLUME -> Quantity.VOLUME_M3;
                case BATTERY -> Quantity.BATTERY_V;
                case SIGNAL -> Quantity.SIGNAL_DBM;
            };
            // a gas meter's volume register is gas_m3 in the wire vocabulary, a water meter's volume_m3
            if (field == PayloadField.VOLUME && quantity == Quantity.GAS_M3) {
                return field;
            }
            if (expected != null && expected != quantity) {
                inProblems.at(node, path, "payload field " + field.name().toLowerCase(Locale.ROOT) + " is "
                        + expected.wireName() + ", not " + quantity.wireName());
                return null;
            }
            return field;
        });
        return format == null ? null : new DeviceSettings.NbIot(deviceId, imei, format, points);
    }

    // ---- points ----

    /** Reads one point's source; reports and returns null when it is wrong. */
    private interface SourceReader<S> {
        S read(Quantity quantity, Node node, String path, YamlMapping.Problems problems);
    }

    private <S> List<PointConfig<S>> points(YamlMapping d, LoadedProfile profile, SourceReader<S> sources) {
        Map<Quantity, PointConfig<S>> points = new LinkedHashMap<>();
        if (profile != null && profile.mapping().has("points")) {
            readPoints(profile.mapping(), profile.problems(), sources, points);
        }
        if (d.has("points")) {
            readPoints(d, problems, sources, points);
        }
        return List.copyOf(points.values());
    }

    private <S> void readPoints(YamlMapping owner, YamlMapping.Problems sink, SourceReader<S> sources,
                                Map<Quantity, PointConfig<S>> into) {
        YamlMapping points = YamlMapping.of(owner.get("points"), owner.child("points"), sink);
        if (points == null) {
            return;
        }
        for (String name : points.keys()) {
            Node node = points.get(name);
            String path = points.child(name);
            Optional<Quantity> quantity = Quantity.byWireName(name);
            if (quantity.isEmpty()) {
                List<String> names = Arrays.stream(Quantity.values()).map(Quantity::wireName).toList();
                String hint = YamlMapping.nearest(name, names);
                sink.at(node, path, "is not a quantity of the wire vocabulary" + (hint == null ? "" : "; did you mean \"" + hint + "\"?"));
                continue;
            }
            if (!quantity.get().isNumeric()) {
                sink.at(node, path, quantity.get().wireName() + " is an equipment state; the gateway reads numbers only");
                continue;
            }
            Importance importance = Importance.defaultFor(quantity.get());
            if (node instanceof org.yaml.snakeyaml.nodes.MappingNode) {
                YamlMapping m = YamlMapping.of(node, path, sink);
                if (m != null && m.has("importance")) {
                    importance = m.parsed("importance", text -> byName(Importance.values(), text), false, importance);
                }
            }
            S source = sources.read(quantity.get(), node, path, sink);
            if (source != null && importance != null) {
                into.put(quantity.get(), new PointConfig<>(quantity.get(), importance, source));
            }
        }
    }

    private RegisterValue register(Quantity quantity, Node node, String path, YamlMapping.Problems sink) {
        YamlMapping m = YamlMapping.of(node, path, sink);
        if (m == null) {
            return null;
        }
        m.allowOnly(List.of("table", "register", "type", "order", "scale", "importance"));
        RegisterTable table = m.parsed("table", text -> byName(RegisterTable.values(), text), false, RegisterTable.HOLDING);
        Integer register = m.parsed("register", text -> {
            int r = Integer.decode(text);
            if (r < 0 || r > 0xFFFF) {
                throw new IllegalArgumentException("must be a register address from 0 to 0xFFFF, got \"" + text + "\"");
            }
            return r;
        }, true, null);
        DataType type = m.parsed("type", text -> byName(DataType.values(), text), true, null);
        WordOrder order = m.parsed("order", text -> byName(WordOrder.values(), text), false, WordOrder.HIGH_FIRST);
        Double scale = m.optionalNumber("scale", 1.0, v -> v != 0 ? null : "must not be 0");
        if (table == null || register == null || type == null || order == null || scale == null) {
            return null;
        }
        try {
            return new RegisterValue(table, register, type, order, scale);
        } catch (IllegalArgumentException e) {
            sink.at(node, path, e.getMessage());
            return null;
        }
    }

    private DataIdentifier dataIdentifier(Quantity quantity, Node node, String path, YamlMapping.Problems sink) {
        String text;
        if (node instanceof org.yaml.snakeyaml.nodes.MappingNode) {
            YamlMapping m = YamlMapping.of(node, path, sink);
            if (m == null) {
                return null;
            }
            m.allowOnly(List.of("di", "importance"));
            text = m.requiredText("di");
            path = m.child("di");
        } else {
            text = YamlMapping.textOf(node, path, sink);
        }
        if (text == null) {
            return null;
        }
        String digits = text.replace(" ", "");
        List<DataIdentifier> known = digits.matches("[0-9A-Fa-f]{8}")
                ? DataIdentifier.byCode((int) Long.parseLong(digits, 16)) : List.of();
        if (known.isEmpty()) {
            sink.at(node, path, "\"" + text + "\" is not a DL/T 645-2007 data identifier ParkPulse reads (known: "
                    + String.join(", ", Arrays.stream(DataIdentifier.values()).map(i -> String.format("%08X %s", i.code(),
                    i.quantity().wireName())).toList()) + ")");
            return null;
        }
        Optional<DataIdentifier> di = known.stream().filter(i -> i.quantity() == quantity).findFirst();
        if (di.isEmpty()) {
            sink.at(node, path, String.format("DI %08X is %s, not %s", known.get(0).code(),
                    String.join(" or ", known.stream().map(i -> i.quantity().wireName()).toList()), quantity.wireName()));
            return null;
        }
        return di.get();
    }

    private static <E extends Enum<E>> E field(Node node, String path, YamlMapping.Problems sink, E[] values) {
        String text;
        if (node instanceof org.yaml.snakeyaml.nodes.MappingNode) {
            YamlMapping m = YamlMapping.of(node, path, sink);
            if (m == null) {
                return null;
            }
            m.allowOnly(List.of("field", "importance"));
            text = m.requiredText("field");
        } else {
            text = YamlMapping.textOf(node, path, sink);
        }
        if (text == null) {
            return null;
        }
        try {
            return byName(values, text);
        } catch (IllegalArgumentException e) {
            sink.at(node, path, "field " + e.getMessage());
            return null;
        }
    }

    // ---- small helpers ----

    private <T> T fromDeviceOrProfile(YamlMapping d, LoadedProfile profile, String key, T fallback, YamlMapping.Parser<T> parser) {
        if (d.has(key)) {
            return d.parsed(key, parser, false, fallback);
        }
        if (profile != null && profile.mapping().has(key)) {
            return profile.mapping().parsed(key, parser, false, fallback);
        }
        return fallback;
    }

    private void forbid(YamlMapping d, String... keys) {
        for (String key : keys) {
            if (d.has(key)) {
                problems.at(d.get(key), d.child(key), "does not apply to this protocol; remove it");
            }
        }
    }

    /** The constant named {@code text} in configuration spelling ({@code drop_oldest} → DROP_OLDEST). */
    static <E extends Enum<E>> E byName(E[] values, String text) {
        String wanted = text.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E e : values) {
            if (e.name().equals(wanted)) {
                return e;
            }
        }
        throw new IllegalArgumentException("must be one of " + String.join(", ", Arrays.stream(values)
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList()) + "; got \"" + text + "\"");
    }
}
