package io.parkpulse.bench.footprint;

import io.parkpulse.park.Park;
import io.parkpulse.simulators.cli.DurationConverter;
import io.parkpulse.simulators.generator.GeneratedPark;
import io.parkpulse.simulators.generator.ParkGenerator;
import io.parkpulse.simulators.model.ModelSettings;
import io.parkpulse.simulators.model.ParkModel;
import io.parkpulse.simulators.run.CountingSink;
import io.parkpulse.simulators.run.Pace;
import io.parkpulse.simulators.run.RunSettings;
import io.parkpulse.simulators.run.RunStats;
import io.parkpulse.simulators.run.SimulationRun;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code simulator-footprint}: how much heap and time one simulator process needs for a large park. Generates
 * the park in memory, builds the model, simulates a day without a broker (messages encoded and
 * counted) and prints heap after GC and time per step. Run it with the heap limit to prove, e.g.
 * {@code java -Xmx1g -jar parkpulse-bench.jar simulator-footprint --meters 100000}.
 */
@Command(name = "simulator-footprint", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure heap and time per step of a generated park of --meters meters over one simulated day, without a broker.")
public final class SimulatorFootprintCommand implements Callable<Integer> {

    @Option(names = "--meters", defaultValue = "100000", description = "Meters in the generated park. Default: ${DEFAULT-VALUE}")
    int meters;

    @Option(names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--interval", defaultValue = "PT15M", converter = DurationConverter.class, description = "Step. Default: ${DEFAULT-VALUE}")
    Duration interval;

    @Option(names = "--day", defaultValue = "2026-11-02", description = "Simulated local day. Default: ${DEFAULT-VALUE}")
    LocalDate day;

    @Option(names = "--readings-per-message", defaultValue = "200", description = "Default: ${DEFAULT-VALUE}")
    int readingsPerMessage;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        GeneratedPark generated = new ParkGenerator(new ParkGenerator.Settings("footprint-park", "Footprint park",
                ZoneId.of("Asia/Shanghai"), seed, 0, meters)).generate();
        Park park = generated.toPark();
        generated = null;
        double generateSeconds = (System.nanoTime() - t0) / 1e9;
        long parkHeap = heapAfterGc();

        long t1 = System.nanoTime();
        ParkModel model = ParkModel.build(park, ModelSettings.of(seed));
        double buildSeconds = (System.nanoTime() - t1) / 1e9;
        long modelHeap = heapAfterGc();

        long from = day.atStartOfDay(park.timeZone()).toInstant().toEpochMilli();
        long to = day.plusDays(1).atStartOfDay(park.timeZone()).toInstant().toEpochMilli();
        RunStats stats = new RunStats();
        CountingSink sink = new CountingSink(stats);
        SimulationRun run = new SimulationRun(model, RunSettings.between(from, to, interval, readingsPerMessage), Pace.backfill(), sink, stats);
        long[] stepNanos = {0, 0, Long.MAX_VALUE, 0};
        run.onStep(nanos -> {
            stepNanos[0]++;
            stepNanos[1] += nanos;
            stepNanos[2] = Math.min(stepNanos[2], nanos);
            stepNanos[3] = Math.max(stepNanos[3], nanos);
        });
        long t2 = System.nanoTime();
        run.run();
        double runSeconds = (System.nanoTime() - t2) / 1e9;
        long afterHeap = heapAfterGc();

        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "park: %,d enterprises, %,d meters, %,d gateways (generated in %.1f s)%n",
                park.enterprises().size(), park.meters().size(), park.gateways().size(), generateSeconds);
        System.out.printf(Locale.ROOT, "heap used after GC: with the park registry %.1f MB, with the model too %.1f MB (built in %.1f s), "
                + "after one simulated day %.1f MB; "
                + "max heap %.0f MB%n", mb(parkHeap), mb(modelHeap), buildSeconds, mb(afterHeap), mb(rt.maxMemory()));
        System.out.printf(Locale.ROOT, "one day at %s: %d published steps, %.1f ms per step on average (min %.1f, max %.1f), "
                + "%,d readings in %,d messages (%.1f MB of JSON), %,.0f readings/s, %.1f s including warm-up%n",
                interval, stepNanos[0], stepNanos[1] / 1e6 / Math.max(1, stepNanos[0]), stepNanos[2] / 1e6, stepNanos[3] / 1e6,
                stats.readingsDelivered(), stats.messagesDelivered(), sink.bytes() / 1e6,
                stats.readingsDelivered() / (stepNanos[1] / 1e9), runSeconds);
        return 0;
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
