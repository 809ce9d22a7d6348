package io.parkpulse.chaos;

import io.parkpulse.testkit.MosquittoConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the faults one after another against one {@link Stage}, each under its own steady load, and measures:
 * warm-up, fault, heal, wait for recovery, settle, stop the load, wait until the pipeline drained, count.
 */
public final class ChaosSuite {

    private static final Logger LOG = LoggerFactory.getLogger(ChaosSuite.class);
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(3);

    private final ChaosPlan plan;
    private final Path work;
    private final Jars jars;
    private final List<String> only;
    private final MosquittoConfig broker;

    /**
     * @param only   scenario names to run, empty for all
     * @param broker the broker's configuration: the test kit's defaults, or smaller queues to see the suite catch a loss
     */
    public ChaosSuite(ChaosPlan plan, Path work, Jars jars, List<String> only, MosquittoConfig broker) {
        this.plan = plan;
        this.broker = broker;
        this.work = work;
        this.jars = jars;
        this.only = List.copyOf(only);
        for (String name : only) {
            if (Scenarios.all().stream().noneMatch(s -> s.name().equals(name))) {
                throw new IllegalArgumentException("unknown scenario '" + name + "': expected one of "
                        + Scenarios.all().stream().map(Scenario::name).toList());
            }
        }
    }

    /** Runs the plan; {@code onResult} hears each result as soon as it is known. */
    public ChaosReport run(Consumer<String> onResult) throws Exception {
        List<ScenarioResult> results = new ArrayList<>();
        long started = System.nanoTime();
        try (Stage stage = Stage.start(plan, work, jars, broker)) {
            for (Scenario scenario : Scenarios.all()) {
                if (only.isEmpty() || only.contains(scenario.name())) {
                    ScenarioResult result = run(stage, scenario);
                    results.add(result);
                    onResult.accept(ChaosReport.line(result));
                }
            }
        }
        return new ChaosReport(plan, results, Duration.ofNanos(System.nanoTime() - started));
    }

    private ScenarioResult run(Stage stage, Scenario scenario) throws Exception {
        LOG.info("{}: {}", scenario.name(), scenario.fault(plan));
        stage.monitor.sampleNow();
        long writesBefore = stage.monitor.pointsWritten();
        long gatewayBefore = stage.storedOfGateway();
        try (SteadyLoad load = stage.startLoad()) {
            stage.monitor.resetPeaks();
            Thread.sleep(plan.warmUp().toMillis());
            double baselineHeap = stage.monitor.peakHeapMb();
            stage.monitor.resetPeaks();

            scenario.inject(stage);
            scenario.during(stage, scenario.length(plan));
            // recovery counts from the moment the fault is lifted: a restart's own start-up is part of it
            long healedAt = System.nanoTime();
            long producedAtHeal = load.produced();
            scenario.heal(stage);
            long ingestBackMs = awaitIngestSubscribed(stage, healedAt);
            long recoveryMs = awaitStored(stage, load, producedAtHeal, plan.recoveryLimit())
                    ? (System.nanoTime() - healedAt) / 1_000_000 : -1;
            LOG.info("{}: healed; {} readings produced by then, recovered in {} ms", scenario.name(), producedAtHeal, recoveryMs);

            Thread.sleep(plan.settle().toMillis());
            long published = load.stop();
            awaitStored(stage, load, published, DRAIN_LIMIT);
            long stored = stage.stored(load);
            GatewayFigures gateway = scenario.settle(stage);
            stage.monitor.sampleNow();
            // ingest also wrote the real gateway's readings meanwhile: distinct points, so their count is their writes
            long writes = stage.monitor.pointsWritten() - writesBefore - (stage.storedOfGateway() - gatewayBefore);
            boolean alive = stage.ingests.stream().allMatch(IngestInstance::isAlive);
            return new ScenarioResult(scenario.name(), scenario.fault(plan), published, stored, Math.max(0, writes - stored),
                    recoveryMs, ingestBackMs, baselineHeap, stage.monitor.peakHeapMb(), stage.monitor.peakRssMb(), load.failedAttempts(),
                    alive,
                    gateway, plan.ingestHeapMb(), plan.recoveryLimit().toMillis(), plan.gatewayMeters());
        }
    }

    /** Milliseconds from {@code since} until every ingest instance is subscribed again, -1 if not within the recovery limit. */
    private long awaitIngestSubscribed(Stage stage, long since) throws InterruptedException {
        long deadline = System.nanoTime() + plan.recoveryLimit().toNanos();
        while (System.nanoTime() < deadline) {
            if (stage.monitor.allSubscribed()) {
                return (System.nanoTime() - since) / 1_000_000;
            }
            Thread.sleep(50);
        }
        return -1;
    }

    /** Waits until InfluxDB holds at least {@code target} readings of the load; false if not within {@code limit}. */
    private static boolean awaitStored(Stage stage, SteadyLoad load, long target, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (stage.stored(load) >= target) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }
}
