package io.parkpulse.contract;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a meter measures. The wire name is also the InfluxDB measurement its readings go to. */
public enum MeterKind {
    ELECTRICITY,
    WATER,
    GAS,
    STEAM,
    /** a heat meter on a hot-water loop (CJ/T 188 types 20H–29H): the heat delivered, a billed energy carrier */
    HEAT,
    EQUIPMENT;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public static Optional<MeterKind> byWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
