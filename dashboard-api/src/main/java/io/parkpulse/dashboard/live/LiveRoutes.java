package io.parkpulse.dashboard.live;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.BiConsumer;

import io.parkpulse.dashboard.Parks;
import io.parkpulse.dashboard.auth.Caller;
import io.parkpulse.dashboard.http.Requests;
import io.parkpulse.park.Park;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live panel of a park (docs/live.md): {@code GET /parks/{park}/live} as Server-Sent Events — a {@code snapshot}
 * event at once, then a {@code rollup} event whenever the park's live state changed (each second while ingest
 * publishes), a comment every 15 s to keep proxies from closing an idle stream — and
 * {@code GET /parks/{park}/live/snapshot} as one JSON answer. Both scoped by the caller ({@link LivePanel}).
 *
 * <p>A client that does not read keeps at most {@link #MAX_BUFFERED_BYTES} unsent; beyond that it is dropped, so a
 * stalled browser never holds memory.
 */
public final class LiveRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(LiveRoutes.class);
    static final long KEEP_ALIVE_MS = 15_000;
    static final int MAX_BUFFERED_BYTES = 256 * 1024;

    /**
     * More events for the same stream (alarms): tells {@code send} each event a caller may see of a park, from any
     * thread, until the returned cancel runs.
     */
    public interface EventFeed {
        Runnable subscribe(String park, Caller caller, BiConsumer<String, JsonObject> send);
    }

    private final Vertx vertx;
    private final Parks parks;
    private final LiveState state;
    private final List<EventFeed> feeds;
    private final LongSupplier clock;

    public LiveRoutes(Vertx vertx, Parks parks, LiveState state) {
        this(vertx, parks, state, List.of(), System::currentTimeMillis);
    }

    /** @param clock now, epoch ms: how old a live value is */
    public LiveRoutes(Vertx vertx, Parks parks, LiveState state, List<EventFeed> feeds, LongSupplier clock) {
        this.vertx = vertx;
        this.parks = parks;
        this.state = state;
        this.feeds = List.copyOf(feeds);
        this.clock = clock;
    }

    public void mount(Router api) {
        api.get("/parks/:park/live/snapshot").handler(this::snapshot);
        api.get("/parks/:park/live").handler(this::stream);
    }

    private void snapshot(RoutingContext rc) {
        Park park = Requests.park(rc, parks).park();
        JsonObject panel = LivePanel.of(park, state.snapshot(park.id()).orElse(null), Requests.caller(rc), clock.getAsLong());
        rc.response().putHeader("Content-Type", "application/json; charset=utf-8").putHeader("Cache-Control", "no-store")
                .end(panel.encode());
    }

    private void stream(RoutingContext rc) {
        Park checked = Requests.park(rc, parks).park();
        Caller caller = Requests.caller(rc);
        String parkId = checked.id();
        HttpServerResponse response = rc.response();
        response.setChunked(true).setWriteQueueMaxSize(MAX_BUFFERED_BYTES)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Accel-Buffering", "no"); // nginx: pass events on at once
        Context context = vertx.getOrCreateContext();
        Connection connection = new Connection(response, caller, parkId);
        AtomicBoolean pending = new AtomicBoolean();
        LiveState.Registration registration = state.addListener(changed -> {
            // on the MQTT thread: hand over, and only once however many parts arrive before it runs
            if (changed.equals(parkId) && pending.compareAndSet(false, true)) {
                context.runOnContext(v -> {
                    pending.set(false);
                    connection.send("rollup");
                });
            }
        });
        List<Runnable> cancels = new ArrayList<>();
        for (EventFeed feed : feeds) {
            cancels.add(feed.subscribe(parkId, caller, (event, data) ->
                    context.runOnContext(v -> connection.write("event: " + event + "\ndata: " + data.encode() + "\n\n"))));
        }
        long keepAlive = vertx.setPeriodic(KEEP_ALIVE_MS, id -> connection.write(": keep-alive\n\n"));
        connection.onEnd = () -> {
            registration.cancel();
            cancels.forEach(Runnable::run);
            vertx.cancelTimer(keepAlive);
        };
        response.closeHandler(v -> connection.end());
        response.exceptionHandler(e -> connection.end());
        connection.write("retry: 2000\n\n");
        connection.send("snapshot");
    }

    /** One browser's stream. Confined to the event loop that took the request. */
    private final class Connection {
        private final HttpServerResponse response;
        private final Caller caller;
        private final String parkId;
        private Runnable onEnd;
        private boolean ended;

        Connection(HttpServerResponse response, Caller caller, String parkId) {
            this.response = response;
            this.caller = caller;
            this.parkId = parkId;
        }

        void send(String event) {
            // the park file in force now: a reload applies to open streams too
            Park park = parks.model(parkId).map(m -> m.park()).orElse(null);
            if (park == null) {
                end();
                return;
            }
            JsonObject panel = LivePanel.of(park, state.snapshot(parkId).orElse(null), caller, clock.getAsLong());
            write("event: " + event + "\ndata: " + panel.encode() + "\n\n");
        }

        void write(String text) {
            if (ended) {
                return;
            }
            if (response.writeQueueFull()) {
                LOG.info("live stream of park {} for {}: the client does not read; dropping it", parkId, caller.name());
                end();
                return;
            }
            response.write(text);
        }

        void end() {
            if (ended) {
                return;
            }
            ended = true;
            if (onEnd != null) {
                onEnd.run();
            }
            if (!response.closed() && !response.ended()) {
                response.reset(); // a dropped or departed client: no orderly end to wait for
            }
        }
    }
}
