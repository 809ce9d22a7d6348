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
        } else if (rule instanceof AlarmRule.BudgetAtRisk) {
            return "budget_at_risk";
        } else if (rule instanceof AlarmRule.IntensityOffTrack) {
            return "intensity_off_track";
        }
        return "energy_outgrows_output";
    }

    /**
     * The unit of an alarm's value and threshold. The carbon kinds' unit depends on the rule's quantity (t or tce;
     * tCO2/10^4 CNY or tce/10^4 CNY): their details carry it as the arg {@code unit}.
     */
    public static String unit(Alarm a) {
        if (a.message() != null && a.message().args().containsKey("unit")
                && (a.kind().equals("budget_at_risk") || a.kind().equals("intensity_off_track"))) {
            return a.message().args().get("unit");
        }
        return unit(a.kind());
    }

    /** The unit of an alarm's value and threshold by kind alone ({@code ""} for the carbon kinds: see {@link #unit(Alarm)}). */
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
