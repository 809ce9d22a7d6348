package io.parkpulse.dashboard.http;

import io.parkpulse.dashboard.Parks;
import io.parkpulse.dashboard.alarms.AlarmEngine;
import io.parkpulse.dashboard.auth.ApiTokens;
import io.parkpulse.dashboard.auth.LoginRateLimiter;
import io.parkpulse.dashboard.auth.LoginTokens;
import io.parkpulse.dashboard.auth.Users;
import io.parkpulse.dashboard.efficiency.EfficiencyService;
import io.parkpulse.dashboard.live.LiveState;
import io.parkpulse.dashboard.reports.OutputReportStore;
import io.parkpulse.storage.InfluxClient;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;

/** The API's parts for a test that needs the whole router: real stores where given, an idle live state, alarms not started. */
public final class TestApiParts {

    private TestApiParts() {
    }

    public static ApiParts of(Vertx vertx, Parks parks, ApiTokens tokens, Users users, InfluxClient influx,
                              EfficiencyService service, OutputReportStore reports, Clock clock) {
        LiveState live = new LiveState();
        return new ApiParts(parks, tokens, users, new LoginTokens(vertx, LoginTokens.randomSecret(), LoginTokens.DEFAULT_LIFETIME, clock),
                new LoginRateLimiter(clock), influx, service, reports, live,
                new AlarmEngine(vertx, parks, parks::ids, live, influx, service, clock, Duration.ofSeconds(5)), clock);
    }
}
