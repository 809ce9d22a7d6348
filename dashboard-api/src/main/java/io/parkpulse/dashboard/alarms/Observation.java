package io.parkpulse.dashboard.alarms;

import io.parkpulse.efficiency.evaluation.DataState.Reason;
import io.parkpulse.efficiency.policy.AlarmRule;

/**
 * What one evaluation found about one rule and subject.
 *
 * @param status    whether the condition holds, does not, or cannot be told from what is known
 * @param value     the measured value (unit by kind), NaN when unknown
 * @param threshold the value it is held against
 * @param sinceMs   when the condition began, when the data says so (offline since, last reading); {@code null} to
 *                  count from the first evaluation that found it
 * @param detail    what was measured, as a code with args and English text ({@link AlarmDetails}), or {@code null}
 */
record Observation(AlarmRule rule, Subject subject, Status status, double value, double threshold, Long sinceMs,
                   Reason detail) {

    enum Status { BREACH, NORMAL, UNKNOWN }

    static Observation unknown(AlarmRule rule, Subject subject, double threshold, Reason detail) {
        return new Observation(rule, subject, Status.UNKNOWN, Double.NaN, threshold, null, detail);
    }
}
