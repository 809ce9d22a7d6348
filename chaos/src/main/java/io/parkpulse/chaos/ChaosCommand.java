package io.parkpulse.chaos;

import io.parkpulse.testkit.MosquittoConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar parkpulse-chaos.jar --form full ...}: runs the suite and prints its figures; exit 1 if a fault broke a guarantee,
 * 2 if the suite could not run to the end. */
@Command(name = "parkpulse-chaos", mixinStandardHelpOptions = true,
        description = "Faults under steady load against the real ingest and gateway jars, Mosquitto and InfluxDB (docs/reliability.md).")
public final class ChaosCommand implements Callable<Integer> {

    @Option(names = "--form", defaultValue = "full", description = "short (about 3 minutes, as in the tests) or full (about 14 minutes)")
    String form;

    @Option(names = "--ingest-jar", defaultValue = "ingest/target/parkpulse-ingest.jar")
    Path ingestJar;

    @Option(names = "--gateway-jar", defaultValue = "gateway/target/parkpulse-gateway.jar")
    Path gatewayJar;

    @Option(names = "--ingest-jvm-options", defaultValue = "ingest/jvm.options")
    Path ingestJvmOptions;

    @Option(names = "--gateway-jvm-options", defaultValue = "gateway/jvm.options")
    Path gatewayJvmOptions;

    @Option(names = "--work", defaultValue = ".run/chaos", description = "logs, park files, the gateway's buffer; emptied first")
    Path work;

    @Option(names = "--only", split = ",", description = "run only these: ingest-kill, broker-restart, influxdb-outage, gateway-uplink-cut, broker-kill-backlog, broker-restart-mqtt311-acks")
    List<String> only = new ArrayList<>();

    @Option(names = "--broker-max-queued-messages", description = "Mosquitto's per-session queue limit (default: the test kit's, "
            + "1,000,000); a small one shows the suite catching the loss it causes")
    Long brokerMaxQueued;

    /** Written into the work directory, so only a directory the suite made is ever emptied. */
    private static final String MARKER = ".parkpulse-chaos-work";

    @Override
    public Integer call() throws Exception {
        ChaosPlan plan = ChaosPlan.named(form);
        prepareWork();
        MosquittoConfig broker = brokerMaxQueued == null ? MosquittoConfig.defaults()
                : MosquittoConfig.defaults().maxQueuedMessages(brokerMaxQueued);
        ChaosReport report;
        try {
            report = new ChaosSuite(plan, work, new Jars(ingestJar, ingestJvmOptions, gatewayJar, gatewayJvmOptions), only, broker).run(System.out::println);
        } catch (Exception e) {
            System.err.println("chaos: the suite could not run to the end (not a finding about ParkPulse's data): " + e);
            e.printStackTrace();
            return 2;
        }
        String markdown = report.markdown();
        Files.writeString(work.resolve("results.md"), markdown);
        System.out.println();
        System.out.println(markdown);
        System.out.println(report.passed() ? "chaos: every fault passed" : "chaos: FAILED: " + report.problems());
        return report.passed() ? 0 : 1;
    }

    /** Empties the work directory if the suite made it (its marker is there) and creates it with the marker. */
    private void prepareWork() throws java.io.IOException {
        if (Files.isDirectory(work)) {
            boolean ours = Files.exists(work.resolve(MARKER));
            try (var entries = Files.list(work)) {
                if (!ours && entries.findAny().isPresent()) {
                    throw new CommandLine.ParameterException(new CommandLine(this),
                            "--work " + work + " is not empty and was not made by the chaos suite: choose another directory");
                }
            }
            try (var paths = Files.walk(work)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(work);
        Files.writeString(work.resolve(MARKER), "made by parkpulse-chaos; emptied at its next run\n");
    }

    public static void main(String[] args) {
        int code = new CommandLine(new ChaosCommand()).execute(args);
        System.exit(code);
    }
}
