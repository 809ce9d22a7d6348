package io.parkpulse.simulators.mqtt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An end-to-end acknowledgement from ingest, as /work/ack-contract.md (issue 17) defines it: on
 * {@code dp/v1/{park}/{gateway}/ack}, {@code {"v":1,"done":[[first,last],…],"at":epochMs}} — the gateway's
 * telemetry {@code seq} numbers whose every reading is stored (or rejected and reported).
 *
 * <p>Kept small here for the simulators and load generators; to be folded into the contract module's ack class
 * (and {@code Topics}) when the issue-17 branches are merged.
 */
public record EndToEndAck(List<long[]> done, long at) {

    public static final int VERSION = 1;
    private static final JsonFactory JSON = new JsonFactory();

    /** The ack topic of one gateway: {@code dp/v1/{park}/{gateway}/ack}. */
    public static String topic(String park, String gateway) {
        return "dp/v1/" + park + "/" + gateway + "/ack";
    }

    /** True when some {@code done} range holds {@code seq}. */
    public boolean covers(long seq) {
        for (long[] range : done) {
            if (range[0] <= seq && seq <= range[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads an ack; unknown fields are ignored.
     *
     * @return empty for a version other than {@value #VERSION} (the caller counts a warning)
     * @throws IllegalArgumentException when it is not an ack at all (not JSON, no {@code v}, bad range)
     */
    public static Optional<EndToEndAck> parse(byte[] payload) {
        Integer version = null;
        List<long[]> done = null;
        long at = 0;
        try (JsonParser p = JSON.createParser(payload)) {
            require(p.nextToken() == JsonToken.START_OBJECT, "not a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "v" -> {
                        require(value == JsonToken.VALUE_NUMBER_INT, "v is not an integer");
                        version = p.getIntValue();
                    }
                    case "at" -> at = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : 0;
                    case "done" -> done = ranges(p, value);
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not an ack: " + e.getMessage(), e);
        }
        require(version != null, "no v");
        if (version != VERSION) {
            return Optional.empty();
        }
        require(done != null, "no done");
        return Optional.of(new EndToEndAck(List.copyOf(done), at));
    }

    private static List<long[]> ranges(JsonParser p, JsonToken start) throws IOException {
        require(start == JsonToken.START_ARRAY, "done is not an array");
        List<long[]> ranges = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_ARRAY) {
            require(p.nextToken() == JsonToken.VALUE_NUMBER_INT, "range without first");
            long first = p.getLongValue();
            require(p.nextToken() == JsonToken.VALUE_NUMBER_INT, "range without last");
            long last = p.getLongValue();
            require(p.nextToken() == JsonToken.END_ARRAY && first <= last, "bad range");
            ranges.add(new long[] {first, last});
        }
        require(p.currentToken() == JsonToken.END_ARRAY, "done holds something other than ranges");
        return ranges;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("not an ack: " + problem);
        }
    }
}
