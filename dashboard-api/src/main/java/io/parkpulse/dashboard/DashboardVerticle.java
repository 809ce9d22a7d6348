package io.parkpulse.dashboard;

import io.parkpulse.dashboard.alarms.AlarmEngine;
import io.parkpulse.dashboard.auth.ApiTokens;
import io.parkpulse.dashboard.auth.LoginRateLimiter;
import io.parkpulse.dashboard.auth.LoginTokens;
import io.parkpulse.dashboard.auth.Users;
import io.parkpulse.dashboard.efficiency.DailyConsumption;
import io.parkpulse.dashboard.efficiency.EfficiencyService;
import io.parkpulse.dashboard.http.ApiParts;
import io.parkpulse.dashboard.http.DashboardApi;
import io.parkpulse.dashboard.live.LiveSettings;
import io.parkpulse.dashboard.live.LiveState;
import io.parkpulse.dashboard.live.LiveSubscriber;
import io.parkpulse.dashboard.readings.CounterReadingStore;
import io.parkpulse.dashboard.readings.MeterDayStore;
import io.parkpulse.dashboard.reports.OutputReportStore;
import io.parkpulse.park.ParkDirectory;
import io.parkpulse.storage.InfluxClient;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One dashboard API instance: loads parks and tokens, serves the API, reloads park files as they change. */
public final class DashboardVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardVerticle.class);

    private final DashboardConfig config;
    private final Clock clock;
    private InfluxClient influx;
    private HttpServer server;
    private long reloadTimer = -1;
    private AlarmEngine alarms;
    private LiveSubscriber liveSubscriber;

    public DashboardVerticle(DashboardConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        Parks parks = new Parks(new ParkDirectory(config.parksDirectory()));
        return vertx.executeBlocking(() -> {
            parks.load();
            ApiTokens tokens = config.tokensFile() == null ? ApiTokens.of(Map.of()) : ApiTokens.read(config.tokensFile());
            Users users = config.usersFile() == null ? Users.of(List.of()) : Users.read(config.usersFile());
            return Map.entry(tokens, users);
        }).compose(who -> {
            LOG.info("{} API token(s) from {}, {} user(s) from {}", who.getKey().size(), config.tokensFile(),
                    who.getValue().size(), config.usersFile());
            influx = new InfluxClient(vertx, config.influx());
            OutputReportStore reports = new OutputReportStore(influx);
            DailyConsumption consumption = new DailyConsumption(vertx, new CounterReadingStore(vertx, influx),
                    new MeterDayStore(influx, config.cachedDays()), config.maxReadings());
            EfficiencyService service = new EfficiencyService(vertx, consumption, reports, config.resultTtl(),
                    config.keptMonths(), clock);
            LiveState live = new LiveState(System::currentTimeMillis,
                    config.live() == null ? LiveSettings.DEFAULT_MAX_CLOCK_SKEW : config.live().maxClockSkew());
            alarms = new AlarmEngine(vertx, parks, parks::ids, live, influx, service, clock, config.alarmTick());
            ApiParts parts = new ApiParts(parks, who.getKey(), who.getValue(),
                    LoginTokens.fromSecret(vertx, config.jwtSecret(), config.loginTokenLifetime(), clock),
                    new LoginRateLimiter(clock), influx, service, reports, live, alarms, clock);
            reloadTimer = vertx.setPeriodic(config.parksReloadInterval().toMillis(),
                    id -> vertx.executeBlocking(() -> {
                        parks.reload();
                        return null;
                    }, true).onFailure(e -> LOG.error("park reload failed", e)));
            if (config.live() != null) {
                try {
                    liveSubscriber = new LiveSubscriber(config.live(), live);
                    liveSubscriber.start();
                } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
                    return Future.failedFuture(e);
                }
            }
            alarms.start();
            return vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true))
                    .requestHandler(DashboardApi.router(vertx, parts))
                    .listen(config.httpPort(), config.httpHost());
        }).onSuccess(s -> {
            server = s;
            LOG.info("dashboard API listening on http://{}:{}{} (web UI at /)", config.httpHost(), s.actualPort(), DashboardApi.BASE);
        });
    }

    /** The port actually bound (for port 0). */
    public int port() {
        return server.actualPort();
    }

    @Override
    public Future<?> stop() {
        if (reloadTimer >= 0) {
            vertx.cancelTimer(reloadTimer);
        }
        if (alarms != null) {
            alarms.stop();
        }
        if (liveSubscriber != null) {
            LiveSubscriber subscriber = liveSubscriber;
            vertx.executeBlocking(() -> {
                subscriber.close();
                return null;
            });
        }
        Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
        return closed.onComplete(done -> {
            if (influx != null) {
                influx.close();
            }
        });
    }
}
