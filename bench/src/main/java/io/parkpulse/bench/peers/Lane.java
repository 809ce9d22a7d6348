package io.parkpulse.bench.peers;

/**
 * What carries the readings from the broker to storage in a run. ParkPulse and Node-RED are the systems compared; the
 * broker alone and InfluxDB alone are the ceilings either end of the pipeline allows on this machine.
 */
public enum Lane {
    /** Publisher → Mosquitto → {@code mosquitto_sub}: what the publisher and the broker allow, nothing stored. */
    BROKER("broker", "broker alone"),
    /** The same points written straight to InfluxDB in 5,000-point batches: what storage allows. */
    INFLUX("influx", "InfluxDB alone"),
    /** A fresh ingest process from the shaded jar. */
    PARKPULSE("parkpulse", "ParkPulse"),
    /** A fresh Node-RED process running the repository's flow. */
    NODE_RED("node-red", "Node-RED");

    private final String option;
    private final String label;

    Lane(String option, String label) {
        this.option = option;
        this.label = label;
    }

    /** Picocli converter: the name used in {@code --lanes}. */
    public static Lane parse(String option) {
        for (Lane lane : values()) {
            if (lane.option.equalsIgnoreCase(option.trim())) {
                return lane;
            }
        }
        throw new IllegalArgumentException("a lane is broker, influx, parkpulse or node-red: " + option);
    }

    public String option() {
        return option;
    }

    public String label() {
        return label;
    }
}
