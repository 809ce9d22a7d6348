package io.parkpulse.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import org.junit.jupiter.api.Test;

class MqttClientsTest {

    @Test
    void plainTcpConnectionsTurnNaglesAlgorithmOff() throws Exception {
        assertThat(MqttClients.options("tcp://broker:1883").getSocketFactory()).isInstanceOf(NoDelaySocketFactory.class);
        try (Socket socket = new NoDelaySocketFactory().createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void tlsConnectionsKeepPahosSslSocketFactory() {
        assertThat(MqttClients.options("ssl://broker:8883").getSocketFactory()).isNull();
    }
}
