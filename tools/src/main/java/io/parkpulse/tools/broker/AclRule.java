package io.parkpulse.tools.broker;

import java.util.Objects;

/** One line of a Mosquitto {@code acl_file}: {@code topic read|write|readwrite <topic or filter>}. */
public record AclRule(Access access, String topic) {

    /** What a rule grants. Mosquitto's {@code read} covers subscribing and receiving. */
    public enum Access {
        READ("read"), WRITE("write");

        private final String keyword;

        Access(String keyword) {
            this.keyword = keyword;
        }
    }

    public AclRule {
        Objects.requireNonNull(access, "access");
        if (topic == null || topic.isBlank() || topic.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("an ACL topic must be non-empty and without spaces: \"" + topic + "\"");
        }
    }

    public static AclRule read(String topic) {
        return new AclRule(Access.READ, topic);
    }

    public static AclRule write(String topic) {
        return new AclRule(Access.WRITE, topic);
    }

    public String line() {
        return "topic " + access.keyword + " " + topic;
    }
}
