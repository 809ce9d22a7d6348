package io.parkpulse.gateway.status;

import java.util.List;

/**
 * What the gateway knows about one device's reads, for the status page. Updated by the poller (one
 * writer per device at a time), read by the status page; fields are published together through a
 * volatile snapshot.
 */
public final class DeviceHealth {

    /** One moment's view. */
    public record Snapshot(String meter, String protocol, String bus, long lastReadMs, long lastSuccessMs, int lastValues,
                           long reads, long failures, int consecutiveFailures, String lastError, List<String> lastProblems) {
    }

    private volatile Snapshot snapshot;

    public DeviceHealth(String meter, String protocol, String bus) {
        snapshot = new Snapshot(meter, protocol, bus, 0, 0, 0, 0, 0, 0, null, List.of());
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    void succeeded(long atMs, int values, List<String> problems) {
        Snapshot s = snapshot;
        snapshot = new Snapshot(s.meter(), s.protocol(), s.bus(), atMs, atMs, values, s.reads() + 1, s.failures(), 0,
                problems.isEmpty() ? null : problems.get(0), List.copyOf(problems));
    }

    void failed(long atMs, String error) {
        Snapshot s = snapshot;
        snapshot = new Snapshot(s.meter(), s.protocol(), s.bus(), atMs, s.lastSuccessMs(), 0, s.reads() + 1, s.failures() + 1,
                s.consecutiveFailures() + 1, error, List.of());
    }
}
