package io.parkpulse.efficiency.indicator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The formulas of docs/domain.md §1.5 and 2.2, each in one line. */
public final class IndicatorCalculator {

    private static final double TEN_THOUSAND = 10_000.0;

    private IndicatorCalculator() {
    }

    public static Map<Indicator, IndicatorValue> indicators(EnterpriseFigures f) {
        OutputTotals o = f.output();
        double tce = f.energy().tce();
        double output = o.outputValue() / TEN_THOUSAND;
        double valueAdded = o.valueAdded() / TEN_THOUSAND;
        double tax = o.tax() / TEN_THOUSAND;
        double revenue = Double.isNaN(o.revenue()) ? o.outputValue() : o.revenue();

        Map<Indicator, IndicatorValue> v = new EnumMap<>(Indicator.class);
        v.put(Indicator.COMPREHENSIVE_ENERGY, measured(tce, "energy"));
        v.put(Indicator.ELECTRICITY, measured(f.electricityKwh(), "electricity"));
        v.put(Indicator.WATER, measured(f.waterM3(), "water"));
        v.put(Indicator.OUTPUT_VALUE, reported(output, "output value"));
        v.put(Indicator.VALUE_ADDED, reported(valueAdded, "value added"));
        v.put(Indicator.ENERGY_PER_OUTPUT_VALUE, ratio(tce, "energy", output, "output value"));
        v.put(Indicator.ENERGY_PER_VALUE_ADDED, ratio(tce, "energy", valueAdded, "value added"));
        v.put(Indicator.ELECTRICITY_PER_OUTPUT_VALUE, ratio(f.electricityKwh(), "electricity", output, "output value"));
        v.put(Indicator.WATER_PER_OUTPUT_VALUE, ratio(f.waterM3(), "water", output, "output value"));
        v.put(Indicator.OUTPUT_VALUE_PER_MU, perMu(output, f.landMu(), "output value"));
        v.put(Indicator.VALUE_ADDED_PER_MU, perMu(valueAdded, f.landMu(), "value added"));
        v.put(Indicator.TAX_PER_MU, perMu(tax, f.landMu(), "tax"));
        v.put(Indicator.VALUE_ADDED_PER_ENERGY, ratio(valueAdded, "value added", tce, "energy consumption"));
        v.put(Indicator.TAX_PER_ENERGY, ratio(tax, "tax", tce, "energy consumption"));
        v.put(Indicator.TAX_PER_ELECTRICITY, ratio(tax, "tax", f.electricityKwh() / TEN_THOUSAND, "electricity consumption"));
        v.put(Indicator.VALUE_ADDED_PER_EMISSION, ratio(valueAdded, "value added", o.emissions(), "emissions"));
        v.put(Indicator.LABOUR_PRODUCTIVITY, ratio(valueAdded, "value added", o.employees(), "employees"));
        v.put(Indicator.RD_INTENSITY, ratio(o.rdSpend(), "R&D spending", revenue, "revenue"));
        return v;
    }

    /** kgce per unit of each reported product, with the energy share the report attributes to it. */
    public static List<ProductIndicator> perProduct(EnterpriseFigures f) {
        List<ProductIndicator> list = new ArrayList<>();
        boolean single = f.output().products().size() == 1;
        f.output().products().forEach((product, total) -> {
            double share = single && total.energyShare() == 0 ? 1.0 : total.energyShare();
            if (total.quantity() > 0 && share > 0) {
                list.add(new ProductIndicator(product, "kgce/" + total.unit(),
                        f.energy().tce() * 1000 * share / total.quantity(), total.quantity()));
            }
        });
        return list;
    }

    /** Quantities that come from meters rather than from output reports. */
    private static final java.util.Set<String> METERED = java.util.Set.of("energy", "energy consumption", "electricity",
            "electricity consumption", "water");

    private static IndicatorValue measured(double value, String what) {
        return Double.isNaN(value) ? IndicatorValue.missing(absent(what)) : IndicatorValue.of(value);
    }

    private static IndicatorValue reported(double value, String what) {
        return Double.isNaN(value) ? IndicatorValue.missing("no " + what + " reported") : IndicatorValue.of(value);
    }

    private static IndicatorValue ratio(double numerator, String numeratorName, double denominator, String denominatorName) {
        if (Double.isNaN(numerator)) {
            return IndicatorValue.missing(absent(numeratorName));
        }
        if (Double.isNaN(denominator)) {
            return IndicatorValue.missing(absent(denominatorName));
        }
        if (!(denominator > 0)) {
            return IndicatorValue.missing(denominatorName + " is zero");
        }
        return IndicatorValue.of(numerator / denominator);
    }

    private static String absent(String name) {
        return METERED.contains(name) ? "no " + name + " measured for enough of the period" : "no " + name + " reported";
    }

    private static IndicatorValue perMu(double value, double landMu, String what) {
        if (!(landMu > 0)) {
            return IndicatorValue.missing("no land of its own");
        }
        return Double.isNaN(value) ? IndicatorValue.missing("no " + what + " reported") : IndicatorValue.of(value / landMu);
    }
}
