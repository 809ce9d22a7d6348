package io.parkpulse.simulators.model;

/**
 * Month-by-month demand of an industry, as a factor around 1. These are shapes, not statistics:
 * they follow the commonly described seasons of each trade in China (the Spring Festival trough
 * in February for everyone; the construction season for cement, weak in the rainy, hot summer;
 * export seasons for textiles; the autumn product season for electronics; festival peaks for
 * food; the wet season for sewage). Good enough for dashboards and year-on-year comparisons to
 * show believable movement; not calibrated against any published index.
 */
public enum SeasonalPattern {
    STEADY(0.97, 0.85, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.02, 1.03, 1.03),
    CONSTRUCTION(0.80, 0.55, 0.92, 1.05, 1.08, 1.02, 0.88, 0.90, 1.02, 1.08, 1.10, 1.00),
    TEXTILE_EXPORT(0.95, 0.70, 1.05, 1.05, 1.00, 0.95, 0.92, 0.95, 1.05, 1.08, 1.05, 1.00),
    ELECTRONICS(0.95, 0.80, 0.95, 0.95, 0.98, 1.00, 1.02, 1.05, 1.08, 1.08, 1.05, 1.00),
    FOOD_FESTIVALS(1.15, 0.85, 0.90, 0.92, 0.95, 0.95, 0.95, 1.00, 1.08, 1.00, 1.05, 1.15),
    WET_SEASON(0.92, 0.90, 0.95, 1.00, 1.05, 1.12, 1.15, 1.12, 1.05, 1.00, 0.95, 0.92);

    private final double[] byMonth;

    SeasonalPattern(double... byMonth) {
        this.byMonth = byMonth;
    }

    /** @param month 1..12 */
    public double factor(int month) {
        return byMonth[month - 1];
    }

    /** Building services (HVAC) load by month, shared by all industries: cooling in summer, some heating in winter. */
    public static double hvacFactor(int month) {
        return HVAC[month - 1];
    }

    private static final double[] HVAC = {1.15, 1.10, 1.00, 0.95, 1.00, 1.15, 1.30, 1.30, 1.10, 0.95, 1.00, 1.10};
}
