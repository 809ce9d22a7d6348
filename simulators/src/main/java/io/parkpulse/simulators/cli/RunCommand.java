package io.parkpulse.simulators.cli;

import io.parkpulse.config.CommandErrors;
import io.parkpulse.park.Park;
import io.parkpulse.simulators.faults.FaultLog;
import io.parkpulse.simulators.faults.FaultRates;
import io.parkpulse.simulators.faults.JsonLinesFaultLog;
import io.parkpulse.simulators.model.LeakSpec;
import io.parkpulse.simulators.model.ModelSettings;
import io.parkpulse.simulators.model.ParkModel;
import io.parkpulse.simulators.mqtt.GatewayAccounts;
import io.parkpulse.simulators.output.OutputReportFormat;
import io.parkpulse.simulators.output.OutputReportWriter;
import io.parkpulse.simulators.run.DryRunSink;
import io.parkpulse.simulators.run.MessageSink;
import io.parkpulse.simulators.run.MqttSink;
import io.parkpulse.simulators.run.Pace;
import io.parkpulse.simulators.run.ProgressReporter;
import io.parkpulse.simulators.run.RunSettings;
import io.parkpulse.simulators.run.RunStats;
import io.parkpulse.simulators.run.SimulationRun;
import io.parkpulse.simulators.run.TimeMode;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code run}: simulates a park file and publishes its meters' readings as its gateways would, live,
 * accelerated or as a backfill; or writes them to a file (dry run).
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate a park's meters and publish their readings as its gateways would.",
            "realtime: live at wall-clock time (a --from in the past is caught up first); accelerated: --speed times faster "
                + "than the wall clock from --from; backfill: --from..--to as fast as the broker acknowledges.",
            "Credentials come from PARKPULSE_MQTT_USERNAME and PARKPULSE_MQTT_PASSWORD (one account for every gateway), or "
                + "with --credentials from a file giving each gateway its own account."})
public final class RunCommand implements Callable<Integer> {

    @Mixin
    ModelOptions model;

    @Option(names = "--broker", defaultValue = "${env:PARKPULSE_MQTT_URL:-tcp://127.0.0.1:1883}",
            description = "Broker URL (env PARKPULSE_MQTT_URL). Default: ${DEFAULT-VALUE}")
    String broker;

    @Option(names = "--credentials", paramLabel = "FILE", description = "Each gateway's MQTT account (YAML: park: gateway: "
            + "{username, password}), as parkpulse-tools broker-config --simulator-credentials writes it: every simulated "
            + "gateway connects as itself. Instead of PARKPULSE_MQTT_USERNAME / PARKPULSE_MQTT_PASSWORD")
    Path credentials;

    @Option(names = "--mode", defaultValue = "realtime", description = "realtime, accelerated or backfill. Default: ${DEFAULT-VALUE}")
    TimeMode mode;

    @Option(names = "--speed", defaultValue = "60", description = "Simulated seconds per wall-clock second in accelerated mode. Default: ${DEFAULT-VALUE}")
    double speed;

    @Option(names = "--from", description = "First instant: now, now-P30D, 2026-11-01 (local midnight), 2026-11-01T08:00 (park time), "
            + "2026-11-01T08:00+08:00. Default: now (realtime); required otherwise")
    String from;

    @Option(names = "--to", description = "End, exclusive, same forms as --from. Default: now for backfill; none (run until stopped) otherwise")
    String to;

    @Option(names = "--catch-up-interval", converter = DurationConverter.class,
            description = "Interval used while catching up a start in the past (a multiple of --interval), e.g. PT15M before going live at PT5S")
    Duration catchUpInterval;

    @Option(names = "--readings-per-message", defaultValue = "200", description = "Most readings per message (≤ 1000). Default: ${DEFAULT-VALUE}")
    int readingsPerMessage;

    @Option(names = "--threads", defaultValue = "4", description = "Publishing threads shared by the gateways. Default: ${DEFAULT-VALUE}")
    int threads;

    @Option(names = "--end-to-end-acks", description = "Count a reading as delivered only when ingest acknowledges its message "
            + "end to end (stored in InfluxDB; dp/v1/{park}/{gateway}/ack, issue 17), resending an unacknowledged message after 30 s, "
            + "doubling to 5 min; without it a broker PUBACK counts. Needs an ingest that publishes acks")
    boolean endToEndAcks;

    @Option(names = "--faults", defaultValue = "none", description = "Fault preset: none or realistic. Default: ${DEFAULT-VALUE}")
    String faultPreset;

    @Option(names = "--fault", paramLabel = "NAME=VALUE",
            description = "Override one fault rate, repeatable: replacement, gap, clock_skew, leak (per meter, gateway or water meter and year), "
                    + "rollover, duplicate, malformed (shares), gap_hours, skew_hours, skew_max_minutes")
    List<String> faultOverrides = new ArrayList<>();

    @Option(names = "--leak", paramLabel = "METER,START[,M3H]", description = "Inject a leak behind a water meter from START, repeatable")
    List<String> leaks = new ArrayList<>();

    @Option(names = "--fault-log", description = "Write every injected fault as JSON lines to this file")
    Path faultLog;

    @Option(names = "--dry-run", paramLabel = "FILE", description = "Write messages to FILE (- for stdout) instead of publishing")
    String dryRun;

    @Option(names = "--output-report", description = "Write enterprises' monthly output to this file")
    Path outputReport;

    @Option(names = "--output-format", defaultValue = "csv", description = "csv, jsonl, or upload (CSV the dashboard API takes as it is). Default: ${DEFAULT-VALUE}")
    OutputReportFormat outputFormat;

    @Option(names = "--skip-gateway", paramLabel = "GATEWAY",
            description = "Leave this gateway's readings out from the run's start (now) on, repeatable: a real gateway reads its "
                    + "meters (e.g. from `emulate`). History before the start (a catch-up, a backfill) is still sent")
    List<String> skipGateways = new ArrayList<>();

    @Option(names = "--history-interval", converter = DurationConverter.class,
            description = "With --history-until: before it, wired meters send one reading per this interval from local midnight "
                    + "(e.g. P1D), the model still stepping at the run's interval; NB-IoT meters send as always")
    Duration historyInterval;

    @Option(names = "--history-until", description = "End of the thinned history (a time as --from), e.g. 2026-10-01")
    String historyUntil;

    @Option(names = "--progress", defaultValue = "PT10S", converter = DurationConverter.class,
            description = "Wall-clock time between progress lines. Default: ${DEFAULT-VALUE}")
    Duration progress;

    @Override
    public Integer call() throws Exception {
        return CommandErrors.call("parkpulse-simulators run", this::execute);
    }

    private Integer execute() throws Exception {
        Park park = model.readPark();
        long now = System.currentTimeMillis();
        if (from == null && mode != TimeMode.REALTIME) {
            throw new IllegalArgumentException("--from is required in " + mode.name().toLowerCase(java.util.Locale.ROOT) + " mode");
        }
        long fromMs = from == null ? now : TimeArgument.parse("--from", from, park.timeZone(), now);
        Long toMs = to != null ? Long.valueOf(TimeArgument.parse("--to", to, park.timeZone(), now))
                : mode == TimeMode.BACKFILL ? Long.valueOf(now) : null;
        FaultRates rates = FaultRates.preset(faultPreset);
        for (String o : faultOverrides) {
            rates = rates.with(o);
        }
        List<LeakSpec> leakSpecs = new ArrayList<>();
        for (String leak : leaks) {
            leakSpecs.add(leak(leak, park));
        }
        if (toMs != null && toMs > now + Duration.ofMinutes(5).toMillis()) {
            System.err.println("note: --to lies in the future; the platform rejects readings more than 5 minutes ahead of its clock");
        }

        RunStats stats = new RunStats();
        try (FaultLog faults = faultLog == null ? FaultLog.discard() : JsonLinesFaultLog.create(faultLog, park.timeZone());
             OutputReportWriter report = outputReport == null ? null : OutputReportWriter.create(outputReport, outputFormat, false)) {
            ModelSettings settings = model.settings().withFaults(rates).withLeaks(leakSpecs).withFaultLog(faults)
                    .withOutputs(report == null ? m -> { } : report);
            ParkModel parkModel = ParkModel.build(park, settings);
            Pace pace = switch (mode) {
                case REALTIME -> Pace.realtime();
                case ACCELERATED -> Pace.accelerated(fromMs, speed);
                case BACKFILL -> Pace.backfill();
            };
            RunSettings runSettings = new RunSettings(fromMs, toMs, model.interval,
                    catchUpInterval == null ? model.interval : catchUpInterval, readingsPerMessage);
            parkModel.checkStep(model.interval);
            parkModel.checkStep(runSettings.catchUpStep());
            java.util.Set<Integer> skipped = skippedGateways(park, parkModel);
            MessageSink sink = sink(park, parkModel, stats);
            SimulationRun run = new SimulationRun(parkModel, runSettings, pace, sink, stats);
            if ((historyInterval == null) != (historyUntil == null)) {
                throw new IllegalArgumentException("--history-interval and --history-until go together");
            }
            if (historyInterval != null) {
                long step = historyInterval.toMillis();
                if (step <= 0 || step % runSettings.catchUpStep().toMillis() != 0 || Duration.ofDays(1).toMillis() % step != 0
                        && step % Duration.ofDays(1).toMillis() != 0) {
                    throw new IllegalArgumentException("--history-interval " + historyInterval + " must be a multiple of the (catch-up) "
                            + "interval that divides a day or is whole days");
                }
                java.util.Set<Integer> nbIot = new java.util.HashSet<>();
                for (int g = 0; g < parkModel.gateways().size(); g++) {
                    if (parkModel.gateways().get(g).contains(io.parkpulse.simulators.model.NbIotSettings.GATEWAY_MARKER)) {
                        nbIot.add(g);
                    }
                }
                run.thinHistory(historyInterval, TimeArgument.parse("--history-until", historyUntil, park.timeZone(), now),
                        park.timeZone(), nbIot);
            }
            if (!skipped.isEmpty()) {
                run.skipGateways(skipped, now);
                System.out.printf("leaving out the readings of %s from %s on%n", String.join(", ", skipGateways), Instant.ofEpochMilli(now));
            }
            System.out.printf("%s run of park %s (%d meters on %d gateways, seed %d) from %s%s, every %s, to %s%n", mode, park.id(),
                    parkModel.meterCount(), parkModel.gateways().size(), model.seed, Instant.ofEpochMilli(fromMs),
                    toMs == null ? "" : " until " + Instant.ofEpochMilli(toMs), model.interval,
                    dryRun == null ? broker : "dry-run file " + dryRun);
            runUntilStopped(run, park, stats);
        }
        return 0;
    }

    private MessageSink sink(Park park, ParkModel parkModel, RunStats stats) throws IOException {
        if (dryRun != null) {
            OutputStream out = dryRun.equals("-") ? StandardOutput.keptOpen()
                    : new FileOutputStream(createParent(Path.of(dryRun)).toFile());
            return new DryRunSink(out, park.id(), park.timeZone(), stats);
        }
        if (credentials != null) {
            GatewayAccounts accounts = GatewayAccounts.read(credentials);
            return MqttSink.connect(broker, gateway -> accounts.of(park.id(), gateway), park.id(), parkModel.gateways(), threads, stats,
                    MqttSink.Acks.of(endToEndAcks));
        }
        // read from the environment only, so the password never shows in a process list
        GatewayAccounts.Account shared = new GatewayAccounts.Account(System.getenv("PARKPULSE_MQTT_USERNAME"),
                System.getenv("PARKPULSE_MQTT_PASSWORD"));
        return MqttSink.connect(broker, gateway -> shared, park.id(), parkModel.gateways(), threads, stats, MqttSink.Acks.of(endToEndAcks));
    }

    /** Runs on this thread; Ctrl-C stops the run, which then sends what it holds and waits (up to 30 s) for acknowledgements. */
    private void runUntilStopped(SimulationRun run, Park park, RunStats stats) throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            run.stop();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-run");
        Runtime.getRuntime().addShutdownHook(hook);
        ProgressReporter progressLines = new ProgressReporter(stats, park.timeZone(), dryRun != null && dryRun.equals("-")
                ? System.err : System.out, progress);
        try {
            run.run();
        } finally {
            progressLines.close();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that the run finished
            }
        }
    }

    private java.util.Set<Integer> skippedGateways(Park park, ParkModel parkModel) {
        java.util.Set<Integer> indexes = new java.util.HashSet<>();
        for (String gateway : skipGateways) {
            int index = parkModel.gateways().indexOf(gateway);
            if (index < 0) {
                throw new IllegalArgumentException("--skip-gateway " + gateway + ": park " + park.id() + " has no gateway " + gateway
                        + " with meters; it has " + String.join(", ", parkModel.gateways()));
            }
            indexes.add(index);
        }
        return indexes;
    }

    private static LeakSpec leak(String text, Park park) {
        String[] parts = text.split(",");
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("--leak " + text + ": expected METER,START[,M3H], e.g. W-HD-01,2026-11-10T00:00+08:00,0.8");
        }
        long start = TimeArgument.parse("--leak " + parts[0], parts[1], park.timeZone(), System.currentTimeMillis());
        double flow = Double.NaN;
        if (parts.length == 3) {
            try {
                flow = Double.parseDouble(parts[2]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--leak " + text + ": the flow \"" + parts[2] + "\" is not a number (m³/h)");
            }
        }
        return new LeakSpec(parts[0].trim(), Instant.ofEpochMilli(start), flow);
    }

    private static Path createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return file;
    }
}
