package io.parkpulse.contract;

import static io.parkpulse.contract.MeterKind.ELECTRICITY;
import static io.parkpulse.contract.MeterKind.EQUIPMENT;
import static io.parkpulse.contract.MeterKind.GAS;
import static io.parkpulse.contract.MeterKind.HEAT;
import static io.parkpulse.contract.MeterKind.STEAM;
import static io.parkpulse.contract.MeterKind.WATER;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fixed vocabulary of value names a reading may carry. Each name fixes its unit, so a value on
 * the wire is never ambiguous; {@code docs/protocol.md} lists the same table for gateway authors.
 *
 * <p>Values are sent as the meter's register shows them (secondary side for transformer-connected
 * meters); the platform applies the meter's multiplier, chosen by {@link Scaling}, on ingest.
 */
public enum Quantity {
    ENERGY_KWH("energy_kwh", "kWh", Nature.CUMULATIVE, Scaling.CT_PT, 0.0, null, ELECTRICITY),
    REVERSE_ENERGY_KWH("reverse_energy_kwh", "kWh", Nature.CUMULATIVE, Scaling.CT_PT, 0.0, null, ELECTRICITY),
    /** forward active energy by tariff: T1–T4, commonly 尖 sharp, 峰 peak, 平 flat, 谷 valley (the meter's tariff table decides) */
    ENERGY_T1_KWH("energy_t1_kwh", "kWh", Nature.CUMULATIVE, Scaling.CT_PT, 0.0, null, ELECTRICITY),
    ENERGY_T2_KWH("energy_t2_kwh", "kWh", Nature.CUMULATIVE, Scaling.CT_PT, 0.0, null, ELECTRICITY),
    ENERGY_T3_KWH("energy_t3_kwh", "kWh", Nature.CUMULATIVE, Scaling.CT_PT, 0.0, null, ELECTRICITY),
    ENERGY_T4_KWH("energy_t4_kwh", "kWh", Nature.CUMULATIVE, Scaling.CT_PT, 0.0, null, ELECTRICITY),
    /** forward active energy frozen at the last monthly settlement (上1结算日): the register billing closed the month on */
    SETTLED_ENERGY_KWH("settled_energy_kwh", "kWh", Nature.CUMULATIVE, Scaling.CT_PT, 0.0, null, ELECTRICITY),
    /** combined reactive energy 1 (组合无功1); signed on some meters, so no lower bound */
    REACTIVE_ENERGY_KVARH("reactive_energy_kvarh", "kvarh", Nature.CUMULATIVE, Scaling.CT_PT, null, null, ELECTRICITY),
    /** reactive energy by quadrant I–IV (第一…第四象限无功) */
    REACTIVE_ENERGY_Q1_KVARH("reactive_energy_q1_kvarh", "kvarh", Nature.CUMULATIVE, Scaling.CT_PT, 0.0, null, ELECTRICITY),
    REACTIVE_ENERGY_Q2_KVARH("reactive_energy_q2_kvarh", "kvarh", Nature.CUMULATIVE, Scaling.CT_PT, 0.0, null, ELECTRICITY),
    REACTIVE_ENERGY_Q3_KVARH("reactive_energy_q3_kvarh", "kvarh", Nature.CUMULATIVE, Scaling.CT_PT, 0.0, null, ELECTRICITY),
    REACTIVE_ENERGY_Q4_KVARH("reactive_energy_q4_kvarh", "kvarh", Nature.CUMULATIVE, Scaling.CT_PT, 0.0, null, ELECTRICITY),
    /** forward apparent energy (正向视在电能) */
    APPARENT_ENERGY_KVAH("apparent_energy_kvah", "kVAh", Nature.CUMULATIVE, Scaling.CT_PT, 0.0, null, ELECTRICITY),
    POWER_KW("power_kw", "kW", Nature.INSTANTANEOUS, Scaling.CT_PT, null, null, ELECTRICITY, EQUIPMENT),
    REACTIVE_POWER_KVAR("reactive_power_kvar", "kvar", Nature.INSTANTANEOUS, Scaling.CT_PT, null, null, ELECTRICITY),
    APPARENT_POWER_KVA("apparent_power_kva", "kVA", Nature.INSTANTANEOUS, Scaling.CT_PT, null, null, ELECTRICITY),
    /** the month's maximum demand so far (当月正向有功总最大需量): the largest demand-period average power */
    MAX_DEMAND_KW("max_demand_kw", "kW", Nature.INSTANTANEOUS, Scaling.CT_PT, 0.0, null, ELECTRICITY),
    /** when that maximum occurred, seconds since 1970-01-01 UTC (the meter's clock, read in the gateway's time zone) */
    MAX_DEMAND_AT("max_demand_at", "s", Nature.INSTANTANEOUS, Scaling.NONE, 946_684_800.0, 4_102_444_800.0, ELECTRICITY),
    VOLTAGE_V("voltage_v", "V", Nature.INSTANTANEOUS, Scaling.PT, 0.0, 1.0e6, ELECTRICITY),
    CURRENT_A("current_a", "A", Nature.INSTANTANEOUS, Scaling.CT, -1.0e6, 1.0e6, ELECTRICITY),
    POWER_FACTOR("power_factor", "1", Nature.INSTANTANEOUS, Scaling.NONE, -1.0, 1.0, ELECTRICITY),
    FREQUENCY_HZ("frequency_hz", "Hz", Nature.INSTANTANEOUS, Scaling.NONE, 0.0, 1000.0, ELECTRICITY),
    /** per phase: L1, L2, L3 are phases A, B, C */
    VOLTAGE_L1_V("voltage_l1_v", "V", Nature.INSTANTANEOUS, Scaling.PT, 0.0, 1.0e6, ELECTRICITY),
    VOLTAGE_L2_V("voltage_l2_v", "V", Nature.INSTANTANEOUS, Scaling.PT, 0.0, 1.0e6, ELECTRICITY),
    VOLTAGE_L3_V("voltage_l3_v", "V", Nature.INSTANTANEOUS, Scaling.PT, 0.0, 1.0e6, ELECTRICITY),
    CURRENT_L1_A("current_l1_a", "A", Nature.INSTANTANEOUS, Scaling.CT, -1.0e6, 1.0e6, ELECTRICITY),
    CURRENT_L2_A("current_l2_a", "A", Nature.INSTANTANEOUS, Scaling.CT, -1.0e6, 1.0e6, ELECTRICITY),
    CURRENT_L3_A("current_l3_a", "A", Nature.INSTANTANEOUS, Scaling.CT, -1.0e6, 1.0e6, ELECTRICITY),
    POWER_L1_KW("power_l1_kw", "kW", Nature.INSTANTANEOUS, Scaling.CT_PT, null, null, ELECTRICITY),
    POWER_L2_KW("power_l2_kw", "kW", Nature.INSTANTANEOUS, Scaling.CT_PT, null, null, ELECTRICITY),
    POWER_L3_KW("power_l3_kw", "kW", Nature.INSTANTANEOUS, Scaling.CT_PT, null, null, ELECTRICITY),

    VOLUME_M3("volume_m3", "m³", Nature.CUMULATIVE, Scaling.MULTIPLIER, 0.0, null, WATER),
    FLOW_M3H("flow_m3h", "m³/h", Nature.INSTANTANEOUS, Scaling.MULTIPLIER, null, null, WATER, GAS, HEAT),
    GAS_M3("gas_m3", "m³", Nature.CUMULATIVE, Scaling.MULTIPLIER, 0.0, null, GAS),
    STEAM_T("steam_t", "t", Nature.CUMULATIVE, Scaling.MULTIPLIER, 0.0, null, STEAM),
    STEAM_FLOW_TH("steam_flow_th", "t/h", Nature.INSTANTANEOUS, Scaling.MULTIPLIER, null, null, STEAM),
    HEAT_GJ("heat_gj", "GJ", Nature.CUMULATIVE, Scaling.MULTIPLIER, 0.0, null, STEAM, HEAT),
    /** heat meters: thermal power, the circulated volume, supply and return temperature */
    HEAT_POWER_KW("heat_power_kw", "kW", Nature.INSTANTANEOUS, Scaling.MULTIPLIER, null, null, HEAT),
    HEAT_VOLUME_M3("heat_volume_m3", "m³", Nature.CUMULATIVE, Scaling.MULTIPLIER, 0.0, null, HEAT),
    SUPPLY_TEMPERATURE_C("supply_temperature_c", "°C", Nature.INSTANTANEOUS, Scaling.NONE, -273.15, 3000.0, HEAT),
    RETURN_TEMPERATURE_C("return_temperature_c", "°C", Nature.INSTANTANEOUS, Scaling.NONE, -273.15, 3000.0, HEAT),
    PRESSURE_MPA("pressure_mpa", "MPa", Nature.INSTANTANEOUS, Scaling.NONE, -0.1013, 1000.0, WATER, GAS, STEAM, EQUIPMENT),
    TEMPERATURE_C("temperature_c", "°C", Nature.INSTANTANEOUS, Scaling.NONE, -273.15, 3000.0, WATER, GAS, STEAM, EQUIPMENT),
    BATTERY_V("battery_v", "V", Nature.INSTANTANEOUS, Scaling.NONE, 0.0, 100.0, WATER, GAS, HEAT),
    SIGNAL_DBM("signal_dbm", "dBm", Nature.INSTANTANEOUS, Scaling.NONE, -200.0, 0.0, WATER, GAS),

    STATE("state", "", Nature.STATE, Scaling.NONE, null, null, EQUIPMENT),
    RUN_HOURS("run_hours", "h", Nature.CUMULATIVE, Scaling.NONE, 0.0, null, EQUIPMENT, HEAT),
    OUTPUT_COUNT("output_count", "pcs", Nature.CUMULATIVE, Scaling.MULTIPLIER, 0.0, null, EQUIPMENT);

    /** How a value behaves over time. */
    public enum Nature {
        /** A register that only grows (until it rolls over or the meter is exchanged). */
        CUMULATIVE,
        /** A sample of a rate or level at the reading's time. */
        INSTANTANEOUS,
        /** One of {@link EquipmentState}'s names. */
        STATE
    }

    /** Which of the meter's ratios turns the register value into the primary-side value. */
    public enum Scaling {
        NONE,
        /** Current-transformer ratio. */
        CT,
        /** Voltage-transformer ratio. */
        PT,
        /** CT ratio × PT ratio: energy and power of a transformer-connected meter. */
        CT_PT,
        /** The meter's generic multiplier: pulse weight, counter scale. */
        MULTIPLIER
    }

    private static final Map<String, Quantity> BY_WIRE_NAME = new HashMap<>();

    static {
        for (Quantity q : values()) {
            BY_WIRE_NAME.put(q.wireName, q);
        }
    }

    private final String wireName;
    private final String unit;
    private final Nature nature;
    private final Scaling scaling;
    private final Double min;
    private final Double max;
    private final Set<MeterKind> kinds;

    Quantity(String wireName, String unit, Nature nature, Scaling scaling, Double min, Double max,
             MeterKind first, MeterKind... rest) {
        this.wireName = wireName;
        this.unit = unit;
        this.nature = nature;
        this.scaling = scaling;
        this.min = min;
        this.max = max;
        this.kinds = Collections.unmodifiableSet(EnumSet.of(first, rest));
    }

    public static Optional<Quantity> byWireName(String name) {
        return Optional.ofNullable(BY_WIRE_NAME.get(name));
    }

    public String wireName() {
        return wireName;
    }

    public String unit() {
        return unit;
    }

    public Nature nature() {
        return nature;
    }

    public Scaling scaling() {
        return scaling;
    }

    public boolean isNumeric() {
        return nature != Nature.STATE;
    }

    public boolean isCumulative() {
        return nature == Nature.CUMULATIVE;
    }

    /** The kinds of meter that may report this quantity. */
    public Set<MeterKind> kinds() {
        return kinds;
    }

    /** Lowest plausible register value, or {@code null} when any finite value is plausible. */
    public Double min() {
        return min;
    }

    /** Highest plausible register value, or {@code null} when any finite value is plausible. */
    public Double max() {
        return max;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
