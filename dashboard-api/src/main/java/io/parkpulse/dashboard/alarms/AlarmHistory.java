package io.parkpulse.dashboard.alarms;

import java.util.TreeMap;
import io.vertx.core.json.JsonObject;
import io.parkpulse.efficiency.evaluation.DataState.Reason;
import io.parkpulse.storage.InfluxClient;
import io.parkpulse.storage.Point;
import io.parkpulse.storage.QuerySeries;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every alarm transition as a point of {@code alarm_event} (docs/storage.md#alarm-history): the history operators
 * read, and what the active alarms are rebuilt from after a restart. Transitions wait in a bounded queue until
 * InfluxDB has them, so an outage delays the history instead of losing it.
 */
final class AlarmHistory {

    static final String MEASUREMENT = "alarm_event";
    /** Transitions kept while InfluxDB is away; beyond this the oldest are dropped (and counted). */
    static final int MAX_QUEUED = 10_000;
    /** The most transitions one history answer reads. */
    static final int MAX_EVENTS = 20_000;
    private static final String FIELDS = "\"alarm\", \"kind\", \"severity\", \"value\", \"threshold\", \"since_ms\", "
            + "\"raised_ms\", \"detail\", \"detail_code\", \"detail_args\", \"by\", \"note\"";
    private static final Logger LOG = LoggerFactory.getLogger(AlarmHistory.class);

    private final InfluxClient influx;
    private final Deque<AlarmEvent> queue = new ArrayDeque<>();
    private long dropped;
    private Future<Void> flushing;

    AlarmHistory(InfluxClient influx) {
        this.influx = influx;
    }

    /** Queues transitions and writes everything queued; the future fails when InfluxDB did not take them (they stay queued). */
    synchronized Future<Void> record(List<AlarmEvent> events) {
        for (AlarmEvent e : events) {
            if (queue.size() >= MAX_QUEUED) {
                queue.removeFirst();
                dropped++;
                LOG.error("alarm history: {} transitions dropped while InfluxDB was not taking them", dropped);
            }
            queue.addLast(e);
        }
        return flush();
    }

    /** Writes what is queued, one write at a time. */
    synchronized Future<Void> flush() {
        if (flushing != null) {
            return flushing.transform(done -> flush());
        }
        if (queue.isEmpty()) {
            return Future.succeededFuture();
        }
        List<AlarmEvent> batch = new ArrayList<>(queue);
        Buffer lines = Buffer.buffer();
        batch.forEach(e -> lines.appendString(line(e)).appendString("\n"));
        Future<Void> write = influx.write(lines);
        flushing = write;
        return write.andThen(done -> {
            synchronized (this) {
                flushing = null;
                if (done.succeeded()) {
                    batch.forEach(e -> queue.removeFirstOccurrence(e));
                } else {
                    LOG.warn("alarm history: {} transitions wait for InfluxDB: {}", queue.size(), done.cause().getMessage());
                }
            }
        });
    }

    static String line(AlarmEvent e) {
        Alarm a = e.alarm();
        Point p = Point.measurement(MEASUREMENT).tag("park", a.park()).tag("rule", a.rule())
                .tag("subject", a.subject().id()).tag("subject_kind", a.subject().kind().id())
                .field("alarm", a.id()).field("kind", a.kind()).field("severity", a.severity())
                .field("state", a.state().id()).field("since_ms", (double) a.sinceMs()).field("raised_ms", (double) a.raisedMs())
                .field("detail", a.detail()).time(e.atMs());
        if (a.message() != null) {
            p.field("detail_code", a.message().code()).field("detail_args", new JsonObject(new TreeMap<>(a.message().args())).encode());
        }
        if (Double.isFinite(a.value())) {
            p.field("value", a.value());
        }
        if (Double.isFinite(a.threshold())) {
            p.field("threshold", a.threshold());
        }
        if (e.by() != null) {
            p.field("by", e.by());
        }
        if (e.note() != null) {
            p.field("note", e.note());
        }
        return p.toLine();
    }

    /** The park's alarms whose latest transition is not a clearing: the active ones, as they were stored. */
    Future<List<Alarm>> active(String park) {
        String q = "SELECT last(\"state\") AS \"state\", " + FIELDS + " FROM \"" + MEASUREMENT + "\" WHERE \"park\" = $park "
                + "GROUP BY \"rule\", \"subject\", \"subject_kind\"";
        return influx.query(q, Map.of("park", park)).map(answer -> {
            List<Alarm> alarms = new ArrayList<>();
            for (QuerySeries s : QuerySeries.of(answer)) {
                for (Object row : s.rows()) {
                    Alarm a = alarm(park, s, (JsonArray) row, s.tags());
                    if (a != null && a.isActive()) {
                        alarms.add(a);
                    }
                }
            }
            return alarms;
        });
    }

    /**
     * The park's alarms raised in [fromMs, toMs), each as it stands now (acknowledged, cleared), oldest first.
     * {@code truncated} is set when there were more transitions than one answer reads.
     */
    Future<Page> raisedBetween(String park, long fromMs, long toMs) {
        String q = "SELECT \"state\", " + FIELDS + ", \"rule\", \"subject\", \"subject_kind\" FROM \"" + MEASUREMENT
                + "\" WHERE \"park\" = $park AND time >= " + fromMs + "ms ORDER BY time ASC LIMIT " + (MAX_EVENTS + 1);
        return influx.query(q, Map.of("park", park)).map(answer -> {
            Map<String, Alarm> byId = new LinkedHashMap<>();
            int rows = 0;
            for (QuerySeries s : QuerySeries.of(answer)) {
                for (Object row : s.rows()) {
                    if (++rows > MAX_EVENTS) {
                        break;
                    }
                    JsonArray r = (JsonArray) row;
                    Map<String, String> tags = Map.of("rule", text(s, r, "rule"), "subject", text(s, r, "subject"),
                            "subject_kind", text(s, r, "subject_kind"));
                    Alarm a = alarm(park, s, r, tags);
                    if (a == null || a.raisedMs() < fromMs || a.raisedMs() >= toMs) {
                        continue;
                    }
                    Alarm before = byId.get(a.id());
                    byId.put(a.id(), before == null ? a : merge(before, a));
                }
            }
            return new Page(new ArrayList<>(byId.values()), rows > MAX_EVENTS);
        });
    }

    record Page(List<Alarm> alarms, boolean truncated) {
    }

    /** The stored state of alarm {@code id} of the park, if it was ever stored. */
    Future<Optional<AlarmState>> stateOf(String park, String id) {
        String q = "SELECT last(\"state\") AS \"state\" FROM \"" + MEASUREMENT + "\" WHERE \"park\" = $park AND \"alarm\" = $alarm";
        return influx.query(q, Map.of("park", park, "alarm", id)).map(answer -> {
            for (QuerySeries s : QuerySeries.of(answer)) {
                for (Object row : s.rows()) {
                    return Optional.of(AlarmState.byId(((JsonArray) row).getString(s.column("state"))));
                }
            }
            return Optional.empty();
        });
    }

    /** A later transition of the same alarm laid over what was known: acknowledgement and clearing accumulate. */
    private static Alarm merge(Alarm before, Alarm later) {
        boolean acked = later.state() == AlarmState.ACKNOWLEDGED;
        return new Alarm(before.id(), before.park(), before.rule(), before.kind(), before.severity(), before.subject(),
                later.state(), later.value(), later.threshold(), later.message(), before.sinceMs(), before.raisedMs(),
                acked ? later.ackBy() : before.ackBy(), acked ? later.ackMs() : before.ackMs(),
                acked ? later.ackNote() : before.ackNote(), later.clearedMs(), later.lastMs());
    }

    /** One stored transition as the alarm it leaves behind; {@code null} for a row that is not one of ours. */
    private static Alarm alarm(String park, QuerySeries s, JsonArray r, Map<String, String> tags) {
        try {
            long at = r.getLong(s.column("time"));
            AlarmState state = AlarmState.byId(text(s, r, "state"));
            String by = text(s, r, "by");
            String note = text(s, r, "note");
            boolean acked = state == AlarmState.ACKNOWLEDGED;
            return new Alarm(text(s, r, "alarm"), park, tags.get("rule"), text(s, r, "kind"), text(s, r, "severity"),
                    new Subject(Subject.Kind.byId(tags.get("subject_kind")), tags.get("subject")), state,
                    number(s, r, "value"), number(s, r, "threshold"), message(s, r),
                    (long) number(s, r, "since_ms"), (long) number(s, r, "raised_ms"), acked ? by : null, acked ? at : 0,
                    acked ? note : null, state == AlarmState.CLEARED ? at : 0, at);
        } catch (RuntimeException e) {
            LOG.warn("alarm history: a stored transition of park {} cannot be read: {}", park, e.toString());
            return null;
        }
    }

    /** The stored detail: its code and args when stored (older rows have the English text only, code {@code text}). */
    private static Reason message(QuerySeries s, JsonArray r) {
        String text = text(s, r, "detail");
        String code = text(s, r, "detail_code");
        if (code == null) {
            return text == null || text.isEmpty() ? null : new Reason("text", Map.of(), text);
        }
        Map<String, String> args = new TreeMap<>();
        String stored = text(s, r, "detail_args");
        if (stored != null) {
            new JsonObject(stored).forEach(e -> args.put(e.getKey(), String.valueOf(e.getValue())));
        }
        return new Reason(code, args, text == null ? "" : text);
    }

    private static String text(QuerySeries s, JsonArray r, String column) {
        int i = s.column(column);
        Object v = i < 0 ? null : r.getValue(i);
        return v == null ? null : v.toString();
    }

    private static double number(QuerySeries s, JsonArray r, String column) {
        int i = s.column(column);
        Object v = i < 0 ? null : r.getValue(i);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
