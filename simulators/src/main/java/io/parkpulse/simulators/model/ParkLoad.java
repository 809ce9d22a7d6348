package io.parkpulse.simulators.model;

/**
 * The park-level quantities that park meters see, summed over the enterprises each step: the main
 * incomer carries every enterprise's load plus transformer and line losses and public lighting; the
 * park water inlet carries every enterprise's water (leaks included) plus distribution losses.
 *
 * <p>Not thread-safe; the simulation thread owns it.
 */
final class ParkLoad {

    /** Transformer and line losses as a share of the load carried (a few per cent in a 110 kV park substation). */
    static final double LOSS_SHARE = 0.015;
    /** Distribution losses of the park's water network, as a share of the water delivered, plus a constant background leakage. */
    static final double WATER_LOSS_SHARE = 0.06;
    static final double WATER_BACKGROUND_M3H = 0.3;

    private final EnterpriseModel[] enterprises;
    /** Rated power of each public (non-incomer) park-level electricity meter. */
    final double[] publicRatedKw;
    final double[] publicKw;
    final double noLoadKw;
    MachineModel[] pumps = new MachineModel[0];

    double incomerKw;
    double waterM3h;
    double inletM3h;
    double gasM3h;
    double steamTh;

    ParkLoad(EnterpriseModel[] enterprises, double[] publicRatedKw, double noLoadKw) {
        this.enterprises = enterprises;
        this.publicRatedKw = publicRatedKw;
        this.publicKw = new double[publicRatedKw.length];
        this.noLoadKw = noLoadKw;
    }

    /** Peak of the incomer, for sizing its register. */
    double peakIncomerKw() {
        double sum = noLoadKw;
        for (EnterpriseModel e : enterprises) {
            sum += e.peakKw * 1.3;
        }
        for (double rated : publicRatedKw) {
            sum += 0.3 * rated;
        }
        return sum * (1 + LOSS_SHARE);
    }

    double peakWaterM3h() {
        double sum = WATER_BACKGROUND_M3H;
        for (EnterpriseModel e : enterprises) {
            sum += e.peakWaterM3h() * 2;
        }
        return sum * (1 + WATER_LOSS_SHARE);
    }

    double peakGasM3h() {
        double sum = 0.1;
        for (EnterpriseModel e : enterprises) {
            sum += e.peakGasM3h();
        }
        return sum;
    }

    double peakSteamTh() {
        double sum = 0.1;
        for (EnterpriseModel e : enterprises) {
            sum += e.peakSteamTh();
        }
        return sum;
    }

    /** Sums the enterprises (after they computed this step) and the leaks their meters reported. */
    void compute(StepTime t, double leakM3h) {
        double load = 0;
        double water = 0;
        double gas = 0;
        double steam = 0;
        for (EnterpriseModel e : enterprises) {
            load += e.totalKw;
            water += e.waterM3h;
            gas += e.gasM3h;
            steam += e.steamTh;
        }
        boolean dark = t.hour() < 6.5 || t.hour() >= 18.5;
        double publicSum = 0;
        for (int i = 0; i < publicKw.length; i++) {
            // street lighting and public buildings: lights at night, offices by day
            publicKw[i] = publicRatedKw[i] * (dark ? 0.3 : 0.1);
            publicSum += publicKw[i];
        }
        incomerKw = (load + publicSum) * (1 + LOSS_SHARE) + noLoadKw;
        waterM3h = water + leakM3h;
        inletM3h = waterM3h * (1 + WATER_LOSS_SHARE) + WATER_BACKGROUND_M3H;
        gasM3h = gas;
        steamTh = steam;
        for (MachineModel pump : pumps) {
            pump.decide(t, inletM3h, true, 1);
        }
    }
}
