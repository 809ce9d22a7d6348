package io.parkpulse.efficiency.carbon;

import io.parkpulse.efficiency.coal.CoefficientTable;
import io.parkpulse.efficiency.coal.EnergyBasis;
import io.parkpulse.efficiency.coal.EnergyCarrier;
import io.parkpulse.efficiency.evaluation.DataState.Reason;
import io.parkpulse.efficiency.indicator.OutputReport.GreenElectricity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * CO₂ from energy quantities (docs/efficiency.md, "Carbon"): purchased electricity × the grid factor of the year of
 * consumption (less the green electricity the policy's rule deducts), fuels by GB/T 32150-2015 (calorific value ×
 * carbon content × oxidation × 44/12), purchased heat × the heat factor, steam by its heat content × the heat factor.
 * Pure.
 */
public final class CarbonAccounting {

    /** GJ per tonne of standard coal (29 307.6 kJ/kgce, GB/T 2589-2020). */
    public static final double GJ_PER_TCE = 29.3076;

    private CarbonAccounting() {
    }

    /**
     * @param quantities physical quantities consumed in {@code year}, each in its carrier's unit; a {@code NaN} quantity
     *                   makes its carrier's and the total's CO₂ unknown
     * @param green      green electricity declared for the period
     * @param coal       the standard-coal table (steam's heat content comes from its coefficient)
     * @param year       the calendar year of consumption (a period never crosses one)
     */
    public static Emissions emissions(Map<EnergyCarrier, Double> quantities, List<GreenElectricity> green,
                                      CarbonPolicy policy, GridFactorTable table, CoefficientTable coal, int year) {
        List<Reason> notes = new ArrayList<>();
        Map<EnergyCarrier, Double> byCarrier = new EnumMap<>(EnergyCarrier.class);
        Map<EnergyCarrier, FuelFactor> fuelsUsed = new EnumMap<>(EnergyCarrier.class);
        double declared = 0;
        double deductible = 0;
        double notDeducted = 0;
        for (GreenElectricity g : green) {
            declared += g.kwh();
            if (policy.green().deducts(g.kind())) {
                deductible += g.kwh();
            } else {
                notDeducted += g.kwh();
            }
        }
        if (notDeducted > 0) {
            notes.add(new Reason("green_not_deducted", Map.of("kwh", format(notDeducted), "rule", policy.green().id()),
                    format(notDeducted) + " kWh of green electricity declared is not deducted under the rule " + policy.green().id()));
        }
        double applied = 0;
        FactorChoice grid = null;
        Double kwh = quantities.get(EnergyCarrier.ELECTRICITY);
        if (kwh != null) {
            Optional<FactorChoice> choice = policy.gridFactor(table, year);
            grid = choice.orElse(null);
            if (grid == null) {
                notes.add(noGridFactor(policy, year));
            } else if (grid.note() != null) {
                notes.add(grid.note());
            }
            if (!Double.isNaN(kwh)) {
                applied = Math.min(deductible, kwh);
                if (deductible > kwh) {
                    notes.add(new Reason("green_exceeds_metered", Map.of("declared", format(deductible), "metered", format(kwh)),
                            format(deductible) + " kWh of green electricity declared is more than the " + format(kwh)
                                    + " kWh metered; only the metered electricity is deducted"));
                }
            }
            byCarrier.put(EnergyCarrier.ELECTRICITY, grid == null ? Double.NaN
                    : (kwh - applied) * grid.factor().kgCo2PerKwh() / 1000.0);
        }
        for (Map.Entry<EnergyCarrier, Double> e : quantities.entrySet()) {
            EnergyCarrier carrier = e.getKey();
            double q = e.getValue();
            switch (carrier) {
                case ELECTRICITY -> {
                    // above
                }
                case HEAT -> byCarrier.put(carrier, q * policy.heatTCo2PerGj());
                case STEAM -> byCarrier.put(carrier, q * steamGjPerTonne(coal, year) * policy.heatTCo2PerGj());
                default -> {
                    FuelFactor f = policy.fuelFactor(carrier);
                    if (f == null) {
                        notes.add(new Reason("no_fuel_factor", Map.of("carrier", carrier.id()), "no CO2 factor for " + carrier.id()));
                        byCarrier.put(carrier, Double.NaN);
                    } else {
                        fuelsUsed.put(carrier, f);
                        byCarrier.put(carrier, q * f.tCo2PerUnit());
                    }
                }
            }
        }
        double total = 0;
        for (double t : byCarrier.values()) {
            total += t;
        }
        return new Emissions(total, byCarrier, declared, applied,
                new CarbonBasis(grid, policy.green(), policy.heatTCo2PerGj(), fuelsUsed, notes));
    }

    /** GJ in a tonne of steam: its standard-coal coefficient (kgce/t, calorific equivalent) × 29.3076 GJ/tce ÷ 1000. */
    public static double steamGjPerTonne(CoefficientTable coal, int year) {
        return coal.kgcePerUnit(EnergyCarrier.STEAM, EnergyBasis.EQUIVALENT, year) * GJ_PER_TCE / 1000.0;
    }

    /** Why electricity has no CO₂: no factor at or before the year for the policy's scope and area, nor one of its own. */
    public static Reason noGridFactor(CarbonPolicy policy, int year) {
        Map<String, String> args = new HashMap<>();
        args.put("scope", policy.gridScope().id());
        args.put("area", policy.gridArea() == null ? "" : policy.gridArea());
        args.put("year", Integer.toString(year));
        return new Reason("no_grid_factor", args, "no " + policy.gridScope().id() + " grid emission factor"
                + (policy.gridArea() == null ? "" : " for " + policy.gridArea()) + " published for " + year
                + " or any year before, and none stated by the policy");
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
