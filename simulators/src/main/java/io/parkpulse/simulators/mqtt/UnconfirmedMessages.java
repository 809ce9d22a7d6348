package io.parkpulse.simulators.mqtt;

import io.parkpulse.contract.Acknowledgement;
import io.parkpulse.contract.SeqRanges;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One gateway's messages sent but not yet acknowledged end to end (issue 17): each is kept until an ack's
 * {@code done} range holds its seq, and is due again for sending after a timeout that doubles per attempt
 * (30 s to 5 min by default, as the gateway).
 *
 * <p>Thread-safe.
 *
 * @param <M> the kept message
 */
public final class UnconfirmedMessages<M> {

    public static final Duration FIRST_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

    private record Entry<M>(M message, long dueMs, int attempts) {
    }

    private final long firstMs;
    private final long maxMs;
    private final TreeMap<Long, Entry<M>> bySeq = new TreeMap<>();
    private long resends;

    public UnconfirmedMessages(Duration first, Duration max) {
        this.firstMs = first.toMillis();
        this.maxMs = max.toMillis();
    }

    /** Keeps a message that is about to be sent for the first time (a seq already kept stays as it is). */
    public synchronized void sending(long seq, M m, long nowMs) {
        bySeq.putIfAbsent(seq, new Entry<>(m, nowMs + firstMs, 1));
    }

    /** Forgets the messages the ack covers and returns them (each only once: a repeated ack returns nothing). */
    public synchronized List<M> confirm(Acknowledgement ack) {
        List<M> confirmed = new ArrayList<>();
        for (SeqRanges.Range range : ack.done()) {
            Iterator<Entry<M>> it = bySeq.subMap(range.first(), true, range.last(), true).values().iterator();
            while (it.hasNext()) {
                confirmed.add(it.next().message());
                it.remove();
            }
        }
        return confirmed;
    }

    /** The messages whose timeout passed, in seq order; each is due again after a doubled timeout. */
    public synchronized List<M> due(long nowMs) {
        List<M> due = new ArrayList<>();
        for (Map.Entry<Long, Entry<M>> e : bySeq.entrySet()) {
            Entry<M> entry = e.getValue();
            if (entry.dueMs() <= nowMs) {
                due.add(entry.message());
                long timeout = Math.min(maxMs, firstMs << Math.min(entry.attempts(), 20));
                e.setValue(new Entry<>(entry.message(), nowMs + timeout, entry.attempts() + 1));
                resends++;
            }
        }
        return due;
    }

    public synchronized int size() {
        return bySeq.size();
    }

    public synchronized long resends() {
        return resends;
    }
}
