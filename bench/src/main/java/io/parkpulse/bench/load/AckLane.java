package io.parkpulse.bench.load;

import io.parkpulse.simulators.run.MqttSink;

/**
 * The three ways of running the pipeline that the ack-cost benchmark sets side by side ({@link AckCostCommand}): what
 * differs is only whether ingest publishes end-to-end acks and whether the publisher waits for them. Every lane sends
 * the same bytes (each message with its own seq, as a gateway numbers them).
 */
enum AckLane {

    /** The baseline: ingest with {@code PARKPULSE_END_TO_END_ACKS=off}, the publisher done at the broker's PUBACK. */
    ACKS_OFF("a", "acks off, publisher trusts PUBACK", false, MqttSink.Acks.PUBACK),
    /** Ingest's own cost of publishing acks: nobody listens to them. */
    ACKS_ON("b", "acks on, publisher trusts PUBACK", true, MqttSink.Acks.PUBACK),
    /** What a gateway with acks sees: a message is done only when ingest's ack names it. */
    END_TO_END("c", "acks on, publisher waits for acks", true, MqttSink.Acks.END_TO_END);

    private final String letter;
    private final String description;
    private final boolean ingestAcks;
    private final MqttSink.Acks publisherAcks;

    AckLane(String letter, String description, boolean ingestAcks, MqttSink.Acks publisherAcks) {
        this.letter = letter;
        this.description = description;
        this.ingestAcks = ingestAcks;
        this.publisherAcks = publisherAcks;
    }

    /** {@code a}, {@code b} or {@code c}, as the ratios name the lanes. */
    String letter() {
        return letter;
    }

    /** e.g. {@code (b) acks on, publisher trusts PUBACK}. */
    String label() {
        return "(" + letter + ") " + description;
    }

    /** Whether the lane runs against the ingest that publishes acks. */
    boolean ingestAcks() {
        return ingestAcks;
    }

    /** What counts as published for the lane's publisher. */
    MqttSink.Acks publisherAcks() {
        return publisherAcks;
    }
}
