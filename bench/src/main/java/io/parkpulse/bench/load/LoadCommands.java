package io.parkpulse.bench.load;

import io.parkpulse.simulators.load.LoadParkOptions;
import io.parkpulse.storage.InfluxConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Command lines of the load benchmark: a load run and the InfluxDB baseline (the load park is the simulators' {@code load-park}). */
public final class LoadCommands {

    private LoadCommands() {
    }

    /** Where the pipeline under load runs: its broker and the InfluxDB database ingest writes to. */
    public static final class PipelineEndpoints {
        @Option(names = "--broker", defaultValue = "${env:PARKPULSE_MQTT_URL:-tcp://127.0.0.1:1883}", description = "Broker URL. Default: ${DEFAULT-VALUE}")
        String broker;

        @Option(names = "--influx", defaultValue = "${env:PARKPULSE_INFLUX_URL:-http://127.0.0.1:8086}", description = "InfluxDB URL. Default: ${DEFAULT-VALUE}")
        URI influx;

        @Option(names = "--database", defaultValue = "parkpulse", description = "Database ingest writes to. Default: ${DEFAULT-VALUE}")
        String database;
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Publish load as simulated gateways, then measure what ingest stored and how fast.")
    public static final class Run implements Callable<Integer> {
        @Mixin
        LoadParkOptions shape;

        @Mixin
        PipelineEndpoints pipeline;

        @Option(names = "--readings-per-message", defaultValue = "50", description = "Default: ${DEFAULT-VALUE}")
        int readingsPerMessage;

        @Option(names = "--rate", defaultValue = "0", description = "Target readings/s in all; 0 = as fast as acknowledgements allow. Default: ${DEFAULT-VALUE}")
        double rate;

        @Option(names = "--qos", defaultValue = "1", description = "MQTT QoS (0 or 1). Default: ${DEFAULT-VALUE}")
        int qos;

        @Option(names = "--duration", defaultValue = "PT60S", description = "How long to publish (ISO-8601). Default: ${DEFAULT-VALUE}")
        Duration duration;

        @Option(names = "--threads", defaultValue = "2", description = "Publishing threads. Default: ${DEFAULT-VALUE}")
        int threads;

        @Option(names = "--ingest-metrics", description = "Ingest's /metrics URL, to follow its progress and heap")
        URI ingestMetrics;

        @Option(names = "--ingest-pid", description = "Ingest's process id, for its resident memory")
        Long ingestPid;

        @Option(names = "--probe-every", defaultValue = "PT0.1S", description = "Latency probe interval. Default: ${DEFAULT-VALUE}")
        Duration probeEvery;

        @Option(names = "--end-to-end-acks", description = "Count a reading as published only when ingest acknowledges its message "
                + "end to end (stored; dp/v1/{park}/{gateway}/ack, issue 17), resending after 30 s doubling to 5 min; needs --qos 1 "
                + "and an ingest that publishes acks")
        boolean endToEndAcks;

        @Option(names = "--label", defaultValue = "load", description = "Name of this run in the report")
        String label;

        @Option(names = "--json", description = "Also write the report as JSON to this file")
        Path json;

        @Override
        public Integer call() throws Exception {
            if (qos != 0 && qos != 1) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--qos must be 0 or 1");
            }
            if (endToEndAcks && qos != 1) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--end-to-end-acks needs --qos 1");
            }
            LoadReport report = new LoadRun(new LoadRun.Settings(label, pipeline.broker, System.getenv("PARKPULSE_MQTT_USERNAME"),
                    System.getenv("PARKPULSE_MQTT_PASSWORD"), shape.park(), readingsPerMessage, qos, rate, duration, threads, pipeline.influx,
                    pipeline.database, ingestMetrics, ingestPid, probeEvery).withAcks(io.parkpulse.simulators.run.MqttSink.Acks.of(endToEndAcks)))
                    .run();
            System.out.print(report.table());
            if (json != null) {
                Files.writeString(json, report.json().encodePrettily());
            }
            return report.lost() == 0 && report.failed() == 0 ? 0 : 3;
        }
    }

    @Command(name = "influx-baseline", mixinStandardHelpOptions = true,
            description = "Write the load park's points straight to InfluxDB as fast as it takes them.")
    public static final class Baseline implements Callable<Integer> {
        @Mixin
        LoadParkOptions shape;

        @Option(names = "--influx", defaultValue = "${env:PARKPULSE_INFLUX_URL:-http://127.0.0.1:8086}", description = "InfluxDB URL. Default: ${DEFAULT-VALUE}")
        String influx;

        @Option(names = "--database", defaultValue = "baseline", description = "Database to write into. Default: ${DEFAULT-VALUE}")
        String database;

        @Option(names = "--points", defaultValue = "2000000", description = "Points to write. Default: ${DEFAULT-VALUE}")
        long points;

        @Option(names = "--batch", defaultValue = "5000", description = "Points per write, as ingest batches. Default: ${DEFAULT-VALUE}")
        int batch;

        @Option(names = "--concurrency", defaultValue = "2", description = "Writes in flight, as ingest. Default: ${DEFAULT-VALUE}")
        int concurrency;

        @Option(names = "--json", description = "Also write the figures as JSON to this file")
        Path json;

        @Override
        public Integer call() throws Exception {
            InfluxBaseline.Report report = new InfluxBaseline(shape.park(), InfluxConfig.of(influx, database)
                    .withCredentials(System.getenv("PARKPULSE_INFLUX_USERNAME"), System.getenv("PARKPULSE_INFLUX_PASSWORD")),
                    batch, concurrency).run(points);
            System.out.print(report.table());
            if (json != null) {
                Files.writeString(json, report.json().encodePrettily());
            }
            return 0;
        }
    }
}
