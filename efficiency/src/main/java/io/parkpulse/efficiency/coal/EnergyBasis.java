package io.parkpulse.efficiency.coal;


/**
 * How electricity is converted to standard coal (docs/domain.md §1.4). Every tce figure names its basis: the two differ
 * by a factor of about 2.4 for electricity.
 */
public enum EnergyBasis {
    /** 当量值: the heat content of a kWh, 0.1229 kgce/kWh. GB/T 2589-2020's default for enterprises. */
    EQUIVALENT("equivalent", "当量值"),
    /** 等价值: the coal burned to generate a kWh, the previous year's power-plant figure (a yearly parameter). */
    EQUAL_VALUE("equal_value", "等价值");

    private final String id;
    private final String chinese;

    EnergyBasis(String id, String chinese) {
        this.id = id;
        this.chinese = chinese;
    }

    public String id() {
        return id;
    }

    public String chinese() {
        return chinese;
    }

    public static java.util.Optional<EnergyBasis> byId(String id) {
        for (EnergyBasis b : values()) {
            if (b.id.equals(id)) {
                return java.util.Optional.of(b);
            }
        }
        return java.util.Optional.empty();
    }
}
