package io.parkpulse.efficiency.carbon.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.efficiency.evaluation.DataState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The forecast to year end on constructed series whose true total is known. */
class SeasonalForecastTest {

    /** Last year's shape: a summer peak; Σ = 1 500. */
    private static final List<Double> LAST_YEAR = List.of(100.0, 90.0, 110.0, 120.0, 130.0, 150.0, 160.0, 155.0, 130.0,
            120.0, 110.0, 125.0);
    /** This year: 8 % more than last year, each month off by its own noise of about ±1 %. */
    private static final double[] NOISE = {0.01, -0.012, 0.008, -0.005, 0.011, -0.009, 0.004, 0.013, -0.007, 0.006, -0.01, 0.009};

    private static List<Double> thisYear(int months) {
        List<Double> x = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            x.add(LAST_YEAR.get(i) * 1.08 * (1 + NOISE[i]));
        }
        return x;
    }

    @Test
    void a_series_with_last_years_shape_is_forecast_exactly() {
        List<Double> x = LAST_YEAR.subList(0, 5).stream().map(v -> v * 1.08).toList();
        Forecast f = SeasonalForecast.forecast(x, LAST_YEAR);
        // ratio 1.08 every month: 1.08 × 1 500 = 1 620
        assertThat(f.value()).isCloseTo(1620, within(1e-9));
        assertThat(f.method()).isEqualTo(Forecast.SEASONAL_RATIO);
        assertThat(f.state()).isEqualTo(DataState.complete());
        // monthly ratios agree exactly, so the spread is the 2 % floor: s = 0.02 × 1.08 = 0.0216;
        // Σ_rest p² = 150² + 160² + 155² + 130² + 120² + 110² + 125² = 131 150, Σ_rest p = 950,
        // Σ_ytd p² = 100² + 90² + 110² + 120² + 130² = 61 500, Σ_ytd p = 550;
        // σ = 0.0216 × √(131 150 + 950² × 61 500 ÷ 550²) = 0.0216 × √(131 150 + 183 483.47) = 0.0216 × 560.922 = 12.1159
        assertThat(f.halfWidth()).isCloseTo(2 * 12.1159, within(1e-3));
    }

    @Test
    void a_noisy_seasonal_series_is_forecast_within_2_percent_and_the_band_holds_the_true_total() {
        double trueTotal = thisYear(12).stream().mapToDouble(Double::doubleValue).sum(); // 1 622.9916
        assertThat(trueTotal).isCloseTo(1622.9916, within(1e-4));

        Forecast f = SeasonalForecast.forecast(thisYear(5), LAST_YEAR);

        // YTD 109.08 + 96.0336 + 119.7504 + 128.952 + 141.9444 = 595.7604; r = 595.7604 ÷ 550 = 1.083201;
        // forecast = 595.7604 + 1.083201 × 950 = 1 624.8011
        assertThat(f.value()).isCloseTo(1624.8011, within(1e-3));
        // stated tolerance: within 2 % of the true total (here 0.11 %), and the band contains it
        assertThat(Math.abs(f.value() / trueTotal - 1)).isLessThan(0.02);
        assertThat(f.low()).isLessThan(trueTotal);
        assertThat(f.high()).isGreaterThan(trueTotal);
        assertThat(f.low()).isCloseTo(1600.497, within(1e-2));
        assertThat(f.high()).isCloseTo(1649.105, within(1e-2));
    }

    @Test
    void without_a_complete_previous_year_the_run_rate_is_used_with_a_wider_band_and_says_so() {
        List<Double> lastYearShort = new ArrayList<>(LAST_YEAR);
        lastYearShort.set(7, Double.NaN);
        Forecast f = SeasonalForecast.forecast(List.of(100.0, 120.0), lastYearShort);

        // 220 + 10 months × 110 = 1 320
        assertThat(f.value()).isCloseTo(1320, within(1e-9));
        assertThat(f.method()).isEqualTo(Forecast.RUN_RATE);
        // s = sd(100, 120) = 14.1421 (above the 10 % floor, 11); σ = 14.1421 × √(10 + 10² ÷ 2) = 14.1421 × 7.74597 = 109.545
        assertThat(f.halfWidth()).isCloseTo(2 * 109.545, within(1e-2));
        assertThat(f.state().kind()).isEqualTo(DataState.Kind.PARTIAL);
        assertThat(f.state().reasons().get(0).code()).isEqualTo("forecast_run_rate");
        assertThat(SeasonalForecast.forecast(List.of(100.0), null).halfWidth())
                .as("one month: s = 25 % of 100; σ = 25 × √(11 + 121) = 287.228").isCloseTo(2 * 287.228, within(1e-2));
    }

    @Test
    void no_month_no_forecast() {
        Forecast f = SeasonalForecast.forecast(List.of(), LAST_YEAR);
        assertThat(f.value()).isNaN();
        assertThat(f.method()).isEqualTo(Forecast.NONE);
        assertThat(f.state().isSufficient()).isFalse();
    }
}
