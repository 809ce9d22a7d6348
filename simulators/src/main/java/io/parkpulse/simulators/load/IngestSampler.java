package io.parkpulse.simulators.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
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
            String text = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            double heap = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    heap += value(line);
                } else if (line.startsWith("jvm_gc_live_data_size_bytes")) {
                    peakLiveBytes = Math.max(peakLiveBytes, value(line));
                } else if (line.startsWith("parkpulse_ingest_points_stored_total")) {
                    pointsStored = value(line);
                }
            }
            peakHeapBytes = Math.max(peakHeapBytes, heap);
        } catch (IOException e) {
            // ingest restarting or busy; the next sample will tell
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (pid != null) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", pid.toString(), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        double kb = Double.parseDouble(line.replaceAll("[^0-9]", ""));
                        peakRssBytes = Math.max(peakRssBytes, kb * 1024);
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // the process is gone or /proc is not there
            }
        }
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
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
