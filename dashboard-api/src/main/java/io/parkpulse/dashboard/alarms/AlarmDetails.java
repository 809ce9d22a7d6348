package io.parkpulse.dashboard.alarms;

import io.parkpulse.efficiency.evaluation.DataState.Reason;
import java.util.Locale;
import java.util.Map;

/**
 * What an alarm says it measured, every one as a code with its args (translated by the UI from
 * resources/i18n/messages.json, {@code alarm.detail.*}) and its English text: the alarm's {@code detail}.
 */
final class AlarmDetails {

    private AlarmDetails() {
    }

    static Reason notAWaterMeter() {
        return new Reason("not_a_water_meter", Map.of(), "not a water meter of the park");
    }

    static Reason nightBaselineShort(Object night, int nights) {
        return new Reason("night_baseline_short", Map.of("night", night.toString(), "nights", Integer.toString(nights)),
                "night of " + night + ": fewer than half of the " + nights + " nights before have a night minimum");
    }

    static Reason nightQuartersShort(Object night, int quarters) {
        return new Reason("night_quarters_short", Map.of("night", night.toString(), "quarters", Integer.toString(quarters)),
                "night of " + night + ": fewer than " + quarters + " of its 16 quarter-hours are known");
    }

    static Reason nightBaseline(Object night, double baselineM3h, int nights, String risePercent) {
        String baseline = String.format(Locale.ROOT, "%.3f", baselineM3h);
        return new Reason("night_baseline", Map.of("night", night.toString(), "baseline", baseline,
                "nights", Integer.toString(nights), "rise", risePercent),
                "night of " + night + "; baseline " + baseline + " m3/h (median of " + nights + " nights) + " + risePercent + " %");
    }

    static Reason growthAgainst(Object month, Object yearEarlier, double energyPercent, double outputPercent, String quadrant) {
        String energy = String.format(Locale.ROOT, "%+.1f", energyPercent);
        String output = String.format(Locale.ROOT, "%+.1f", outputPercent);
        return new Reason("growth_against", Map.of("month", month.toString(), "year_earlier", yearEarlier.toString(),
                "energy", energy, "output", output, "quadrant", quadrant),
                month + " against " + yearEarlier + ": energy " + energy + " %, output value " + output + " % (" + quadrant + ")");
    }

    /** No growth comparison for the month: the growth line's own reason, or none at all. */
    static Reason noGrowth(Object month, Reason why) {
        if (why == null) {
            return new Reason("no_figures", Map.of("month", month.toString()), month + ": no figures");
        }
        return new Reason(why.code(), why.args(), month + ": " + why.text());
    }

    static Reason noLivePower(String meter) {
        return new Reason("no_live_power", Map.of("meter", meter), "no live power of " + meter);
    }

    static Reason metersSummed(int known, int meters) {
        return new Reason("meters_summed", Map.of("known", Integer.toString(known), "meters", Integer.toString(meters)),
                "sum of " + known + " of " + meters + " main electricity meters");
    }

    static Reason noGatewayStatus(String gateway) {
        return new Reason("no_gateway_status", Map.of("gateway", gateway), "no status of " + gateway + " yet");
    }

    static Reason offline() {
        return new Reason("offline", Map.of(), "offline");
    }

    static Reason noReadingSinceStart() {
        return new Reason("no_reading_since_start", Map.of(), "no reading since the dashboard started");
    }

    static Reason watchedLessThanHold(double minutes) {
        return new Reason("watched_less_than_hold", Map.of("minutes", Double.toString(minutes)),
                "last reading " + minutes + " min ago, watched for less than the hold");
    }

    static Reason noLongerWatched() {
        return new Reason("no_longer_watched", Map.of(), "no longer watched by the park's policy");
    }
}
