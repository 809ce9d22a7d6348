package io.parkpulse.bench.peers;

import io.parkpulse.bench.load.ProcessCpu;
import io.parkpulse.contract.Channel;
import io.parkpulse.contract.Topics;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every lane shares: the broker and its log, InfluxDB, the publisher, the long-running services whose CPU time is
 * watched (Mosquitto, InfluxDB), the run sizes and the scratch directory.
 *
 * @param services process ids of the services by name ({@link ProcessNames#MOSQUITTO}, {@link ProcessNames#INFLUXD})
 */
record PeerRig(String brokerUrl, BrokerLog brokerLog, InfluxReadings influx, PeerPublisher publisher, Map<String, Long> services,
               RunSizes sizes, Path work) {

    /** The filter every subscriber takes telemetry with: ingest's shared subscription, group {@code ingest}. */
    static final String TELEMETRY_FILTER = Topics.shared("ingest", Channel.TELEMETRY);
    /** A run is over once nothing was written (received) for this long. */
    static final Duration STALL = Duration.ofSeconds(20);

    /**
     * A fresh database, and InfluxDB quiet again (below a fifth of a core over a second, 30 s at most): the previous
     * run's compactions must not be measured in this one.
     */
    void freshStorage() throws IOException, InterruptedException {
        influx.recreate();
        Long influxd = services.get(ProcessNames.INFLUXD);
        if (influxd != null) {
            ProcessCpu.awaitQuiet(influxd, 0.2, Duration.ofSeconds(1), Duration.ofSeconds(30));
        }
    }

    /** The processes a run watches: its own (if any), the services and this JVM. */
    Map<String, Long> watched(String name, Long pid) {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (name != null) {
            pids.put(name, pid);
        }
        pids.putAll(services);
        pids.put(ProcessNames.BENCH, ProcessHandle.current().pid());
        return pids;
    }

    /**
     * The measured block: device times from half an hour ago, in the past so they never meet live data, yet recent
     * enough that ingest does not mark them late (an hour) and write marks beside them.
     */
    ReadingBlock measuredBlock() {
        return new ReadingBlock(System.currentTimeMillis() - 30 * 60_000L, sizes.rounds());
    }

    /** The first warm-up block: ten minutes before the measured readings, which it never reaches. */
    ReadingBlock firstWarmUpBlock() {
        return new ReadingBlock(System.currentTimeMillis() - 40 * 60_000L, Math.min(sizes.rounds(), sizes.warmUpRounds()));
    }

    /** The broker's host and port, for {@code mosquitto_sub}. */
    String host() {
        return URI.create(brokerUrl).getHost();
    }

    int port() {
        return URI.create(brokerUrl).getPort();
    }
}
