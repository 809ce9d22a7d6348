package io.parkpulse.chaos;

import io.parkpulse.simulators.load.LoadPark;
import io.parkpulse.testkit.FreePorts;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.MosquittoConfig;
import io.parkpulse.testkit.MqttBroker;
import io.parkpulse.testkit.QueryResult;
import io.parkpulse.testkit.RealServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the faults hit: a real Mosquitto and InfluxDB (the test kit's, started from the installed binaries),
 * two ingest instances from the ingest jar on the shared subscription, the real gateway reading its emulated
 * meters, and a monitor of ingest's memory and writes. Started once; the scenarios run against it in turn.
 */
final class Stage implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Stage.class);
    static final String DB = "parkpulse";
    static final String LOAD_PARK = "chaos-load";
    /** Readings of the real gateway's meters in InfluxDB (each read is a distinct point). */
    static final String GATEWAY_READINGS = "SELECT count(energy_kwh) FROM electricity WHERE park = '" + GatewayRig.PARK + "'";
    private static final int QUERY_ATTEMPTS = 5;

    final ChaosPlan plan;
    final MqttBroker broker;
    final InfluxDb influx;
    final List<IngestInstance> ingests = new ArrayList<>();
    final GatewayRig gateway;
    final IngestMonitor monitor;
    final LoadPark loadPark;
    private final Path work;

    private Stage(ChaosPlan plan, Path work, Jars jars, MosquittoConfig brokerConfig) throws Exception {
        this.plan = plan;
        this.work = work;
        this.loadPark = new LoadPark(LOAD_PARK, plan.loadGateways(), plan.metersPerGateway());
        Path parks = Files.createDirectories(work.resolve("parks"));
        loadPark.writeTo(parks);
        Files.writeString(parks.resolve(GatewayRig.PARK + ".yaml"), GatewayRig.parkFile(plan.gatewayMeters()));
        broker = RealServices.mosquitto(brokerConfig);
        InfluxDb startedInflux = null;
        IngestMonitor startedMonitor = null;
        GatewayRig startedGateway = null;
        try {
            startedInflux = RealServices.influxDb();
            int[] ports = FreePorts.pick(3);
            for (int i = 0; i < 2; i++) {
                String name = "ingest-chaos-" + (i + 1);
                ingests.add(new IngestInstance(name, jars.ingest(), jars.ingestJvmOptions(), plan.ingestHeapMb(), ports[i], broker.url(), startedInflux.url(),
                        parks, work.resolve(name + ".log")));
            }
            for (IngestInstance ingest : ingests) {
                ingest.start();
            }
            startedMonitor = new IngestMonitor(ingests);
            startedGateway = new GatewayRig(work, broker.port(), jars.gateway(), jars.gatewayJvmOptions(), plan.gatewayMeters(),
                    plan.gatewayPoll(), plan.ackTimeout(), ports[2]);
            startedGateway.start();
        } catch (Exception | Error e) {
            // nothing may outlive a stage that did not come up
            closeAll(startedGateway, startedMonitor, ingests, broker, startedInflux);
            throw e;
        }
        influx = startedInflux;
        monitor = startedMonitor;
        gateway = startedGateway;
        LOG.info("stage up in {}: broker {}, InfluxDB {}, {} ingest instances, gateway {} with {} meters", work, broker.url(),
                influx.url(), ingests.size(), GatewayRig.GATEWAY, plan.gatewayMeters());
    }

    static Stage start(ChaosPlan plan, Path work, Jars jars, MosquittoConfig brokerConfig) throws Exception {
        Files.createDirectories(work);
        return new Stage(plan, work, jars, brokerConfig);
    }

    /** A fresh steady load whose device times start five minutes ago: recent (not late), apart from earlier loads. */
    SteadyLoad startLoad() throws Exception {
        return startLoad(SteadyLoad.Publishing.MQTT5_PUBACK);
    }

    /** As above, publishing as {@code publishing} says. */
    SteadyLoad startLoad(SteadyLoad.Publishing publishing) throws Exception {
        long base = System.currentTimeMillis() - 5 * 60_000;
        return new SteadyLoad(broker.url(), loadPark, base, plan.readingsPerSecond(), publishing, plan.ackTimeout());
    }

    /**
     * A count query's answer; retried a few times, since a busy InfluxDB may time out once.
     *
     * @throws IllegalStateException if InfluxDB did not answer it
     */
    long count(String query) throws InterruptedException {
        return retried(query, () -> influx.count(DB, query));
    }

    /**
     * A query's series, retried as {@link #count}.
     *
     * @throws IllegalStateException if InfluxDB did not answer it
     */
    QueryResult query(String query) throws InterruptedException {
        return retried(query, () -> influx.query(DB, query));
    }

    private static <T> T retried(String query, Supplier<T> ask) throws InterruptedException {
        RuntimeException last = null;
        for (int attempt = 0; attempt < QUERY_ATTEMPTS; attempt++) {
            try {
                return ask.get();
            } catch (RuntimeException e) {
                last = e;
                Thread.sleep(1_000);
            }
        }
        throw new IllegalStateException("InfluxDB did not answer " + query, last);
    }

    /** A count query's answer, -1 while InfluxDB does not answer (it may be the fault). */
    long countOrMinusOne(String query) {
        try {
            return influx.count(DB, query);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Gateway status points (of every gateway) ingest received between two instants. */
    long statusPointsBetween(long fromMs, long toMs) throws InterruptedException {
        return count("SELECT count(online) FROM gateway_status WHERE time >= " + fromMs + "ms AND time < " + toMs + "ms");
    }

    Path work() {
        return work;
    }

    @Override
    public void close() {
        closeAll(gateway, monitor, ingests, broker, influx);
    }

    private static void closeAll(GatewayRig gateway, IngestMonitor monitor, List<IngestInstance> ingests, MqttBroker broker,
                                 InfluxDb influx) {
        closeQuietly(gateway);
        closeQuietly(monitor);
        ingests.forEach(Stage::closeQuietly);
        closeQuietly(broker);
        closeQuietly(influx);
    }

    private static void closeQuietly(AutoCloseable part) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            LOG.warn("closing {}: {}", part, e.toString());
        }
    }
}
