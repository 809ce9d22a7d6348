package io.parkpulse.dashboard.alarms;

import io.parkpulse.dashboard.Parks;
import io.parkpulse.dashboard.efficiency.EfficiencyService;
import io.parkpulse.dashboard.efficiency.ParkModel;
import io.parkpulse.dashboard.live.LiveView;
import io.parkpulse.efficiency.policy.AlarmRule;
import io.parkpulse.park.Park;
import io.parkpulse.storage.InfluxClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises, clears and keeps the alarms of every park's policy (docs/alarms.md). Every {@code tick} it judges the live
 * rules against the {@link LiveView}; once a day per park, after 06:00 local time, and on demand, the daily rules
 * from InfluxDB — again every {@link #DAILY_RETRY} that day while one of them could not be told (data still arriving,
 * as after a start with history on its way). Each transition is told to the listeners and stored in {@code alarm_event}; the active alarms are
 * rebuilt from there when a park is first touched, so a restart forgets neither alarms nor acknowledgements.
 */
public final class AlarmEngine {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmEngine.class);

    /** How soon daily rules that could not be told are judged again the same day. */
    static final Duration DAILY_RETRY = Duration.ofMinutes(15);

    private final Vertx vertx;
    private final Parks parks;
    private final Supplier<? extends Collection<String>> parkIds;
    private final LiveView live;
    private final AlarmHistory history;
    private final DailyRules daily;
    private final Clock clock;
    private final Duration tick;
    private final Map<String, Future<AlarmBook>> books = new ConcurrentHashMap<>();
    private final Map<String, Long> watchingSince = new ConcurrentHashMap<>();
    private final Map<String, LocalDate> dailyDone = new ConcurrentHashMap<>();
    /** Park → when its daily rules are judged again today, because one of them was unknown. */
    private final Map<String, Long> dailyRetryAt = new ConcurrentHashMap<>();
    private final List<Consumer<AlarmEvent>> listeners = new CopyOnWriteArrayList<>();
    private long timer = -1;

    /**
     * @param parkIds the ids of the parks in force (they change when park files are added or removed)
     * @param tick    how often the live rules are judged
     */
    public AlarmEngine(Vertx vertx, Parks parks, Supplier<? extends Collection<String>> parkIds, LiveView live,
                       InfluxClient influx, EfficiencyService efficiency, Clock clock, Duration tick) {
        this.vertx = vertx;
        this.parks = parks;
        this.parkIds = parkIds;
        this.live = live;
        this.history = new AlarmHistory(influx);
        this.daily = new DailyRules(influx, efficiency);
        this.clock = clock;
        this.tick = tick;
    }

    /** Tells {@code listener} every transition of every park (the live stream scopes them per caller). */
    public void addListener(Consumer<AlarmEvent> listener) {
        listeners.add(listener);
    }

    /** Judges every {@code tick} from now on. */
    public void start() {
        timer = vertx.setPeriodic(tick.toMillis(), id -> tick());
    }

    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    /** One round: the live rules of every park, the daily rules of parks whose day's turn has come, the history queue. */
    public Future<Void> tick() {
        List<Future<?>> work = new ArrayList<>();
        long now = clock.millis();
        for (String park : List.copyOf(parkIds.get())) {
            work.add(evaluateLive(park));
            Optional<ParkModel> model = parks.model(park);
            if (model.isPresent()) {
                ZonedDateTime local = ZonedDateTime.ofInstant(clock.instant(), model.get().park().timeZone());
                LocalDate today = local.toLocalDate();
                boolean due = !local.toLocalTime().isBefore(DailyRules.NIGHT_SETTLED) && !today.equals(dailyDone.get(park));
                Long retry = dailyRetryAt.get(park);
                boolean again = !due && retry != null && retry <= now && today.equals(dailyDone.get(park));
                if (due || again) {
                    dailyDone.put(park, today);
                    dailyRetryAt.remove(park);
                    work.add(evaluateDaily(park).onFailure(e -> dailyDone.remove(park, today)));
                }
            }
        }
        work.add(history.flush());
        return Future.join(work).<Void>mapEmpty().recover(e -> {
            LOG.warn("alarms: a round at {} did not finish: {}", now, e.getMessage());
            return Future.succeededFuture();
        });
    }

    /** Judges the park's live rules now. */
    public Future<List<AlarmEvent>> evaluateLive(String parkId) {
        Optional<ParkModel> model = parks.model(parkId);
        if (model.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        Park park = model.get().park();
        return book(parkId).compose(book -> {
            long now = clock.millis();
            Optional<LiveView.Snapshot> snapshot = live.snapshot(parkId);
            List<Observation> observations = List.of();
            Set<String> evaluated = Set.of();
            if (snapshot.isPresent()) {
                long since = watchingSince.computeIfAbsent(parkId, p -> now);
                observations = LiveRules.observe(park, snapshot.get(), now, since);
                evaluated = park.policy().alarms().stream().filter(AlarmRule::isLive).map(AlarmRule::id).collect(Collectors.toSet());
            }
            List<AlarmEvent> events;
            synchronized (book) {
                events = book.apply(observations, evaluated, ruleIds(park), now);
            }
            return publish(events);
        });
    }

    /** Judges the park's daily rules now (night water, energy against output). */
    public Future<List<AlarmEvent>> evaluateDaily(String parkId) {
        Optional<ParkModel> model = parks.model(parkId);
        if (model.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        Park park = model.get().park();
        return book(parkId).compose(book -> daily.observe(model.get(), clock.millis()).compose(outcomes -> {
            List<Observation> observations = new ArrayList<>();
            Set<String> evaluated = new java.util.HashSet<>();
            boolean untold = false;
            for (DailyRules.Outcome o : outcomes) {
                if (o.failure() != null) {
                    LOG.warn("alarms: park {} rule {} could not be judged: {}", parkId, o.rule().id(), o.failure().getMessage());
                    untold = true;
                    continue;
                }
                observations.addAll(o.observations());
                evaluated.add(o.rule().id());
                untold |= o.observations().stream().anyMatch(ob -> ob.status() == Observation.Status.UNKNOWN);
            }
            if (untold) {
                dailyRetryAt.put(parkId, clock.millis() + DAILY_RETRY.toMillis());
            } else {
                dailyRetryAt.remove(parkId);
            }
            List<AlarmEvent> events;
            synchronized (book) {
                events = book.apply(observations, evaluated, ruleIds(park), clock.millis());
            }
            return publish(events);
        }));
    }

    /** The park's active alarms (raised or acknowledged), oldest first. */
    public Future<List<Alarm>> active(String parkId) {
        return book(parkId).map(book -> {
            synchronized (book) {
                return book.active();
            }
        });
    }

    /** Alarms raised in [fromMs, toMs), as they stand now. */
    Future<AlarmHistory.Page> raisedBetween(String parkId, long fromMs, long toMs) {
        return history.flush().recover(e -> Future.succeededFuture()).compose(v -> history.raisedBetween(parkId, fromMs, toMs));
    }

    /**
     * An operator acknowledges an active alarm. Fails with {@link NotFound} for an id the park never had and with
     * {@link Conflict} for one already acknowledged or cleared; completes once the acknowledgement is stored.
     */
    public Future<Alarm> acknowledge(String parkId, String alarmId, String by, String note) {
        return book(parkId).compose(book -> {
            AlarmEvent event;
            synchronized (book) {
                Alarm alarm = book.activeById(alarmId).orElse(null);
                if (alarm == null) {
                    return history.stateOf(parkId, alarmId).compose(state -> Future.failedFuture(state.isPresent()
                            ? new Conflict("alarm " + alarmId + " is already cleared")
                            : new NotFound("park " + parkId + " has no alarm " + alarmId)));
                }
                if (alarm.state() == AlarmState.ACKNOWLEDGED) {
                    return Future.failedFuture(new Conflict("alarm " + alarmId + " was already acknowledged by "
                            + alarm.ackBy() + " at " + java.time.Instant.ofEpochMilli(alarm.ackMs())));
                }
                event = book.acknowledge(alarm, by, note, clock.millis());
            }
            return publish(List.of(event)).map(done -> event.alarm());
        });
    }

    /** Tells the listeners, then stores; completes when InfluxDB has the transitions (they stay queued otherwise). */
    private Future<List<AlarmEvent>> publish(List<AlarmEvent> events) {
        if (events.isEmpty()) {
            return Future.succeededFuture(events);
        }
        for (AlarmEvent e : events) {
            LOG.info("alarm {} {} ({} {}, value {} against {})", e.alarm().id(), e.state().id(), e.alarm().rule(),
                    e.alarm().subject(), e.alarm().value(), e.alarm().threshold());
            for (Consumer<AlarmEvent> l : listeners) {
                try {
                    l.accept(e);
                } catch (RuntimeException ex) {
                    LOG.warn("alarms: a listener failed on {}", e.alarm().id(), ex);
                }
            }
        }
        return history.record(events).map(events);
    }

    /** The park's book, rebuilt from the history the first time; a failed rebuild is tried again next time. */
    private Future<AlarmBook> book(String parkId) {
        Future<AlarmBook> f = books.computeIfAbsent(parkId, p -> history.active(p).map(restored -> new AlarmBook(p, restored)));
        return f.recover(e -> {
            books.remove(parkId, f);
            return Future.failedFuture(e);
        });
    }

    private static Set<String> ruleIds(Park park) {
        return park.policy().alarms().stream().map(AlarmRule::id).collect(Collectors.toSet());
    }

    /** No such alarm in the park. */
    public static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message, null, false, false);
        }
    }

    /** The alarm is not in a state that allows what was asked. */
    public static final class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message, null, false, false);
        }
    }
}
