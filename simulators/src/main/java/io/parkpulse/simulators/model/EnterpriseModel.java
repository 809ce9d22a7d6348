package io.parkpulse.simulators.model;

import io.parkpulse.park.Enterprise;
import java.time.YearMonth;
import java.util.function.Consumer;

/**
 * One enterprise's physics. Production drives everything:
 * <pre>
 *   r(t)   = capacity × activity(shift, local hour, day type) × seasonal(month) × demand(t)   (units/h, if every machine runs)
 *   actual = Σ machines' production (a machine in fault makes nothing)
 *   P(t)   = base(t) + kWh-per-unit × efficiency(month) × actual                             (kW)
 *   water  = water-per-unit × actual + domestic + night minimum;  gas, steam ∝ actual + standby
 * </pre>
 * Its electricity is split into sub-meter components and a rest, so its main meter is exactly the
 * sum of its sub-meters plus the rest. Keeps the month's production for the output report.
 *
 * <p>Not thread-safe; the simulation thread owns it.
 */
final class EnterpriseModel {

    private static final int WALK_ORIGIN_MONTH = 2024 * 12;
    private static final double DEMAND_SPREAD = 0.05;
    private static final double POWER_NOISE = 0.02;
    /** Production grows (or shrinks) around this month: its level then is the capacity's (June 2026). */
    private static final int GROWTH_ANCHOR_MONTH = 2026 * 12 + 5;
    /** How much of the efficiency factor's departure from 1 the fuel (gas, steam) follows: burners and kilns differ less than drives. */
    private static final double FUEL_EFFICIENCY_SHARE = 0.25;

    final Enterprise enterprise;
    final Industry industry;
    final long key;
    final EfficiencyTier tier;
    final double capacity;
    final double peakKw;
    final double basePeakKw;
    final int employees;
    final double minWaterM3h;
    final double domesticM3hPerPerson;
    final double gasStandbyM3h;
    final double steamStandbyTh;
    private final double spread;
    private final double efficiencyJitter;
    /** Yearly growth of production: mean +5 %, spread 10 %, within −15 % … +30 %. */
    final double yearlyGrowth;
    /** Yearly change of energy per unit (savings projects, newer machines): mean −2 %, spread 1.2 %, within −4 % … 0. */
    final double yearlyIntensityChange;
    private final double[] moneyJitter;
    private final long priceKey;

    MachineModel[] machines = new MachineModel[0];
    /** What its output report declares beside its figures (fuels, green electricity). */
    Declarations declarations = Declarations.NONE;
    /** Shares of the electricity components: sub-meters first, the rest last. */
    double[] componentShares = {1.0};

    // this step
    double activity;
    double rate;
    double varKw;
    double baseKw;
    double totalKw;
    double[] componentKw = {0};
    double waterM3h;
    double gasM3h;
    double steamTh;

    private double previousRate = Double.NaN;
    private double previousKw = Double.NaN;
    private double previousStaff = Double.NaN;
    private long demandDay = Long.MIN_VALUE;
    private double demandToday;
    private double demandTomorrow;
    private int walkMonth = Integer.MIN_VALUE;
    private double walk;

    private int ledgerMonth = Integer.MIN_VALUE;
    private double ledgerQuantity;
    private double ledgerKwh;
    private double ledgerStaffHours;
    private boolean ledgerFromMonthStart;
    private boolean ledgerToMonthEnd;

    /**
     * @param priceKey key of the industry's price noise, shared by all enterprises of the industry
     */
    EnterpriseModel(Enterprise enterprise, Industry industry, long key, long priceKey, EfficiencyTier tier, double capacity,
                    double peakKw, boolean hasGasMeter) {
        this.enterprise = enterprise;
        this.industry = industry;
        this.key = key;
        this.priceKey = priceKey;
        this.tier = tier;
        this.capacity = capacity;
        this.peakKw = peakKw;
        this.basePeakKw = peakKw * industry.baseLoadShare();
        this.spread = industry.tierSpread();
        this.efficiencyJitter = 0.01 * spread * SeededNoise.centred(key, Streams.EFFICIENCY_JITTER, 0);
        this.yearlyGrowth = Math.max(-0.15, Math.min(0.30, 0.05 + 0.10 * SeededNoise.gaussian(key, Streams.GROWTH, 0)));
        this.yearlyIntensityChange = Math.max(-0.04, Math.min(0, -0.02 + 0.012 * SeededNoise.gaussian(key, Streams.INTENSITY_TREND, 0)));
        double yearlyOutput = capacity * industry.pricePerUnit() * 8766 * industry.shift().weeklyMeanActivity() * 0.95;
        this.employees = (int) Math.max(3, Math.round(yearlyOutput / industry.outputPerEmployeeYear()));
        // ~50 L per person and working day; toilets, cooling make-up and drips keep a floor at night
        this.domesticM3hPerPerson = 0.05 / 10;
        this.minWaterM3h = 0.02 + 0.001 * employees;
        this.gasStandbyM3h = industry.usesGas() ? 0.03 * industry.gasPerUnit() * capacity : hasGasMeter ? 0.2 + 0.002 * employees : 0;
        this.steamStandbyTh = 0.03 * industry.steamPerUnit() * capacity;
        this.moneyJitter = new double[4];
        for (int i = 0; i < moneyJitter.length; i++) {
            moneyJitter[i] = SeededNoise.centred(key, Streams.MONEY_JITTER, i);
        }
    }

    /** Peak water flow, m³/h, for sizing registers. */
    double peakWaterM3h() {
        return industry.waterPerUnit() * capacity * 1.3 + 2 * domesticM3hPerPerson * employees + minWaterM3h;
    }

    double peakGasM3h() {
        return industry.gasPerUnit() * capacity * 1.3 + gasStandbyM3h + 0.01 * employees;
    }

    double peakSteamTh() {
        return industry.steamPerUnit() * capacity * 1.3 + steamStandbyTh + 0.01;
    }

    /**
     * The efficiency factor on the industry's specific energy in a month: (tier centre + jitter + a clamped random walk)
     * × the enterprise's yearly intensity change compounded from the anchor month.
     */
    double efficiency(int monthIndex) {
        if (monthIndex != walkMonth) {
            walk = walkTo(monthIndex);
            walkMonth = monthIndex;
        }
        return (tier.centre(spread) + efficiencyJitter + walk) * Math.pow(1 + yearlyIntensityChange, (monthIndex - GROWTH_ANCHOR_MONTH) / 12.0);
    }

    private double walkTo(int monthIndex) {
        double limit = (EfficiencyTier.MAX_DRIFT - 0.01) * spread;
        int from = monthIndex == walkMonth + 1 ? walkMonth : WALK_ORIGIN_MONTH;
        double w = monthIndex == walkMonth + 1 ? walk : 0;
        for (int m = from; m < monthIndex; m++) {
            w = Math.max(-limit, Math.min(limit, w + 0.012 * spread * SeededNoise.gaussian(key, Streams.EFFICIENCY_WALK, m)));
        }
        return w;
    }

    /** Computes this step's production, power and flows. */
    void compute(StepTime t) {
        ShiftPattern shift = industry.shift();
        activity = shift.activity(t.hour(), t.dayType());
        double target = capacity * activity * industry.seasonal().factor(t.month()) * demand(t) * growth(t.monthIndex());
        if (machines.length == 0) {
            rate = target;
        } else {
            boolean works = shift.worksOn(t.dayType());
            rate = 0;
            for (MachineModel machine : machines) {
                rate += machine.decide(t, target, works, activity);
            }
        }
        varKw = industry.kwhPerUnit() * efficiency(t.monthIndex()) * rate;
        double hvac = SeasonalPattern.hvacFactor(t.month());
        baseKw = basePeakKw * hvac * (shift == ShiftPattern.OFFICE ? (activity > 0 ? 1.0 : 0.45) : 0.8 + 0.2 * daylight(t.hour()));
        long second = t.epochMs() / 1000;
        totalKw = 0;
        for (int j = 0; j < componentShares.length; j++) {
            double noise = 1 + POWER_NOISE * SeededNoise.centred(key, Streams.POWER_NOISE + 1000L * j, second);
            componentKw[j] = componentShares[j] * (varKw + baseKw) * noise;
            totalKw += componentKw[j];
        }
        boolean occupied = activity > 0;
        waterM3h = industry.waterPerUnit() * rate + domesticM3hPerPerson * employees * (occupied ? 1.8 : 0.2) + minWaterM3h;
        double fuelEfficiency = 1 + FUEL_EFFICIENCY_SHARE * (efficiency(t.monthIndex()) - 1);
        gasM3h = industry.gasPerUnit() * fuelEfficiency * rate + gasStandbyM3h * (industry.usesGas() || occupied ? 1 : 0.3);
        steamTh = industry.steamPerUnit() * fuelEfficiency * rate + steamStandbyTh;
    }

    /** The growth of production since the anchor month, compounded by month: (1 + yearly growth)^(months ÷ 12). */
    double growth(int monthIndex) {
        return Math.pow(1 + yearlyGrowth, (monthIndex - GROWTH_ANCHOR_MONTH) / 12.0);
    }

    /** Slow demand noise: one value per local day, interpolated through the day. */
    private double demand(StepTime t) {
        long day = t.epochDay();
        if (day != demandDay) {
            demandToday = day == demandDay + 1 ? demandTomorrow : dailyDemand(day);
            demandTomorrow = dailyDemand(day + 1);
            demandDay = day;
        }
        double f = t.hour() / 24;
        return demandToday + (demandTomorrow - demandToday) * f;
    }

    private double dailyDemand(long day) {
        return Math.max(0.85, Math.min(1.15, 1 + DEMAND_SPREAD * SeededNoise.gaussian(key, Streams.DEMAND, day)));
    }

    /** 0 at night, 1 between 07:00 and 19:00, linear an hour either side. */
    private static double daylight(double hour) {
        return Math.max(0, Math.min(1, Math.min(hour - 6, 20 - hour)));
    }

    /**
     * Adds the production of the interval ending at {@code t} to its month; emits the previous month
     * when the interval belongs to a new one.
     *
     * @param previous the previous step's time, or {@code null} when the interval is not published
     */
    void account(StepTime t, StepTime previous, double dtHours, String park, Consumer<EnterpriseMonth> out) {
        if (previous != null && !Double.isNaN(previousRate) && dtHours > 0) {
            boolean monthStart = t.date().getDayOfMonth() == 1 && t.secondOfDay() == 0 && t.epochMs() % 1000 == 0;
            int month = monthStart ? t.monthIndex() - 1 : t.monthIndex();
            if (month != ledgerMonth) {
                // a step grid that does not meet the month's end attributes the straddling interval to the new month
                ledgerToMonthEnd = true;
                emitMonth(park, out);
                ledgerMonth = month;
                ledgerQuantity = 0;
                ledgerKwh = 0;
                ledgerStaffHours = 0;
                ledgerFromMonthStart = previous.date().getDayOfMonth() == 1 && previous.secondOfDay() == 0
                        && previous.epochMs() % 1000 == 0;
                ledgerToMonthEnd = false;
            }
            ledgerQuantity += (previousRate + rate) / 2 * dtHours;
            ledgerKwh += (previousKw + totalKw) / 2 * dtHours;
            ledgerStaffHours += (previousStaff + staffOnSite()) / 2 * dtHours;
            ledgerToMonthEnd = monthStart;
        }
        previousRate = rate;
        previousKw = totalKw;
        previousStaff = staffOnSite();
    }

    /** People on site this step: the staff while the shift works, none otherwise. */
    private double staffOnSite() {
        return activity > 0 ? employees : 0;
    }

    /** Emits the month being accounted: complete if the run covered it from its first to its last instant. */
    void finish(String park, Consumer<EnterpriseMonth> out) {
        emitMonth(park, out);
        ledgerMonth = Integer.MIN_VALUE;
    }

    private void emitMonth(String park, Consumer<EnterpriseMonth> out) {
        if (ledgerMonth == Integer.MIN_VALUE) {
            return;
        }
        int m = ledgerMonth;
        double efficiency = efficiency(m);
        double price = industry.pricePerUnit() * (1 + 0.03 * SeededNoise.gaussian(priceKey, Streams.PRICE, m));
        double quantity = Rounding.round(ledgerQuantity, 3);
        double outputValue = quantity * price;
        // efficient plants keep more of their sales as value added (smaller energy bill)
        double valueAdded = outputValue * industry.valueAddedRatio() * (1 + 0.08 * moneyJitter[0]) * (1 - 0.15 * (efficiency - 1));
        double tax = outputValue * industry.taxRatio() * (1 + 0.15 * moneyJitter[1]);
        double rd = outputValue * industry.rdRatio() * (1 + 0.4 * moneyJitter[2]);
        int staff = (int) Math.max(1, Math.round(employees * (1 + 0.02 * SeededNoise.gaussian(key, Streams.STAFF, m))));
        double fuelEfficiency = 1 + FUEL_EFFICIENCY_SHARE * (efficiency - 1);
        out.accept(new EnterpriseMonth(park, enterprise.id().value(), enterprise.industry().code(), YearMonth.of(m / 12, m % 12 + 1),
                industry.unit(), quantity, Rounding.round(outputValue, 2), Rounding.round(valueAdded, 2), Rounding.round(tax, 2),
                staff, Rounding.round(rd, 2), ledgerFromMonthStart && ledgerToMonthEnd, tier, Rounding.round(efficiency, 4),
                declarations.fuels(quantity, fuelEfficiency, m % 12 + 1, ledgerStaffHours), declarations.green(ledgerKwh)));
    }
}
