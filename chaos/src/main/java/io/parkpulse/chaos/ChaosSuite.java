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
 * warm-up, fault, heal, wait for recovery, settle, stop the load, wait until the pipeline drained, count. The real
 * gateway's reads from the start of the warm-up to the end of the settle are checked in every fault.
 * Every wait is bounded; a run that cannot go on (a process that does not start) throws.
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
        Counts before = Counts.take(stage);
        try (SteadyLoad load = stage.startLoad(scenario.publishing());
             GatewayWindow gatewayWindow = GatewayWindow.open(stage.gateway)) {
            stage.monitor.resetPeaks();
            Thread.sleep(plan.warmUp().toMillis());
            double baselineHeap = stage.monitor.peakHeapMb();
            stage.monitor.resetPeaks();

            scenario.inject(stage);
            scenario.during(stage, scenario.length(plan));
            // recovery counts from the moment the fault is lifted: a restart's own start-up is part of it
            long healedAt = System.nanoTime();
            long roundsAtHeal = load.completeRounds();
            scenario.heal(stage);
            long ingestBackMs = awaitIngestSubscribed(stage, healedAt);
            // every reading of the rounds produced by then: exact, since a round's readings share one device time
            long recoveryMs = awaitStored(stage, load.countQueryBefore(roundsAtHeal), roundsAtHeal * load.meters(), plan.recoveryLimit())
                    ? (System.nanoTime() - healedAt) / 1_000_000 : -1;
            LOG.info("{}: lifted; {} rounds produced by then, stored {} ms later", scenario.name(), roundsAtHeal, recoveryMs);

            Thread.sleep(plan.settle().toMillis());
            gatewayWindow.end();
            long published = load.stop(DRAIN_LIMIT);
            if (scenario.publishing().endToEnd()) {
                LOG.info("{}: {} message(s) sent again for want of an end-to-end ack", scenario.name(), load.resends());
            }
            awaitStored(stage, load.countQuery(), published, DRAIN_LIMIT);
            long stored = stage.count(load.countQuery());
            BufferReplay replay = scenario.bufferReplay(stage);
            GatewayDelivery gateway = GatewayDeliveryCheck.check(stage, gatewayWindow, plan.recoveryLimit());
            Counts after = Counts.take(stage);
            // ingest's counter also counts the real gateway's readings and every gateway's status points meanwhile
            long writes = after.pointsWritten - before.pointsWritten - (after.gatewayReadings - before.gatewayReadings)
                    - stage.statusPointsBetween(before.atMs, after.atMs);
            return new ScenarioResult(scenario.name(), scenario.fault(plan), published, stored, Math.max(0, writes - stored),
                    recoveryMs, ingestBackMs, baselineHeap, stage.monitor.peakHeapMb(), stage.monitor.peakLiveHeapMb(),
                    stage.monitor.peakRssMb(), load.failedAttempts(), load.resends(),
                    stage.ingests.stream().allMatch(IngestInstance::isAlive),
                    stage.ingests.stream().anyMatch(IngestInstance::ranOutOfMemory), scenario.cutsTheLoad(), gateway, replay,
                    plan.ingestHeapMb(), plan.recoveryLimit().toMillis());
        }
    }

    /** Ingest's write counter, the real gateway's stored readings and the time, taken together. */
    private record Counts(long pointsWritten, long gatewayReadings, long atMs) {
        static Counts take(Stage stage) throws InterruptedException {
            stage.monitor.sampleNow();
            return new Counts(stage.monitor.pointsWritten(), stage.count(Stage.GATEWAY_READINGS), System.currentTimeMillis());
        }
    }

    /** Milliseconds from {@code since} until every ingest instance is subscribed again, -1 if not within the recovery limit. */
    private long awaitIngestSubscribed(Stage stage, long since) throws InterruptedException {
        long deadline = since + plan.recoveryLimit().toNanos();
        while (System.nanoTime() < deadline) {
            if (stage.monitor.allSubscribed()) {
                return (System.nanoTime() - since) / 1_000_000;
            }
            Thread.sleep(50);
        }
        return -1;
    }

    /** Waits until {@code countQuery} yields at least {@code target}; false if not within {@code limit}. */
    private static boolean awaitStored(Stage stage, String countQuery, long target, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (stage.countOrMinusOne(countQuery) >= target) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }
}
