package io.parkpulse.simulators.cli;

import io.parkpulse.config.CommandErrors;
import io.parkpulse.park.Park;
import io.parkpulse.simulators.model.ParkModel;
import io.parkpulse.simulators.output.OutputReportFormat;
import io.parkpulse.simulators.output.OutputReportWriter;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code output-report}: enterprises' monthly output (quantity, output value, value added, tax,
 * employees, R&amp;D) for whole months, from the same production that drives the meters of a
 * {@code run} with the same park, seed and interval.
 */
@Command(name = "output-report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write each enterprise's monthly output, consistent with the production behind its simulated meters.")
public final class OutputReportCommand implements Callable<Integer> {

    @Mixin
    ModelOptions model;

    @Option(names = "--from", required = true, description = "First month, e.g. 2026-01")
    YearMonth from;

    @Option(names = "--to", required = true, description = "Last month, inclusive, e.g. 2026-10")
    YearMonth to;

    @Option(names = "--format", defaultValue = "csv", description = "csv, jsonl, or upload (CSV the dashboard API takes as it is). Default: ${DEFAULT-VALUE}")
    OutputReportFormat format;

    @Option(names = "--truth", description = "Add the simulator's ground truth: efficiency tier and factor of each enterprise-month")
    boolean truth;

    @Option(names = "--out", defaultValue = "-", description = "File to write, - for stdout. Default: ${DEFAULT-VALUE}")
    String out;

    @Override
    public Integer call() throws Exception {
        return CommandErrors.call("parkpulse-simulators output-report", this::execute);
    }

    private Integer execute() throws Exception {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        Park park = model.readPark();
        try (OutputReportWriter writer = out.equals("-")
                ? new OutputReportWriter(new BufferedWriter(new OutputStreamWriter(StandardOutput.keptOpen(), StandardCharsets.UTF_8)), format, truth, "stdout")
                : OutputReportWriter.create(Path.of(out), format, truth)) {
            ParkModel parkModel = ParkModel.build(park, model.settings().withOutputs(m -> {
                if (m.complete() && !m.month().isBefore(from) && !m.month().isAfter(to)) {
                    writer.accept(m);
                }
            }));
            long start = from.atDay(1).atStartOfDay(park.timeZone()).toInstant().toEpochMilli();
            long end = to.plusMonths(1).atDay(1).atStartOfDay(park.timeZone()).toInstant().toEpochMilli();
            parkModel.checkStep(model.interval);
            long step = model.interval.toMillis();
            parkModel.start(start, start);
            for (long t = start; t <= end; t += step) {
                parkModel.step(t, true, null);
            }
            parkModel.finish();
            System.err.printf("wrote %d enterprise-months of park %s (%s to %s)%n", writer.rows(), park.id(), from, to);
        }
        return 0;
    }
}
