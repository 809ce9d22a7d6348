package org.eclipse.paho.mqttv5.client.wire;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A buffered socket stream for {@link MqttInputStream}: reads ahead up to 64 KiB per system call, and answers
 * {@link #available()} from the buffer while it holds bytes, without asking the socket (Paho's receive loop asks
 * before every packet).
 *
 * <p>A socket read timeout (Paho sets one, to look at its state now and then) leaves the buffer as it was, so no byte is
 * lost or read twice when Paho calls again.
 */
final class ReadAheadInputStream extends BufferedInputStream {

    static final int BUFFER_BYTES = 64 * 1024;

    ReadAheadInputStream(InputStream socket) {
        super(socket, BUFFER_BYTES);
    }

    @Override
    public synchronized int available() throws IOException {
        int buffered = count - pos;
        return buffered > 0 ? buffered : super.available();
    }
}
