package io.parkpulse.simulators.model;

/**
 * How an enterprise's production lines work over a day: the share of capacity in use at a local
 * hour, by day type. Zero means the lines stand still (machines idle or off); base load (lighting,
 * HVAC, standby) is modelled separately, so it is not part of this.
 */
public enum ShiftPattern {
    /** Three shifts, every day: kilns, furnaces, reactors, dye ranges, PCB lines, treatment plants. */
    CONTINUOUS,
    /** Two shifts 06:00-22:00 on working days, one reduced shift on weekends. */
    TWO_SHIFTS,
    /** One shift 08:00-12:00 and 13:00-17:30 on working days. */
    DAY_SHIFT,
    /** Office hours 09:00-12:00, 13:30-18:00, some overtime until 21:00; a little on weekends. */
    OFFICE;

    /**
     * Share of capacity in use, 0..1.
     *
     * @param hour local hour of day with fraction, 0 ≤ hour &lt; 24
     */
    public double activity(double hour, DayType day) {
        return switch (this) {
            case CONTINUOUS -> (day == DayType.HOLIDAY ? 0.85 : day == DayType.WEEKEND ? 0.93 : 0.96)
                    * (1 + 0.03 * Math.sin(2 * Math.PI * (hour - 4) / 24));
            case TWO_SHIFTS -> switch (day) {
                case WORKDAY -> within(hour, 6, 22) ? 0.95 : 0;
                case WEEKEND -> within(hour, 8, 17) ? 0.5 : 0;
                case HOLIDAY -> 0;
            };
            case DAY_SHIFT -> day == DayType.WORKDAY && (within(hour, 8, 12) || within(hour, 13, 17.5)) ? 1.0 : 0;
            case OFFICE -> switch (day) {
                case WORKDAY -> within(hour, 9, 12) || within(hour, 13.5, 18) ? 1.0 : within(hour, 18, 21) ? 0.3 : 0;
                case WEEKEND -> within(hour, 10, 17) ? 0.08 : 0;
                case HOLIDAY -> 0;
            };
        };
    }

    /** Whether the lines run at some time of a day of this type (else equipment is switched off all day). */
    public boolean worksOn(DayType day) {
        return switch (this) {
            case CONTINUOUS -> true;
            case TWO_SHIFTS, OFFICE -> day != DayType.HOLIDAY;
            case DAY_SHIFT -> day == DayType.WORKDAY;
        };
    }

    /** Mean activity over an ordinary week (5 working days, 2 weekend days), for sizing staff. */
    public double weeklyMeanActivity() {
        double sum = 0;
        int samples = 0;
        for (int q = 0; q < 96; q++) {
            double hour = q / 4.0;
            sum += 5 * activity(hour, DayType.WORKDAY) + 2 * activity(hour, DayType.WEEKEND);
            samples += 7;
        }
        return sum / samples;
    }

    private static boolean within(double hour, double from, double to) {
        return hour >= from && hour < to;
    }
}
