package io.parkpulse.simulators;

import io.parkpulse.simulators.load.BenchCommand;
import io.parkpulse.simulators.load.LoadCommands;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar parkpulse-simulators.jar <command>}: every simulator behind one command line.
 */
@Command(name = "parkpulse-simulators", mixinStandardHelpOptions = true,
        description = "Simulated parks, gateways and meters: live demo feeds, history backfill, load tests.",
        subcommands = {io.parkpulse.simulators.cli.RunCommand.class, io.parkpulse.simulators.cli.GenerateParkCommand.class,
            io.parkpulse.simulators.cli.OutputReportCommand.class, io.parkpulse.simulators.cli.FootprintCommand.class,
            io.parkpulse.simulators.cli.EmulateCommand.class,
            LoadCommands.WritePark.class, LoadCommands.Run.class, LoadCommands.Baseline.class, BenchCommand.class,
            io.parkpulse.simulators.cli.EfficiencyBenchCommand.class})
public final class SimulatorsCli implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulatorsCli()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
