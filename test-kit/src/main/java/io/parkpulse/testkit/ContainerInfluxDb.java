package io.parkpulse.testkit;

import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * InfluxDB 1.x in a Docker container ({@value #IMAGE}), for machines without a local {@code influxd}.
 * Configured through {@code INFLUXDB_*} variables like {@link LocalInfluxDb}'s config file.
 *
 * <p>Thread-safe: lifecycle methods are serialised; the HTTP helpers may be called concurrently.
 */
public final class ContainerInfluxDb extends ManagedInfluxDb {

    public static final String IMAGE = "influxdb:1.8.10";

    private static final Logger LOG = LoggerFactory.getLogger(ContainerInfluxDb.class);
    private static final int HTTP_PORT = 8086;
    private static final Map<String, String> SETTINGS = Map.of(
            "INFLUXDB_REPORTING_DISABLED", "true",
            "INFLUXDB_DATA_QUERY_LOG_ENABLED", "false",
            "INFLUXDB_HTTP_LOG_ENABLED", "false",
            "INFLUXDB_MONITOR_STORE_ENABLED", "false",
            "INFLUXDB_SUBSCRIBER_ENABLED", "false",
            "INFLUXDB_CONTINUOUS_QUERIES_ENABLED", "false",
            "INFLUXDB_LOGGING_LEVEL", "warn");

    private ContainerInfluxDb(ContainerControl control, String url) {
        super(control, url);
    }

    /** Starts a container; the first call may pull the image. */
    public static ContainerInfluxDb launch() {
        int hostPort = FreePorts.pick(1)[0];
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withEnv(SETTINGS)
                .waitingFor(Wait.forHttp("/ping").forPort(HTTP_PORT).forStatusCode(204))
                .withStartupTimeout(Duration.ofMinutes(2));
        ContainerControl.publishOnFixedPort(container, HTTP_PORT, hostPort);
        String url = "http://" + container.getHost() + ":" + hostPort; // the Docker host, known before start
        ContainerControl control = ContainerControl.start(container, () -> InfluxHttp.ping(url));
        LOG.info("influxdb ready at {} (container {}, data in its /var/lib/influxdb volume)", url,
                container.getContainerId());
        return new ContainerInfluxDb(control, url);
    }












    @Override
    public String toString() {
        return "ContainerInfluxDb[" + url() + "]";
    }
}
