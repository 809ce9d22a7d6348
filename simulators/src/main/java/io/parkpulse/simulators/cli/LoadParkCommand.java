package io.parkpulse.simulators.cli;

import io.parkpulse.simulators.load.LoadPark;
import io.parkpulse.simulators.load.LoadParkOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code load-park}: writes the park file of a load park, for the ingest it loads to read. */
@Command(name = "load-park", mixinStandardHelpOptions = true, description = "Write the park file a load run needs.")
public final class LoadParkCommand implements Callable<Integer> {

    @Mixin
    LoadParkOptions shape;

    @Option(names = "--out", required = true, description = "Directory to write <park-id>.yaml into")
    Path out;

    @Override
    public Integer call() throws Exception {
        LoadPark park = shape.park();
        Path file = park.writeTo(out);
        System.out.println("wrote " + file + " (" + park.meters() + " meters)");
        return 0;
    }
}
