package io.parkpulse.bench.load;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * One ingest instance a load run follows.
 *
 * @param name    how reports name it
 * @param metrics its Prometheus {@code /metrics} URL
 * @param pid     its process id, for resident memory and CPU time; null when unknown
 */
public record IngestTarget(String name, URI metrics, Long pid) {

    public IngestTarget {
        if (name == null || name.isBlank() || metrics == null) {
            throw new IllegalArgumentException("an ingest target needs a name and a /metrics URL");
        }
    }

    /**
     * Targets {@code ingest-1 … ingest-n} from parallel lists of URLs and pids, as command lines give them.
     *
     * @param pids empty, or one per URL in the same order
     * @throws IllegalArgumentException when there are pids but not one per URL
     */
    public static List<IngestTarget> numbered(List<URI> metrics, List<Long> pids) {
        if (!pids.isEmpty() && pids.size() != metrics.size()) {
            throw new IllegalArgumentException("--ingest-pid was given " + pids.size() + " times for " + metrics.size()
                    + " --ingest-metrics URLs: give one pid per URL, in the same order, or none");
        }
        List<IngestTarget> targets = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            targets.add(new IngestTarget("ingest-" + (i + 1), metrics.get(i), pids.isEmpty() ? null : pids.get(i)));
        }
        return targets;
    }
}
