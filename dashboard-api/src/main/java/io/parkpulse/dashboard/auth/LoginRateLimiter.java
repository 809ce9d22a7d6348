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
 * Slows password guessing without letting a guesser lock other people out (docs/accounts.md#login). Failed logins are
 * counted in a sliding window three ways:
 *
 * <ul>
 *   <li>per account and client address: one guesser on one account stops after a few tries, while everyone else
 *       behind the same address (a factory's NAT, a reverse proxy) still logs in;</li>
 *   <li>per account, from any address: a guesser with many addresses gets that account slowed, not the others;</li>
 *   <li>overall: a ceiling on all failures together, against spraying many accounts from many addresses.</li>
 * </ul>
 *
 * Past a limit, attempts it covers are refused until the oldest failure leaves the window. An attempt counts as a
 * failure from the moment it starts, so parallel guesses cannot slip past a limit while their hashes are checked; a
 * success takes its own count back and clears its account-and-address count (the owner's own typos), never the
 * account's count from elsewhere.
 *
 * <p>Memory is bounded: at most {@code maxKeys} accounts and as many account-address pairs are tracked, the least
 * recently failed dropped first. Thread-safe.
 */
public final class LoginRateLimiter {

    /**
     * How many failures each count allows within {@code window}.
     *
     * @param perAccountAndAddress failures of one account from one address
     * @param perAccount           failures of one account from every address together
     * @param overall              failures of every account from every address together
     */
    public record Limits(int perAccountAndAddress, int perAccount, int overall, Duration window) {
        public Limits {
            if (perAccountAndAddress < 1 || perAccount < 1 || overall < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("login limits need at least one failure each and a window");
            }
        }
    }

    public static final Limits DEFAULT_LIMITS = new Limits(5, 20, 1_000, Duration.ofMinutes(5));
    public static final int DEFAULT_MAX_KEYS = 10_000;

    /** Which count refused an attempt, and for how long. */
    public record Refusal(Duration retryAfter, String limit) {
    }

    private final Limits limits;
    private final long windowMillis;
    private final Clock clock;
    private final Failures byPair;
    private final Failures byAccount;
    private final Failures overall;

    public LoginRateLimiter(Clock clock) {
        this(DEFAULT_LIMITS, DEFAULT_MAX_KEYS, clock);
    }

    public LoginRateLimiter(Limits limits, int maxKeys, Clock clock) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("a login limit needs room for one key");
        }
        this.limits = limits;
        this.windowMillis = limits.window().toMillis();
        this.clock = clock;
        this.byPair = new Failures(limits.perAccountAndAddress(), maxKeys);
        this.byAccount = new Failures(limits.perAccount(), maxKeys);
        this.overall = new Failures(limits.overall(), 1);
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Starts an attempt: empty when it may go on (it is then counted as a failure until {@link #succeeded}), else why
     * and how long the client must wait.
     */
    public synchronized Optional<Refusal> begin(String username, String address) {
        long now = clock.millis();
        String account = accountKey(username);
        String pair = pairKey(account, address);
        long waitPair = byPair.wait(pair, now);
        long waitAccount = byAccount.wait(account, now);
        long waitOverall = overall.wait("", now);
        long wait = Math.max(waitPair, Math.max(waitAccount, waitOverall));
        if (wait > 0) {
            String limit = wait == waitPair ? "account_address" : wait == waitAccount ? "account" : "overall";
            return Optional.of(new Refusal(Duration.ofMillis(wait), limit));
        }
        byPair.add(pair, now);
        byAccount.add(account, now);
        overall.add("", now);
        return Optional.empty();
    }

    /** The attempt begun for {@code username} from {@code address} was right. */
    public synchronized void succeeded(String username, String address) {
        String account = accountKey(username);
        byPair.clear(pairKey(account, address));
        byAccount.removeNewest(account);
        overall.removeNewest("");
    }

    /** The attempt begun for {@code username} from {@code address} was never checked (the server was too busy). */
    public synchronized void cancel(String username, String address) {
        String account = accountKey(username);
        byPair.removeNewest(pairKey(account, address));
        byAccount.removeNewest(account);
        overall.removeNewest("");
    }

    /** Accounts and account-address pairs being tracked; for tests of the memory bound. */
    synchronized int trackedKeys() {
        return byPair.map.size() + byAccount.map.size();
    }

    /** Case and length folded, so "Admin" and "admin " share one count and a huge name costs no more memory. */
    private static String accountKey(String username) {
        String u = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return u.length() > 64 ? u.substring(0, 64) : u;
    }

    private static String pairKey(String account, String address) {
        return account + '\n' + address; // a newline is in neither a folded username's key nor an IP address
    }

    /** Failure times per key, in access order, at most {@code limit} each. */
    private final class Failures {
        private final int limit;
        private final LinkedHashMap<String, Deque<Long>> map;

        Failures(int limit, int maxKeys) {
            this.limit = limit;
            this.map = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
                    return size() > maxKeys;
                }
            };
        }

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
            return times.size() < limit ? 0 : times.peekFirst() + windowMillis - now;
        }

        void add(String key, long now) {
            Deque<Long> times = map.computeIfAbsent(key, k -> new ArrayDeque<>());
            times.addLast(now);
            while (times.size() > limit) {
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
