package io.parkpulse.simulators.load;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The scale-out benchmark behind {@code ./parkpulse scale}:
 * {@code java -cp parkpulse-simulators.jar io.parkpulse.simulators.load.ScaleBench phase|storage …}. The script starts
 * the services and ingest instances between phases; these commands measure.
 */
@Command(name = "scale-bench", mixinStandardHelpOptions = true,
        description = "One vs two ingest instances on the shared subscription, and InfluxDB's bytes per reading.",
        subcommands = {ScalePhaseCommand.class, StorageFootprintCommand.class})
public final class ScaleBench implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new ScaleBench()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
