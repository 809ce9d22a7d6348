package io.parkpulse.efficiency.coal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Standard-coal coefficients (kgce per physical unit) of one named version, plus the yearly equal-value figure for
 * electricity. Physical quantities are stored; tce is always computed on read with a table like this, so a new
 * coefficient version changes reports without touching data.
 *
 * @param version          name of the table, quoted with every figure computed from it
 * @param kgcePerUnit      calorific-equivalent coefficients per carrier
 * @param equalValueByYear equal-value electricity coefficient (kgce/kWh) by the year it applies to
 */
public record CoefficientTable(String version, Map<EnergyCarrier, Double> kgcePerUnit,
                               NavigableMap<Integer, Double> equalValueByYear) {

    /** Steam by pressure grade, kgce per kg (statistics bureau method; docs/domain.md §1.3). */
    public enum SteamGrade {
        MPA_10("10.0MPa", 0.131429), MPA_3_5("3.5MPa", 0.125714), MPA_1_0("1.0MPa", 0.108571),
        MPA_0_3("0.3MPa", 0.094286), BELOW_0_3("below_0.3MPa", 0.078571);

        private final String id;
        private final double kgcePerKg;

        SteamGrade(String id, double kgcePerKg) {
            this.id = id;
            this.kgcePerKg = kgcePerKg;
        }

        public String id() {
            return id;
        }

        public double kgcePerTonne() {
            return kgcePerKg * 1000;
        }
    }

    /** Natural gas: gas-field or oil-field reference values (docs/domain.md §1.3). */
    public enum GasSource {
        GAS_FIELD("gas_field", 1.2143), OIL_FIELD("oil_field", 1.3300);

        private final String id;
        private final double kgcePerM3;

        GasSource(String id, double kgcePerM3) {
            this.id = id;
            this.kgcePerM3 = kgcePerM3;
        }

        public String id() {
            return id;
        }

        public double kgcePerM3() {
            return kgcePerM3;
        }

    }

    public CoefficientTable {
        Objects.requireNonNull(version, "version");
        Map<EnergyCarrier, Double> copy = new EnumMap<>(EnergyCarrier.class);
        copy.putAll(kgcePerUnit);
        kgcePerUnit = Collections.unmodifiableMap(copy);
        equalValueByYear = Collections.unmodifiableNavigableMap(new TreeMap<>(equalValueByYear));
    }

    /**
     * GB/T 2589-2020 Appendix A reference values (as reproduced in docs/domain.md §1.3), natural gas from a gas field,
     * steam at 1.0 MPa, heat on the calorific-equivalent basis. No equal-value figure: there is no official current
     * one (docs/domain.md §10), so a policy that asks for the equal-value basis must state it per year.
     */
    public static CoefficientTable gbt2589() {
        return gbt2589(GasSource.GAS_FIELD, SteamGrade.MPA_1_0, Map.of());
    }

    public static CoefficientTable gbt2589(GasSource gas, SteamGrade steam, Map<Integer, Double> equalValueByYear) {
        Map<EnergyCarrier, Double> k = new EnumMap<>(EnergyCarrier.class);
        k.put(EnergyCarrier.ELECTRICITY, 0.1229);
        k.put(EnergyCarrier.NATURAL_GAS, gas.kgcePerM3());
        k.put(EnergyCarrier.STEAM, steam.kgcePerTonne());
        k.put(EnergyCarrier.HEAT, 34.12);
        k.put(EnergyCarrier.RAW_COAL, 0.7143);
        k.put(EnergyCarrier.COKE, 0.9714);
        k.put(EnergyCarrier.DIESEL, 1.4571);
        k.put(EnergyCarrier.GASOLINE, 1.4714);
        k.put(EnergyCarrier.FUEL_OIL, 1.4286);
        k.put(EnergyCarrier.LPG, 1.7143);
        String version = "GB/T 2589-2020 (natural gas " + gas.id() + ", steam " + steam.id() + ")";
        return new CoefficientTable(version, k, new TreeMap<>(equalValueByYear));
    }

    /**
     * kgce per unit of {@code carrier} on {@code basis} for a period in {@code year}.
     *
     * @throws IllegalArgumentException when the equal value of electricity for that year is not configured
     */
    public double kgcePerUnit(EnergyCarrier carrier, EnergyBasis basis, int year) {
        if (carrier == EnergyCarrier.ELECTRICITY && basis == EnergyBasis.EQUAL_VALUE) {
            Double v = equalValueByYear.get(year);
            if (v == null) {
                throw new IllegalArgumentException("no equal-value (等价值) electricity coefficient for " + year
                        + " in coefficient table " + version + "; the policy must state one per year (configured: "
                        + equalValueByYear.keySet() + ")");
            }
            return v;
        }
        Double v = kgcePerUnit.get(carrier);
        if (v == null) {
            throw new IllegalArgumentException("coefficient table " + version + " has no coefficient for " + carrier.id());
        }
        return v;
    }
}
