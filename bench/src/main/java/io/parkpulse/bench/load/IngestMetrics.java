package io.parkpulse.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What an ingest instance's Prometheus {@code /metrics} text says about the figures load and fault runs follow: heap
 * in use ({@code jvm_memory_used_bytes{area="heap"}}, summed over pools, garbage included), heap live after the last
 * collection ({@code jvm_gc_live_data_size_bytes}), points written ({@code parkpulse_ingest_points_stored_total}),
 * whether the broker granted its subscription ({@code parkpulse_ingest_broker_subscribed}) and end-to-end acks the
 * broker confirmed ({@code parkpulse_ingest_acks_total{result="published"}}).
 *
 * @param pointsStored  points written, -1 when the text has no such counter
 * @param acksPublished end-to-end acks published, 0 when the text has no such counter (an ingest with acks off)
 */
public record IngestMetrics(double heapUsedBytes, double liveHeapBytes, double pointsStored, boolean subscribed, double acksPublished) {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    /** A client for {@link #fetch}: HTTP/1.1, so no h2c upgrade is tried on each connection to ingest's plain-HTTP endpoint. */
    static HttpClient httpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    }

    /**
     * Reads an instance's {@code /metrics} now, within 6 s whatever the client does: once its own request timeout never
     * fired and a load run hung for minutes in a sample.
     *
     * @throws IOException when it does not answer 200 in time
     */
    static IngestMetrics fetch(HttpClient http, URI metrics) throws IOException, InterruptedException {
        try {
            HttpResponse<String> response = http.sendAsync(HttpRequest.newBuilder(metrics).timeout(REQUEST_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString()).get(REQUEST_TIMEOUT.toSeconds() + 1, TimeUnit.SECONDS);
            if (response.statusCode() != 200) {
                throw new IOException(metrics + " answered " + response.statusCode());
            }
            return parse(response.body());
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(metrics + ": " + e, e);
        }
    }

    public static IngestMetrics parse(String prometheusText) {
        double heap = 0;
        double live = 0;
        double stored = -1;
        boolean subscribed = false;
        double acks = 0;
        for (String line : prometheusText.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                heap += value(line);
            } else if (line.startsWith("jvm_gc_live_data_size_bytes")) {
                live = value(line);
            } else if (line.startsWith("parkpulse_ingest_points_stored_total")) {
                stored = Math.max(stored, 0) + value(line);
            } else if (line.startsWith("parkpulse_ingest_broker_subscribed")) {
                subscribed = value(line) == 1;
            } else if (line.startsWith("parkpulse_ingest_acks_total{") && line.contains("result=\"published\"")) {
                acks = value(line);
            }
        }
        return new IngestMetrics(heap, live, stored, subscribed, acks);
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
