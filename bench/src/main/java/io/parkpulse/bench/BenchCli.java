package io.parkpulse.bench;

import io.parkpulse.bench.api.ApiBench;
import io.parkpulse.bench.efficiency.EfficiencyBenchCommand;
import io.parkpulse.bench.footprint.SimulatorFootprintCommand;
import io.parkpulse.bench.gateway.GatewayMemoryBench;
import io.parkpulse.bench.load.AckCostCommand;
import io.parkpulse.bench.load.IngestBenchCommand;
import io.parkpulse.bench.load.LoadCommands;
import io.parkpulse.bench.load.ScalePhaseCommand;
import io.parkpulse.bench.load.StorageFootprintCommand;
import io.parkpulse.bench.peers.PeersCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code java -jar parkpulse-bench.jar <command>}: every benchmark and load harness behind one command line. Each
 * prints its figures with their ratio to a baseline measured in the same run (docs/benchmarks.md); the launcher's
 * {@code ./parkpulse bench} and {@code ./parkpulse scale} start the services and call these.
 */
@Command(name = "parkpulse-bench", mixinStandardHelpOptions = true,
        description = "Benchmarks and load harness: ingest under load against InfluxDB alone, ingest with end-to-end acks against "
                + "the same run without them, one vs two ingest instances, "
                + "InfluxDB's bytes per reading, the simulator's footprint, the efficiency engine, the dashboard API, "
                + "the gateway's memory.",
        subcommands = {IngestBenchCommand.class, AckCostCommand.class, LoadCommands.Run.class, LoadCommands.Baseline.class, ScalePhaseCommand.class,
            StorageFootprintCommand.class, SimulatorFootprintCommand.class, EfficiencyBenchCommand.class, ApiBench.class,
            GatewayMemoryBench.class, PeersCommand.class})
public final class BenchCli implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, for the launcher and for tests that run a command in their own JVM. */
    public static CommandLine commandLine() {
        return new CommandLine(new BenchCli()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
