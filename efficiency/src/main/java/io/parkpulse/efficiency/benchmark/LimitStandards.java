package io.parkpulse.efficiency.benchmark;

import io.parkpulse.efficiency.coal.EnergyBasis;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The limit-standard rows ParkPulse knows without configuration (docs/domain.md §3.2, examples A and B). A policy names
 * the row that applies to an enterprise's product.
 */
public final class LimitStandards {

    private static final double NONE = Double.NaN;
    private static final Set<LimitStandard.Counted> ELECTRICITY = Set.of(LimitStandard.Counted.ELECTRICITY);
    private static final Set<LimitStandard.Counted> FUEL = Set.of(LimitStandard.Counted.FUEL);
    private static final Set<LimitStandard.Counted> ALL = Set.of(LimitStandard.Counted.ELECTRICITY, LimitStandard.Counted.FUEL);
    private static final Map<String, LimitStandard> BUILT_IN = new LinkedHashMap<>();

    static {
        String cement = "GB 16780-2007";
        String big = " (kilns of 4 000 t/d and more)";
        add(new LimitStandard("gb16780-2007/clinker-coal/4000tpd", cement, "comparable clinker coal consumption" + big,
                "kgce/t", EnergyBasis.EQUIVALENT, FUEL, 120, 110, 107));
        add(new LimitStandard("gb16780-2007/clinker-electricity/4000tpd", cement,
                "comparable clinker electricity" + big, "kWh/t", null, ELECTRICITY, 68, 62, 60));
        add(new LimitStandard("gb16780-2007/cement-electricity/4000tpd", cement,
                "comparable cement electricity" + big, "kWh/t", null, ELECTRICITY, 105, 90, 85));
        add(new LimitStandard("gb16780-2007/clinker-comprehensive/4000tpd", cement,
                "comparable clinker comprehensive energy" + big, "kgce/t", EnergyBasis.EQUIVALENT, ALL, 128, 118, 114));
        add(new LimitStandard("gb16780-2007/cement-comprehensive/4000tpd", cement,
                "comparable cement comprehensive energy" + big, "kgce/t", EnergyBasis.EQUIVALENT, ALL, 105, 95, 93));

        String ferro = "GB 21341-2008";
        add(new LimitStandard("gb21341-2008/fesi75-a/smelting-electricity", ferro,
                "ferrosilicon FeSi75-A smelting electricity", "kWh/t", null, ELECTRICITY, 8800, 8500, NONE));
        add(new LimitStandard("gb21341-2008/fesi75-a/comprehensive-equivalent", ferro,
                "ferrosilicon FeSi75-A comprehensive energy (electricity at 0.1229 kgce/kWh)", "kgce/t",
                EnergyBasis.EQUIVALENT, ALL, 1980, 1910, NONE));
        add(new LimitStandard("gb21341-2008/fesi75-a/comprehensive-equal-value", ferro,
                "ferrosilicon FeSi75-A comprehensive energy (electricity at 0.404 kgce/kWh)", "kgce/t",
                EnergyBasis.EQUAL_VALUE, ALL, 4600, 4440, NONE));
    }

    private LimitStandards() {
    }

    private static void add(LimitStandard s) {
        BUILT_IN.put(s.id(), s);
    }

    public static Optional<LimitStandard> byId(String id) {
        return Optional.ofNullable(BUILT_IN.get(id));
    }

    public static List<LimitStandard> all() {
        return List.copyOf(BUILT_IN.values());
    }
}
