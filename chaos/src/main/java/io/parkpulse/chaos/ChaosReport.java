package io.parkpulse.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The suite's results as text: a line per fault as it finishes, and Markdown tables for docs/reliability.md. */
public record ChaosReport(ChaosPlan plan, List<ScenarioResult> results, Duration took) {

    public boolean passed() {
        return results.stream().allMatch(ScenarioResult::passed);
    }

    public List<String> problems() {
        return results.stream().flatMap(r -> r.problems().stream().map(p -> r.name() + ": " + p)).toList();
    }

    static String line(ScenarioResult r) {
        return String.format(Locale.ROOT,
                "chaos %s: published %d, stored %d, missing %d, duplicate deliveries %d, recovery %s (ingest subscribed after %s),"
                        + " ingest heap %.0f -> %.0f MiB (live %.0f MiB, RSS %.0f MiB), repeated publish attempts %d,"
                        + " resent for want of an ack %d; %s%s -> %s",
                r.name(), r.published(), r.stored(), r.missing(), r.duplicateDeliveries(), recovery(r), seconds(r.ingestBackMs()),
                r.baselineHeapMb(), r.peakHeapMb(), r.peakLiveHeapMb(), r.peakRssMb(), r.failedAttempts(), r.resends(),
                gatewayText(r.gateway()), replayText(r.replay()), r.passed() ? "PASS" : "FAIL " + r.problems());
    }

    private static String gatewayText(GatewayDelivery g) {
        return String.format(Locale.ROOT, "gateway: read %d, stored %d, lost %d, duplicates %d, out of order %d, in flight at a kill %d,"
                        + " failed reads %d, at most %d messages awaiting an ack, %d resent, peak RSS %d MiB",
                g.read(), g.stored(), g.lost(), g.duplicates(), g.outOfOrder(), g.inFlightAtKill(), g.failedReads(),
                g.peakUnconfirmed(), g.resends(), g.peakRssMb());
    }

    private static String replayText(BufferReplay replay) {
        return replay == null ? "" : String.format(Locale.ROOT, ", found in its buffer after the restart %d, drained %s after the"
                + " uplink returned", replay.foundAtRestart(), seconds(replay.drainMs()));
    }

    private static String recovery(ScenarioResult r) {
        return r.cutsTheLoad() ? seconds(r.recoveryMs()) : "n/a (not in the load's path)";
    }

    private static String seconds(long ms) {
        return ms < 0 ? "none" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** A Markdown table of the steady load's figures and one of the real gateway's. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Form `%s`: steady load %d readings/s from %d simulated gateways × %d meters; "
                        + "two ingest instances (-Xmx%dm each); the real gateway reads %d DL/T 645 meters every %d ms. Took %d s.%n%n",
                plan.name(), Math.round(plan.readingsPerSecond()), plan.loadGateways(), plan.metersPerGateway(), plan.ingestHeapMb(),
                plan.gatewayMeters(), plan.gatewayPoll().toMillis(), took.toSeconds()));
        md.append("| fault | published | stored | missing | duplicate deliveries absorbed | recovery | ingest subscribed after "
                + "| ingest heap before → peak (live) MiB | peak RSS MiB | repeated publishes | resent for want of an ack | result |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ScenarioResult r : results) {
            md.append(String.format(Locale.ROOT, "| `%s`: %s | %d | %d | %d | ≥ %d | %s | %s | %.0f → %.0f (%.0f) | %.0f | %d | %d | %s |%n",
                    r.name(), r.fault(), r.published(), r.stored(), r.missing(), r.duplicateDeliveries(), recovery(r),
                    seconds(r.ingestBackMs()), r.baselineHeapMb(), r.peakHeapMb(), r.peakLiveHeapMb(), r.peakRssMb(), r.failedAttempts(),
                    r.resends(), r.passed() ? "pass" : "FAIL: " + String.join("; ", r.problems())));
        }
        md.append("\nThe real gateway's reads from the warm-up to the end of the settle, per fault:\n\n"
                + "| fault | read by meters | stored | lost | stored twice | out of order | in flight at a kill | failed reads "
                + "| most messages awaiting an ack | resent | in its buffer after the restart | buffer drained after the uplink returned "
                + "| peak RSS MiB |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ScenarioResult r : results) {
            GatewayDelivery g = r.gateway();
            BufferReplay replay = r.replay();
            md.append(String.format(Locale.ROOT, "| `%s` | %d | %d | %d | %d | %d | %d | %d | %d | %d | %s | %s | %d |%n", r.name(),
                    g.read(), g.stored(), g.lost(), g.duplicates(), g.outOfOrder(), g.inFlightAtKill(), g.failedReads(),
                    g.peakUnconfirmed(), g.resends(), replay == null ? "—" : String.valueOf(replay.foundAtRestart()),
                    replay == null ? "—" : seconds(replay.drainMs()), g.peakRssMb()));
        }
        return md.toString();
    }
}
