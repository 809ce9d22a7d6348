package io.parkpulse.contract;

import java.util.Optional;

/**
 * The topic tree: {@code dp/v1/{park}/{gateway}/{channel}}.
 *
 * <p>The version level lets a future contract run beside this one on the same broker.
 */
public final class Topics {
    public static final String PREFIX = "dp/v1/";

    private Topics() {
    }

    /** Where park, gateway and channel of a topic are. */
    public record Address(String park, String gateway, Channel channel) {
        public String topic() {
            return Topics.topic(park, gateway, channel);
        }
    }

    public static String topic(String park, String gateway, Channel channel) {
        requireId("park", park);
        requireId("gateway", gateway);
        return PREFIX + park + '/' + gateway + '/' + channel.level();
    }

    public static String telemetry(String park, String gateway) {
        return topic(park, gateway, Channel.TELEMETRY);
    }

    public static String status(String park, String gateway) {
        return topic(park, gateway, Channel.STATUS);
    }

    public static String rejected(String park, String gateway) {
        return topic(park, gateway, Channel.REJECTED);
    }

    /** Where ingest acknowledges a gateway's settled messages end to end ({@link Acknowledgement}): QoS 1, not retained. */
    public static String ack(String park, String gateway) {
        return topic(park, gateway, Channel.ACK);
    }

    /** The filter matching one channel of every gateway of every park. */
    public static String allParks(Channel channel) {
        return PREFIX + "+/+/" + channel.level();
    }

    /**
     * A shared subscription to one channel of every park: the broker hands each message to one member
     * of {@code group}, so N ingest instances split the stream.
     */
    public static String shared(String group, Channel channel) {
        requireId("share group", group);
        return "$share/" + group + '/' + allParks(channel);
    }

    /** Parses a concrete topic; empty if it is not a ParkPulse topic or its ids are malformed. */
    public static Optional<Address> parse(String topic) {
        if (topic == null || !topic.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] levels = topic.substring(PREFIX.length()).split("/", -1);
        if (levels.length != 3 || !Ids.isValid(levels[0]) || !Ids.isValid(levels[1])) {
            return Optional.empty();
        }
        return Channel.byLevel(levels[2]).map(channel -> new Address(levels[0], levels[1], channel));
    }

    /** Where ingest publishes a park's live rollups (docs/live.md): QoS 0, not retained. */
    public static String liveRollup(String park) {
        requireId("park", park);
        return LIVE_PREFIX + park + "/rollup";
    }

    /** The filter matching every park's live rollups. */
    public static final String LIVE_ROLLUPS = "live/v1/+/rollup";

    private static final String LIVE_PREFIX = "live/v1/";

    /** The park a live-rollup topic names; empty for another topic or a malformed id. */
    public static Optional<String> liveRollupPark(String topic) {
        if (topic == null || !topic.startsWith(LIVE_PREFIX) || !topic.endsWith("/rollup")) {
            return Optional.empty();
        }
        String park = topic.substring(LIVE_PREFIX.length(), topic.length() - "/rollup".length());
        return Ids.isValid(park) ? Optional.of(park) : Optional.empty();
    }

    private static void requireId(String what, String id) {
        String problem = Ids.problem(id);
        if (problem != null) {
            throw new IllegalArgumentException(what + " id " + problem);
        }
    }
}
