package io.parkpulse.efficiency.policy;

import io.parkpulse.efficiency.carbon.CarbonQuantity;
import java.time.Duration;
import java.util.Objects;

/**
 * One alarm a park's policy defines ({@code policy.alarms} in the park file, docs/park-file.md#alarms). Live rules
 * are judged every few seconds from the live view and raise once their condition has held for {@link #hold()};
 * daily rules are judged once a day from stored readings. Subjects are ids of the park file; {@code null} where a
 * rule allows it means "every one".
 */
public sealed interface AlarmRule {

    /** Unique within the policy; alarms and their history carry it. */
    String id();

    Severity severity();

    /** How long the condition must hold before the alarm is raised; zero for daily rules. */
    Duration hold();

    /** Whether the rule is judged from the live view (seconds) rather than once a day from stored readings. */
    default boolean isLive() {
        return hold().compareTo(Duration.ZERO) > 0;
    }

    enum Severity { WARNING, CRITICAL }

    /**
     * Active power above {@code limitKw} for {@code hold}: of one meter, or of an enterprise (the sum of its main
     * electricity meters). Exactly one of {@code meter} and {@code enterprise} is set.
     */
    record PowerAbove(String id, Severity severity, String meter, String enterprise, double limitKw, Duration hold)
            implements AlarmRule {
        public PowerAbove {
            check(id, severity, hold, true);
            if ((meter == null) == (enterprise == null)) {
                throw new IllegalArgumentException("power_above " + id + " needs exactly one of meter and enterprise");
            }
            if (!(limitKw > 0)) {
                throw new IllegalArgumentException("power_above " + id + ": limit must be above 0 kW");
            }
        }
    }

    /** A gateway ({@code null}: any gateway) reported offline for {@code hold}. */
    record GatewayOffline(String id, Severity severity, String gateway, Duration hold) implements AlarmRule {
        public GatewayOffline {
            check(id, severity, hold, true);
        }
    }

    /**
     * No reading (by device time) for {@code hold} from one meter, or from every meter of one gateway, or from every
     * meter of the park when both are {@code null}.
     */
    record MeterSilent(String id, Severity severity, String meter, String gateway, Duration hold) implements AlarmRule {
        public MeterSilent {
            check(id, severity, hold, true);
            if (meter != null && gateway != null) {
                throw new IllegalArgumentException("meter_silent " + id + " names a meter or a gateway, not both");
            }
        }
    }

    /**
     * A water meter's night minimum flow (docs/domain.md §7.3: the lowest 1-hour rolling mean of 15-minute flow between
     * 01:00 and 05:00 local time) above its median over the {@code baselineDays} nights before by more than
     * {@code risePercent}.
     */
    record NightWaterRise(String id, Severity severity, String meter, double risePercent, int baselineDays)
            implements AlarmRule {
        public NightWaterRise {
            check(id, severity, Duration.ZERO, false);
            Objects.requireNonNull(meter, "meter");
            if (!(risePercent > 0) || baselineDays < 7 || baselineDays > 90) {
                throw new IllegalArgumentException("night_water_rise " + id + ": rise above 0 %, baseline 7-90 nights");
            }
        }

        @Override
        public Duration hold() {
            return Duration.ZERO;
        }
    }

    /**
     * Year on year, the last complete month: an enterprise's ({@code null}: every enterprise's) energy grew faster
     * than its output value by more than {@code marginPoints} percentage points (docs/domain.md §4).
     */
    record EnergyOutgrowsOutput(String id, Severity severity, String enterprise, double marginPoints)
            implements AlarmRule {
        public EnergyOutgrowsOutput {
            check(id, severity, Duration.ZERO, false);
            if (!(marginPoints >= 0)) {
                throw new IllegalArgumentException("energy_outgrows_output " + id + ": margin must not be negative");
            }
        }

        @Override
        public Duration hold() {
            return Duration.ZERO;
        }
    }

    /**
     * Judged daily on the current year through the last complete month: the forecast of the year's {@code quantity}
     * (energy or CO₂) exceeds the budget × (1 + the policy's budget margin) — of the park, or of {@code enterprise}
     * when set (which then needs a budget of its own). Never raised from insufficient data (docs/efficiency.md,
     * "Targets and tracking").
     */
    record BudgetAtRisk(String id, Severity severity, String enterprise, CarbonQuantity quantity) implements AlarmRule {
        public BudgetAtRisk {
            check(id, severity, Duration.ZERO, false);
            Objects.requireNonNull(quantity, "quantity");
        }

        @Override
        public Duration hold() {
            return Duration.ZERO;
        }
    }

    /**
     * Judged daily: the park's year-to-date intensity of {@code quantity} (energy or CO₂ per 10⁴ CNY of value added)
     * exceeds the year's milestone × (1 + the policy's intensity margin). Never raised from insufficient data.
     */
    record IntensityOffTrack(String id, Severity severity, CarbonQuantity quantity) implements AlarmRule {
        public IntensityOffTrack {
            check(id, severity, Duration.ZERO, false);
            Objects.requireNonNull(quantity, "quantity");
        }

        @Override
        public Duration hold() {
            return Duration.ZERO;
        }
    }

    private static void check(String id, Severity severity, Duration hold, boolean live) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(hold, "hold");
        if (live && (hold.isNegative() || hold.isZero())) {
            throw new IllegalArgumentException("alarm " + id + ": a live rule holds for more than 0 seconds");
        }
    }
}
