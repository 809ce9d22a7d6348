package io.parkpulse.efficiency.indicator;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The indicators of an enterprise and period (docs/domain.md §1.5, 2.2, 11). Money is in 10⁴ CNY (万元), energy in tce on
 * the basis the figure names, CO₂ in t on the carbon basis it names. Energy per product is per product and lives in {@link ProductIndicator}.
 */
public enum Indicator {
    COMPREHENSIVE_ENERGY("tce", Direction.NONE, "综合能耗"),
    ELECTRICITY("kWh", Direction.NONE, "用电量"),
    WATER("m³", Direction.NONE, "用水量"),
    OUTPUT_VALUE("10^4 CNY", Direction.HIGHER_IS_BETTER, "产值"),
    VALUE_ADDED("10^4 CNY", Direction.HIGHER_IS_BETTER, "增加值"),
    ENERGY_PER_OUTPUT_VALUE("tce/10^4 CNY", Direction.LOWER_IS_BETTER, "单位产值综合能耗"),
    ENERGY_PER_VALUE_ADDED("tce/10^4 CNY", Direction.LOWER_IS_BETTER, "单位增加值综合能耗"),
    ELECTRICITY_PER_OUTPUT_VALUE("kWh/10^4 CNY", Direction.LOWER_IS_BETTER, "单位产值电耗"),
    WATER_PER_OUTPUT_VALUE("m³/10^4 CNY", Direction.LOWER_IS_BETTER, "单位产值水耗"),
    OUTPUT_VALUE_PER_MU("10^4 CNY/mu", Direction.HIGHER_IS_BETTER, "亩均产值"),
    VALUE_ADDED_PER_MU("10^4 CNY/mu", Direction.HIGHER_IS_BETTER, "亩均增加值"),
    TAX_PER_MU("10^4 CNY/mu", Direction.HIGHER_IS_BETTER, "亩均税收"),
    VALUE_ADDED_PER_ENERGY("10^4 CNY/tce", Direction.HIGHER_IS_BETTER, "单位能耗增加值"),
    TAX_PER_ENERGY("10^4 CNY/tce", Direction.HIGHER_IS_BETTER, "单位能耗税收"),
    TAX_PER_ELECTRICITY("10^4 CNY/10^4 kWh", Direction.HIGHER_IS_BETTER, "单位电耗税收"),
    VALUE_ADDED_PER_EMISSION("10^4 CNY/t", Direction.HIGHER_IS_BETTER, "单位排放增加值"),
    LABOUR_PRODUCTIVITY("10^4 CNY/person", Direction.HIGHER_IS_BETTER, "全员劳动生产率"),
    RD_INTENSITY("1", Direction.HIGHER_IS_BETTER, "研发投入强度"),
    CO2("tCO2", Direction.NONE, "二氧化碳排放量"),
    CO2_PER_VALUE_ADDED("tCO2/10^4 CNY", Direction.LOWER_IS_BETTER, "单位增加值二氧化碳排放"),
    CO2_PER_OUTPUT_VALUE("tCO2/10^4 CNY", Direction.LOWER_IS_BETTER, "单位产值二氧化碳排放");

    private final String unit;
    private final Direction direction;
    private final String chinese;

    Indicator(String unit, Direction direction, String chinese) {
        this.unit = unit;
        this.direction = direction;
        this.chinese = chinese;
    }

    public String unit() {
        return unit;
    }

    public Direction direction() {
        return direction;
    }

    public String chinese() {
        return chinese;
    }

    /** What an indicator is made of, for how much it can be trusted. */
    public enum Input {
        /**
         * comprehensive energy: every energy carrier the enterprise is metered for (CO₂ rests on the same; fuels declared
         * in reports add to both but do not make their state)
         */
        ENERGY,
        ELECTRICITY,
        WATER,
        /** the enterprise's output report of every month of the period */
        OUTPUT_REPORT
    }

    /** The inputs this indicator is computed from. */
    public Set<Input> inputs() {
        return switch (this) {
            case COMPREHENSIVE_ENERGY, CO2 -> EnumSet.of(Input.ENERGY);
            case ELECTRICITY -> EnumSet.of(Input.ELECTRICITY);
            case WATER -> EnumSet.of(Input.WATER);
            case ENERGY_PER_OUTPUT_VALUE, ENERGY_PER_VALUE_ADDED, VALUE_ADDED_PER_ENERGY, TAX_PER_ENERGY,
                    CO2_PER_VALUE_ADDED, CO2_PER_OUTPUT_VALUE ->
                    EnumSet.of(Input.ENERGY, Input.OUTPUT_REPORT);
            case ELECTRICITY_PER_OUTPUT_VALUE, TAX_PER_ELECTRICITY -> EnumSet.of(Input.ELECTRICITY, Input.OUTPUT_REPORT);
            case WATER_PER_OUTPUT_VALUE -> EnumSet.of(Input.WATER, Input.OUTPUT_REPORT);
            default -> EnumSet.of(Input.OUTPUT_REPORT);
        };
    }

    /** The name in park files and APIs: {@code tax_per_mu}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The indicator named {@code id} in a park file or API call. */
    public static java.util.Optional<Indicator> byId(String id) {
        for (Indicator i : values()) {
            if (i.id().equals(id)) {
                return java.util.Optional.of(i);
            }
        }
        return java.util.Optional.empty();
    }
}
