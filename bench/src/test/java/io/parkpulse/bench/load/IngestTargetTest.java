package io.parkpulse.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestTargetTest {

    final List<URI> urls = List.of(URI.create("http://127.0.0.1:8095/metrics"), URI.create("http://127.0.0.1:8096/metrics"));

    @Test
    void instancesAreNumberedInTheOrderGivenWithTheirPids() {
        assertThat(IngestTarget.numbered(urls, List.of(11L, 22L))).containsExactly(new IngestTarget("ingest-1", urls.get(0), 11L),
                new IngestTarget("ingest-2", urls.get(1), 22L));
        assertThat(IngestTarget.numbered(urls, List.of())).extracting(IngestTarget::pid).containsOnlyNulls();
    }

    @Test
    void pidsThatDoNotPairWithTheUrlsAreRefusedWithTheOptionNames() {
        assertThatThrownBy(() -> IngestTarget.numbered(urls, List.of(11L))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--ingest-pid was given 1 times for 2 --ingest-metrics URLs");
    }
}
