package io.parkpulse.bench.peers;

/** The names under which runs report the CPU time of the processes they watch. */
public final class ProcessNames {

    public static final String INGEST = "ingest";
    public static final String NODE_RED = "node-red";
    public static final String MOSQUITTO_SUB = "mosquitto_sub";
    public static final String MOSQUITTO = "mosquitto";
    public static final String INFLUXD = "influxd";
    /** This JVM: the publisher, the polls of InfluxDB, and in the InfluxDB-alone lane the writer. */
    public static final String BENCH = "bench";

    private ProcessNames() {
    }

    /** The process a lane runs of its own, or null (InfluxDB alone writes from this JVM). */
    public static String underTest(Lane lane) {
        return switch (lane) {
            case BROKER -> MOSQUITTO_SUB;
            case INFLUX -> null;
            case PARKPULSE -> INGEST;
            case NODE_RED -> NODE_RED;
        };
    }
}
