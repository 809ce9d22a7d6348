package io.parkpulse.emulators;

import io.parkpulse.contract.Quantity;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/** Meter displays set by hand, so a test knows exactly what the emulators answer. Thread-safe. */
public final class MeterDisplays implements MeterValues {

    private final Map<String, Map<Quantity, Double>> displays = new ConcurrentHashMap<>();

    public MeterDisplays show(String meter, Quantity quantity, double value) {
        displays.computeIfAbsent(meter, m -> new ConcurrentHashMap<>()).put(quantity, value);
        return this;
    }

    @Override
    public OptionalDouble latest(String meter, Quantity quantity) {
        Double v = displays.getOrDefault(meter, Map.of()).get(quantity);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
