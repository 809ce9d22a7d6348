package io.parkpulse.gateway.nbiot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parkpulse.contract.Reading;
import io.parkpulse.gateway.config.DeviceConfig;
import io.parkpulse.gateway.config.DeviceSettings;
import io.parkpulse.protocols.nbiot.Uplink;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core of NB-IoT intake, shared by the carrier push routes and the CoAP endpoint: finds the configured meter of
 * an uplink (by the platform's device id, else by IMEI), turns the uplink into readings and hands the ones not
 * forwarded before to the sink. Never throws on bad input: every push ends in an {@link Outcome} and a counter.
 * Thread-safe; one meter's uplinks are handled one at a time so that two copies of a re-push cannot both pass.
 */
public final class NbIotIntake {

    private static final Logger LOG = LoggerFactory.getLogger(NbIotIntake.class);
    /** Meters re-send at most the last day or two; platforms retry for hours. */
    static final Duration DEDUP_WINDOW = Duration.ofDays(2);
    /** Two days of one-minute values; a daily hourly meter needs 48. */
    static final int MAX_KEYS_PER_METER = 2 * 1440;

    /** What became of one uplink. */
    public sealed interface Outcome permits Forwarded, Duplicate, Rejected, UnknownDevice, Failed {
    }

    /** New readings went to the sink; {@code skipped} of the uplink's readings had been forwarded before. */
    public record Forwarded(String meter, int readings, int skipped) implements Outcome {
    }

    /** Every reading of the uplink had been forwarded before. */
    public record Duplicate(String meter) implements Outcome {
    }

    /** The uplink or its payload is malformed. */
    public record Rejected(String reason) implements Outcome {
    }

    /** No configured NB-IoT device has the uplink's device id or IMEI. */
    public record UnknownDevice(String reason) implements Outcome {
    }

    /** The sink refused the readings; the carrier should push again. */
    public record Failed(String reason) implements Outcome {
    }

    private record Device(DeviceConfig config, DeviceSettings.NbIot settings, RecentReadingKeys recent) {
    }

    private final Map<String, Device> byDeviceId = new HashMap<>();
    private final Map<String, Device> byImei = new HashMap<>();
    private final Consumer<List<Reading>> sink;
    private final Counter accepted;
    private final Counter duplicates;
    private final Counter rejected;
    private final Counter unknown;
    private final Counter failed;
    private final ThrottledWarnings warnings = new ThrottledWarnings(LOG, 10_000);

    /**
     * @param devices  the gateway's devices; those with {@link DeviceSettings.NbIot} settings are the NB-IoT meters
     * @param sink     receives the readings of each accepted uplink, in time order; may block briefly
     * @param registry gets the counter {@code parkpulse.gateway.nbiot.uplinks} tagged by outcome
     */
    public NbIotIntake(List<DeviceConfig> devices, Consumer<List<Reading>> sink, MeterRegistry registry) {
        this.sink = Objects.requireNonNull(sink, "sink");
        for (DeviceConfig d : devices) {
            if (d.settings() instanceof DeviceSettings.NbIot nb) {
                Device device = new Device(d, nb, new RecentReadingKeys(DEDUP_WINDOW.toMillis(), MAX_KEYS_PER_METER));
                if (nb.deviceId() != null && !nb.deviceId().isBlank()) {
                    byDeviceId.put(nb.deviceId(), device);
                }
                if (nb.imei() != null && !nb.imei().isBlank()) {
                    byImei.put(nb.imei(), device);
                }
            }
        }
        this.accepted = counter(registry, "accepted");
        this.duplicates = counter(registry, "duplicate");
        this.rejected = counter(registry, "rejected");
        this.unknown = counter(registry, "unknown_device");
        this.failed = counter(registry, "failed");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("parkpulse.gateway.nbiot.uplinks").tag("outcome", outcome)
                .description("NB-IoT uplinks (carrier pushes and CoAP posts) by outcome").register(registry);
    }

    public Outcome accept(Uplink uplink) {
        return accept(uplink, "NB-IoT uplink");
    }

    /** @param source who sent it ("CTWing push from 10.1.2.3 to /nbiot/ctwing"), for the log */
    public Outcome accept(Uplink uplink, String source) {
        Device device = find(uplink);
        if (device == null) {
            unknown.increment();
            String reason = "no NB-IoT device is configured with " + uplink.sender();
            warnings.warn(source + " ignored: " + reason);
            return new UnknownDevice(reason);
        }
        String meter = device.config().meter();
        UplinkReadings.Result made = UplinkReadings.of(meter, device.settings().points(), uplink);
        if (made instanceof UplinkReadings.Refused refused) {
            rejected.increment();
            warnings.warn(source + " rejected: " + refused.reason());
            return new Rejected(refused.reason());
        }
        List<Reading> all = ((UplinkReadings.Made) made).readings();
        synchronized (device.recent()) {
            List<Reading> fresh = all.stream().filter(r -> !device.recent().contains(r.timeMs())).toList();
            if (fresh.isEmpty()) {
                duplicates.increment();
                return new Duplicate(meter);
            }
            try {
                sink.accept(fresh);
            } catch (RuntimeException e) {
                failed.increment();
                warnings.warn("NB-IoT readings of meter " + meter + " not taken by the uplink: " + e);
                return new Failed("meter " + meter + ": readings not taken (" + e.getClass().getSimpleName() + ")");
            }
            device.recent().addAll(fresh.stream().map(Reading::timeMs).toList());
            accepted.increment();
            return new Forwarded(meter, fresh.size(), all.size() - fresh.size());
        }
    }

    /** Counts and logs a push that never became an uplink (a malformed body, a bad signature, no valid token). */
    public Rejected reject(String reason) {
        rejected.increment();
        warnings.warn("NB-IoT uplink rejected: " + reason);
        return new Rejected(reason);
    }

    private Device find(Uplink uplink) {
        Device d = uplink.deviceId() == null ? null : byDeviceId.get(uplink.deviceId());
        if (d == null && uplink.imei() != null) {
            d = byImei.get(uplink.imei());
        }
        return d;
    }

    public long acceptedCount() {
        return (long) accepted.count();
    }

    public long duplicateCount() {
        return (long) duplicates.count();
    }

    /** Malformed pushes and payloads, bad signatures. */
    public long rejectedCount() {
        return (long) rejected.count();
    }

    public long unknownDeviceCount() {
        return (long) unknown.count();
    }

    public long failedCount() {
        return (long) failed.count();
    }
}
