package io.parkpulse.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * Stop, kill and start for a Testcontainers container without losing it. {@code GenericContainer.stop()}
 * removes the container and its volumes, so restarts go through the Docker API on the same container:
 * its data volume and its fixed host port survive. Only {@link #close()} removes it.
 *
 * <p>Thread-safety: every method is synchronized.
 */
final class ContainerControl implements ServerControl {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerControl.class);
    private static final int STOP_GRACE_SECONDS = 10;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private final GenericContainer<?> container;
    private final BooleanSupplier ready;
    private boolean closed;

    private ContainerControl(GenericContainer<?> container, BooleanSupplier ready) {
        this.container = container;
        this.ready = ready;
    }

    /**
     * Publishes {@code containerPort} on {@code hostPort}, chosen up front, so the URL stays the same when
     * the container is restarted (a random mapping would change on every start). Loopback only where the
     * Docker host is this machine, so an anonymous test broker is not exposed to the network.
     */
    static void publishOnFixedPort(GenericContainer<?> container, int containerPort, int hostPort) {
        publishOnFixedPorts(container, Map.of(containerPort, hostPort));
    }

    /** {@link #publishOnFixedPort} for several ports at once: container port to host port. */
    static void publishOnFixedPorts(GenericContainer<?> container, Map<Integer, Integer> hostPortByContainerPort) {
        String dockerHost = DockerClientFactory.instance().dockerHostIpAddress();
        boolean local = dockerHost.equals("localhost") || dockerHost.startsWith("127.");
        List<PortBinding> bindings = new ArrayList<>();
        hostPortByContainerPort.forEach((containerPort, hostPort) -> bindings.add(new PortBinding(
                local ? Ports.Binding.bindIpAndPort("127.0.0.1", hostPort) : Ports.Binding.bindPort(hostPort),
                ExposedPort.tcp(containerPort))));
        container.withExposedPorts(hostPortByContainerPort.keySet().toArray(Integer[]::new));
        // runs after Testcontainers' own configuration, so this replaces its random bindings
        container.withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(bindings));
    }

    /** Starts the container (pulling the image if needed) and wraps it; removes it if it does not come up. */
    static ContainerControl start(GenericContainer<?> container, BooleanSupplier ready) {
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw e;
        }
        return new ContainerControl(container, ready);
    }

    String host() {
        return container.getHost();
    }

    /** {@code docker stop}: SIGTERM, then SIGKILL after 10 s. Idempotent. */
    @Override
    public synchronized void stop() {
        if (isRunning()) {
            client().stopContainerCmd(container.getContainerId()).withTimeout(STOP_GRACE_SECONDS).exec();
        }
    }

    /** {@code docker kill}: SIGKILL. Idempotent. */
    @Override
    public synchronized void kill() {
        if (isRunning()) {
            client().killContainerCmd(container.getContainerId()).exec();
        }
    }

    /** {@code docker start} on the same container, then waits until {@code ready} holds. No-op if running. */
    @Override
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException(container.getDockerImageName() + " was closed; it cannot be started again");
        }
        if (isRunning()) {
            return;
        }
        client().startContainerCmd(container.getContainerId()).exec();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!ready.getAsBoolean()) {
            if (!isRunning() || System.nanoTime() > deadline) {
                throw new IllegalStateException(container.getDockerImageName() + " did not restart.\nLast lines of its log:\n"
                        + logTail(40));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while restarting " + container.getDockerImageName(), e);
            }
        }
        LOG.info("{} restarted (container {})", container.getDockerImageName(), container.getContainerId());
    }

    @Override
    public synchronized boolean isRunning() {
        return !closed && container.isRunning();
    }

    @Override
    public String logTail(int maxLines) {
        String[] lines = container.getLogs().split("\r?\n");
        int from = Math.max(0, lines.length - maxLines);
        return String.join("\n", Arrays.copyOfRange(lines, from, lines.length));
    }

    /** Removes the container and its volumes. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            container.stop();
        }
    }

    private DockerClient client() {
        return container.getDockerClient();
    }
}
