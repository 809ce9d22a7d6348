package io.parkpulse.gateway.uplink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An end-to-end acknowledgement as ingest publishes it on {@code dp/v1/{park}/{gateway}/ack}
 * (/work/ack-contract.md, docs/protocol.md): {@code {"v": 1, "done": [[1040, 1045], [1047, 1047]], "at": 1796613752123}}.
 * {@code done} holds inclusive seq ranges whose every reading the platform settled.
 *
 * <p>Read strictly and never throwing: {@link #parse} answers a {@link Parsed} that is the ranges, a version
 * this gateway does not know (ignored, counted), or malformed with the reason. Unknown fields are ignored.
 * Kept in the gateway until the contract module carries the shared class; to be folded into it.
 */
public final class AckMessage {

    /** The contract's limit of ranges per message. */
    static final int MAX_RANGES = 1_000;
    static final int MAX_BYTES = 256 * 1024;

    private static final JsonFactory JSON = new JsonFactory();

    private AckMessage() {
    }

    /** An inclusive range of confirmed seqs. */
    public record Range(long first, long last) {
    }

    public sealed interface Parsed permits Done, OtherVersion, Malformed {
    }

    /** A version-1 ack: the confirmed ranges (possibly none). */
    public record Done(List<Range> ranges) implements Parsed {
    }

    /** {@code v} is not 1: ignored. */
    public record OtherVersion(String version) implements Parsed {
    }

    public record Malformed(String reason) implements Parsed {
    }

    public static Parsed parse(byte[] payload) {
        if (payload == null) {
            return new Malformed("no payload");
        }
        if (payload.length > MAX_BYTES) {
            return new Malformed("larger than " + MAX_BYTES + " bytes");
        }
        try {
            Parsed version = checkVersion(payload);
            return version != null ? version : readVersionOne(payload);
        } catch (IOException | RuntimeException e) {
            return new Malformed("not JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Null for version 1; otherwise what to answer. Only {@code v} is looked at: another version may differ in the rest. */
    private static Parsed checkVersion(byte[] payload) throws IOException {
        try (JsonParser p = JSON.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new Malformed("not a JSON object");
            }
            String version = null;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("v")) {
                    if (version != null) {
                        return new Malformed("v given twice");
                    }
                    if (value != JsonToken.VALUE_NUMBER_INT) {
                        return new Malformed("v is not an integer");
                    }
                    version = p.getText();
                }
                p.skipChildren();
            }
            if (p.nextToken() != null) {
                return new Malformed("text after the object");
            }
            if (version == null) {
                return new Malformed("v missing");
            }
            return "1".equals(version) ? null : new OtherVersion(version);
        }
    }

    private static Parsed readVersionOne(byte[] payload) throws IOException {
        try (JsonParser p = JSON.createParser(payload)) {
            p.nextToken();
            List<Range> ranges = null;
            boolean sawAt = false;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "done" -> {
                        if (ranges != null) {
                            return new Malformed("done given twice");
                        }
                        if (value != JsonToken.START_ARRAY) {
                            return new Malformed("done is not an array");
                        }
                        ranges = new ArrayList<>();
                        String problem = readRanges(p, ranges);
                        if (problem != null) {
                            return new Malformed(problem);
                        }
                    }
                    case "at" -> {
                        if (sawAt || value != JsonToken.VALUE_NUMBER_INT) {
                            return new Malformed("at is not an integer (epoch ms)");
                        }
                        sawAt = true;
                    }
                    default -> p.skipChildren(); // v (checked), and unknown fields: ignored, forward compatible
                }
            }
            if (ranges == null) {
                return new Malformed("done missing");
            }
            return new Done(List.copyOf(ranges));
        }
    }

    private static String readRanges(JsonParser p, List<Range> ranges) throws IOException {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (ranges.size() == MAX_RANGES) {
                return "more than " + MAX_RANGES + " ranges in done";
            }
            String where = "done[" + ranges.size() + "]";
            if (t != JsonToken.START_ARRAY) {
                return where + " is not a [first, last] pair";
            }
            long[] pair = new long[2];
            for (int i = 0; i < 2; i++) {
                if (p.nextToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return where + " is not a pair of whole numbers";
                }
                pair[i] = p.getLongValue();
            }
            if (p.nextToken() != JsonToken.END_ARRAY) {
                return where + " has more than two numbers";
            }
            if (pair[0] < 0 || pair[0] > pair[1]) {
                return where + " is not a range 0 <= first <= last: [" + pair[0] + ", " + pair[1] + "]";
            }
            ranges.add(new Range(pair[0], pair[1]));
        }
        return null;
    }
}
