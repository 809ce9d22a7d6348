package io.parkpulse.ingest.pipeline;

import io.parkpulse.contract.Rejection;
import io.parkpulse.contract.Topics;
import io.parkpulse.ingest.mqtt.InboundMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A received message after decoding, validation and enrichment: the points to store and what was
 * rejected. It is acknowledged to the broker once every point is stored or rejected.
 *
 * <p>Created on the MQTT callback thread, then owned by the pipeline's event loop.
 */
public final class PreparedMessage {

    private final InboundMessage source;
    private final Topics.Address address;
    private final Long seq;
    private final List<PreparedPoint> points;
    private final List<Rejection> rejections;
    private boolean complete;

    PreparedMessage(InboundMessage source, Topics.Address address, Long seq, List<PreparedPoint> points, List<Rejection> rejections) {
        this.source = source;
        this.address = address;
        this.seq = seq;
        this.points = List.copyOf(points);
        this.rejections = new ArrayList<>(rejections);
    }

    public InboundMessage source() {
        return source;
    }

    /** Park, gateway and channel from the topic, or {@code null} when the topic was not a ParkPulse topic. */
    public Topics.Address address() {
        return address;
    }

    public Long seq() {
        return seq;
    }

    public List<PreparedPoint> points() {
        return points;
    }

    public List<Rejection> rejections() {
        return rejections;
    }

    void addRejection(Rejection rejection) {
        rejections.add(rejection);
    }

    boolean isComplete() {
        return complete;
    }

    void markComplete() {
        complete = true;
    }
}
