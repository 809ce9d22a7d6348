package io.parkpulse.simulators.run;

import io.parkpulse.simulators.mqtt.EndToEndAck;
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
 */
final class UnconfirmedMessages {

    static final Duration FIRST_TIMEOUT = Duration.ofSeconds(30);
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

    private record Entry(OutgoingMessage message, long dueMs, int attempts) {
    }

    private final long firstMs;
    private final long maxMs;
    private final TreeMap<Long, Entry> bySeq = new TreeMap<>();
    private long resends;

    UnconfirmedMessages(Duration first, Duration max) {
        this.firstMs = first.toMillis();
        this.maxMs = max.toMillis();
    }

    /** Keeps a message that is about to be sent for the first time. */
    synchronized void sending(OutgoingMessage m, long nowMs) {
        bySeq.putIfAbsent(m.seq(), new Entry(m, nowMs + firstMs, 1));
    }

    /** Forgets the messages the ack covers and returns them (each only once: a repeated ack returns nothing). */
    synchronized List<OutgoingMessage> confirm(EndToEndAck ack) {
        List<OutgoingMessage> confirmed = new ArrayList<>();
        for (long[] range : ack.done()) {
            Iterator<Entry> it = bySeq.subMap(range[0], true, range[1], true).values().iterator();
            while (it.hasNext()) {
                confirmed.add(it.next().message());
                it.remove();
            }
        }
        return confirmed;
    }

    /** The messages whose timeout passed, in seq order; each is due again after a doubled timeout. */
    synchronized List<OutgoingMessage> due(long nowMs) {
        List<OutgoingMessage> due = new ArrayList<>();
        for (Map.Entry<Long, Entry> e : bySeq.entrySet()) {
            Entry entry = e.getValue();
            if (entry.dueMs() <= nowMs) {
                due.add(entry.message());
                long timeout = Math.min(maxMs, firstMs << Math.min(entry.attempts(), 20));
                e.setValue(new Entry(entry.message(), nowMs + timeout, entry.attempts() + 1));
                resends++;
            }
        }
        return due;
    }

    synchronized int size() {
        return bySeq.size();
    }

    synchronized long resends() {
        return resends;
    }
}
