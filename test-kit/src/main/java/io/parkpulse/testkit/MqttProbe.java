package io.parkpulse.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Readiness check for a broker: sends an MQTT 3.1.1 CONNECT and waits for a CONNACK. An accepted TCP
 * connection alone is not enough, because Docker's port proxy accepts connections before the broker
 * in the container listens. Any CONNACK counts, even a refusal: a broker configured with
 * {@code allow_anonymous false} is still ready.
 */
final class MqttProbe {

    private static final int CONNECT_TIMEOUT_MILLIS = 500;
    private static final int READ_TIMEOUT_MILLIS = 500;
    private static final int CONNACK = 0x20;

    /** CONNECT, protocol "MQTT" level 4, clean session, keep-alive 10 s, empty client id. */
    private static final byte[] CONNECT = {
        0x10, 12, 0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 10, 0, 0
    };
    private static final byte[] DISCONNECT = {(byte) 0xE0, 0};

    private MqttProbe() {
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(CONNECT);
            out.flush();
            InputStream in = socket.getInputStream();
            if (in.read() != CONNACK) {
                return false;
            }
            out.write(DISCONNECT);
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
