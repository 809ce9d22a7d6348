package io.parkpulse.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code mosquitto.conf} a test broker runs with. Immutable: every {@code with}-style method returns
 * a new config, so a shared constant cannot be changed by one test behind another's back.
 *
 * <p>Defaults: one listener on the loopback address, anonymous access, persistence on, and queues sized
 * for long outages ({@code max_queued_messages 1000000}, {@code max_queued_bytes 0}): a broker we test
 * with must hold everything an offline persistent subscriber misses, and Mosquitto's default of 1000
 * silently drops the rest.
 *
 * <p>{@link #extraLines(String...)} are appended after the defaults, so they can override them (for
 * single-valued options Mosquitto keeps the last value). In extra lines and in file contents
 * {@code ${dir}} stands for the broker's data directory, e.g.
 * <pre>{@code
 * MosquittoConfig.defaults()
 *     .withFile("acl", "user meter-1\ntopic write park/+/meter-1/#\n")
 *     .extraLines("acl_file ${dir}/acl")
 * }</pre>
 *
 * <p>{@link #listener(String, String...)} adds a listener beside the default one, e.g. MQTT over TLS, on a
 * port the kit picks free ({@link MqttBroker#port(String)}).
 */
public final class MosquittoConfig {

    /** Placeholder for the broker's data directory in extra lines and files. */
    public static final String DIR = "${dir}";

    private static final Set<String> RESERVED_FILES = Set.of("mosquitto.conf", "mosquitto.db", "mosquitto.log");

    private final long maxQueuedMessages;
    private final int maxInflightMessages;
    private final int autosaveIntervalSeconds;
    private final boolean persistence;
    private final List<String> extraLines;
    private final Map<String, String> files;
    private final Map<String, List<String>> listeners;

    private MosquittoConfig(long maxQueuedMessages, int maxInflightMessages, int autosaveIntervalSeconds,
                            boolean persistence, List<String> extraLines, Map<String, String> files,
                            Map<String, List<String>> listeners) {
        this.maxQueuedMessages = maxQueuedMessages;
        this.maxInflightMessages = maxInflightMessages;
        this.autosaveIntervalSeconds = autosaveIntervalSeconds;
        this.persistence = persistence;
        this.extraLines = List.copyOf(extraLines);
        this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        this.listeners = Collections.unmodifiableMap(new LinkedHashMap<>(listeners));
    }

    public static MosquittoConfig defaults() {
        return new MosquittoConfig(1_000_000, 1000, 60, true, List.of(), Map.of(), Map.of());
    }

    /** Per-client queue limit for offline persistent sessions and in-flight overflow; 0 means unlimited. */
    public MosquittoConfig maxQueuedMessages(long count) {
        requireNonNegative(count, "maxQueuedMessages");
        return new MosquittoConfig(count, maxInflightMessages, autosaveIntervalSeconds, persistence, extraLines, files,
                listeners);
    }

    /** QoS 1/2 messages in flight per client; 0 means unlimited. */
    public MosquittoConfig maxInflightMessages(int count) {
        requireNonNegative(count, "maxInflightMessages");
        return new MosquittoConfig(maxQueuedMessages, count, autosaveIntervalSeconds, persistence, extraLines, files,
                listeners);
    }

    /** How often the broker saves its database while running; what {@link MqttBroker#kill()} can lose. */
    public MosquittoConfig autosaveInterval(int seconds) {
        requireNonNegative(seconds, "autosaveInterval");
        return new MosquittoConfig(maxQueuedMessages, maxInflightMessages, seconds, persistence, extraLines, files,
                listeners);
    }

    public MosquittoConfig persistence(boolean enabled) {
        return new MosquittoConfig(maxQueuedMessages, maxInflightMessages, autosaveIntervalSeconds, enabled, extraLines,
                files, listeners);
    }

    /** Raw {@code mosquitto.conf} lines appended after the defaults; may use {@code ${dir}}. */
    public MosquittoConfig extraLines(String... lines) {
        List<String> all = new ArrayList<>(extraLines);
        for (String line : lines) {
            all.add(Objects.requireNonNull(line, "line"));
        }
        return new MosquittoConfig(maxQueuedMessages, maxInflightMessages, autosaveIntervalSeconds, persistence, all,
                files, listeners);
    }

    /**
     * A file written into the data directory before each start, e.g. an {@code acl_file} or a
     * {@code password_file} (Mosquitto 2 wants hashed passwords: produce them with {@code mosquitto_passwd}).
     * The content may use {@code ${dir}}.
     */
    public MosquittoConfig withFile(String name, String content) {
        Objects.requireNonNull(content, "content");
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")
                || RESERVED_FILES.contains(name)) {
            throw new IllegalArgumentException("file name must be a plain name other than " + RESERVED_FILES + ": " + name);
        }
        Map<String, String> all = new LinkedHashMap<>(files);
        all.put(name, content);
        return new MosquittoConfig(maxQueuedMessages, maxInflightMessages, autosaveIntervalSeconds, persistence,
                extraLines, all, listeners);
    }

    /**
     * A further listener, after the default one and the extra lines, on a loopback port the kit picks free
     * and keeps across restarts ({@link MqttBroker#port(String) port(name)}). {@code settings} are the
     * listener's own lines and may use {@code ${dir}}, e.g. for MQTT over TLS:
     * <pre>{@code
     * .withFile("server.pem", certificate).withFile("server.key", key).withFile("ca.pem", ca)
     * .listener("tls", "cafile ${dir}/ca.pem", "certfile ${dir}/server.pem", "keyfile ${dir}/server.key")
     * }</pre>
     */
    public MosquittoConfig listener(String name, String... settings) {
        if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("listener name must be letters, digits, _ or -: " + name);
        }
        if (listeners.containsKey(name)) {
            throw new IllegalArgumentException("listener " + name + " is already configured");
        }
        List<String> lines = new ArrayList<>();
        for (String line : settings) {
            String setting = Objects.requireNonNull(line, "setting");
            if (setting.strip().startsWith("listener ")) {
                throw new IllegalArgumentException("listener " + name + ": its settings must not open another listener: "
                        + setting);
            }
            lines.add(setting);
        }
        Map<String, List<String>> all = new LinkedHashMap<>(listeners);
        all.put(name, List.copyOf(lines));
        return new MosquittoConfig(maxQueuedMessages, maxInflightMessages, autosaveIntervalSeconds, persistence,
                extraLines, files, all);
    }

    /** Names of the {@link #listener further listeners}, in the order their ports are to be given to {@link #render}. */
    List<String> listenerNames() {
        return List.copyOf(listeners.keySet());
    }

    /**
     * Renders {@code mosquitto.conf}.
     *
     * @param bindAddress listener address, {@code 127.0.0.1} locally, {@code 0.0.0.0} in a container
     * @param dir         data directory without trailing slash
     * @param runAsUser   value for {@code user}, or null to keep Mosquitto's default. When started as root
     *                    Mosquitto drops to this user, who must be able to write {@code dir}.
     */
    String render(String bindAddress, int port, String dir, String runAsUser) {
        return render(bindAddress, port, new int[0], dir, runAsUser);
    }

    /**
     * Renders {@code mosquitto.conf} with the {@link #listener further listeners} on {@code listenerPorts},
     * one for each of {@link #listenerNames()}, in that order.
     */
    String render(String bindAddress, int port, int[] listenerPorts, String dir, String runAsUser) {
        if (listenerPorts.length != listeners.size()) {
            throw new IllegalArgumentException(listeners.size() + " further listener(s) " + listeners.keySet() + " but "
                    + listenerPorts.length + " port(s)");
        }
        List<String> lines = new ArrayList<>(List.of(
                "# written by parkpulse-test-kit",
                "listener " + port + " " + bindAddress,
                "allow_anonymous true",
                "persistence " + persistence,
                "persistence_location " + dir + "/",
                "autosave_interval " + autosaveIntervalSeconds,
                "max_queued_messages " + maxQueuedMessages,
                "max_queued_bytes 0",
                "max_inflight_messages " + maxInflightMessages,
                "set_tcp_nodelay true",
                // stderr, not a log file: the runner captures it together with errors printed before logging starts
                "log_dest stderr",
                "log_type error",
                "log_type warning",
                "log_type notice",
                "log_type information",
                "log_timestamp_format %Y-%m-%dT%H:%M:%S"));
        if (runAsUser != null) {
            lines.add("user " + runAsUser);
        }
        extraLines.forEach(line -> lines.add(line.replace(DIR, dir)));
        int next = 0;
        for (Map.Entry<String, List<String>> listener : listeners.entrySet()) {
            lines.add("# listener \"" + listener.getKey() + "\"");
            lines.add("listener " + listenerPorts[next++] + " " + bindAddress);
            listener.getValue().forEach(line -> lines.add(line.replace(DIR, dir)));
        }
        return String.join("\n", lines) + "\n";
    }

    /** Files to write into {@code dir}, by name, with {@code ${dir}} substituted. */
    Map<String, String> renderFiles(String dir) {
        Map<String, String> rendered = new LinkedHashMap<>();
        files.forEach((name, content) -> rendered.put(name, content.replace(DIR, dir)));
        return rendered;
    }

    private static void requireNonNegative(long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must be >= 0: " + value);
        }
    }

    @Override
    public String toString() {
        return "MosquittoConfig{maxQueuedMessages=" + maxQueuedMessages + ", maxInflightMessages=" + maxInflightMessages
                + ", autosaveInterval=" + autosaveIntervalSeconds + ", persistence=" + persistence
                + ", extraLines=" + extraLines + ", files=" + files.keySet() + ", listeners=" + listeners + "}";
    }
}
