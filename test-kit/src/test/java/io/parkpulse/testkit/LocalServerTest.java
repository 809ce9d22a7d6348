package io.parkpulse.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

/** The start/retry/failure paths of {@link LocalServer}, driven with a real mosquitto. */
class LocalServerTest {

    private static final Path MOSQUITTO = BinaryLocator.system().find(BinaryLocator.Binary.MOSQUITTO).orElseThrow();

    @Test
    void firstStartRetriesOnFreshPortsWhenTheChildDiesDuringStartup() {
        List<Integer> portsTried = new CopyOnWriteArrayList<>();
        LocalServer.Recipe failsOnce = new MosquittoRecipe() {
            @Override
            public List<String> prepare(Path dir, int[] ports) throws IOException {
                portsTried.add(ports[0]);
                List<String> real = super.prepare(dir, ports);
                // what a lost race for the port looks like: the child reports it and exits at once
                return portsTried.size() == 1 ? List.of("/bin/sh", "-c", "echo 'Error: Address already in use'; exit 1") : real;
            }
        };

        LocalServer server = LocalServer.launch("mosquitto", 1, failsOnce);
        try {
            assertThat(server.isRunning()).isTrue();
            assertThat(portsTried).hasSize(2);
            assertThat(portsTried.get(1)).isNotEqualTo(portsTried.get(0)).isEqualTo(server.ports()[0]);
            assertThat(server.logTail(40)).contains("Address already in use").contains("mosquitto version");
        } finally {
            server.close();
        }
    }

    @Test
    void restartOnAPortSomeoneElseTookFailsWithTheLogTail() throws IOException {
        try (MqttBroker broker = RealServices.mosquitto()) {
            broker.stop();
            try (ServerSocket squatter = new ServerSocket(broker.port(), 1, InetAddress.getByName(broker.host()))) {
                assertThat(squatter.isBound()).isTrue();
                assertThatThrownBy(broker::start)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("mosquitto exited with code 1 during startup (attempt 3 of 3)")
                        .hasMessageContaining("Address already in use");
            }
            broker.start(); // the port is free again
            assertThat(broker.isRunning()).isTrue();
        }
    }

    /** A minimal mosquitto recipe, independent of {@link LocalMosquitto}'s private one. */
    private static class MosquittoRecipe implements LocalServer.Recipe {

        @Override
        public List<String> prepare(Path dir, int[] ports) throws IOException {
            Path conf = dir.resolve("mosquitto.conf");
            Files.writeString(conf, MosquittoConfig.defaults()
                    .render("127.0.0.1", ports[0], dir.toString(), System.getProperty("user.name")));
            return List.of(MOSQUITTO.toString(), "-c", conf.toString());
        }

        @Override
        public boolean isReady(int[] ports) {
            return MqttProbe.answers("127.0.0.1", ports[0]);
        }

        @Override
        public String url(int[] ports) {
            return "tcp://127.0.0.1:" + ports[0];
        }
    }
}
