package io.parkpulse.efficiency.indicator;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An enterprise's output reports summed over a period: money and quantities add up, employees average over the
 * months reported. A figure no month reported stays {@code NaN}.
 */
public record OutputTotals(double outputValue, double valueAdded, double tax, double revenue, double rdSpend,
                           double employees, double emissions, Map<String, ProductTotal> products) {

    /** @param energyShare share of the enterprise's energy attributed to the product (quantity-weighted over months) */
    public record ProductTotal(double quantity, String unit, double energyShare) {
    }

    public static final OutputTotals NONE = new OutputTotals(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Map.of());

    public static OutputTotals of(Collection<OutputReport> reports) {
        if (reports.isEmpty()) {
            return NONE;
        }
        double employeesSum = 0;
        int employeeMonths = 0;
        Map<String, double[]> products = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        double[] sums = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        for (OutputReport r : reports) {
            double[] values = {r.outputValue(), r.valueAdded().orElse(Double.NaN), r.tax().orElse(Double.NaN),
                r.revenue().orElse(Double.NaN), r.rdSpend().orElse(Double.NaN), r.emissions().orElse(Double.NaN)};
            for (int i = 0; i < values.length; i++) {
                if (!Double.isNaN(values[i])) {
                    sums[i] = Double.isNaN(sums[i]) ? values[i] : sums[i] + values[i];
                }
            }
            if (r.employees().isPresent()) {
                employeesSum += r.employees().getAsDouble();
                employeeMonths++;
            }
            for (OutputReport.ProductOutput p : r.products()) {
                double[] acc = products.computeIfAbsent(p.product(), k -> new double[2]);
                acc[0] += p.quantity();
                acc[1] += p.quantity() * p.energyShare();
                units.putIfAbsent(p.product(), p.unit());
            }
        }
        Map<String, ProductTotal> productTotals = new LinkedHashMap<>();
        products.forEach((id, acc) -> productTotals.put(id,
                new ProductTotal(acc[0], units.get(id), acc[0] > 0 ? acc[1] / acc[0] : 0)));
        return new OutputTotals(sums[0], sums[1], sums[2], sums[3], sums[4],
                employeeMonths == 0 ? Double.NaN : employeesSum / employeeMonths, sums[5], productTotals);
    }
}
