package io.parkpulse.simulators.faults;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One injected fault, as the fault log records it.
 *
 * @param type     what happened
 * @param park     park id
 * @param gateway  the gateway that sent (or would have sent) the affected data
 * @param meter    the meter concerned, or {@code null} for gateway-level faults (message faults, clock skew)
 * @param startMs  when it started (true time, epoch ms)
 * @param endMs    when it ended, or {@code null} when it lasts beyond the run (a leak)
 * @param details  type-specific facts, in a fixed order: numbers, strings, booleans or nested maps of those
 */
public record FaultEvent(FaultType type, String park, String gateway, String meter, long startMs, Long endMs,
                         Map<String, Object> details) {

    public FaultEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(park, "park");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(details, "details");
    }

    /** Details in the order given: {@code details("seq", 7, "readings", 200)}. */
    public static Map<String, Object> details(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("details take key, value pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
