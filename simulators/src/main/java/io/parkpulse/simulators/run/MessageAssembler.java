package io.parkpulse.simulators.run;

import io.parkpulse.contract.Limits;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.TelemetryEncoder;
import io.parkpulse.contract.TelemetryMessage;
import io.parkpulse.simulators.faults.FaultEvent;
import io.parkpulse.simulators.faults.FaultType;
import io.parkpulse.simulators.faults.PayloadCorruption;
import io.parkpulse.simulators.model.FaultPlan;
import io.parkpulse.simulators.model.ReadingEmitter;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs readings into each gateway's telemetry messages (at most {@code readingsPerMessage}
 * readings and 256 KiB each), numbers them, injects message faults (duplicates, corrupted
 * payloads) and hands them to the sink. Buffers at most one message per gateway.
 *
 * <p>Not thread-safe; the simulation thread owns it. Message numbering and fault decisions happen
 * here, on that thread, so they do not depend on how the sink schedules publishing.
 */
final class MessageAssembler implements ReadingEmitter {

    private final List<String> gateways;
    private final int readingsPerMessage;
    private final int maxBytes;
    private final FaultPlan faults;
    private final MessageSink sink;
    private final RunStats stats;
    private final TelemetryEncoder encoder = new TelemetryEncoder();
    private final List<List<Reading>> pending = new ArrayList<>();
    private final long[] nextSeq;
    private long sendTimeMs;

    MessageAssembler(List<String> gateways, int readingsPerMessage, Limits limits, FaultPlan faults, MessageSink sink, RunStats stats) {
        if (readingsPerMessage < 1 || readingsPerMessage > limits.maxReadingsPerMessage()) {
            throw new IllegalArgumentException("readings per message must be 1.." + limits.maxReadingsPerMessage()
                    + " (the contract's limit), got " + readingsPerMessage);
        }
        this.gateways = gateways;
        this.readingsPerMessage = readingsPerMessage;
        this.maxBytes = limits.maxMessageBytes();
        this.faults = faults;
        this.sink = sink;
        this.stats = stats;
        this.nextSeq = new long[gateways.size()];
        for (int i = 0; i < gateways.size(); i++) {
            pending.add(new ArrayList<>(readingsPerMessage));
        }
    }

    /** The simulated instant of the step whose readings come next. */
    void at(long epochMs) {
        sendTimeMs = epochMs;
    }

    @Override
    public void emit(int gateway, Reading reading) {
        List<Reading> batch = pending.get(gateway);
        batch.add(reading);
        if (batch.size() >= readingsPerMessage) {
            seal(gateway);
        }
    }

    /** Sends every gateway's partial message. */
    void flush() {
        for (int g = 0; g < pending.size(); g++) {
            if (!pending.get(g).isEmpty()) {
                seal(g);
            }
        }
    }

    private void seal(int gateway) {
        List<Reading> batch = pending.get(gateway);
        List<Reading> readings = List.copyOf(batch);
        batch.clear();
        encodeAndSend(gateway, readings);
    }

    private void encodeAndSend(int gateway, List<Reading> readings) {
        long seq = nextSeq[gateway];
        byte[] payload = encoder.encode(new TelemetryMessage(seq, readings));
        if (payload.length > maxBytes && readings.size() > 1) {
            int half = readings.size() / 2;
            encodeAndSend(gateway, readings.subList(0, half));
            encodeAndSend(gateway, readings.subList(half, readings.size()));
            return;
        }
        nextSeq[gateway]++;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Reading r : readings) {
            first = Math.min(first, r.timeMs());
            last = Math.max(last, r.timeMs());
        }
        String topicGateway = gateways.get(gateway);
        if (faults.malformed(gateway, seq)) {
            PayloadCorruption.Corrupted corrupted = faults.corrupt(gateway, seq, payload);
            payload = corrupted.payload();
            faults.record(FaultType.MALFORMED_PAYLOAD, gateway, null, first, last,
                    FaultEvent.details("seq", seq, "readings_lost", readings.size(), "corruption", corrupted.description()));
        }
        send(new OutgoingMessage(gateway, topicGateway, seq, payload, sendTimeMs, readings.size(), false));
        if (faults.duplicate(gateway, seq)) {
            faults.record(FaultType.DUPLICATE_MESSAGE, gateway, null, first, last,
                    FaultEvent.details("seq", seq, "readings", readings.size()));
            send(new OutgoingMessage(gateway, topicGateway, seq, payload, sendTimeMs, readings.size(), true));
        }
    }

    private void send(OutgoingMessage message) {
        stats.made(message);
        try {
            sink.send(message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunInterruptedException(e);
        }
    }

    /** The simulation thread was interrupted while handing a message over. */
    static final class RunInterruptedException extends RuntimeException {
        RunInterruptedException(InterruptedException cause) {
            super("interrupted while publishing", cause);
        }
    }
}
