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
import java.time.Clock;

/**
 * Everything the API's routes work with, built once by the verticle (or a test) and handed to
 * {@link DashboardApi}: the parks, who may ask (service tokens, users and their login tokens), the stores and
 * services behind the routes.
 */
public record ApiParts(Parks parks, ApiTokens apiTokens, Users users, LoginTokens loginTokens, LoginRateLimiter loginLimiter,
                       InfluxClient influx, EfficiencyService efficiency, OutputReportStore outputReports, LiveState live,
                       AlarmEngine alarms, Clock clock) {
}
