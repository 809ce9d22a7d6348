package io.parkpulse.protocols.cjt188;

import io.parkpulse.contract.Quantity;
import java.util.Locale;
import java.util.Optional;

/**
 * Fields of a CJ/T 188 metering-data reply that a gateway point can take, each with the meter families whose reply
 * has it and the wire quantity it is published as. Values come converted to the quantity's unit whatever unit byte the
 * meter sent.
 */
public enum Cjt188Field {
    /** water and gas meters: current cumulative flow 当前累积流量, in m³ ({@code volume_m3}, gas: {@code gas_m3}) */
    CURRENT_FLOW(null, MeterFamily.WATER, MeterFamily.GAS),
    /** water and gas meters: cumulative flow on the settlement day 结算日累积流量, in m³ */
    SETTLEMENT_FLOW(null, MeterFamily.WATER, MeterFamily.GAS),
    /** heat meters: heat on the settlement day 结算日热量, in GJ */
    SETTLEMENT_HEAT(Quantity.HEAT_GJ, MeterFamily.HEAT),
    /** heat meters: current (cumulative) heat 当前热量, in GJ */
    CURRENT_HEAT(Quantity.HEAT_GJ, MeterFamily.HEAT),
    /** heat meters: thermal power 热功率, in kW */
    HEAT_POWER(Quantity.HEAT_POWER_KW, MeterFamily.HEAT),
    /** heat meters: flow rate 流量, in m³/h */
    FLOW_RATE(Quantity.FLOW_M3H, MeterFamily.HEAT),
    /** heat meters: cumulative circulated flow 累积流量, in m³ */
    CUMULATIVE_FLOW(Quantity.HEAT_VOLUME_M3, MeterFamily.HEAT),
    /** heat meters: supply water temperature 供水温度, °C */
    SUPPLY_TEMPERATURE(Quantity.SUPPLY_TEMPERATURE_C, MeterFamily.HEAT),
    /** heat meters: return water temperature 回水温度, °C */
    RETURN_TEMPERATURE(Quantity.RETURN_TEMPERATURE_C, MeterFamily.HEAT),
    /** heat meters: cumulative working time 累计工作时间, hours */
    WORKING_HOURS(Quantity.RUN_HOURS, MeterFamily.HEAT);

    /** The quantity of a heat-meter field; {@code null} for the flows, whose quantity depends on the family. */
    private final Quantity heatQuantity;
    private final MeterFamily first;
    private final MeterFamily second;

    Cjt188Field(Quantity heatQuantity, MeterFamily first, MeterFamily... more) {
        this.heatQuantity = heatQuantity;
        this.first = first;
        this.second = more.length > 0 ? more[0] : null;
    }

    /** The name as configured: {@code current_heat}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the reply of a meter of {@code family} has this field. */
    public boolean belongsTo(MeterFamily family) {
        return family == first || family == second;
    }

    /**
     * The quantity this field is published as on a meter of {@code family}: a water meter's flows are
     * {@code volume_m3}, a gas meter's {@code gas_m3}; empty when the family's reply has no such field.
     */
    public Optional<Quantity> quantity(MeterFamily family) {
        if (!belongsTo(family)) {
            return Optional.empty();
        }
        if (heatQuantity != null) {
            return Optional.of(heatQuantity);
        }
        return Optional.of(family == MeterFamily.GAS ? Quantity.GAS_M3 : Quantity.VOLUME_M3);
    }
}
