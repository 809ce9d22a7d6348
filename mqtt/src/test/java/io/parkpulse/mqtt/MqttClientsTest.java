package io.parkpulse.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.Socket;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
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

    @Test
    void aFailureBelowMqttIsDescribedByItsCausesEachOnce() {
        String pkix = "unable to find valid certification path to requested target";
        Exception validator = new Exception("PKIX path building failed: SunCertPathBuilderException: " + pkix,
                new Exception(pkix));
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed: SunCertPathBuilderException: "
                + pkix);
        handshake.initCause(validator);

        assertThat(MqttClients.describe(new MqttException(handshake)))
                .isEqualTo("SSLHandshakeException: PKIX path building failed: SunCertPathBuilderException: " + pkix);
    }

    @Test
    void anMqttRefusalKeepsPahosTextAndGetsItsCause() {
        assertThat(MqttClients.describe(new MqttException(0x87))).isEqualTo("Not authorized.");
        assertThat(MqttClients.describe(new MqttException(MqttClientException.REASON_CODE_SERVER_CONNECT_ERROR,
                new ConnectException("Connection refused"))))
                .isEqualTo("Unable to connect to server; ConnectException: Connection refused");
    }
}
