package io.parkpulse.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.io.IOException;

/**
 * Watches the ingest instance under test five times a second (often enough that a closed-loop load
 * generator's backlog estimate is not inflated by a second of writes): heap in use (from its Prometheus
 * {@code jvm_memory_used_bytes{area="heap"}}, garbage included) and live after collections
 * ({@code jvm_gc_live_data_size_bytes}), points it wrote ({@code parkpulse_ingest_points_stored_total}),
 * and the process's resident memory from {@code /proc/<pid>/status} when its pid is known.
 *
 * <p>Reads happen on its own thread; getters may be called from any thread.
 */
final class IngestSampler implements AutoCloseable {

    private final URI metrics;
    private final Long pid;
    private final HttpClient http = IngestMetrics.httpClient();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile double peakHeapBytes;
    private volatile double peakLiveBytes;
    private volatile double peakRssBytes;
    private volatile double pointsStored = -1;

    IngestSampler(URI metrics, Long pid) {
        this.metrics = metrics;
        this.pid = pid;
        sample();
        this.thread = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "ingest-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void sample() {
        try {
            IngestMetrics now = IngestMetrics.fetch(http, metrics);
            peakHeapBytes = Math.max(peakHeapBytes, now.heapUsedBytes());
            peakLiveBytes = Math.max(peakLiveBytes, now.liveHeapBytes());
            if (now.pointsStored() >= 0) {
                pointsStored = now.pointsStored();
            }
        } catch (IOException e) {
            // ingest restarting or busy; the next sample will tell
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (pid != null) {
            peakRssBytes = Math.max(peakRssBytes, ProcessMemory.residentBytes(pid));
        }
    }

    double peakHeapMb() {
        return peakHeapBytes / (1024 * 1024);
    }

    /** The most heap that was still live after a garbage collection, in MiB. */
    double peakLiveHeapMb() {
        return peakLiveBytes / (1024 * 1024);
    }

    /** Resident memory peak in MiB, or -1 when the pid is unknown. */
    double peakRssMb() {
        return pid == null ? -1 : peakRssBytes / (1024 * 1024);
    }

    /** Points ingest reported written at the last sample, or -1 when unknown. */
    double pointsStored() {
        return pointsStored;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
