package io.parkpulse.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Mosquitto run from a local binary as a child process, listening on {@code 127.0.0.1} and keeping its
 * config, database and log in {@code <java.io.tmpdir>/parkpulse-mosquitto-*}.
 *
 * <p>Thread-safe: lifecycle methods are serialised.
 */
public final class LocalMosquitto extends ManagedServer implements MqttBroker {

    static final String HOST = "127.0.0.1";

    private final LocalServer server;
    private final List<String> listenerNames;

    private LocalMosquitto(LocalServer server, List<String> listenerNames) {
        super(server);
        this.server = server;
        this.listenerNames = listenerNames;
    }

    /**
     * Starts {@code binary} with {@code config} on a free port and returns once it answers MQTT.
     *
     * @throws IllegalStateException if it does not start; the message holds the command and the log's tail
     */
    public static LocalMosquitto launch(Path binary, MosquittoConfig config) {
        List<String> listeners = config.listenerNames();
        return new LocalMosquitto(LocalServer.launch("mosquitto", 1 + listeners.size(), new Recipe(binary, config)),
                listeners);
    }

    @Override
    public String host() {
        return HOST;
    }

    @Override
    public int port() {
        return server.ports()[0];
    }

    /** The further listeners' ports follow the default listener's, in the config's order. */
    @Override
    public int port(String name) {
        int index = listenerNames.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no listener \"" + name + "\" in this broker's config; it has "
                    + listenerNames);
        }
        return server.ports()[1 + index];
    }

    /** Holds {@code mosquitto.conf}, {@code mosquitto.db}, the log and files from {@link MosquittoConfig#withFile}. */
    public Path directory() {
        return server.directory();
    }


    @Override
    public String toString() {
        return "LocalMosquitto[" + url() + ", " + directory() + "]";
    }

    private static final class Recipe implements LocalServer.Recipe {

        private final Path binary;
        private final MosquittoConfig config;

        Recipe(Path binary, MosquittoConfig config) {
            this.binary = binary;
            this.config = config;
        }

        @Override
        public List<String> prepare(Path dir, int[] ports) throws IOException {
            String dirName = dir.toString();
            for (Map.Entry<String, String> file : config.renderFiles(dirName).entrySet()) {
                Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            // Run as root, Mosquitto drops to user "mosquitto", who cannot write our directory; as any
            // other user the line has no effect.
            String user = System.getProperty("user.name");
            Path conf = dir.resolve("mosquitto.conf");
            int[] listenerPorts = Arrays.copyOfRange(ports, 1, ports.length);
            Files.writeString(conf, config.render(HOST, ports[0], listenerPorts, dirName, user), StandardCharsets.UTF_8);
            return List.of(binary.toString(), "-c", conf.toString());
        }

        @Override
        public boolean isReady(int[] ports) {
            return MqttProbe.answers(HOST, ports[0]);
        }

        @Override
        public String url(int[] ports) {
            return "tcp://" + HOST + ":" + ports[0];
        }
    }
}
