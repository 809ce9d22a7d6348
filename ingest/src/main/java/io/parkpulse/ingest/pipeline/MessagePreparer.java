package io.parkpulse.ingest.pipeline;

import io.parkpulse.contract.Channel;
import io.parkpulse.contract.DecodedTelemetry;
import io.parkpulse.contract.GatewayId;
import io.parkpulse.contract.GatewayStatus;
import io.parkpulse.contract.MeterId;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.RejectReason;
import io.parkpulse.contract.Rejection;
import io.parkpulse.contract.TelemetryDecoder;
import io.parkpulse.contract.Topics;
import io.parkpulse.ingest.mqtt.InboundMessage;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Park;
import io.parkpulse.park.ParkRegistry;
import io.parkpulse.storage.Point;
import io.parkpulse.storage.StorageSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks one received message against the contract and the park registry and turns what passes
 * into points. Never throws on input: whatever is wrong becomes a rejection with a reason.
 *
 * <p>Not thread-safe: ingest calls it from the MQTT callback thread only; it reads the registry in
 * force when each message arrives.
 */
public final class MessagePreparer {

    private final TelemetryDecoder decoder;
    private final Supplier<ParkRegistry> registry;
    private final ReadingEnricher enricher = new ReadingEnricher();

    public MessagePreparer(TelemetryDecoder decoder, Supplier<ParkRegistry> registry) {
        this.decoder = decoder;
        this.registry = registry;
    }

    public PreparedMessage prepare(InboundMessage message) {
        Optional<Topics.Address> address = Topics.parse(message.topic());
        if (address.isEmpty()) {
            return rejected(message, null, null, RejectReason.INVALID_TOPIC, "\"" + message.topic() + "\" is not dp/v1/{park}/{gateway}/{channel}");
        }
        Topics.Address at = address.get();
        ParkRegistry parks = registry.get();
        enricher.use(parks);
        Optional<Park> park = parks.park(at.park());
        if (park.isEmpty()) {
            return rejected(message, at, null, RejectReason.UNKNOWN_PARK, "park " + at.park() + " has no park file on this platform");
        }
        if (!park.get().hasGateway(GatewayId.of(at.gateway()))) { // the topic's levels are valid ids
            return rejected(message, at, null, RejectReason.UNKNOWN_GATEWAY, "gateway " + at.gateway() + " is not listed in park "
                    + at.park());
        }
        if (at.channel() == Channel.STATUS) {
            return status(message, at, park.get());
        }
        if (at.channel() != Channel.TELEMETRY) {
            return rejected(message, at, null, RejectReason.INVALID_TOPIC, "ingest does not take messages on " + at.channel().level());
        }
        try {
            return telemetry(message, at, park.get());
        } catch (RuntimeException e) {
            // a bug must cost one message, reported, not the service
            return rejected(message, at, null, RejectReason.INTERNAL_ERROR, "could not prepare the message: " + e);
        }
    }

    private PreparedMessage telemetry(InboundMessage message, Topics.Address at, Park park) {
        DecodedTelemetry decoded = decoder.decode(message.payload());
        List<Rejection> rejections = new ArrayList<>(decoded.rejections());
        List<PreparedPoint> points = new ArrayList<>(decoded.readings().size());
        java.util.Set<String> marked = new java.util.HashSet<>();
        GatewayId gateway = GatewayId.of(at.gateway());
        for (int i = 0; i < decoded.readings().size(); i++) {
            Reading reading = decoded.readings().get(i);
            Meter meter = park.meters().get(MeterId.of(reading.meter())); // the decoder let only valid ids through
            if (meter == null) {
                rejections.add(new Rejection(RejectReason.UNKNOWN_METER, decoded.pathOf(i), "meter " + reading.meter() + " is not in park "
                        + park.id(), reading.meter(), reading.timeMs()));
            } else if (!meter.gateway().equals(gateway)) {
                rejections.add(new Rejection(RejectReason.METER_NOT_ON_GATEWAY, decoded.pathOf(i), "meter " + meter.id()
                        + " belongs to gateway " + meter.gateway() + ", not " + at.gateway(), reading.meter(), reading.timeMs()));
            } else {
                PreparedPoint point = enricher.toPoint(park, meter, reading, decoded.positions().get(i), rejections);
                if (point != null) {
                    points.add(point);
                    markIfLate(park, meter, reading, message.receivedAtMs(), points, marked);
                }
            }
        }
        return new PreparedMessage(message, at, decoded.seq(), points, rejections);
    }

    /**
     * A cumulative reading that arrives more than an hour after its device time (an NB-IoT daily uplink, a gateway
     * emptying its buffer) may change consumption the dashboard already computed and stored: a late-reading mark for
     * its meter and local day, written in the same batch, tells it which days to recompute (docs/storage.md). One mark
     * per meter and day, however many readings: later marks of the same day overwrite it with the later arrival.
     */
    private static void markIfLate(Park park, Meter meter, Reading reading, long receivedAtMs, List<PreparedPoint> points,
                                   java.util.Set<String> marked) {
        if (meter.metering() != io.parkpulse.park.Metering.CUMULATIVE
                || receivedAtMs - reading.timeMs() <= StorageSchema.LATE_AFTER_MS) {
            return;
        }
        long day = java.time.Instant.ofEpochMilli(reading.timeMs()).atZone(park.timeZone()).toLocalDate()
                .atStartOfDay(park.timeZone()).toInstant().toEpochMilli();
        if (!marked.add(meter.id() + "@" + day)) {
            return;
        }
        Point mark = Point.measurement(StorageSchema.MEASUREMENT_LATE_READING)
                .tag(StorageSchema.TAG_PARK, park.id())
                .tag(StorageSchema.TAG_METER, meter.id().value())
                .field(StorageSchema.LATE_ARRIVED_AT, (double) receivedAtMs)
                .time(day);
        points.add(new PreparedPoint(PreparedPoint.Kind.LATE_MARK, mark, meter.id().value(), -1));
    }

    private PreparedMessage status(InboundMessage message, Topics.Address at, Park park) {
        Optional<GatewayStatus> status = GatewayStatus.parse(message.payload());
        if (status.isEmpty()) {
            return rejected(message, at, null, RejectReason.WRONG_TYPE, "a status payload is the text online or offline");
        }
        Point point = Point.measurement(StorageSchema.MEASUREMENT_GATEWAY_STATUS)
                .tag(StorageSchema.TAG_PARK, park.id())
                .tag(StorageSchema.TAG_GATEWAY, at.gateway())
                .field(StorageSchema.FIELD_ONLINE, status.get() == GatewayStatus.ONLINE)
                .time(message.receivedAtMs());
        return new PreparedMessage(message, at, null, List.of(new PreparedPoint(PreparedPoint.Kind.GATEWAY_STATUS, point, at.gateway(), -1)),
                List.of());
    }

    private static PreparedMessage rejected(InboundMessage message, Topics.Address at, Long seq, RejectReason reason, String detail) {
        return new PreparedMessage(message, at, seq, List.of(), List.of(Rejection.ofMessage(reason, detail)));
    }
}
