package io.parkpulse.dashboard.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing: at most {@code maxFailures} failed logins per username and per client address within a
 * sliding window; past that, logins for that username or from that address are refused until the oldest failure
 * leaves the window. An attempt counts as a failure from the moment it starts, so parallel guesses cannot slip past
 * the limit while their hashes are being checked; a success takes its own count back and clears the username's.
 *
 * <p>Memory is bounded: at most {@code maxKeys} usernames and as many addresses are tracked, the least recently
 * failed dropped first. A flood of made-up usernames can thus push out another username's count, but not the
 * flooding address's own. Thread-safe.
 */
public final class LoginRateLimiter {

    public static final int DEFAULT_MAX_FAILURES = 5;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_KEYS = 10_000;

    private final int maxFailures;
    private final long windowMillis;
    private final int maxKeys;
    private final Clock clock;
    private final Failures byUser;
    private final Failures byAddress;

    public LoginRateLimiter(Clock clock) {
        this(DEFAULT_MAX_FAILURES, DEFAULT_WINDOW, DEFAULT_MAX_KEYS, clock);
    }

    public LoginRateLimiter(int maxFailures, Duration window, int maxKeys, Clock clock) {
        if (maxFailures < 1 || window.isNegative() || window.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("a login limit needs at least one failure, a window and room for one key");
        }
        this.maxFailures = maxFailures;
        this.windowMillis = window.toMillis();
        this.maxKeys = maxKeys;
        this.clock = clock;
        this.byUser = new Failures();
        this.byAddress = new Failures();
    }

    /**
     * Starts an attempt: empty when it may go on (it is then counted as a failure until {@link #succeeded}), else how
     * long the client must wait.
     */
    public synchronized Optional<Duration> begin(String username, String address) {
        long now = clock.millis();
        String user = userKey(username);
        long waitUser = byUser.wait(user, now);
        long waitAddress = byAddress.wait(address, now);
        long wait = Math.max(waitUser, waitAddress);
        if (wait > 0) {
            return Optional.of(Duration.ofMillis(wait));
        }
        byUser.add(user, now);
        byAddress.add(address, now);
        return Optional.empty();
    }

    /** The attempt begun for {@code username} from {@code address} was right. */
    public synchronized void succeeded(String username, String address) {
        byUser.clear(userKey(username));
        byAddress.removeNewest(address);
    }

    /** The attempt begun for {@code username} from {@code address} was never checked (the server was too busy). */
    public synchronized void cancel(String username, String address) {
        byUser.removeNewest(userKey(username));
        byAddress.removeNewest(address);
    }

    /** Usernames and addresses being tracked; for tests of the memory bound. */
    synchronized int trackedKeys() {
        return byUser.map.size() + byAddress.map.size();
    }

    /** Case and length folded, so "Admin" and "admin " share one count and a huge name costs no more memory. */
    private static String userKey(String username) {
        String u = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return u.length() > 64 ? u.substring(0, 64) : u;
    }

    /** Failure times per key, in access order, at most {@code maxFailures} each. */
    private final class Failures {
        private final LinkedHashMap<String, Deque<Long>> map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
                return size() > maxKeys;
            }
        };

        /** Milliseconds until another attempt is allowed; 0 when it is. */
        long wait(String key, long now) {
            Deque<Long> times = map.get(key);
            if (times == null) {
                return 0;
            }
            while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
                times.removeFirst();
            }
            if (times.isEmpty()) {
                map.remove(key);
                return 0;
            }
            return times.size() < maxFailures ? 0 : times.peekFirst() + windowMillis - now;
        }

        void add(String key, long now) {
            Deque<Long> times = map.computeIfAbsent(key, k -> new ArrayDeque<>());
            times.addLast(now);
            while (times.size() > maxFailures) {
                times.removeFirst();
            }
            prune(now);
        }

        void clear(String key) {
            map.remove(key);
        }

        void removeNewest(String key) {
            Deque<Long> times = map.get(key);
            if (times != null) {
                times.pollLast();
                if (times.isEmpty()) {
                    map.remove(key);
                }
            }
        }

        /** Drops a few of the least recently used keys whose failures have all left the window. */
        private void prune(long now) {
            Iterator<Map.Entry<String, Deque<Long>>> it = map.entrySet().iterator();
            for (int i = 0; i < 4 && it.hasNext(); i++) {
                Deque<Long> times = it.next().getValue();
                if (times.isEmpty() || times.peekLast() <= now - windowMillis) {
                    it.remove();
                }
            }
        }
    }
}
