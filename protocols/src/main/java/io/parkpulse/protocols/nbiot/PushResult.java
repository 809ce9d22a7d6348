package io.parkpulse.protocols.nbiot;

import java.util.List;

/** What a carrier push parser made of one HTTP body. */
public sealed interface PushResult permits PushResult.Parsed, PushResult.Malformed, PushResult.Forbidden {

    /**
     * A well-formed push: its meter uplinks, and the messages in it that carry no meter data (online/offline
     * reports, command results) with why they were passed over. Both may be empty.
     */
    record Parsed(List<Uplink> uplinks, List<String> ignored) implements PushResult {
        public Parsed {
            uplinks = List.copyOf(uplinks);
            ignored = List.copyOf(ignored);
        }
    }

    /** A body that is not the carrier's push format; the reason names the JSON path, e.g. {@code $.payload.APPdata}. */
    record Malformed(String reason) implements PushResult {
    }

    /** A body whose signature does not match the configured token. */
    record Forbidden(String reason) implements PushResult {
    }
}
