package io.parkpulse.bench.peers;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the same readings are sent: the MQTT QoS of the publisher and how many readings one message carries. Named as on
 * the command line, {@code qos1-50}: QoS 1, 50 readings per message.
 */
public record Shape(int qos, int readingsPerMessage) {

    private static final Pattern NAME = Pattern.compile("qos([01])-([0-9]{1,4})");

    public Shape {
        if (qos != 0 && qos != 1) {
            throw new IllegalArgumentException("QoS must be 0 or 1: " + qos);
        }
        if (readingsPerMessage < 1 || readingsPerMessage > 1000) {
            throw new IllegalArgumentException("readings per message must be 1..1000 (the contract's limit): " + readingsPerMessage);
        }
    }

    /** Picocli converter and the inverse of {@link #toString()}. */
    public static Shape parse(String name) {
        Matcher m = NAME.matcher(name.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("a shape is qos<0|1>-<readings per message>, e.g. qos1-50: " + name);
        }
        return new Shape(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** One reading per message: the shapes whose goal is set against the broker alone. */
    public boolean singleReading() {
        return readingsPerMessage == 1;
    }

    @Override
    public String toString() {
        return "qos" + qos + "-" + readingsPerMessage;
    }
}
