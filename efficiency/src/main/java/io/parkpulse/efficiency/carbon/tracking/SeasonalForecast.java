package io.parkpulse.efficiency.carbon.tracking;

import io.parkpulse.efficiency.evaluation.DataState;
import io.parkpulse.efficiency.evaluation.DataState.Reason;
import java.util.List;
import java.util.Map;

/**
 * Forecasts a yearly total from its first months (docs/efficiency.md, "Forecast to year end").
 *
 * <p><b>Seasonal ratio</b> (the previous year complete): with this year's months x₁…x_m, last year's p₁…p₁₂ and
 * r = Σx ÷ Σp₁…p_m, the forecast is Σx + r × Σp_{m+1}…p₁₂. Each month's own ratio rᵢ = xᵢ ÷ pᵢ scatters around r
 * with sample standard deviation s (at least 2 % of r — months rarely agree better — and 10 % of r from a single
 * month); taking the remaining months' ratios as independent draws and r as their estimate,
 * σ² = s² × (Σ_rest p_j² + (Σ_rest p_j)² × Σ_ytd pᵢ² ÷ (Σ_ytd pᵢ)²), and the band is ±2σ (about 95 % if the
 * ratios are normal).
 *
 * <p><b>Run rate</b> (no complete previous year): mean month μ = Σx ÷ m, forecast Σx + (12 − m) × μ; s is the months'
 * sample standard deviation (at least 10 % of μ, 25 % of μ from a single month), σ² = s² × ((12 − m) + (12 − m)² ÷ m),
 * band ±2σ. Its state is partial and says so: without last year's shape, a season is read as a trend.
 */
public final class SeasonalForecast {

    static final double LEAST_RATIO_SPREAD = 0.02;
    static final double SINGLE_RATIO_SPREAD = 0.10;
    static final double LEAST_RUN_SPREAD = 0.10;
    static final double SINGLE_RUN_SPREAD = 0.25;
    static final double BAND_SIGMAS = 2;

    private SeasonalForecast() {
    }

    /**
     * @param thisYearThroughM this year's months from January, every one known
     * @param previousYear12   last year's twelve months, or {@code null} / fewer / a {@code NaN} when not complete
     */
    public static Forecast forecast(List<Double> thisYearThroughM, List<Double> previousYear12) {
        int m = thisYearThroughM.size();
        if (m == 0) {
            return new Forecast(Double.NaN, Double.NaN, Double.NaN, Forecast.NONE,
                    DataState.insufficient(new Reason("no_month_yet", Map.of(), "no month of the year is known yet")));
        }
        if (m > 12 || thisYearThroughM.stream().anyMatch(v -> v == null || !Double.isFinite(v))) {
            throw new IllegalArgumentException("a forecast needs 1 to 12 known months, got " + thisYearThroughM);
        }
        double ytd = sum(thisYearThroughM, 0, m);
        if (complete(previousYear12) && sum(previousYear12, 0, m) > 0) {
            return seasonal(thisYearThroughM, previousYear12, ytd);
        }
        return runRate(thisYearThroughM, ytd);
    }

    private static Forecast seasonal(List<Double> x, List<Double> p, double ytd) {
        int m = x.size();
        double pYtd = sum(p, 0, m);
        double pRest = sum(p, m, 12);
        double r = ytd / pYtd;
        double value = ytd + r * pRest;
        double[] ratios = new double[m];
        int n = 0;
        double pYtdSquares = 0;
        for (int i = 0; i < m; i++) {
            pYtdSquares += p.get(i) * p.get(i);
            if (p.get(i) > 0) {
                ratios[n++] = x.get(i) / p.get(i);
            }
        }
        double s = n >= 2 ? Math.max(sampleSd(ratios, n), LEAST_RATIO_SPREAD * r) : SINGLE_RATIO_SPREAD * r;
        double restSquares = 0;
        for (int j = m; j < 12; j++) {
            restSquares += p.get(j) * p.get(j);
        }
        double sigma = s * Math.sqrt(restSquares + pRest * pRest * pYtdSquares / (pYtd * pYtd));
        return new Forecast(value, value - BAND_SIGMAS * sigma, value + BAND_SIGMAS * sigma, Forecast.SEASONAL_RATIO,
                DataState.complete());
    }

    private static Forecast runRate(List<Double> x, double ytd) {
        int m = x.size();
        double mean = ytd / m;
        double[] values = x.stream().mapToDouble(Double::doubleValue).toArray();
        double s = m >= 2 ? Math.max(sampleSd(values, m), LEAST_RUN_SPREAD * Math.abs(mean)) : SINGLE_RUN_SPREAD * Math.abs(mean);
        int rest = 12 - m;
        double value = ytd + rest * mean;
        double sigma = s * Math.sqrt(rest + (double) rest * rest / m);
        Reason why = new Reason("forecast_run_rate", Map.of("months", Integer.toString(m)), "no complete previous year: "
                + "the forecast continues the mean of " + m + " month(s), with a wider band");
        return new Forecast(value, value - BAND_SIGMAS * sigma, value + BAND_SIGMAS * sigma, Forecast.RUN_RATE,
                new DataState(DataState.Kind.PARTIAL, List.of(why)));
    }

    private static boolean complete(List<Double> p) {
        return p != null && p.size() == 12 && p.stream().allMatch(v -> v != null && Double.isFinite(v) && v >= 0);
    }

    private static double sum(List<Double> v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v.get(i);
        }
        return s;
    }

    private static double sampleSd(double[] v, int n) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += v[i];
        }
        mean /= n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            squares += (v[i] - mean) * (v[i] - mean);
        }
        return Math.sqrt(squares / (n - 1));
    }
}
