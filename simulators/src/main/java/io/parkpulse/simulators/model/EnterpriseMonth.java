package io.parkpulse.simulators.model;

import java.time.YearMonth;
import java.util.Map;

/**
 * One enterprise's output for one month, consistent with the production that drove its meters.
 *
 * @param park              park id
 * @param enterprise        enterprise id
 * @param industry          GB/T 4754 code from the park file
 * @param month             local calendar month
 * @param unit              product unit (t, pcs, m2, m3, hm = 100 m of fabric, h = staff-hours)
 * @param quantity          product quantity: integrated production over the month
 * @param outputValueCny    quantity × the month's ex-works price
 * @param valueAddedCny     value added
 * @param taxCny            taxes paid
 * @param employees         average employees
 * @param rdSpendCny        R&amp;D spending
 * @param complete          whether the simulation covered the whole month (else the figures are for part of it)
 * @param tier              simulator ground truth: the enterprise's efficiency tier (not part of a real report)
 * @param efficiencyFactor  simulator ground truth: multiplier on the industry's specific energy this month
 * @param fuelsKg           fuels declared because no meter measures them, kg by fuel id (raw_coal, diesel, lpg, ...);
 *                          empty when none
 * @param greenKwh          green electricity declared, kWh by kind (contract, certificate); empty when none
 */
public record EnterpriseMonth(String park, String enterprise, String industry, YearMonth month, String unit, double quantity,
                              double outputValueCny, double valueAddedCny, double taxCny, int employees, double rdSpendCny,
                              boolean complete, EfficiencyTier tier, double efficiencyFactor, Map<String, Double> fuelsKg,
                              Map<String, Double> greenKwh) {
}
