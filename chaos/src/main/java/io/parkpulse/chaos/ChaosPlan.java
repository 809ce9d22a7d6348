package io.parkpulse.chaos;

import java.time.Duration;

/**
 * How hard and how long the suite pushes: the steady load, each fault's length and the limits a run must stay within.
 * {@link #SHORT} runs in the tests (about three minutes); {@link #FULL} is the form, whose figures are in
 * docs/reliability.md.
 *
 * @param loadGateways       simulated gateways of the steady load (one thread and one MQTT connection each)
 * @param metersPerGateway   meters per simulated gateway; one message carries one reading of each
 * @param readingsPerSecond  steady load across all simulated gateways
 * @param warmUp             load before a fault, so the fault hits a pipeline in its steady state
 * @param settle             load after recovery, before the load stops and the counts are taken: it only shows traffic
 *                           flowing on, since recovery is measured exactly and the counts wait for what is on its way
 * @param ingestDown         how long a killed ingest stays down before its supervisor starts it again
 * @param brokerDown         how long the broker is stopped
 * @param influxDown         how long InfluxDB is stopped
 * @param uplinkCut          how long the real gateway's uplink is cut; the gateway is killed and restarted half-way
 * @param gatewayMeters      DL/T 645 meters the real gateway reads
 * @param gatewayPoll        the real gateway's polling interval
 * @param recoveryLimit      longest recovery accepted, and how long the suite waits for one
 * @param ingestHeapMb       ingest's -Xmx; its peak heap in use must stay below it (memory bounded)
 * @param backlog            load queued in the broker (InfluxDB down) before the broker is killed (broker-kill-backlog)
 * @param ackTimeout         end-to-end ack timeout before a message is sent again, of the acking load publishers and of
 *                           the real gateway ({@code acks.resend_after}): the contract's 30 s in the full form; shorter
 *                           in the short one, so CI does not wait for the resends of what a killed broker lost
 */
public record ChaosPlan(String name, int loadGateways, int metersPerGateway, double readingsPerSecond, Duration warmUp,
                        Duration settle, Duration ingestDown, Duration brokerDown, Duration influxDown, Duration uplinkCut,
                        int gatewayMeters, Duration gatewayPoll, Duration recoveryLimit, int ingestHeapMb, Duration backlog,
                        Duration ackTimeout) {

    public static final ChaosPlan SHORT = new ChaosPlan("short", 4, 50, 400, Duration.ofSeconds(5), Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30),
            10, Duration.ofSeconds(1), Duration.ofSeconds(90), 256, Duration.ofSeconds(10), Duration.ofSeconds(5));

    public static final ChaosPlan FULL = new ChaosPlan("full", 10, 100, 2000, Duration.ofSeconds(15), Duration.ofSeconds(30),
            Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMinutes(5),
            20, Duration.ofSeconds(1), Duration.ofMinutes(3), 256, Duration.ofSeconds(20), Duration.ofSeconds(30));

    public static ChaosPlan named(String name) {
        return switch (name) {
            case "short" -> SHORT;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("unknown form '" + name + "': expected short or full");
        };
    }
}
