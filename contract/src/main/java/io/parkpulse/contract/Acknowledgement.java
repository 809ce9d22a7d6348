package io.parkpulse.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What ingest publishes on a gateway's {@code ack} topic ({@link Topics#ack}) once every reading of some of its
 * telemetry messages is settled (stored in InfluxDB, or rejected and reported):
 * <pre>{@code {"v": 1, "done": [[1040, 1045], [1047, 1047]], "at": 1796613752123}}</pre>
 *
 * @param done  the settled seqs as inclusive ranges: sorted, non-overlapping, merged where adjacent, at most
 *              {@link SeqRanges#MAX_PER_ACK}, at least one
 * @param atMs  ingest's clock when it published (epoch ms), for diagnostics only
 */
public record Acknowledgement(List<SeqRanges.Range> done, long atMs) {

    public static final int VERSION = 1;

    private static final JsonFactory JSON = new JsonFactory();

    public Acknowledgement {
        done = List.copyOf(done);
        String problem = problem(done);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** One decoded payload: an acknowledgement, or why the payload is not one. */
    public record Decoded(Acknowledgement ack, String problem) {
        public boolean ok() {
            return ack != null;
        }

        static Decoded refused(String problem) {
            return new Decoded(null, problem);
        }
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
     * Decodes a payload strictly: {@code v} must be 1, {@code done} a non-empty array of at most
     * {@link SeqRanges#MAX_PER_ACK} {@code [first, last]} pairs of non-negative integers, sorted, non-overlapping and
     * merged where adjacent, and {@code at} an integer. Unknown fields are ignored. Never throws on any input.
     */
    public static Decoded decode(byte[] payload) {
        if (payload == null) {
            return Decoded.refused("no payload");
        }
        try (JsonParser p = JSON.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Decoded.refused("not a JSON object");
            }
            Long version = null;
            Long at = null;
            List<SeqRanges.Range> done = null;
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                token = p.nextToken();
                switch (field) {
                    case "v" -> {
                        version = integer(p, token);
                        p.skipChildren();
                    }
                    case "at" -> {
                        at = integer(p, token);
                        if (at == null) {
                            return Decoded.refused("$.at must be an integer");
                        }
                    }
                    case "done" -> {
                        if (token != JsonToken.START_ARRAY) {
                            return Decoded.refused("$.done must be an array");
                        }
                        done = new ArrayList<>();
                        String problem = readRanges(p, done);
                        if (problem != null) {
                            return Decoded.refused(problem);
                        }
                    }
                    default -> p.skipChildren(); // forward compatible
                }
            }
            if (token != JsonToken.END_OBJECT || p.nextToken() != null) {
                return Decoded.refused("not one JSON object");
            }
            if (version == null || version != VERSION) {
                return Decoded.refused("unsupported version $.v=" + version + " (expected " + VERSION + ")");
            }
            if (done == null) {
                return Decoded.refused("$.done is missing");
            }
            if (at == null) {
                return Decoded.refused("$.at is missing");
            }
            String problem = problem(done);
            return problem != null ? Decoded.refused(problem) : new Decoded(new Acknowledgement(done, at), null);
        } catch (IOException | RuntimeException e) {
            return Decoded.refused("malformed JSON: " + e.getMessage());
        }
    }

    private static String readRanges(JsonParser p, List<SeqRanges.Range> into) throws IOException {
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (into.size() == SeqRanges.MAX_PER_ACK) {
                return "$.done holds more than " + SeqRanges.MAX_PER_ACK + " ranges";
            }
            String at = "$.done[" + into.size() + "]";
            if (token != JsonToken.START_ARRAY) {
                return at + " must be a [first, last] array";
            }
            Long first = integer(p, p.nextToken());
            Long last = integer(p, p.nextToken());
            if (first == null || last == null || p.nextToken() != JsonToken.END_ARRAY) {
                return at + " must be [first, last] with two integers";
            }
            if (first < 0 || last < first) {
                return at + " = [" + first + ", " + last + "] is not a range of seqs (0 <= first <= last)";
            }
            into.add(new SeqRanges.Range(first, last));
        }
        return null;
    }

    private static Long integer(JsonParser p, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            return null;
        }
        return p.getLongValue();
    }

    /** Why {@code done} breaks the contract, or {@code null}. */
    private static String problem(List<SeqRanges.Range> done) {
        if (done.isEmpty()) {
            return "$.done must name at least one range";
        }
        if (done.size() > SeqRanges.MAX_PER_ACK) {
            return "$.done holds more than " + SeqRanges.MAX_PER_ACK + " ranges";
        }
        for (int i = 1; i < done.size(); i++) {
            if (done.get(i).first() - 1 <= done.get(i - 1).last()) {
                return "$.done[" + i + "] overlaps, touches or precedes the range before it (ranges are sorted and merged)";
            }
        }
        return null;
    }
}
