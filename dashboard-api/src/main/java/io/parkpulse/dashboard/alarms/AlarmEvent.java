package io.parkpulse.dashboard.alarms;

/**
 * One transition of an alarm: what listeners (the live stream) are told and what the history stores.
 *
 * @param alarm the alarm as it is after the transition; its state is the transition's
 * @param atMs  when it happened
 * @param by    who made it: the operator for an acknowledgement, {@code null} for the engine
 * @param note  the operator's note, or {@code null}
 */
public record AlarmEvent(Alarm alarm, long atMs, String by, String note) {

    public AlarmState state() {
        return alarm.state();
    }
}
