package io.parkpulse.dashboard.alarms;

import io.parkpulse.dashboard.Parks;
import io.parkpulse.dashboard.auth.Caller;
import io.parkpulse.dashboard.live.LiveRoutes;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Relays the engine's alarm transitions into the live streams as {@code alarm} events, each to the callers who may
 * see that alarm ({@link AlarmRoutes#visible}).
 */
public final class AlarmFeed implements LiveRoutes.EventFeed {

    private record Subscriber(Caller caller, BiConsumer<String, JsonObject> send) {
    }

    private final Parks parks;
    private final Map<String, Set<Subscriber>> byPark = new ConcurrentHashMap<>();

    public AlarmFeed(Parks parks, AlarmEngine engine) {
        this.parks = parks;
        engine.addListener(this::relay);
    }

    @Override
    public Runnable subscribe(String park, Caller caller, BiConsumer<String, JsonObject> send) {
        Subscriber s = new Subscriber(caller, send);
        byPark.computeIfAbsent(park, p -> ConcurrentHashMap.newKeySet()).add(s);
        return () -> byPark.getOrDefault(park, Set.of()).remove(s);
    }

    private void relay(AlarmEvent event) {
        String parkId = event.alarm().park();
        var park = parks.model(parkId).map(m -> m.park()).orElse(null);
        if (park == null) {
            return;
        }
        JsonObject json = AlarmJson.event(event);
        for (Subscriber s : byPark.getOrDefault(parkId, Set.of())) {
            if (AlarmRoutes.visible(event.alarm(), park, s.caller())) {
                s.send().accept("alarm", json);
            }
        }
    }
}
