package io.parkpulse.simulators.load;

import picocli.CommandLine.Option;

/**
 * Command-line options naming a load park: every command that writes the park file or loads it (the simulators'
 * {@code load-park}, the benchmarks' load runs) uses this one mixin, so they agree on ids.
 */
public final class LoadParkOptions {

    @Option(names = "--park-id", defaultValue = "load-park", description = "Park id. Default: ${DEFAULT-VALUE}")
    String parkId;

    @Option(names = "--gateways", defaultValue = "20", description = "Gateways (MQTT connections). Default: ${DEFAULT-VALUE}")
    int gateways;

    @Option(names = "--meters-per-gateway", defaultValue = "500", description = "Meters per gateway. Default: ${DEFAULT-VALUE}")
    int metersPerGateway;

    /** The load park these options name. */
    public LoadPark park() {
        return new LoadPark(parkId, gateways, metersPerGateway);
    }
}
