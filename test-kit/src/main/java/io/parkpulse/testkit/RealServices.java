package io.parkpulse.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.testcontainers.DockerClientFactory;

/**
 * Entry point: starts a real Mosquitto or InfluxDB 1.x for a test. Prefers a local binary (fast, no
 * Docker needed), falls back to Testcontainers where a Docker engine is reachable, and otherwise fails
 * with a message that says what to install.
 *
 * <p>Every call starts a new, independent server; the caller closes it (try-with-resources, or let
 * {@link RealServicesExtension} do it). Thread-safe.
 */
public final class RealServices {

    private RealServices() {
    }

    /** A broker with {@link MosquittoConfig#defaults()}. */
    public static MqttBroker mosquitto() {
        return mosquitto(MosquittoConfig.defaults());
    }

    public static MqttBroker mosquitto(MosquittoConfig config) {
        return mosquitto(config, BinaryLocator.system(), RealServices::dockerAvailable);
    }

    public static InfluxDb influxDb() {
        return influxDb(BinaryLocator.system(), RealServices::dockerAvailable);
    }

    static MqttBroker mosquitto(MosquittoConfig config, BinaryLocator locator, BooleanSupplier docker) {
        Optional<Path> binary = locator.find(BinaryLocator.Binary.MOSQUITTO);
        if (binary.isPresent()) {
            return LocalMosquitto.launch(binary.get(), config);
        }
        if (docker.getAsBoolean()) {
            return ContainerMosquitto.launch(config);
        }
        throw new IllegalStateException(nothingInstalled(locator));
    }

    static InfluxDb influxDb(BinaryLocator locator, BooleanSupplier docker) {
        Optional<Path> binary = locator.find(BinaryLocator.Binary.INFLUXD);
        if (binary.isPresent()) {
            return LocalInfluxDb.launch(binary.get());
        }
        if (docker.getAsBoolean()) {
            return ContainerInfluxDb.launch();
        }
        throw new IllegalStateException(nothingInstalled(locator));
    }

    /** Names every missing binary, not only the one asked for, so one install fixes the whole suite. */
    static String nothingInstalled(BinaryLocator locator) {
        List<String> missing = new ArrayList<>();
        for (BinaryLocator.Binary binary : BinaryLocator.Binary.values()) {
            if (locator.find(binary).isEmpty()) {
                missing.add(binary.command + " (looked at " + binary.searched() + "; Debian package "
                        + binary.debianPackage + ")");
            }
        }
        return "Integration tests need a real Mosquitto and InfluxDB 1.x, and no Docker engine is reachable. "
                + "Missing: " + String.join(", ", missing) + ". "
                + "Install them: sudo apt-get install -y mosquitto influxdb (Debian/Ubuntu) "
                + "— or run a Docker engine so Testcontainers can start " + ContainerMosquitto.IMAGE + " and "
                + ContainerInfluxDb.IMAGE + ".";
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
