package io.parkpulse.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What ingest publishes on a gateway's {@code ack} topic ({@link Topics#ack}) once every reading of some of its
 * telemetry messages is settled (stored in InfluxDB, or rejected and reported):
 * <pre>{@code {"v": 1, "done": [[1040, 1045], [1047, 1047]], "at": 1796613752123}}</pre>
 * The one place the payload is written ({@link #toJson}, by ingest) and read ({@link #decode}, by gateways,
 * simulators and the chaos suite).
 *
 * @param done  the settled seqs as inclusive ranges: sorted, non-overlapping, merged where adjacent, at most
 *              {@link SeqRanges#MAX_PER_ACK}, at least one
 * @param atMs  ingest's clock when it published (epoch ms), for diagnostics only
 */
public record Acknowledgement(List<SeqRanges.Range> done, long atMs) {

    public static final int VERSION = 1;

    private static final JsonFactory JSON = new JsonFactory();

    /** @throws IllegalArgumentException unless {@code done} is 1 to 1,000 sorted ranges, merged where they touch */
    public Acknowledgement {
        done = List.copyOf(done);
        if (done.isEmpty() || done.size() > SeqRanges.MAX_PER_ACK) {
            throw new IllegalArgumentException("done must hold 1 to " + SeqRanges.MAX_PER_ACK + " ranges, not " + done.size());
        }
        if (!done.equals(SeqRanges.union(done))) {
            throw new IllegalArgumentException("done must be sorted, non-overlapping and merged where adjacent: " + done);
        }
    }

    /**
     * What {@link #decode} made of a payload: an ack to apply, one of another version to ignore (with a counted
     * warning), or one rejected whole with the reason.
     */
    public sealed interface Decoded permits Accepted, OtherVersion, Rejected {
        /** Null when accepted; otherwise why the payload is not applied, e.g. {@code "done[3]: first 12 > last 10"}. */
        String problem();

        default boolean ok() {
            return problem() == null;
        }

        /** The ack when accepted, else null. */
        default Acknowledgement ack() {
            return null;
        }
    }

    /** A version-1 ack, its ranges sorted and merged whatever order they came in. */
    public record Accepted(Acknowledgement ack) implements Decoded {
        @Override
        public String problem() {
            return null;
        }
    }

    /** {@code v} is an integer other than 1 (as written): not for this receiver, and not an error of the sender's. */
    public record OtherVersion(String version) implements Decoded {
        @Override
        public String problem() {
            return "v: " + version + " is not version " + VERSION;
        }
    }

    /** Not a version-1 ack: nothing of it is applied. */
    public record Rejected(String problem) implements Decoded {
    }

    public boolean covers(long seq) {
        for (SeqRanges.Range r : done) {
            if (r.contains(seq)) {
                return true;
            }
        }
        return false;
    }

    public byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 + done.size() * 24);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("v", VERSION);
            g.writeArrayFieldStart("done");
            for (SeqRanges.Range r : done) {
                g.writeStartArray();
                g.writeNumber(r.first());
                g.writeNumber(r.last());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeNumberField("at", atMs);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Reads a payload; never throws. Accepted: {@code v} 1, {@code done} 1 to 1,000 {@code [first, last]} pairs of
     * integers with {@code 0 <= first <= last} in any order (overlapping or adjacent ranges are merged: applying an
     * ack is a set union), {@code at} an integer, unknown fields ignored. {@code v} another integer: {@link OtherVersion},
     * whatever the rest holds. Anything else is {@link Rejected} whole, with where and what, e.g.
     * {@code "done[3]: first 12 > last 10"}: not one JSON object (or more than {@code 256 KiB}), {@code v},
     * {@code done} or {@code at} missing, given twice or of the wrong type, a range that is not two 64-bit integers,
     * negative or backwards, no range or more than 1,000.
     */
    public static Decoded decode(byte[] payload) {
        return AckDecoder.decode(payload);
    }
}
