package io.parkpulse.simulators.cli;

import io.parkpulse.config.CommandErrors;
import io.parkpulse.contract.Ids;
import io.parkpulse.simulators.generator.DemoParkGenerator;
import io.parkpulse.simulators.generator.GeneratedPark;
import io.parkpulse.simulators.generator.ParkFileWriter;
import io.parkpulse.simulators.generator.ParkGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate-park}: writes a realistic park file. */
@Command(name = "generate-park", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generate a park file: enterprises across industries, their meters and gateways. Same arguments, same file.")
public final class GenerateParkCommand implements Callable<Integer> {

    static final class Size {
        @Option(names = "--enterprises", required = true, description = "Number of enterprises")
        int enterprises;

        @Option(names = "--meters", required = true, description = "Generate enterprises until the park has at least this many meters")
        int meters;

        @Option(names = "--demo", required = true, description = "The demo park (parks/demo-park.yaml: 47 enterprises, its policy; "
                + "park id, name and time zone its own)")
        boolean demo;
    }

    @ArgGroup(multiplicity = "1")
    Size size;

    @Option(names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--park-id", defaultValue = "sim-park", description = "Park id. Default: ${DEFAULT-VALUE}")
    String parkId;

    @Option(names = "--name", defaultValue = "模拟智慧产业园", description = "Park name. Default: ${DEFAULT-VALUE}")
    String name;

    @Option(names = "--time-zone", defaultValue = "Asia/Shanghai", description = "Park time zone. Default: ${DEFAULT-VALUE}")
    ZoneId zone;

    @Option(names = "--out", defaultValue = "-", description = "File to write, - for stdout. Default: ${DEFAULT-VALUE}")
    String out;

    @Override
    public Integer call() throws Exception {
        return CommandErrors.call("parkpulse-simulators generate-park", this::execute);
    }

    private Integer execute() throws Exception {
        if (!Ids.isValid(parkId)) {
            throw new IllegalArgumentException("--park-id " + parkId + ": " + Ids.problem(parkId));
        }
        GeneratedPark park;
        String written;
        if (size.demo) {
            DemoParkGenerator.DemoPark demo = new DemoParkGenerator(seed).generate();
            park = demo.park();
            written = demo.text();
        } else {
            park = new ParkGenerator(new ParkGenerator.Settings(parkId, name, zone, seed, size.enterprises, size.meters)).generate();
            written = ParkFileWriter.write(park);
        }
        byte[] text = written.getBytes(StandardCharsets.UTF_8);
        if (out.equals("-")) {
            System.out.write(text);
            System.out.flush();
        } else {
            Path file = Path.of(out);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, text);
            System.err.printf("wrote %s: %d enterprises, %d meters, %d gateways%n", file, park.enterprises().size(),
                    park.meters().size(), park.gateways().size());
        }
        return 0;
    }
}
