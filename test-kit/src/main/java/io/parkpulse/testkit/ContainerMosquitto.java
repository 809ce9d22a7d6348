package io.parkpulse.testkit;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * Mosquitto in a Docker container ({@value #IMAGE}), for machines without a local binary. Same config
 * as {@link LocalMosquitto}; {@code ${dir}} is {@code /mosquitto/data}, the image's data volume.
 *
 * <p>Thread-safe: lifecycle methods are serialised.
 */
public final class ContainerMosquitto extends ManagedServer implements MqttBroker {

    public static final String IMAGE = "eclipse-mosquitto:2.0.18";

    private static final Logger LOG = LoggerFactory.getLogger(ContainerMosquitto.class);
    private static final int MQTT_PORT = 1883;
    private static final String DATA_DIR = "/mosquitto/data";

    private final ContainerControl control;
    private final int port;

    private ContainerMosquitto(ContainerControl control, int port) {
        super(control);
        this.control = control;
        this.port = port;
    }

    /** Starts a container with {@code config}; the first call may pull the image. */
    public static ContainerMosquitto launch(MosquittoConfig config) {
        int hostPort = FreePorts.pick(1)[0];
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(IMAGE))
                // user: null keeps the image's default, which drops root to "mosquitto" (owner of /mosquitto)
                .withCopyToContainer(Transferable.of(config.render("0.0.0.0", MQTT_PORT, DATA_DIR, null)),
                        "/mosquitto/config/mosquitto.conf")
                .waitingFor(Wait.forLogMessage("(?s).*mosquitto version .* running.*", 1))
                .withStartupTimeout(Duration.ofMinutes(2));
        config.renderFiles(DATA_DIR).forEach((name, content) ->
                container.withCopyToContainer(Transferable.of(content), DATA_DIR + "/" + name));
        ContainerControl.publishOnFixedPort(container, MQTT_PORT, hostPort);
        ContainerControl control = ContainerControl.start(container, () -> MqttProbe.answers(container.getHost(), hostPort));
        ContainerMosquitto broker = new ContainerMosquitto(control, hostPort);
        LOG.info("mosquitto ready at {} (container {}, data dir {} in the container)", broker.url(),
                container.getContainerId(), DATA_DIR);
        return broker;
    }

    @Override
    public String host() {
        return control.host();
    }

    @Override
    public int port() {
        return port;
    }







    @Override
    public String toString() {
        return "ContainerMosquitto[" + url() + "]";
    }
}
