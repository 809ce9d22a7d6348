package io.parkpulse.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.parkpulse.contract.Acknowledgement.Decoded;
import io.parkpulse.contract.SeqRanges.Range;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an ack payload for {@link Acknowledgement#decode}, by the rules stated there and in docs/protocol.md
 * ("What a receiver accepts"). Two passes over the bytes: {@code v} first, wherever it stands, because another
 * version may shape the other fields differently and must be ignored, not called malformed.
 */
final class AckDecoder {

    /** 1,000 ranges of two 19-digit seqs take under 45 KB: a payload far larger is not an ack ingest wrote. */
    static final int MAX_BYTES = 256 * 1024;

    private static final JsonFactory JSON = new JsonFactory();

    private AckDecoder() {
    }

    /** Why a payload is rejected; thrown and caught inside this class only, so it carries no stack trace. */
    private static final class Refusal extends Exception {
        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }

    static Decoded decode(byte[] payload) {
        try {
            String version = version(payload);
            return version.equals(Integer.toString(Acknowledgement.VERSION))
                    ? new Acknowledgement.Accepted(versionOne(payload))
                    : new Acknowledgement.OtherVersion(version);
        } catch (Refusal r) {
            return new Acknowledgement.Rejected(r.getMessage());
        } catch (JsonProcessingException e) {
            return new Acknowledgement.Rejected("payload: not JSON: " + e.getOriginalMessage());
        } catch (IOException | RuntimeException e) {
            return new Acknowledgement.Rejected("payload: unreadable: " + e);
        }
    }

    /** {@code v} as written, after checking the payload is one JSON object within {@link #MAX_BYTES}. */
    private static String version(byte[] payload) throws IOException, Refusal {
        if (payload == null || payload.length == 0) {
            throw new Refusal("payload: empty");
        }
        if (payload.length > MAX_BYTES) {
            throw new Refusal("payload: " + payload.length + " bytes, more than " + MAX_BYTES);
        }
        try (JsonParser p = JSON.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Refusal("payload: not a JSON object");
            }
            String version = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                boolean isVersion = p.currentName().equals("v");
                JsonToken value = p.nextToken();
                if (isVersion) {
                    requireOnce(version, "v");
                    if (value != JsonToken.VALUE_NUMBER_INT) {
                        throw new Refusal("v: not an integer");
                    }
                    version = p.getText();
                }
                p.skipChildren();
            }
            if (p.nextToken() != null) {
                throw new Refusal("payload: more after the JSON object");
            }
            if (version == null) {
                throw new Refusal("v: missing");
            }
            return version;
        }
    }

    private static Acknowledgement versionOne(byte[] payload) throws IOException, Refusal {
        try (JsonParser p = JSON.createParser(payload)) {
            p.nextToken();
            List<Range> done = null;
            Long at = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "done" -> {
                        requireOnce(done, "done");
                        done = ranges(p, value);
                    }
                    case "at" -> {
                        requireOnce(at, "at");
                        at = int64(p, value);
                        if (at == null) {
                            throw new Refusal("at: not a 64-bit integer");
                        }
                    }
                    default -> p.skipChildren(); // v, read already; unknown fields: forward compatible
                }
            }
            if (done == null) {
                throw new Refusal("done: missing");
            }
            if (at == null) {
                throw new Refusal("at: missing");
            }
            // unsorted, overlapping or unmerged ranges are tolerated: applying an ack is a set union
            return new Acknowledgement(SeqRanges.union(done), at);
        }
    }

    private static List<Range> ranges(JsonParser p, JsonToken start) throws IOException, Refusal {
        if (start != JsonToken.START_ARRAY) {
            throw new Refusal("done: not an array");
        }
        List<Range> ranges = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (ranges.size() == SeqRanges.MAX_PER_ACK) {
                throw new Refusal("done: more than " + SeqRanges.MAX_PER_ACK + " ranges");
            }
            ranges.add(range(p, "done[" + ranges.size() + "]"));
        }
        if (ranges.isEmpty()) {
            throw new Refusal("done: empty (at least one range)");
        }
        return ranges;
    }

    private static Range range(JsonParser p, String where) throws IOException, Refusal {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new Refusal(where + ": not a [first, last] array");
        }
        long first = bound(p, where, "first");
        long last = bound(p, where, "last");
        if (p.nextToken() != JsonToken.END_ARRAY) {
            throw new Refusal(where + ": more than two elements");
        }
        if (first < 0) {
            throw new Refusal(where + ": first " + first + " is negative");
        }
        if (first > last) {
            throw new Refusal(where + ": first " + first + " > last " + last);
        }
        return new Range(first, last);
    }

    private static long bound(JsonParser p, String where, String name) throws IOException, Refusal {
        JsonToken token = p.nextToken();
        if (token == JsonToken.END_ARRAY) {
            throw new Refusal(where + ": " + name + " is missing");
        }
        Long value = int64(p, token);
        if (value == null) {
            throw new Refusal(where + ": " + name + " is not a 64-bit integer");
        }
        return value;
    }

    /** The integer at {@code token}; null for anything else: a fraction, an exponent, text, or more than 64 bits. */
    private static Long int64(JsonParser p, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            return null;
        }
        return p.getLongValue();
    }

    private static void requireOnce(Object seen, String field) throws Refusal {
        if (seen != null) {
            throw new Refusal(field + ": given twice");
        }
    }
}
