package io.parkpulse.efficiency.carbon.tracking;

import io.parkpulse.efficiency.evaluation.DataState;
import java.util.Objects;

/**
 * A year-end total forecast from the year to date (docs/efficiency.md, "Forecast").
 *
 * @param value  the forecast total of the year
 * @param low    lower end of the band (value − 2σ)
 * @param high   upper end of the band (value + 2σ)
 * @param method {@link #SEASONAL_RATIO}, {@link #RUN_RATE} or {@link #NONE}
 * @param state  complete for the seasonal ratio; partial for the run rate (it says why); insufficient when none
 */
public record Forecast(double value, double low, double high, String method, DataState state) {

    /** The remaining months are the previous year's same months × this year's YTD ÷ last year's same months. */
    public static final String SEASONAL_RATIO = "seasonal_ratio";
    /** No complete previous year: the remaining months continue this year's monthly mean. */
    public static final String RUN_RATE = "run_rate";
    /** No month of the year known yet. */
    public static final String NONE = "none";

    public Forecast {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(state, "state");
    }

    /** Half the band's width. */
    public double halfWidth() {
        return (high - low) / 2;
    }
}
