package io.parkpulse.efficiency.indicator;

import io.parkpulse.efficiency.evaluation.DataState.Reason;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
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
        v.put(Indicator.COMPREHENSIVE_ENERGY, measured(tce, Quantity.ENERGY));
        v.put(Indicator.ELECTRICITY, measured(f.electricityKwh(), Quantity.ELECTRICITY));
        v.put(Indicator.WATER, measured(f.waterM3(), Quantity.WATER));
        v.put(Indicator.OUTPUT_VALUE, reported(output, Quantity.OUTPUT_VALUE));
        v.put(Indicator.VALUE_ADDED, reported(valueAdded, Quantity.VALUE_ADDED));
        v.put(Indicator.ENERGY_PER_OUTPUT_VALUE, ratio(tce, Quantity.ENERGY, output, Quantity.OUTPUT_VALUE));
        v.put(Indicator.ENERGY_PER_VALUE_ADDED, ratio(tce, Quantity.ENERGY, valueAdded, Quantity.VALUE_ADDED));
        v.put(Indicator.ELECTRICITY_PER_OUTPUT_VALUE, ratio(f.electricityKwh(), Quantity.ELECTRICITY, output, Quantity.OUTPUT_VALUE));
        v.put(Indicator.WATER_PER_OUTPUT_VALUE, ratio(f.waterM3(), Quantity.WATER, output, Quantity.OUTPUT_VALUE));
        v.put(Indicator.OUTPUT_VALUE_PER_MU, perMu(output, f.landMu(), Quantity.OUTPUT_VALUE));
        v.put(Indicator.VALUE_ADDED_PER_MU, perMu(valueAdded, f.landMu(), Quantity.VALUE_ADDED));
        v.put(Indicator.TAX_PER_MU, perMu(tax, f.landMu(), Quantity.TAX));
        v.put(Indicator.VALUE_ADDED_PER_ENERGY, ratio(valueAdded, Quantity.VALUE_ADDED, tce, Quantity.ENERGY_CONSUMPTION));
        v.put(Indicator.TAX_PER_ENERGY, ratio(tax, Quantity.TAX, tce, Quantity.ENERGY_CONSUMPTION));
        v.put(Indicator.TAX_PER_ELECTRICITY, ratio(tax, Quantity.TAX, f.electricityKwh() / TEN_THOUSAND, Quantity.ELECTRICITY_CONSUMPTION));
        v.put(Indicator.VALUE_ADDED_PER_EMISSION, ratio(valueAdded, Quantity.VALUE_ADDED, o.emissions(), Quantity.EMISSIONS));
        v.put(Indicator.LABOUR_PRODUCTIVITY, ratio(valueAdded, Quantity.VALUE_ADDED, o.employees(), Quantity.EMPLOYEES));
        v.put(Indicator.RD_INTENSITY, ratio(o.rdSpend(), Quantity.RD_SPENDING, revenue, Quantity.REVENUE));
        double co2 = f.carbon().tCo2();
        Reason noFactor = missingFactor(f);
        v.put(Indicator.CO2, noFactor != null ? IndicatorValue.missing(noFactor) : measured(co2, Quantity.CO2));
        v.put(Indicator.CO2_PER_VALUE_ADDED, noFactor != null ? IndicatorValue.missing(noFactor)
                : ratio(co2, Quantity.CO2, valueAdded, Quantity.VALUE_ADDED));
        v.put(Indicator.CO2_PER_OUTPUT_VALUE, noFactor != null ? IndicatorValue.missing(noFactor)
                : ratio(co2, Quantity.CO2, output, Quantity.OUTPUT_VALUE));
        return v;
    }

    /** Why CO₂ is unknown when a factor is missing ({@code no_grid_factor}, {@code no_fuel_factor}), else {@code null}. */
    private static Reason missingFactor(EnterpriseFigures f) {
        if (!Double.isNaN(f.carbon().tCo2())) {
            return null;
        }
        return f.carbon().notes().stream().filter(r -> r.code().equals("no_grid_factor") || r.code().equals("no_fuel_factor"))
                .findFirst().orElse(null);
    }

    /** kgce and kgCO₂ per unit of each reported product, with the energy share the report attributes to it. */
    public static List<ProductIndicator> perProduct(EnterpriseFigures f) {
        List<ProductIndicator> list = new ArrayList<>();
        boolean single = f.output().products().size() == 1;
        f.output().products().forEach((product, total) -> {
            double share = single && total.energyShare() == 0 ? 1.0 : total.energyShare();
            if (total.quantity() > 0 && share > 0) {
                list.add(new ProductIndicator(product, "kgce/" + total.unit(),
                        f.energy().tce() * 1000 * share / total.quantity(), total.quantity(),
                        f.carbon().tCo2() * 1000 * share / total.quantity()));
            }
        });
        return list;
    }

    /**
     * What an indicator is made of, by the id its missing reasons name ({@code quantity} arg) and its English name.
     * Metered quantities are missing when not measured for enough of the period, the others when not reported.
     */
    private enum Quantity {
        ENERGY("energy", true), CO2("CO2", true), ENERGY_CONSUMPTION("energy consumption", true), ELECTRICITY("electricity", true),
        ELECTRICITY_CONSUMPTION("electricity consumption", true), WATER("water", true), OUTPUT_VALUE("output value", false),
        VALUE_ADDED("value added", false), TAX("tax", false), EMISSIONS("emissions", false), EMPLOYEES("employees", false),
        RD_SPENDING("R&D spending", false), REVENUE("revenue", false);

        final String english;
        final boolean metered;

        Quantity(String english, boolean metered) {
            this.english = english;
            this.metered = metered;
        }

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static IndicatorValue measured(double value, Quantity what) {
        return Double.isNaN(value) ? IndicatorValue.missing(absent(what)) : IndicatorValue.of(value);
    }

    private static IndicatorValue reported(double value, Quantity what) {
        return Double.isNaN(value) ? IndicatorValue.missing(absent(what)) : IndicatorValue.of(value);
    }

    private static IndicatorValue ratio(double numerator, Quantity numeratorName, double denominator, Quantity denominatorName) {
        if (Double.isNaN(numerator)) {
            return IndicatorValue.missing(absent(numeratorName));
        }
        if (Double.isNaN(denominator)) {
            return IndicatorValue.missing(absent(denominatorName));
        }
        if (!(denominator > 0)) {
            return IndicatorValue.missing(new Reason("quantity_zero", Map.of("quantity", denominatorName.id()),
                    denominatorName.english + " is zero"));
        }
        return IndicatorValue.of(numerator / denominator);
    }

    /** {@code not_measured} for a metered quantity, {@code not_reported} for a reported one. */
    private static Reason absent(Quantity q) {
        return q.metered
                ? new Reason("not_measured", Map.of("quantity", q.id()), "no " + q.english + " measured for enough of the period")
                : new Reason("not_reported", Map.of("quantity", q.id()), "no " + q.english + " reported");
    }

    private static IndicatorValue perMu(double value, double landMu, Quantity what) {
        if (!(landMu > 0)) {
            return IndicatorValue.missing(new Reason("no_land", Map.of(), "no land of its own"));
        }
        return Double.isNaN(value) ? IndicatorValue.missing(absent(what)) : IndicatorValue.of(value / landMu);
    }
}
