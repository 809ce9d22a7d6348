package io.parkpulse.dashboard.alarms;

import io.parkpulse.efficiency.policy.AlarmRule;
import java.util.Locale;

/** The park-file names of rule kinds and the units of their values. */
public final class AlarmKinds {

    private AlarmKinds() {
    }

    public static String kindOf(AlarmRule rule) {
        if (rule instanceof AlarmRule.PowerAbove) {
            return "power_above";
        } else if (rule instanceof AlarmRule.GatewayOffline) {
            return "gateway_offline";
        } else if (rule instanceof AlarmRule.MeterSilent) {
            return "meter_silent";
        } else if (rule instanceof AlarmRule.NightWaterRise) {
            return "night_water_rise";
        }
        return "energy_outgrows_output";
    }

    /** The unit of an alarm's value and threshold. */
    public static String unit(String kind) {
        return switch (kind) {
            case "power_above" -> "kW";
            case "gateway_offline", "meter_silent" -> "min";
            case "night_water_rise" -> "m3/h";
            case "energy_outgrows_output" -> "%";
            default -> "";
        };
    }

    static String severityOf(AlarmRule rule) {
        return rule.severity().name().toLowerCase(Locale.ROOT);
    }
}
