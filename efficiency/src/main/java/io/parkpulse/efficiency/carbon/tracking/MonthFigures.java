package io.parkpulse.efficiency.carbon.tracking;

import io.parkpulse.efficiency.evaluation.DataState;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One enterprise's month, as target tracking needs it: the figures of the month's evaluation (ParkEvaluation) and how
 * far they can be trusted — energy (every metered carrier) and the month's output report, which carries the value
 * added and the declared fuels.
 *
 * @param month          the local calendar month
 * @param energyTce      comprehensive energy, tce
 * @param co2T           CO₂, t
 * @param valueAdded10k  value added, 10⁴ CNY
 * @param outputValue10k output value, 10⁴ CNY
 * @param state          the weaker of the energy and report states; insufficient months carry no verdict
 */
public record MonthFigures(YearMonth month, double energyTce, double co2T, double valueAdded10k, double outputValue10k,
                           DataState state) {

    public MonthFigures {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(state, "state");
    }
}
