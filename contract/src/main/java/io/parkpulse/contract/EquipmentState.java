package io.parkpulse.contract;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Values of the {@code state} quantity that equipment reports. */
public enum EquipmentState {
    RUNNING,
    IDLE,
    FAULT,
    OFF;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public static Optional<EquipmentState> byWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
