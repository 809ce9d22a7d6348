package io.parkpulse.dashboard.alarms;

import io.parkpulse.contract.GatewayId;
import io.parkpulse.contract.MeterId;
import io.parkpulse.contract.MeterKind;
import io.parkpulse.dashboard.live.LiveFreshness;
import io.parkpulse.dashboard.live.LiveView;
import io.parkpulse.efficiency.evaluation.DataState.Reason;
import io.parkpulse.efficiency.policy.AlarmRule;
import io.parkpulse.park.CounterDeclaration;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Park;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges a park's live rules against one live snapshot: power above a limit, gateways offline, meters silent. Pure:
 * the time is given, the snapshot is read, nothing is kept.
 */
final class LiveRules {

    private static final double MS_PER_MINUTE = 60_000.0;

    private LiveRules() {
    }

    /**
     * @param watchingSinceMs when the engine first saw this park's live state: a meter that has sent nothing since
     *                        counts as silent from then
     */
    static List<Observation> observe(Park park, LiveView.Snapshot snapshot, long nowMs, long watchingSinceMs) {
        List<Observation> found = new ArrayList<>();
        for (AlarmRule rule : park.policy().alarms()) {
            if (rule instanceof AlarmRule.PowerAbove p) {
                found.add(p.meter() != null ? meterPower(p, park, snapshot, nowMs) : enterprisePower(p, park, snapshot, nowMs));
            } else if (rule instanceof AlarmRule.GatewayOffline g) {
                for (String gateway : park.gateways().keySet().stream().map(GatewayId::value).toList()) {
                    if (g.gateway() == null || g.gateway().equals(gateway)) {
                        found.add(offline(g, gateway, snapshot, nowMs));
                    }
                }
            } else if (rule instanceof AlarmRule.MeterSilent s) {
                for (Meter m : park.meters().values()) {
                    if ((s.meter() == null || s.meter().equals(m.id().value())) && (s.gateway() == null || s.gateway().equals(m.gateway().value()))) {
                        found.add(silent(s, m, expectedQuietMs(park, m), snapshot, nowMs, watchingSinceMs));
                    }
                }
            }
        }
        return found;
    }

    private static Observation meterPower(AlarmRule.PowerAbove rule, Park park, LiveView.Snapshot snapshot, long nowMs) {
        Subject subject = Subject.meter(rule.meter());
        LiveView.MeterLive m = snapshot.meters().get(rule.meter());
        Meter meter = park.meters().get(MeterId.of(rule.meter()));
        if (m == null || m.powerKw() == null || meter == null || !LiveFreshness.isFresh(meter, m, nowMs)) {
            return Observation.unknown(rule, subject, rule.limitKw(), AlarmDetails.noLivePower(rule.meter()));
        }
        return power(rule, subject, m.powerKw(), null);
    }

    /**
     * The sum of the enterprise's main electricity meters. Above the limit when the meters that report already add up
     * to more; within it only when every one of them reports.
     */
    private static Observation enterprisePower(AlarmRule.PowerAbove rule, Park park, LiveView.Snapshot snapshot, long nowMs) {
        Subject subject = Subject.enterprise(rule.enterprise());
        double sum = 0;
        int known = 0;
        int meters = 0;
        for (Meter m : park.meters().values()) {
            if (m.isParkLevel() || !rule.enterprise().equals(m.enterprise().value()) || m.kind() != MeterKind.ELECTRICITY
                    || m.counter().role() != CounterDeclaration.Role.MAIN) {
                continue;
            }
            meters++;
            LiveView.MeterLive live = snapshot.meters().get(m.id().value());
            if (live != null && live.powerKw() != null && LiveFreshness.isFresh(m, live, nowMs)) {
                sum += live.powerKw();
                known++;
            }
        }
        Reason detail = AlarmDetails.metersSummed(known, meters);
        if (known == 0 || (known < meters && sum <= rule.limitKw())) {
            return Observation.unknown(rule, subject, rule.limitKw(), detail);
        }
        return power(rule, subject, sum, detail);
    }

    private static Observation power(AlarmRule.PowerAbove rule, Subject subject, double kw, Reason detail) {
        Observation.Status status = kw > rule.limitKw() ? Observation.Status.BREACH : Observation.Status.NORMAL;
        return new Observation(rule, subject, status, kw, rule.limitKw(), null, detail);
    }

    private static Observation offline(AlarmRule.GatewayOffline rule, String gateway, LiveView.Snapshot snapshot, long nowMs) {
        Subject subject = Subject.gateway(gateway);
        double threshold = rule.hold().toMillis() / MS_PER_MINUTE;
        LiveView.GatewayLive g = snapshot.gateways().get(gateway);
        if (g == null) {
            return Observation.unknown(rule, subject, threshold, AlarmDetails.noGatewayStatus(gateway));
        }
        if (g.online()) {
            return new Observation(rule, subject, Observation.Status.NORMAL, 0, threshold, null, null);
        }
        return new Observation(rule, subject, Observation.Status.BREACH, minutes(nowMs - g.sinceMs()), threshold,
                g.sinceMs(), AlarmDetails.offline());
    }

    /**
     * Silent by the device time of the meter's newest reading of any kind, counted from no earlier than when the engine
     * began watching: readings replayed after a restart (a gateway's buffer, a simulator's backfill) are old when they
     * arrive and must not raise and clear alarms that never were. Normal once a reading within the hold arrived;
     * in between — silent by device time, not yet watched for the hold — nothing changes, so an alarm raised before a
     * restart stays raised until the meter is heard again.
     */
    private static Observation silent(AlarmRule.MeterSilent rule, Meter declared, long expectedQuietMs,
                                      LiveView.Snapshot snapshot, long nowMs, long watchingSinceMs) {
        String meter = declared.id().value();
        LiveView.MeterLive m = snapshot.meters().get(meter);
        long holdMs = Math.max(rule.hold().toMillis(), expectedQuietMs);
        double threshold = holdMs / MS_PER_MINUTE;
        Subject subject = Subject.meter(meter);
        if (m != null && nowMs - m.lastSeenMs() < holdMs) {
            return new Observation(rule, subject, Observation.Status.NORMAL, minutes(Math.max(0, nowMs - m.lastSeenMs())),
                    threshold, null, null);
        }
        long since = m == null ? watchingSinceMs : Math.max(m.lastSeenMs(), watchingSinceMs);
        if (nowMs - since < holdMs) {
            return Observation.unknown(rule, subject, threshold, m == null ? AlarmDetails.noReadingSinceStart()
                    : AlarmDetails.watchedLessThanHold(minutes(nowMs - m.lastSeenMs())));
        }
        return new Observation(rule, subject, Observation.Status.BREACH, minutes(nowMs - (m == null ? since : m.lastSeenMs())),
                threshold, since, m == null ? AlarmDetails.noReadingSinceStart() : null);
    }

    /**
     * How quiet a meter is by device time in normal work: behind a gateway that batches (an NB-IoT platform pushing a
     * day of hourly values once a day), up to one uplink interval plus a reading interval; else nothing beyond the
     * rule's hold. A rule's hold below that would alarm every such meter every day.
     */
    static long expectedQuietMs(Park park, Meter meter) {
        return LiveFreshness.batchingDelayMs(meter, park.gateways().get(meter.gateway()));
    }

    private static double minutes(long ms) {
        return Math.round(ms / MS_PER_MINUTE * 10) / 10.0;
    }
}
