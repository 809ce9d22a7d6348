package io.parkpulse.chaos;

import io.parkpulse.bench.load.IngestMetrics;
import io.parkpulse.bench.load.ProcessMemory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples every ingest instance's /metrics and resident memory every {@value #EVERY_MS} ms: points written (summed
 * over restarts, told apart by process id: a killed instance's counter starts again at zero), and of any one
 * instance since the last {@link #resetPeaks()} the peak heap in use (garbage included), the peak live heap (what
 * the last collection kept: the figure that shows whether memory is bounded) and the peak RSS.
 *
 * <p>Thread-safe: one sample at a time (the monitor's thread and {@link #sampleNow()} take the same lock).
 */
final class IngestMonitor implements AutoCloseable {

    static final int EVERY_MS = 200;
    private static final double MIB = 1024 * 1024;

    private final List<IngestInstance> instances;
    private final Map<String, Double> lastCounter = new HashMap<>();
    private final Map<String, Double> earlierLives = new HashMap<>();
    private final Map<String, Long> lastPid = new HashMap<>();
    private final Thread thread;
    private double peakHeapMb;
    private double peakLiveHeapMb;
    private double peakRssMb;
    private volatile boolean running = true;

    IngestMonitor(List<IngestInstance> instances) {
        this.instances = List.copyOf(instances);
        this.thread = new Thread(this::loop, "ingest-monitor");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            sampleNow();
            try {
                Thread.sleep(EVERY_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Samples every instance now, so a figure read next is not up to {@value #EVERY_MS} ms old. */
    synchronized void sampleNow() {
        for (IngestInstance instance : instances) {
            sample(instance);
        }
    }

    /** Whether every instance is running and reports its subscription granted. */
    boolean allSubscribed() {
        return instances.stream().allMatch(IngestInstance::isSubscribed);
    }

    private void sample(IngestInstance instance) {
        if (!instance.isAlive()) {
            return;
        }
        long pid = instance.pid(); // before the fetch: a sample belongs to the life it was taken from
        String metrics = instance.metrics();
        if (metrics == null || pid != instance.pid()) {
            return;
        }
        IngestMetrics now = IngestMetrics.parse(metrics);
        peakHeapMb = Math.max(peakHeapMb, now.heapUsedBytes() / MIB);
        peakLiveHeapMb = Math.max(peakLiveHeapMb, now.liveHeapBytes() / MIB);
        peakRssMb = Math.max(peakRssMb, ProcessMemory.residentBytes(pid) / MIB);
        double stored = now.pointsStored();
        if (stored >= 0) {
            Long previous = lastPid.put(instance.name(), pid);
            if (previous != null && previous != pid) { // a new life of the instance: its counter started again
                earlierLives.merge(instance.name(), lastCounter.getOrDefault(instance.name(), 0.0), Double::sum);
            }
            lastCounter.put(instance.name(), stored);
        }
    }

    /** Points (readings and gateway status) all instances wrote; a killed instance's writes after its last sample are not seen. */
    synchronized long pointsWritten() {
        double total = 0;
        for (Map.Entry<String, Double> e : lastCounter.entrySet()) {
            total += e.getValue() + earlierLives.getOrDefault(e.getKey(), 0.0);
        }
        return Math.round(total);
    }

    synchronized double peakHeapMb() {
        return peakHeapMb;
    }

    synchronized double peakLiveHeapMb() {
        return peakLiveHeapMb;
    }

    synchronized double peakRssMb() {
        return peakRssMb;
    }

    synchronized void resetPeaks() {
        peakHeapMb = 0;
        peakLiveHeapMb = 0;
        peakRssMb = 0;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
