package io.parkpulse.efficiency.indicator;

/**
 * Unit-product comprehensive energy (单位产品综合能耗) and CO₂: the energy and CO₂ attributed to a product ÷ its
 * qualified output, in kgce and kgCO₂ per the product's unit.
 *
 * @param product      product id as reported
 * @param unit         "kgce/" + the product's unit
 * @param value        kgce per unit
 * @param quantity     the output it divides by
 * @param kgCo2PerUnit kgCO₂ per unit (same energy share), {@code NaN} when the CO₂ is not known
 */
public record ProductIndicator(String product, String unit, double value, double quantity, double kgCo2PerUnit) {

    /** Without CO₂. */
    public ProductIndicator(String product, String unit, double value, double quantity) {
        this(product, unit, value, quantity, Double.NaN);
    }

    /** "kgCO2/" + the product's unit. */
    public String co2Unit() {
        return "kgCO2/" + unit.substring(unit.indexOf('/') + 1);
    }
}
