package io.parkpulse.simulators.load;

import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.TelemetryEncoder;
import io.parkpulse.contract.TelemetryMessage;
import io.parkpulse.contract.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The messages of a load run: in each round every meter of a gateway is read once,
 * {@code readingsPerMessage} readings to a message, at device time {@code baseMs + round}. So every
 * reading of a run is a distinct (meter, time) point that can be counted in InfluxDB, and runs with
 * different bases never collide.
 *
 * <p>The generator must cost little CPU, because on one box it competes with what it measures: each
 * (gateway, chunk) message is encoded once as a template and only its 13 timestamp digits are
 * rewritten per round. Values therefore repeat from round to round, which the pipeline does not care about.
 *
 * <p>Thread-safe as long as each (gateway) is driven by one thread.
 */
public final class LoadTraffic {

    /** A 13-digit time placed in templates and found again by its digits. */
    private static final long MARK = 1_111_111_111_111L;
    private static final byte[] MARK_DIGITS = Long.toString(MARK).getBytes(StandardCharsets.US_ASCII);

    /**
     * With unique seqs (end-to-end acks), a message's seq is {@code SEQ_BASE + round × messagesPerRound + chunk}: 13
     * digits, rewritten in place like the timestamps. Otherwise the seq is the chunk, as before.
     */
    public static final long SEQ_BASE = 1_000_000_000_000L;
    private static final long SEQ_MARK = 2_222_222_222_222L;
    private static final byte[] SEQ_MARK_DIGITS = Long.toString(SEQ_MARK).getBytes(StandardCharsets.US_ASCII);

    private final LoadPark park;
    private final int readingsPerMessage;
    private final long baseMs;
    private final boolean uniqueSeqs;
    private final Template[][] templates;

    private record Template(byte[] bytes, int[] timeOffsets, int seqOffset, int readings, String firstMeter) {
    }

    public LoadTraffic(LoadPark park, int readingsPerMessage, long baseMs) {
        this(park, readingsPerMessage, baseMs, false);
    }

    /** @param uniqueSeqs give every message of a gateway its own seq, so that end-to-end acks can name it */
    public LoadTraffic(LoadPark park, int readingsPerMessage, long baseMs, boolean uniqueSeqs) {
        if (readingsPerMessage < 1 || readingsPerMessage > 1000) {
            throw new IllegalArgumentException("readings per message must be 1..1000 (the contract's limit)");
        }
        if (Long.toString(baseMs).length() != MARK_DIGITS.length) {
            throw new IllegalArgumentException("device times must have 13 digits (years 2001-2286)");
        }
        this.park = park;
        this.readingsPerMessage = readingsPerMessage;
        this.baseMs = baseMs;
        this.uniqueSeqs = uniqueSeqs;
        this.templates = new Template[park.gateways()][];
    }

    public int messagesPerRound() {
        return (park.metersPerGateway() + readingsPerMessage - 1) / readingsPerMessage;
    }

    public long baseMs() {
        return baseMs;
    }

    /** One message: the readings of chunk {@code chunk} of {@code gateway}'s meters in {@code round}. */
    public Message message(int gateway, long round, int chunk) {
        Template template = template(gateway, chunk);
        long ts = baseMs + round;
        byte[] payload = Arrays.copyOf(template.bytes, template.bytes.length); // Paho keeps in-flight payloads for resends
        byte[] digits = Long.toString(ts).getBytes(StandardCharsets.US_ASCII);
        for (int offset : template.timeOffsets) {
            System.arraycopy(digits, 0, payload, offset, digits.length);
        }
        long seq = chunk;
        if (uniqueSeqs) {
            seq = SEQ_BASE + round * messagesPerRound() + chunk;
            byte[] seqDigits = Long.toString(seq).getBytes(StandardCharsets.US_ASCII);
            if (seqDigits.length != SEQ_MARK_DIGITS.length) {
                throw new IllegalStateException("seq " + seq + " has outgrown its 13 digits");
            }
            System.arraycopy(seqDigits, 0, payload, template.seqOffset, seqDigits.length);
        }
        return new Message(payload, template.readings, template.firstMeter, ts, seq);
    }

    private Template template(int gateway, int chunk) {
        Template[] ofGateway = templates[gateway];
        if (ofGateway == null) {
            ofGateway = new Template[messagesPerRound()];
            templates[gateway] = ofGateway;
        }
        if (ofGateway[chunk] == null) {
            ofGateway[chunk] = encode(gateway, chunk);
        }
        return ofGateway[chunk];
    }

    private Template encode(int gateway, int chunk) {
        int from = chunk * readingsPerMessage;
        int to = Math.min(park.metersPerGateway(), from + readingsPerMessage);
        List<Reading> readings = new ArrayList<>(to - from);
        for (int m = from; m < to; m++) {
            readings.add(new Reading(LoadPark.meterId(gateway, m), MARK, List.of(
                    Value.of(Quantity.ENERGY_KWH, 1000 + m * 0.25),
                    Value.of(Quantity.POWER_KW, (5 + m % 97) / 40.0))));
        }
        byte[] bytes = new TelemetryEncoder().encode(new TelemetryMessage(uniqueSeqs ? SEQ_MARK : chunk, readings));
        int seqOffset = uniqueSeqs ? indexOf(bytes, SEQ_MARK_DIGITS) : -1;
        int[] offsets = new int[to - from];
        int found = 0;
        for (int i = 0; i + MARK_DIGITS.length <= bytes.length && found < offsets.length; i++) {
            if (bytes[i] == MARK_DIGITS[0] && Arrays.equals(bytes, i, i + MARK_DIGITS.length, MARK_DIGITS, 0, MARK_DIGITS.length)) {
                offsets[found++] = i;
                i += MARK_DIGITS.length - 1;
            }
        }
        if (found != offsets.length) {
            throw new IllegalStateException("expected " + offsets.length + " timestamps in the template, found " + found);
        }
        return new Template(bytes, offsets, seqOffset, to - from, LoadPark.meterId(gateway, from));
    }

    private static int indexOf(byte[] bytes, byte[] digits) {
        for (int i = 0; i + digits.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + digits.length, digits, 0, digits.length)) {
                return i;
            }
        }
        throw new IllegalStateException("no seq in the template");
    }

    /**
     * An encoded message.
     *
     * @param payload    the bytes to publish
     * @param readings   how many readings it holds
     * @param firstMeter the meter of its first reading, for latency probes
     * @param timeMs     the device time of its readings
     * @param seq        its seq: unique per gateway with unique seqs, else its chunk
     */
    public record Message(byte[] payload, int readings, String firstMeter, long timeMs, long seq) {
    }
}
