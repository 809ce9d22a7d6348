package io.parkpulse.efficiency.indicator;

/**
 * Unit-product comprehensive energy (单位产品综合能耗): the energy attributed to a product ÷ its qualified output,
 * in kgce per the product's unit.
 *
 * @param product  product id as reported
 * @param unit     "kgce/" + the product's unit
 * @param value    kgce per unit
 * @param quantity the output it divides by
 */
public record ProductIndicator(String product, String unit, double value, double quantity) {
}
