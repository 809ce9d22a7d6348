package io.parkpulse.bench.load;

import java.time.Duration;

/** The pause between measured runs: until InfluxDB has finished with what the previous run wrote (compactions), so runs start alike. */
final class InfluxSettling {

    private InfluxSettling() {
    }

    /** @param influxPid InfluxDB's process id, to wait until it is quiet (60 s at most); null: a fixed 5 s */
    static void await(Long influxPid) throws InterruptedException {
        if (influxPid == null) {
            Thread.sleep(5_000);
        } else if (!ProcessCpu.awaitQuiet(influxPid, 0.05, Duration.ofSeconds(2), Duration.ofSeconds(60))) {
            System.out.println("  (InfluxDB still busy after 60 s; going on)");
        }
    }
}
