package io.parkpulse.simulators.model;

import io.parkpulse.park.Enterprise;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an enterprise declares in its monthly output report because no meter measures it (docs/simulators.md#output-report):
 * fuels it burns, in kg, and green electricity it holds, in kWh. Chosen by industry in park-file order, so the same park
 * file always gives the same declarers:
 * <ul>
 *   <li>every cement works: diesel for its wheel loaders and yard vehicles, {@value #CEMENT_DIESEL_KG_PER_T} kg per t;</li>
 *   <li>the first two dyeing mills: raw coal for the thermal-oil heaters of their stenters, {@value #DYEING_COAL_KG_PER_HM}
 *       kg per 100 m of fabric, more in the cold months (heat losses);</li>
 *   <li>every food plant: LPG for its staff canteen, {@value #CANTEEN_LPG_KG_PER_STAFF_HOUR} kg per staff-hour on site
 *       (about 0.16 kg, one meal, per person and 8-hour day), a little more in the cold months;</li>
 *   <li>the first two circuit-board makers (export supply chains ask for green power): green-electricity trading
 *       contracts for {@value #FIRST_CONTRACT_SHARE} and {@value #SECOND_CONTRACT_SHARE} of their electricity;</li>
 *   <li>the first software firm: green certificates (1 certificate = 1 MWh) for its electricity, whole MWh.</li>
 * </ul>
 * These are order-of-magnitude figures of mine for plants of that trade, like the rest of {@link Industry}, not taken
 * from a verified source. Fuels follow production (and so its seasons and the efficiency of the month) like the metered
 * gas does; the other enterprises declare nothing.
 *
 * <p>Immutable.
 */
final class Declarations {

    static final double CEMENT_DIESEL_KG_PER_T = 0.25;
    static final double DYEING_COAL_KG_PER_HM = 6;
    static final double CANTEEN_LPG_KG_PER_STAFF_HOUR = 0.02;
    static final double FIRST_CONTRACT_SHARE = 0.30;
    static final double SECOND_CONTRACT_SHARE = 0.20;
    /** How cold a month is in the Yangtze delta, 0 (no heating) to 1 (January). */
    private static final double[] COLD = {1.0, 0.9, 0.5, 0.1, 0, 0, 0, 0, 0, 0.1, 0.5, 0.9};

    static final Declarations NONE = new Declarations(0, 0, 0, 0, false);

    private final double dieselKgPerUnit;
    private final double coalKgPerUnit;
    private final double lpgKgPerStaffHour;
    private final double contractShare;
    private final boolean certificates;

    private Declarations(double dieselKgPerUnit, double coalKgPerUnit, double lpgKgPerStaffHour, double contractShare,
                         boolean certificates) {
        this.dieselKgPerUnit = dieselKgPerUnit;
        this.coalKgPerUnit = coalKgPerUnit;
        this.lpgKgPerStaffHour = lpgKgPerStaffHour;
        this.contractShare = contractShare;
        this.certificates = certificates;
    }

    /** The declarations of every enterprise of the park, by id (those declaring nothing get {@link #NONE}). */
    static Map<String, Declarations> assign(Collection<Enterprise> enterprises) {
        Map<String, Declarations> by = new HashMap<>();
        Map<Industry, Integer> seen = new HashMap<>();
        for (Enterprise e : enterprises) {
            Industry industry = Industry.of(e.industry());
            int n = seen.merge(industry, 1, Integer::sum); // 1 for the first of its industry in the park file
            by.put(e.id().value(), switch (industry) {
                case CEMENT -> new Declarations(CEMENT_DIESEL_KG_PER_T, 0, 0, 0, false);
                case COTTON_DYEING -> n <= 2 ? new Declarations(0, DYEING_COAL_KG_PER_HM, 0, 0, false) : NONE;
                case RICE_FLOUR_PRODUCTS -> new Declarations(0, 0, CANTEEN_LPG_KG_PER_STAFF_HOUR, 0, false);
                case ELECTRONIC_CIRCUITS -> n == 1 ? new Declarations(0, 0, 0, FIRST_CONTRACT_SHARE, false)
                        : n == 2 ? new Declarations(0, 0, 0, SECOND_CONTRACT_SHARE, false) : NONE;
                case APPLICATION_SOFTWARE -> n == 1 ? new Declarations(0, 0, 0, 0, true) : NONE;
                default -> NONE;
            });
        }
        return by;
    }

    /**
     * The fuels of a month, kg, by fuel id of the upload ({@code raw_coal}, {@code diesel}, {@code lpg}); empty when none.
     *
     * @param quantity       the month's production, product units
     * @param fuelEfficiency the month's multiplier on fuel per unit (as for the metered gas)
     * @param month          1..12
     * @param staffHours     person-hours on site in the month
     */
    Map<String, Double> fuels(double quantity, double fuelEfficiency, int month, double staffHours) {
        Map<String, Double> fuels = new LinkedHashMap<>();
        double cold = COLD[month - 1];
        if (coalKgPerUnit > 0) {
            fuels.put("raw_coal", Rounding.round(coalKgPerUnit * quantity * fuelEfficiency * (1 + 0.15 * cold), 0));
        }
        if (dieselKgPerUnit > 0) {
            fuels.put("diesel", Rounding.round(dieselKgPerUnit * quantity * fuelEfficiency, 0));
        }
        if (lpgKgPerStaffHour > 0) {
            fuels.put("lpg", Rounding.round(lpgKgPerStaffHour * staffHours * (1 + 0.10 * cold), 0));
        }
        return Collections.unmodifiableMap(fuels);
    }

    /** The green electricity of a month, kWh, by kind ({@code contract}, {@code certificate}); empty when none. */
    Map<String, Double> green(double electricityKwh) {
        if (contractShare > 0) {
            return Map.of("contract", Rounding.round(contractShare * electricityKwh, 0));
        }
        if (certificates) {
            return Map.of("certificate", Math.floor(electricityKwh / 1000) * 1000);
        }
        return Map.of();
    }

}
