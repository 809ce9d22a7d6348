package io.parkpulse.dashboard.alarms;

import java.util.Locale;

/** Where an alarm is in its life: raised, acknowledged by an operator (still active), cleared (over). */
public enum AlarmState {
    RAISED, ACKNOWLEDGED, CLEARED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlarmState byId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
