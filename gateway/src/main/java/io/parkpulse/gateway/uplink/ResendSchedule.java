package io.parkpulse.gateway.uplink;

import io.parkpulse.config.Backoff;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The messages published and not yet confirmed end to end, by seq, with when each is due to be sent again:
 * {@code resendAfter} after its first send, doubling with every resend up to {@code resendMax}. Oldest seq first.
 * Thread-safe (the sender publishes, Paho's callback thread confirms).
 */
final class ResendSchedule {

    private record Entry(long firstSentMs, int sends, long dueMs) {
    }

    private final Backoff backoff;
    private final TreeMap<Long, Entry> bySeq = new TreeMap<>();

    ResendSchedule(Backoff backoff) {
        this.backoff = backoff;
    }

    /** A first send of {@code seq} is about to go out (registered before, so a fast ack is not missed). */
    synchronized void sending(long seq, long nowMs) {
        bySeq.put(seq, new Entry(nowMs, 1, nowMs + backoff.delayMs(1)));
    }

    /** The first send failed: not sent after all. */
    synchronized void notSent(long seq) {
        bySeq.remove(seq);
    }

    /** {@code seq} was sent again; nothing if it was confirmed meanwhile. */
    synchronized void resent(long seq, long nowMs) {
        bySeq.computeIfPresent(seq, (s, e) -> new Entry(e.firstSentMs, e.sends + 1, nowMs + backoff.delayMs(e.sends + 1)));
    }

    /** The platform confirmed [first, last]. */
    synchronized void confirmed(long first, long last) {
        bySeq.subMap(first, true, last, true).clear();
    }

    /** Forgets seqs below {@code seq} (left the buffer: confirmed or dropped). */
    synchronized void forgetBelow(long seq) {
        bySeq.headMap(seq).clear();
    }

    synchronized void forget(long seq) {
        bySeq.remove(seq);
    }

    /** The oldest seq whose resend is due at {@code nowMs}. */
    synchronized OptionalLong oldestDue(long nowMs) {
        for (Map.Entry<Long, Entry> e : bySeq.entrySet()) {
            if (e.getValue().dueMs <= nowMs) {
                return OptionalLong.of(e.getKey());
            }
        }
        return OptionalLong.empty();
    }

    /** Milliseconds until the next resend is due (0 if one is due), or {@code ceilingMs} when none is waiting. */
    synchronized long msUntilNextDue(long nowMs, long ceilingMs) {
        long next = ceilingMs;
        for (Entry e : bySeq.values()) {
            next = Math.min(next, Math.max(0, e.dueMs - nowMs));
        }
        return next;
    }

    synchronized int size() {
        return bySeq.size();
    }

    /** How long the oldest-sent unconfirmed message has waited since its first send, ms; 0 when none. */
    synchronized long oldestAgeMs(long nowMs) {
        long oldest = nowMs;
        for (Entry e : bySeq.values()) {
            oldest = Math.min(oldest, e.firstSentMs);
        }
        return nowMs - oldest;
    }
}
