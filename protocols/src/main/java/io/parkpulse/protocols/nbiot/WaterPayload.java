package io.parkpulse.protocols.nbiot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One {@link PayloadFormat#PARKPULSE_WATER_V1} uplink: the meter's frozen register values of one block, equally
 * spaced and ending at {@code newestTimeMs}, plus battery and signal measured at send time.
 *
 * @param newestTimeMs    meter time of the last frozen value, epoch milliseconds (whole seconds on the wire)
 * @param intervalMinutes spacing of the frozen values, 1…65535
 * @param volumesM3       cumulative register values, oldest first, 1…96 of them; {@code NaN} where the meter froze
 *                        nothing (it was asleep or restarting)
 * @param batteryV        battery voltage, {@code NaN} when not measured
 * @param signalDbm       received signal power, {@code NaN} when not measured
 */
public record WaterPayload(long newestTimeMs, int intervalMinutes, List<Double> volumesM3, double batteryV,
                           double signalDbm) {

    public WaterPayload {
        volumesM3 = List.copyOf(Objects.requireNonNull(volumesM3, "volumesM3"));
    }

    /** One frozen value with its own meter time. */
    public record FrozenValue(long timeMs, double volumeM3) {
    }

    public long timeOf(int index) {
        return newestTimeMs - (long) (volumesM3.size() - 1 - index) * intervalMinutes * 60_000L;
    }

    /** The values the meter really froze, oldest first, each with its time. */
    public List<FrozenValue> frozenValues() {
        List<FrozenValue> values = new ArrayList<>(volumesM3.size());
        for (int i = 0; i < volumesM3.size(); i++) {
            double v = volumesM3.get(i);
            if (!Double.isNaN(v)) {
                values.add(new FrozenValue(timeOf(i), v));
            }
        }
        return values;
    }
}
