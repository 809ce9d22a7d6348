package io.parkpulse.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ingest instances a load run follows, each watched by its own {@link IngestSampler}: together they tell how far
 * the pipeline has got (the closed loop's feedback), and one by one how the shared subscription split the stream.
 */
final class IngestFleet implements AutoCloseable {

    private final List<IngestTarget> targets;
    private final List<IngestSampler> samplers = new ArrayList<>();

    IngestFleet(List<IngestTarget> targets) {
        this.targets = List.copyOf(targets);
        for (IngestTarget t : targets) {
            samplers.add(new IngestSampler(t.metrics(), t.pid()));
        }
    }

    boolean isEmpty() {
        return samplers.isEmpty();
    }

    List<IngestTarget> targets() {
        return targets;
    }

    /** Samples every instance now, so the counts that follow are fresh. */
    void sample() {
        samplers.forEach(IngestSampler::sample);
    }

    /** Points all instances reported written at their last samples, or -1 while any of them is unknown. */
    double pointsStored() {
        double sum = 0;
        for (IngestSampler s : samplers) {
            double points = s.pointsStored();
            if (points < 0) {
                return -1;
            }
            sum += points;
        }
        return sum;
    }

    /** Each instance's count at its last sample, in the order of {@link #targets()}; -1 where unknown. */
    double[] pointsByInstance() {
        return samplers.stream().mapToDouble(IngestSampler::pointsStored).toArray();
    }

    /**
     * The figures of each instance for a run.
     *
     * @param pointsBefore each instance's count when the run started ({@link #pointsByInstance()})
     * @param cpuSeconds   CPU seconds used in the run, by instance name (NaN where unknown)
     */
    List<LoadReport.Instance> figures(double[] pointsBefore, Map<String, Double> cpuSeconds) {
        List<LoadReport.Instance> figures = new ArrayList<>();
        for (int i = 0; i < samplers.size(); i++) {
            IngestSampler s = samplers.get(i);
            String name = targets.get(i).name();
            long points = s.pointsStored() < 0 || pointsBefore[i] < 0 ? -1 : (long) (s.pointsStored() - pointsBefore[i]);
            figures.add(new LoadReport.Instance(name, points, s.peakHeapMb(), s.peakLiveHeapMb(), s.peakRssMb(),
                    cpuSeconds.getOrDefault(name, Double.NaN)));
        }
        return figures;
    }

    @Override
    public void close() throws InterruptedException {
        for (IngestSampler s : samplers) {
            s.close();
        }
    }
}
