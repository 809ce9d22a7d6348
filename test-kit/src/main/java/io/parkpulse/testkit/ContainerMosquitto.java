package io.parkpulse.testkit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

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
    private final Map<String, Integer> listenerPorts;

    private ContainerMosquitto(ContainerControl control, int port, Map<String, Integer> listenerPorts) {
        super(control);
        this.control = control;
        this.port = port;
        this.listenerPorts = listenerPorts;
    }

    /** Starts a container with {@code config}; the first call may pull the image. */
    public static ContainerMosquitto launch(MosquittoConfig config) {
        List<String> listeners = config.listenerNames();
        int[] hostPorts = FreePorts.pick(1 + listeners.size());
        int hostPort = hostPorts[0];
        // inside the container the further listeners take the ports after 1883; each is published like the default
        int[] containerPorts = IntStream.range(0, listeners.size()).map(i -> MQTT_PORT + 1 + i).toArray();
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(IMAGE))
                // user: null keeps the image's default, which drops root to "mosquitto" (owner of /mosquitto)
                .withCopyToContainer(Transferable.of(config.render("0.0.0.0", MQTT_PORT, containerPorts, DATA_DIR, null)),
                        "/mosquitto/config/mosquitto.conf")
                .waitingFor(Wait.forLogMessage("(?s).*mosquitto version .* running.*", 1))
                .withStartupTimeout(Duration.ofMinutes(2));
        config.renderFiles(DATA_DIR).forEach((name, content) ->
                container.withCopyToContainer(Transferable.of(content), DATA_DIR + "/" + name));
        Map<Integer, Integer> published = new LinkedHashMap<>();
        published.put(MQTT_PORT, hostPort);
        Map<String, Integer> listenerPorts = new LinkedHashMap<>();
        for (int i = 0; i < listeners.size(); i++) {
            published.put(containerPorts[i], hostPorts[1 + i]);
            listenerPorts.put(listeners.get(i), hostPorts[1 + i]);
        }
        ContainerControl.publishOnFixedPorts(container, published);
        ContainerControl control = ContainerControl.start(container, () -> MqttProbe.answers(container.getHost(), hostPort));
        ContainerMosquitto broker = new ContainerMosquitto(control, hostPort, Map.copyOf(listenerPorts));
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
    public int port(String name) {
        Integer listenerPort = listenerPorts.get(name);
        if (listenerPort == null) {
            throw new IllegalArgumentException("no listener \"" + name + "\" in this broker's config; it has "
                    + listenerPorts.keySet());
        }
        return listenerPort;
    }

    @Override
    public String toString() {
        return "ContainerMosquitto[" + url() + "]";
    }
}
