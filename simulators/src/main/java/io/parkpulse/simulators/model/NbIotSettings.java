package io.parkpulse.simulators.model;

import java.time.Duration;

/**
 * How NB-IoT meters (water and gas meters on a gateway whose id contains {@code nbiot}) report:
 * they freeze their register every {@code freezeInterval} of local time and send the frozen values
 * of each completed block of the day in one uplink, {@code uplinksPerDay} times a day (once a day:
 * the past local day), at a time after the block's end derived from the meter id (for one uplink a
 * day: between 00:30 and 06:00 local).
 *
 * @param uplinksPerDay  1, 2, 3, 4, 6, 8, 12 or 24
 * @param freezeInterval a whole number of seconds dividing the block (24 h ÷ uplinks), e.g. PT1H or PT15M
 */
public record NbIotSettings(int uplinksPerDay, Duration freezeInterval) {

    public static final NbIotSettings DAILY_HOURLY = new NbIotSettings(1, Duration.ofHours(1));

    /** The gateway-id marker that makes a park's meters NB-IoT meters. */
    public static final String GATEWAY_MARKER = "nbiot";

    public NbIotSettings {
        if (uplinksPerDay < 1 || 24 % uplinksPerDay != 0 || uplinksPerDay > 24) {
            throw new IllegalArgumentException("NB-IoT uplinks per day must divide 24 (1, 2, 3, 4, 6, 8, 12, 24); got " + uplinksPerDay);
        }
        long freeze = freezeInterval.getSeconds();
        if (freezeInterval.getNano() != 0 || freeze <= 0 || blockSeconds(uplinksPerDay) % freeze != 0) {
            throw new IllegalArgumentException("the NB-IoT freeze interval must be whole seconds dividing "
                    + Duration.ofSeconds(blockSeconds(uplinksPerDay)) + " (24 h / " + uplinksPerDay + " uplinks); got " + freezeInterval);
        }
    }

    public int blockSeconds() {
        return blockSeconds(uplinksPerDay);
    }

    public int freezeSeconds() {
        return (int) freezeInterval.getSeconds();
    }

    /** Frozen values in one uplink. */
    public int valuesPerUplink() {
        return blockSeconds() / freezeSeconds();
    }

    private static int blockSeconds(int uplinks) {
        return 86_400 / uplinks;
    }
}
