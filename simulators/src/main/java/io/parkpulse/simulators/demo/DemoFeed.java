package io.parkpulse.simulators.demo;

import io.parkpulse.contract.Reading;
import io.parkpulse.contract.TelemetryMessage;
import io.parkpulse.park.Park;
import io.parkpulse.park.ParkFileReader;
import io.parkpulse.simulators.meter.SimulatedMeter;
import io.parkpulse.simulators.meter.SimulatedPark;
import io.parkpulse.simulators.mqtt.GatewayPublisher;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Feeds a park's meters to the broker in real time, one message per gateway per interval, the way
 * the park's gateways would: the live demo's data source.
 */
@Command(name = "demo-feed", mixinStandardHelpOptions = true,
        description = "Publish live readings for every meter of a park file, as its gateways would.")
public final class DemoFeed implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoFeed.class);

    @Option(names = "--broker", defaultValue = "${env:PARKPULSE_MQTT_URL:-tcp://127.0.0.1:1883}",
            description = "Broker URL (env PARKPULSE_MQTT_URL). Default: ${DEFAULT-VALUE}")
    String broker;

    @Option(names = "--park", defaultValue = "parks/demo-park.yaml", description = "Park file. Default: ${DEFAULT-VALUE}")
    Path parkFile;

    @Option(names = "--interval", defaultValue = "PT10S", converter = DurationConverter.class,
            description = "Time between readings of a meter, ISO-8601. Default: ${DEFAULT-VALUE}")
    Duration interval;

    @Option(names = "--seed", defaultValue = "2026", description = "Seed of the simulated meters. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--username", defaultValue = "${env:PARKPULSE_MQTT_USERNAME}", description = "Broker user (env PARKPULSE_MQTT_USERNAME)")
    String username;

    /** Read from the environment only, so it never shows in a process list. */
    private final String password = System.getenv("PARKPULSE_MQTT_PASSWORD");

    private final AtomicLong published = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    public static void main(String[] args) {
        System.exit(new CommandLine(new DemoFeed()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Park park = new ParkFileReader().read(parkFile);
        SimulatedPark simulated = new SimulatedPark(park, seed);
        List<GatewayPublisher> gateways = new ArrayList<>();
        for (String gateway : park.gateways().keySet()) {
            GatewayPublisher publisher = GatewayPublisher.connect(new GatewayPublisher.Settings(broker, park.id(), gateway, username, password));
            publisher.onReport(report -> {
                rejected.addAndGet(report.rejections().size() + report.omitted());
                LOG.warn("platform rejected from {}: {}", gateway, report.rejections());
            });
            gateways.add(publisher);
        }
        LOG.info("feeding park {} ({} meters on {} gateways) to {} every {} s", park.id(), park.meters().size(), gateways.size(),
                broker, interval.toSeconds());

        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch stopped = new CountDownLatch(1);
        long[] seq = new long[gateways.size()];
        timer.scheduleAtFixedRate(() -> {
            ZonedDateTime now = ZonedDateTime.now(park.timeZone());
            for (int g = 0; g < gateways.size(); g++) {
                GatewayPublisher gateway = gateways.get(g);
                List<Reading> readings = new ArrayList<>();
                for (SimulatedMeter meter : simulated.metersOf(gateway.settings().gateway())) {
                    readings.add(meter.read(now));
                }
                if (readings.isEmpty()) {
                    continue;
                }
                try {
                    gateway.publish(new TelemetryMessage(seq[g]++, readings));
                    published.addAndGet(readings.size());
                } catch (Exception e) {
                    LOG.warn("publishing for {} failed: {}", gateway.settings().gateway(), e.toString());
                }
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(() -> LOG.info("published {} readings so far, {} rejected", published.get(), rejected.get()),
                60, 60, TimeUnit.SECONDS);

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            timer.shutdownNow();
            for (GatewayPublisher gateway : gateways) {
                try {
                    gateway.close();
                } catch (Exception e) {
                    LOG.debug("close: {}", e.toString());
                }
            }
            stopped.countDown();
        }, "demo-feed-shutdown"));
        stopped.await();
        return 0;
    }

    /** Reads ISO-8601 durations such as PT10S. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration d = Duration.parse(value);
            if (d.isNegative() || d.isZero()) {
                throw new CommandLine.TypeConversionException("the interval must be positive, got " + value);
            }
            return d;
        }
    }
}
