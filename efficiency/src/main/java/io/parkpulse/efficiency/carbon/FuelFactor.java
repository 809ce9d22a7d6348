package io.parkpulse.efficiency.carbon;

import io.parkpulse.efficiency.coal.EnergyCarrier;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How much CO₂ a unit of a fuel emits, by GB/T 32150-2015: net calorific value × carbon content per heat × oxidation
 * rate × 44/12 (the mass ratio of CO₂ to C).
 *
 * @param carrier      the fuel
 * @param ncvGjPerUnit net calorific value, GJ per the carrier's unit ({@link EnergyCarrier#unit()}: kg, or m³ of gas)
 * @param carbonTPerGj carbon content, tC per GJ
 * @param oxidation    oxidation rate, 0-1
 * @param source       where the three figures come from
 */
public record FuelFactor(EnergyCarrier carrier, double ncvGjPerUnit, double carbonTPerGj, double oxidation, String source) {

    static final String RESOURCE = "/carbon/fuel-factors.csv";
    private static final List<String> COLUMNS = List.of("carrier", "ncv_gj_per_unit", "carbon_t_per_gj", "oxidation", "source");
    private static final double CO2_PER_C = 44.0 / 12.0;
    private static volatile Map<EnergyCarrier, FuelFactor> defaults;

    public FuelFactor {
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(source, "source");
        if (carrier == EnergyCarrier.ELECTRICITY || carrier == EnergyCarrier.HEAT || carrier == EnergyCarrier.STEAM) {
            throw new IllegalArgumentException(carrier.id() + " is not a fuel: electricity has a grid factor, heat and steam the heat factor");
        }
        if (!(ncvGjPerUnit > 0) || !(carbonTPerGj > 0) || !(oxidation > 0 && oxidation <= 1)) {
            throw new IllegalArgumentException(carrier.id() + ": calorific value and carbon content above 0, oxidation in (0, 1]");
        }
    }

    /** tCO₂ per unit of the carrier. */
    public double tCo2PerUnit() {
        return ncvGjPerUnit * carbonTPerGj * oxidation * CO2_PER_C;
    }

    /** The bundled GB/T 32150-2015 defaults ({@code carbon/fuel-factors.csv}), by carrier. */
    public static Map<EnergyCarrier, FuelFactor> defaults() {
        Map<EnergyCarrier, FuelFactor> d = defaults;
        if (d == null) {
            d = parse(RESOURCE, CarbonCsv.resource(RESOURCE));
            defaults = d;
        }
        return d;
    }

    /**
     * Fuel factors from CSV text of the bundled format.
     *
     * @throws IllegalArgumentException naming {@code name}, the line and what is wrong
     */
    public static Map<EnergyCarrier, FuelFactor> parse(String name, String csv) {
        Map<EnergyCarrier, FuelFactor> factors = new EnumMap<>(EnergyCarrier.class);
        for (CarbonCsv.Row row : CarbonCsv.parse(name, csv, COLUMNS)) {
            String at = name + ":" + row.line() + ": ";
            EnergyCarrier carrier = java.util.Arrays.stream(EnergyCarrier.values()).filter(c -> c.id().equals(row.get(0)))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException(at + "\"" + row.get(0) + "\" is not an energy carrier"));
            try {
                FuelFactor f = new FuelFactor(carrier, CarbonCsv.number(name, row, 1, "ncv_gj_per_unit"),
                        CarbonCsv.number(name, row, 2, "carbon_t_per_gj"), CarbonCsv.number(name, row, 3, "oxidation"), row.get(4));
                if (factors.put(carrier, f) != null) {
                    throw new IllegalArgumentException("a second row of " + carrier.id());
                }
            } catch (IllegalArgumentException e) {
                throw e.getMessage().startsWith(name) ? e : new IllegalArgumentException(at + e.getMessage(), e);
            }
        }
        return Collections.unmodifiableMap(factors);
    }
}
