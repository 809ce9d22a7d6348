package io.parkpulse.dashboard.data;

import io.parkpulse.contract.MeterKind;
import io.parkpulse.contract.Quantity;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The quantities an enterprise's series may be asked for, a fixed list: the parameter is matched against it, so the
 * field name that reaches InfluxQL is always one of these constants, never the text the caller typed.
 */
public enum SeriesQuantity {
    /** Mean power per step, summed over the billing meters. */
    POWER_KW(Quantity.POWER_KW, MeterKind.ELECTRICITY, false),
    /** Electricity used per step (differences of the cumulative register). */
    ENERGY_KWH(Quantity.ENERGY_KWH, MeterKind.ELECTRICITY, true),
    /** Water used per step (differences of the cumulative register). */
    VOLUME_M3(Quantity.VOLUME_M3, MeterKind.WATER, true);

    private final Quantity quantity;
    private final MeterKind kind;
    private final boolean consumption;

    SeriesQuantity(Quantity quantity, MeterKind kind, boolean consumption) {
        this.quantity = quantity;
        this.kind = kind;
        this.consumption = consumption;
    }

    /** The name in the API and the stored field: {@code power_kw}. */
    public String id() {
        return quantity.wireName();
    }

    public String unit() {
        return quantity.unit();
    }

    /** The kind of meter that measures it. */
    public MeterKind kind() {
        return kind;
    }

    /** Whether the series is consumption per step (from a register) rather than a mean of instantaneous values. */
    public boolean isConsumption() {
        return consumption;
    }

    public static Optional<SeriesQuantity> byId(String id) {
        return Arrays.stream(values()).filter(q -> q.id().equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(SeriesQuantity::id).toList();
    }
}
