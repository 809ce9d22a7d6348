package io.parkpulse.efficiency.carbon.tracking;

import java.util.Locale;

/** Where a total or an intensity stands against its budget or milestone. */
public enum Verdict {
    /** The forecast (or the year-to-date intensity) is within the budget (milestone) and its margin. */
    ON_TRACK,
    /** The forecast exceeds the budget × (1 + margin); or the intensity is above the milestone, within the margin. */
    AT_RISK,
    /** Already over: the year to date exceeds the whole budget, or even the band's low end exceeds it with the margin;
     * or the intensity is above the milestone × (1 + margin). */
    OFF_TRACK,
    /** The data cannot carry a verdict, or there is nothing to judge against: the reason says which. */
    UNKNOWN;

    /** The name in JSON: on_track, at_risk, off_track, unknown. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
