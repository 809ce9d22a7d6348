package io.parkpulse.ingest.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parkpulse.contract.Channel;
import io.parkpulse.contract.EquipmentState;
import io.parkpulse.contract.GatewayStatus;
import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Topics;
import io.parkpulse.ingest.pipeline.PreparedMessage;
import io.parkpulse.ingest.pipeline.PreparedPoint;
import io.parkpulse.storage.Point;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;

/**
 * This instance's share of the live rollups (docs/live.md): collects the live values (power, flow, equipment state) of
 * the readings, when each meter was last heard from (any reading, cumulative ones included), and the gateway statuses
 * ingest takes, and on each {@link #flush} publishes, per park, the meters and
 * gateways that changed since the last one. Every {@code fullEvery}-th flush sends everything it knows instead, so a dashboard that starts (or
 * missed a QoS 0 message) is complete again within that time.
 *
 * <p>Only this instance's share: on a shared subscription each instance sees part of a park's readings, so the
 * dashboard merges the parts and computes totals itself.
 *
 * <p>A rollup that cannot be handed to the broker at once is dropped and counted, never waited for: live values are
 * replaced by the next ones within a second, and ingestion must not slow down for them. Event-loop confined.
 */
public final class LiveRollups {

    private static final String POWER = Quantity.POWER_KW.wireName();
    private static final String FLOW = Quantity.FLOW_M3H.wireName();
    private static final String STATE = Quantity.STATE.wireName();

    private final Map<String, ParkLive> parks = new HashMap<>();
    private final RollupEncoder encoder;
    private final RollupSender sender;
    private final LongSupplier clock;
    private final int fullEvery;
    private final Map<RollupSender.Result, Counter> results = new EnumMap<>(RollupSender.Result.class);
    private long flushes;

    /**
     * @param source              this instance's name in the messages (its MQTT client id)
     * @param fullEvery           every how many flushes everything known is sent (1: always)
     * @param maxMetersPerMessage meters per message; bigger parks take several
     */
    public LiveRollups(String source, RollupSender sender, int fullEvery, int maxMetersPerMessage, LongSupplier clock,
                       MeterRegistry registry) {
        if (fullEvery < 1) {
            throw new IllegalArgumentException("fullEvery must be at least 1, not " + fullEvery);
        }
        this.encoder = new RollupEncoder(source, maxMetersPerMessage);
        this.sender = sender;
        this.fullEvery = fullEvery;
        this.clock = clock;
        for (RollupSender.Result r : RollupSender.Result.values()) {
            results.put(r, Counter.builder("parkpulse.ingest.live.rollups").tag("result", r.name().toLowerCase(java.util.Locale.ROOT))
                    .description("Live rollup messages: sent, or dropped because the publisher was busy or disconnected")
                    .register(registry));
        }
    }

    /** Takes note of what a prepared message says live; its rejected parts never reach here. */
    public void accept(PreparedMessage message) {
        Topics.Address at = message.address();
        if (at == null || message.points().isEmpty()) {
            return;
        }
        if (at.channel() == Channel.STATUS) {
            Optional<GatewayStatus> status = GatewayStatus.parse(message.source().payload());
            status.ifPresent(s -> park(at.park()).gateway(at.gateway(),
                    new GatewayState(s == GatewayStatus.ONLINE, message.source().receivedAtMs())));
        } else if (at.channel() == Channel.TELEMETRY) {
            ParkLive park = null;
            for (PreparedPoint prepared : message.points()) {
                if (prepared.kind() != PreparedPoint.Kind.READING) {
                    continue;
                }
                Point point = prepared.point();
                Double power = boxed(point.number(POWER));
                Double flow = boxed(point.number(FLOW));
                String state = equipmentState(point);
                park = park != null ? park : park(at.park());
                park.meter(prepared.meter(), power != null || flow != null || state != null
                        ? MeterValues.live(prepared.timeMs(), power, flow, state) : MeterValues.seen(prepared.timeMs()));
            }
        }
    }

    /** Publishes each park's changes (or everything, every {@code fullEvery}-th time). */
    public void flush() {
        boolean full = ++flushes % fullEvery == 0;
        long now = clock.getAsLong();
        for (Map.Entry<String, ParkLive> park : parks.entrySet()) {
            if (!full && !park.getValue().hasChanges()) {
                continue;
            }
            List<byte[]> messages = encoder.encode(park.getKey(), park.getValue().take(full), now, full);
            String topic = RollupEncoder.topic(park.getKey());
            for (byte[] payload : messages) {
                results.get(sender.offer(topic, payload)).increment();
            }
        }
    }

    /** The equipment state the point stores, or {@code null}; the decoder let only known states through. */
    private static String equipmentState(Point point) {
        return point.text(STATE).flatMap(EquipmentState::byWireName).map(EquipmentState::wireName).orElse(null);
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private ParkLive park(String id) {
        return parks.computeIfAbsent(id, k -> new ParkLive());
    }
}
