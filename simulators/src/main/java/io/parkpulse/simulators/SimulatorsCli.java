package io.parkpulse.simulators;

import io.parkpulse.simulators.cli.EmulateCommand;
import io.parkpulse.simulators.cli.GenerateParkCommand;
import io.parkpulse.simulators.cli.LoadParkCommand;
import io.parkpulse.simulators.cli.OutputReportCommand;
import io.parkpulse.simulators.cli.RunCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code java -jar parkpulse-simulators.jar <command>}: every simulator behind one command line. The benchmarks that
 * drive these simulators and measure the platform are in the bench module ({@code parkpulse-bench}).
 */
@Command(name = "parkpulse-simulators", mixinStandardHelpOptions = true,
        description = "Simulated parks, gateways and meters: live demo feeds, history backfill, emulated meters, load parks.",
        subcommands = {RunCommand.class, GenerateParkCommand.class, OutputReportCommand.class, EmulateCommand.class,
            LoadParkCommand.class})
public final class SimulatorsCli implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulatorsCli()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
