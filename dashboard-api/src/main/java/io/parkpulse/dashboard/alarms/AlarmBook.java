package io.parkpulse.dashboard.alarms;

import io.parkpulse.efficiency.evaluation.DataState.Reason;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The active alarms of one park and the conditions still waiting out their rule's hold time. Turns observations into
 * transitions: a breach that has held long enough raises, a normal reading clears, an unknown one changes nothing.
 * Not thread-safe: the engine guards each book.
 */
final class AlarmBook {

    private record Key(String rule, Subject subject) {
    }

    private final String park;
    private final Map<Key, Alarm> active = new LinkedHashMap<>();
    private final Map<Key, Long> pendingSince = new HashMap<>();

    AlarmBook(String park, Collection<Alarm> restored) {
        this.park = park;
        restored.forEach(a -> active.put(new Key(a.rule(), a.subject()), a));
    }

    List<Alarm> active() {
        return new ArrayList<>(active.values());
    }

    Optional<Alarm> activeById(String id) {
        return active.values().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /**
     * Applies one evaluation's observations.
     *
     * @param evaluated rule ids this evaluation judged completely: their active alarms about subjects it did not
     *                  observe clear (the subject left the park file or the rule)
     * @param inPolicy  every rule id of the park's policy: alarms of other rules clear
     * @return the transitions, in order
     */
    List<AlarmEvent> apply(List<Observation> observations, Set<String> evaluated, Set<String> inPolicy, long nowMs) {
        List<AlarmEvent> events = new ArrayList<>();
        Set<Key> seen = new HashSet<>();
        for (Observation o : observations) {
            Key key = new Key(o.rule().id(), o.subject());
            seen.add(key);
            Alarm alarm = active.get(key);
            switch (o.status()) {
                case BREACH -> {
                    long since = o.sinceMs() != null ? o.sinceMs() : pendingSince.computeIfAbsent(key, k -> nowMs);
                    if (alarm != null) {
                        active.put(key, alarm.withValue(o.value(), o.detail()));
                    } else if (nowMs - since >= o.rule().hold().toMillis()) {
                        pendingSince.remove(key);
                        Alarm raised = new Alarm(Alarm.idOf(key.rule(), o.subject(), nowMs), park, key.rule(),
                                AlarmKinds.kindOf(o.rule()), AlarmKinds.severityOf(o.rule()), o.subject(),
                                AlarmState.RAISED, o.value(), o.threshold(), o.detail(), since, nowMs, null, 0, null, 0, nowMs);
                        active.put(key, raised);
                        events.add(new AlarmEvent(raised, nowMs, null, null));
                    }
                }
                case NORMAL -> {
                    pendingSince.remove(key);
                    if (alarm != null) {
                        events.add(clear(key, alarm, nowMs, o.value(), o.detail()));
                    }
                }
                case UNKNOWN -> pendingSince.remove(key);
            }
        }
        for (Key key : new ArrayList<>(active.keySet())) {
            boolean unwatched = evaluated.contains(key.rule()) && !seen.contains(key);
            if (unwatched || !inPolicy.contains(key.rule())) {
                Alarm alarm = active.get(key);
                events.add(clear(key, alarm, nowMs, alarm.value(), AlarmDetails.noLongerWatched()));
            }
        }
        pendingSince.keySet().removeIf(k -> !inPolicy.contains(k.rule()));
        return events;
    }

    private AlarmEvent clear(Key key, Alarm alarm, long nowMs, double value, Reason why) {
        active.remove(key);
        Alarm cleared = alarm.cleared(alarm.nextTransitionMs(nowMs), Double.isNaN(value) ? alarm.value() : value, why);
        return new AlarmEvent(cleared, cleared.clearedMs(), null, null);
    }

    /** Records an operator's acknowledgement of an active, unacknowledged alarm. */
    AlarmEvent acknowledge(Alarm alarm, String by, String note, long nowMs) {
        Alarm acked = alarm.acknowledged(by, alarm.nextTransitionMs(nowMs), note);
        active.put(new Key(alarm.rule(), alarm.subject()), acked);
        return new AlarmEvent(acked, acked.ackMs(), by, note);
    }
}
