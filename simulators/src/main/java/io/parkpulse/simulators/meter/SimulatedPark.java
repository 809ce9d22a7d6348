package io.parkpulse.simulators.meter;

import io.parkpulse.contract.MeterKind;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Park;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Simulated meters for every meter of a park file, grouped by the gateway that reads them. Same seed, same park. */
public final class SimulatedPark {

    private final Park park;
    private final Map<String, List<SimulatedMeter>> byGateway = new LinkedHashMap<>();

    public SimulatedPark(Park park, long seed) {
        this.park = park;
        Random random = new Random(seed);
        for (Meter meter : park.meters().values()) {
            LoadProfile profile = meter.isParkLevel() ? LoadProfile.CONTINUOUS
                    : LoadProfile.of(park.enterprises().get(meter.enterprise()).industry());
            Random own = new Random(random.nextLong());
            boolean nbIot = meter.gateway().contains("nbiot");
            SimulatedMeter simulated = meter.kind() == MeterKind.ELECTRICITY ? new ElectricityMeter(meter, profile, own)
                    : meter.kind() == MeterKind.EQUIPMENT ? new EquipmentMeter(meter, profile, own)
                    : new FlowMeter(meter, profile, own, nbIot);
            byGateway.computeIfAbsent(meter.gateway(), g -> new ArrayList<>()).add(simulated);
        }
        park.gateways().keySet().forEach(g -> byGateway.putIfAbsent(g, new ArrayList<>()));
    }

    public Park park() {
        return park;
    }

    /** The meters read by {@code gateway}, in park-file order. */
    public List<SimulatedMeter> metersOf(String gateway) {
        return Collections.unmodifiableList(byGateway.getOrDefault(gateway, List.of()));
    }
}
