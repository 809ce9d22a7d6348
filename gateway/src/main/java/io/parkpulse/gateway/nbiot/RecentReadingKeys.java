package io.parkpulse.gateway.nbiot;

import java.util.Collection;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The reading times of one meter forwarded lately, so that a carrier's re-push (platforms retry until they see a
 * 200, and a meter re-sends a block it got no acknowledgement for) is not forwarded twice. Keeps the times within
 * {@code window} of the newest one and at most {@code maxKeys} of them: older re-pushes pass through again, which
 * is harmless because ingest writes a reading twice as the same point. Callers lock on the instance.
 */
final class RecentReadingKeys {

    private final long windowMs;
    private final int maxKeys;
    private final NavigableSet<Long> times = new TreeSet<>();

    RecentReadingKeys(long windowMs, int maxKeys) {
        this.windowMs = windowMs;
        this.maxKeys = maxKeys;
    }

    boolean contains(long timeMs) {
        return times.contains(timeMs);
    }

    void addAll(Collection<Long> forwarded) {
        times.addAll(forwarded);
        if (times.isEmpty()) {
            return;
        }
        long oldestKept = times.last() - windowMs;
        times.headSet(oldestKept, false).clear();
        while (times.size() > maxKeys) {
            times.pollFirst();
        }
    }

    int size() {
        return times.size();
    }
}
