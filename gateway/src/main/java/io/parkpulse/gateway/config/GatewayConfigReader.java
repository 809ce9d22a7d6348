package io.parkpulse.gateway.config;

import io.parkpulse.config.ConfigFileError;
import io.parkpulse.config.YamlMapping;
import io.parkpulse.contract.Ids;
import io.parkpulse.mqtt.CaFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and validates a gateway configuration file (docs/gateway.md). Every problem is collected with
 * its file, line and field, so one run names them all; secrets come from environment variables named
 * in the file, never from the file itself.
 */
public final class GatewayConfigReader {

    static final int MAX_FILE_CHARS = 4 * 1024 * 1024;
    private static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(15);

    private final Function<String, String> environment;
    private final ProfileCatalog profiles;

    /** A reader taking secrets from {@code environment} (e.g. {@code System::getenv}) and profiles from {@code profiles}. */
    public GatewayConfigReader(Function<String, String> environment, ProfileCatalog profiles) {
        this.environment = environment;
        this.profiles = profiles;
    }

    public static GatewayConfigReader withSystemEnvironment() {
        return new GatewayConfigReader(System::getenv, ProfileCatalog.builtIn());
    }

    public GatewayConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidGatewayConfigException(List.of(new ConfigFileError(file.toString(), 0, 0, "",
                    "cannot be read: " + e.getMessage())));
        }
        return read(file.toString(), text, file.toAbsolutePath().getParent());
    }

    /**
     * Reads {@code text}; relative paths in it (buffer directory, CA file) are taken from {@code baseDirectory}.
     *
     * @throws InvalidGatewayConfigException listing every problem
     */
    public GatewayConfig read(String name, String text, Path baseDirectory) {
        List<ConfigFileError> errors = new ArrayList<>();
        Node root = YamlMapping.compose(name, text, MAX_FILE_CHARS, errors);
        if (root == null) {
            throw new InvalidGatewayConfigException(errors);
        }
        YamlMapping.Problems problems = YamlMapping.collecting(name, errors);
        GatewayConfig config = new Document(problems, baseDirectory).read(root);
        if (!errors.isEmpty()) {
            throw new InvalidGatewayConfigException(errors);
        }
        return config;
    }

    /** Reading state of one file. */
    private final class Document {
        private final YamlMapping.Problems problems;
        private final Path base;

        Document(YamlMapping.Problems problems, Path base) {
            this.problems = problems;
            this.base = base;
        }

        GatewayConfig read(Node root) {
            YamlMapping top = YamlMapping.of(root, "", problems);
            if (top == null) {
                return null;
            }
            top.allowOnly(List.of("gateway", "broker", "acks", "polling", "buffer", "http", "nbiot", "devices"));
            YamlMapping gateway = section(top, "gateway", true);
            String park = gateway == null ? null : id(gateway, "park");
            String gatewayId = gateway == null ? null : id(gateway, "id");
            if (gateway != null) {
                gateway.allowOnly(List.of("park", "id"));
            }
            GatewayConfig.Broker broker = broker(section(top, "broker", true));
            GatewayConfig.Acks acks = acks(section(top, "acks", false));
            GatewayConfig.Polling polling = polling(section(top, "polling", false));
            GatewayConfig.Buffer buffer = buffer(section(top, "buffer", false), gatewayId);
            GatewayConfig.Http http = http(section(top, "http", false));
            GatewayConfig.NbIotIntake nbiot = nbiot(section(top, "nbiot", false));
            Duration defaultInterval = polling == null ? DEFAULT_INTERVAL : polling.interval();
            List<DeviceConfig> devices = new ArrayList<>();
            if (top.require("devices") != null) {
                DeviceSectionReader deviceReader = new DeviceSectionReader(problems, profiles, defaultInterval);
                YamlMapping.eachElement(top.get("devices"), "devices", problems, (node, path) -> {
                    DeviceConfig device = deviceReader.read(node, path);
                    if (device != null) {
                        devices.add(device);
                    }
                });
                deviceReader.checkUnique(top.get("devices"));
            }
            return new GatewayConfig(park, gatewayId, broker, acks, polling, buffer, http, nbiot, devices);
        }

        private YamlMapping section(YamlMapping top, String key, boolean required) {
            Node node = required ? top.require(key) : top.get(key);
            return node == null || YamlMapping.isNull(node) ? null : YamlMapping.of(node, key, problems);
        }

        private String id(YamlMapping m, String key) {
            String value = m.requiredText(key);
            if (value != null && !Ids.isValid(value)) {
                problems.at(m.get(key), m.child(key), "is not a valid id (letters, digits and . _ : -, at most "
                        + Ids.MAX_LENGTH + " characters), got \"" + value + "\"");
                return null;
            }
            return value;
        }

        private GatewayConfig.Broker broker(YamlMapping m) {
            if (m == null) {
                return null;
            }
            m.allowOnly(List.of("url", "username", "password_env", "ca_file"));
            String url = m.requiredText("url");
            String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
            if (url != null && !lower.startsWith("tcp://") && !lower.startsWith("ssl://")) {
                problems.at(m.get("url"), m.child("url"), "must start with tcp:// or ssl://, got \"" + url + "\"");
            }
            String username = m.optionalText("username", null);
            String password = null;
            String passwordEnv = m.optionalText("password_env", null);
            if (passwordEnv != null) {
                password = environment.apply(passwordEnv);
                if (password == null || password.isEmpty()) {
                    problems.at(m.get("password_env"), m.child("password_env"),
                            "names the environment variable " + passwordEnv + ", which is not set");
                }
            }
            Path ca = m.has("ca_file") ? existingFile(m, "ca_file") : null;
            if (ca != null && !lower.startsWith("ssl://")) {
                problems.at(m.get("ca_file"), m.child("ca_file"), "is set but the url is not ssl://; TLS needs an ssl:// url");
            }
            if (ca != null && Files.isReadable(ca)) {
                try {
                    CaFile.certificates(ca); // what the uplink will trust: a wrong file is named now, not at each handshake
                } catch (IllegalArgumentException e) {
                    problems.at(m.get("ca_file"), m.child("ca_file"), e.getMessage());
                }
            }
            return new GatewayConfig.Broker(url, username, password, ca);
        }

        private Path existingFile(YamlMapping m, String key) {
            String text = m.optionalText(key, null);
            if (text == null) {
                return null;
            }
            Path path = base == null ? Path.of(text) : base.resolve(text);
            if (!Files.isReadable(path)) {
                problems.at(m.get(key), m.child(key), "file " + path + " does not exist or cannot be read");
            }
            return path;
        }

        private GatewayConfig.Acks acks(YamlMapping m) {
            GatewayConfig.Acks d = GatewayConfig.Acks.DEFAULT;
            if (m == null) {
                return d;
            }
            m.allowOnly(List.of("end_to_end", "resend_after", "resend_max", "max_unconfirmed"));
            Boolean endToEnd = m.parsed("end_to_end", text -> switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "true", "on", "yes" -> Boolean.TRUE;
                case "false", "off", "no" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("must be true (wait for the platform's acks) or false "
                        + "(forget a message at the broker's PUBACK, for an ingest without acks), got \"" + text + "\"");
            }, false, Boolean.TRUE);
            Duration after = Durations.at(m, "resend_after", d.resendAfter(), Duration.ofSeconds(1));
            Duration max = Durations.at(m, "resend_max", d.resendMax(), Duration.ofSeconds(1));
            if (after != null && max != null && max.compareTo(after) < 0) {
                problems.at(m.get("resend_max"), m.child("resend_max"), "must be at least resend_after (" + after + "), got " + max);
            }
            Double window = m.optionalNumber("max_unconfirmed", (double) d.maxUnconfirmed(),
                    v -> v >= 1 && v <= 100_000 && v == Math.rint(v) ? null : "must be a whole number from 1 to 100000 (messages)");
            return new GatewayConfig.Acks(endToEnd == null || endToEnd, after == null ? d.resendAfter() : after,
                    max == null ? d.resendMax() : max, window == null ? d.maxUnconfirmed() : window.intValue());
        }

        private GatewayConfig.Polling polling(YamlMapping m) {
            if (m == null) {
                return new GatewayConfig.Polling(DEFAULT_INTERVAL, Duration.ofSeconds(2), 1, 500);
            }
            m.allowOnly(List.of("interval", "timeout", "retries", "readings_per_message"));
            Duration interval = Durations.at(m, "interval", DEFAULT_INTERVAL, Duration.ofSeconds(1));
            Duration timeout = Durations.at(m, "timeout", Duration.ofSeconds(2), Duration.ofMillis(50));
            Double retries = m.optionalNumber("retries", 1.0, v -> v >= 0 && v <= 5 && v == Math.rint(v) ? null
                    : "must be a whole number from 0 to 5");
            Double perMessage = m.optionalNumber("readings_per_message", 500.0, v -> v >= 1 && v <= 1000 && v == Math.rint(v)
                    ? null : "must be a whole number from 1 to 1000 (the wire contract's limit)");
            return new GatewayConfig.Polling(interval, timeout, retries == null ? 1 : retries.intValue(),
                    perMessage == null ? 500 : perMessage.intValue());
        }

        private GatewayConfig.Buffer buffer(YamlMapping m, String gatewayId) {
            Path defaultDirectory = Path.of("buffer", gatewayId == null ? "gateway" : gatewayId);
            if (m == null) {
                return new GatewayConfig.Buffer(resolve(defaultDirectory), BufferDefaults.MAX_BYTES, FullPolicy.DROP_OLDEST);
            }
            m.allowOnly(List.of("directory", "max_mb", "when_full"));
            String directory = m.optionalText("directory", null);
            Double maxMb = m.optionalNumber("max_mb", (double) (BufferDefaults.MAX_BYTES >> 20),
                    v -> v >= 1 && v <= 65_536 ? null : "must be from 1 to 65536 (MiB)");
            FullPolicy policy = m.parsed("when_full", text -> {
                for (FullPolicy p : FullPolicy.values()) {
                    if (p.name().equalsIgnoreCase(text)) {
                        return p;
                    }
                }
                throw new IllegalArgumentException("must be drop_oldest or shed_least_important, got \"" + text + "\"");
            }, false, FullPolicy.DROP_OLDEST);
            return new GatewayConfig.Buffer(resolve(directory == null ? defaultDirectory : Path.of(directory)),
                    maxMb == null ? BufferDefaults.MAX_BYTES : (long) (maxMb * (1 << 20)), policy);
        }

        private Path resolve(Path path) {
            return base == null || path.isAbsolute() ? path : base.resolve(path);
        }

        private GatewayConfig.Http http(YamlMapping m) {
            if (m == null) {
                return new GatewayConfig.Http(LoopbackHost.DEFAULT, 8091, null);
            }
            m.allowOnly(List.of("host", "port", "token_env"));
            Double port = m.optionalNumber("port", 8091.0, PORT);
            String host = m.optionalText("host", LoopbackHost.DEFAULT);
            String token = secret(m, "token_env");
            if (token == null && !m.has("token_env") && !LoopbackHost.is(host)) {
                // /status and /metrics name the buffer directory and every meter's endpoint: not for the whole network
                problems.at(m.get("host"), m.child("host"), "is " + host + ", not a loopback address, and http.token_env is not set: "
                        + "/status and /metrics would show the buffer directory and every device endpoint to anyone who can reach it; "
                        + "set http.token_env to the environment variable holding a bearer token, or use " + LoopbackHost.DEFAULT);
            }
            return new GatewayConfig.Http(host, port == null ? 8091 : port.intValue(), token);
        }

        private GatewayConfig.NbIotIntake nbiot(YamlMapping m) {
            if (m == null) {
                return new GatewayConfig.NbIotIntake(-1, null, null, null);
            }
            m.allowOnly(List.of("coap_port", "onenet_token_env", "ctwing_token_env", "huawei_token_env"));
            Double coap = m.optionalNumber("coap_port", -1.0, v -> v == -1 ? null : PORT.problem(v));
            return new GatewayConfig.NbIotIntake(coap == null ? -1 : coap.intValue(), secret(m, "onenet_token_env"),
                    secret(m, "ctwing_token_env"), secret(m, "huawei_token_env"));
        }

        /** The value of the environment variable {@code key} names; null when the key is absent or the variable unset (a problem then). */
        private String secret(YamlMapping m, String key) {
            String name = m.optionalText(key, null);
            if (name == null) {
                return null;
            }
            String value = environment.apply(name);
            if (value == null || value.isEmpty()) {
                problems.at(m.get(key), m.child(key), "names the environment variable " + name + ", which is not set");
                return null;
            }
            return value;
        }
    }

    static final YamlMapping.NumberRule PORT = v -> v >= 0 && v <= 65_535 && v == Math.rint(v) ? null
            : "must be a port number from 0 to 65535 (0: any free port)";

    /** The buffer size the gateway uses when the file sets none. */
    static final class BufferDefaults {
        /**
         * A 7-day outage of a 200-meter gateway read every 15 minutes is 200 × 96 × 7 = 134 400 readings; at
         * up to ~250 bytes of JSON per reading that is ~34 MB. 64 MiB leaves room for meters with more values.
         */
        static final long MAX_BYTES = 64L << 20;

        private BufferDefaults() {
        }
    }

    /** Durations as ISO-8601 text ({@code PT15M}) or with a unit ({@code 15m}, {@code 30s}, {@code 500ms}). */
    static final class Durations {
        private Durations() {
        }

        static Duration at(YamlMapping m, String key, Duration fallback, Duration minimum) {
            return m.parsed(key, text -> parse(text, minimum), false, fallback);
        }

        static Duration parse(String text, Duration minimum) {
            Duration d;
            String t = text.trim().toLowerCase(Locale.ROOT);
            try {
                if (t.startsWith("pt") || t.startsWith("p")) {
                    d = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
                } else if (t.endsWith("ms")) {
                    d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
                } else if (t.endsWith("s")) {
                    d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1).trim()));
                } else if (t.endsWith("m")) {
                    d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1).trim()));
                } else if (t.endsWith("h")) {
                    d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1).trim()));
                } else {
                    throw new IllegalArgumentException("must be a duration like PT15M, 15m, 30s or 500ms, got \"" + text + "\"");
                }
            } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
                throw new IllegalArgumentException("must be a duration like PT15M, 15m, 30s or 500ms, got \"" + text + "\"");
            }
            if (d.compareTo(minimum) < 0) {
                throw new IllegalArgumentException("must be at least " + minimum.toString().substring(2).toLowerCase(Locale.ROOT)
                        + ", got \"" + text + "\"");
            }
            return d;
        }
    }
}
