package io.parkpulse.simulators.cli;

import io.parkpulse.park.Park;
import io.parkpulse.park.ParkFileReader;
import io.parkpulse.simulators.model.ModelSettings;
import io.parkpulse.simulators.model.NbIotSettings;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options shared by the commands that simulate a park file. */
final class ModelOptions {

    @Option(names = "--park", defaultValue = "parks/demo-park.yaml", description = "Park file. Default: ${DEFAULT-VALUE}")
    Path parkFile;

    @Option(names = "--seed", defaultValue = "2026", description = "Seed: the same seed and park give the same readings. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--interval", defaultValue = "PT15M", converter = DurationConverter.class,
            description = "Time between readings of a meter, ISO-8601. Default: ${DEFAULT-VALUE}")
    Duration interval;

    @Option(names = "--nbiot-uplinks-per-day", defaultValue = "1",
            description = "Uplinks per day of NB-IoT meters (1, 2, 3, 4, 6, 8, 12, 24). Default: ${DEFAULT-VALUE}")
    int nbIotUplinks;

    @Option(names = "--nbiot-freeze", defaultValue = "PT1H", converter = DurationConverter.class,
            description = "Freeze interval of NB-IoT meters' values, e.g. PT1H or PT15M. Default: ${DEFAULT-VALUE}")
    Duration nbIotFreeze;

    Park readPark() {
        return new ParkFileReader().read(parkFile);
    }

    ModelSettings settings() {
        return ModelSettings.of(seed).withNbIot(new NbIotSettings(nbIotUplinks, nbIotFreeze));
    }
}
