package io.parkpulse.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The figures load and fault runs read from ingest's Prometheus text, in the shape Micrometer writes it. */
class IngestMetricsTest {

    static final String TEXT = """
            # HELP jvm_memory_used_bytes The amount of used memory
            # TYPE jvm_memory_used_bytes gauge
            jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.048576E7
            jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2097152.0
            jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.9E7
            # TYPE jvm_gc_live_data_size_bytes gauge
            jvm_gc_live_data_size_bytes 3145728.0
            # TYPE parkpulse_ingest_points_stored_total counter
            parkpulse_ingest_points_stored_total 12345.0
            # TYPE parkpulse_ingest_broker_subscribed gauge
            parkpulse_ingest_broker_subscribed 1.0
            # TYPE parkpulse_ingest_acks_total counter
            parkpulse_ingest_acks_total{result="failed"} 2.0
            parkpulse_ingest_acks_total{result="published"} 678.0
            """;

    @Test
    void readsHeapLiveHeapPointsSubscriptionAndAcks() {
        IngestMetrics metrics = IngestMetrics.parse(TEXT);
        assertThat(metrics.heapUsedBytes()).isEqualTo(10_485_760 + 2_097_152); // heap pools only
        assertThat(metrics.liveHeapBytes()).isEqualTo(3_145_728);
        assertThat(metrics.pointsStored()).isEqualTo(12_345);
        assertThat(metrics.subscribed()).isTrue();
        assertThat(metrics.acksPublished()).isEqualTo(678);
    }

    @Test
    void aFreshOrUnsubscribedInstanceSaysSo() {
        IngestMetrics metrics = IngestMetrics.parse("parkpulse_ingest_broker_subscribed 0.0\n");
        assertThat(metrics.pointsStored()).isEqualTo(-1);
        assertThat(metrics.subscribed()).isFalse();
        assertThat(metrics.heapUsedBytes()).isZero();
        assertThat(metrics.acksPublished()).as("no ack counter: none published").isZero();
    }

    @Test
    void residentMemoryOfThisProcessIsReadAndOfAGoneOneIsUnknown() {
        assertThat(ProcessMemory.residentBytes(ProcessHandle.current().pid())).isGreaterThan(1024 * 1024);
        assertThat(ProcessMemory.residentBytes(Long.MAX_VALUE)).isEqualTo(-1);
    }
}
