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
                        + " ingest heap %.0f -> %.0f MiB (live %.0f MiB, RSS %.0f MiB), repeated publish attempts %d%s -> %s",
                r.name(), r.published(), r.stored(), r.missing(), r.duplicateDeliveries(), recovery(r), seconds(r.ingestBackMs()),
                r.baselineHeapMb(), r.peakHeapMb(), r.peakLiveHeapMb(), r.peakRssMb(), r.failedAttempts(), gatewayText(r.gateway()),
                r.passed() ? "PASS" : "FAIL " + r.problems());
    }

    private static String gatewayText(GatewayFigures g) {
        if (g == null) {
            return "";
        }
        return String.format(Locale.ROOT, "; gateway: read %d, stored %d, in flight at the kill %d, lost %d, duplicates %d,"
                        + " out of order %d, failed reads %d, found in its buffer after the restart %d, drained %s after the uplink"
                        + " returned, peak RSS %d MiB",
                g.served(), g.stored(), g.inFlightAtKill(), g.lost(), g.duplicates(), g.outOfOrder(), g.failedReads(),
                g.bufferedAtRestart(), seconds(g.drainMs()), g.peakRssMb());
    }

    private static String recovery(ScenarioResult r) {
        return r.cutsTheLoad() ? seconds(r.recoveryMs()) : "n/a (not in the load's path)";
    }

    private static String seconds(long ms) {
        return ms < 0 ? "none" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** A Markdown table of the steady load's figures and one of the gateway's. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Form `%s`: steady load %d readings/s from %d simulated gateways × %d meters; "
                        + "two ingest instances (-Xmx%dm each); the real gateway reads %d DL/T 645 meters every %d ms. Took %d s.%n%n",
                plan.name(), Math.round(plan.readingsPerSecond()), plan.loadGateways(), plan.metersPerGateway(), plan.ingestHeapMb(),
                plan.gatewayMeters(), plan.gatewayPoll().toMillis(), took.toSeconds()));
        md.append("| fault | published | stored | missing | duplicate deliveries absorbed | recovery | ingest subscribed after "
                + "| ingest heap before → peak (live) MiB | peak RSS MiB | repeated publishes | result |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ScenarioResult r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | ≥ %d | %s | %s | %.0f → %.0f (%.0f) | %.0f | %d | %s |%n",
                    r.fault(), r.published(), r.stored(), r.missing(), r.duplicateDeliveries(), recovery(r), seconds(r.ingestBackMs()),
                    r.baselineHeapMb(), r.peakHeapMb(), r.peakLiveHeapMb(), r.peakRssMb(), r.failedAttempts(),
                    r.passed() ? "pass" : "FAIL: " + String.join("; ", r.problems())));
        }
        for (ScenarioResult r : results) {
            GatewayFigures g = r.gateway();
            if (g != null) {
                md.append("\n| real gateway | read by meters | stored | in flight at the kill | lost | stored twice | out of order "
                        + "| in its buffer after the restart | buffer drained after the uplink returned | peak RSS MiB |\n"
                        + "|---|---|---|---|---|---|---|---|---|---|\n");
                md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d | %s | %d |%n", r.fault(), g.served(),
                        g.stored(), g.inFlightAtKill(), g.lost(), g.duplicates(), g.outOfOrder(), g.bufferedAtRestart(),
                        seconds(g.drainMs()), g.peakRssMb()));
            }
        }
        return md.toString();
    }
}
