package io.parkpulse.gateway.southbound;

import io.parkpulse.contract.Value;
import java.util.List;

/**
 * What one read of a device gave: the values of the points that answered, and one line per point
 * that did not, saying which point and why ("energy_kwh (DI 00010000): meter answered D1: no requested data").
 *
 * @param values   values in the wire vocabulary, in the units the contract fixes
 * @param problems readable reasons for points missing from {@code values}
 */
public record Readout(List<Value> values, List<String> problems) {

    public Readout {
        values = List.copyOf(values);
        problems = List.copyOf(problems);
    }
}
