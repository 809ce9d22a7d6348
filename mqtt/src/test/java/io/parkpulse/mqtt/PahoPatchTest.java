package io.parkpulse.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.client.internal.MqttState;
import org.eclipse.paho.mqttv5.client.wire.MqttInputStream;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.MqttPublish;
import org.eclipse.paho.mqttv5.common.packet.MqttWireMessage;
import org.eclipse.paho.mqttv5.common.packet.util.CountingInputStream;
import org.junit.jupiter.api.Test;

/** The patched Paho classes are the ones loaded; CountingInputStream reads in bulk and counts as Paho's did; MqttInputStream reads packets through a buffer. */
class PahoPatchTest {

    @Test
    void theIngestCopiesShadowPahos() {
        for (Class<?> patched : List.of(CountingInputStream.class, MqttInputStream.class)) {
            String location = patched.getProtectionDomain().getCodeSource().getLocation().toString();
            assertThat(location).as(patched.getSimpleName() + " loaded from").doesNotContain("org.eclipse.paho.mqttv5.client");
        }
    }

    /** A socket stream as the kernel serves it: at most what it holds, counted per call. */
    static final class CountedSocket extends InputStream {
        final byte[] bytes;
        int position;
        int calls;

        CountedSocket(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            calls++;
            return position < bytes.length ? bytes[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            calls++;
            if (position >= bytes.length) {
                return -1;
            }
            int n = Math.min(len, bytes.length - position);
            System.arraycopy(bytes, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            calls++;
            return bytes.length - position;
        }
    }

    @Test
    void packetsAreReadThroughABufferAndArriveIntact() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        int packets = 200;
        for (int i = 0; i < packets; i++) {
            MqttPublish publish = new MqttPublish("dp/v1/park/gw/telemetry", new MqttMessage(("{\"seq\":" + i + "}").getBytes(StandardCharsets.UTF_8)),
                    new MqttProperties());
            publish.setMessageId(i + 1);
            publish.getMessage().setQos(1);
            wire.write(publish.getHeader());
            wire.write(publish.getPayload());
        }
        CountedSocket socket = new CountedSocket(wire.toByteArray());
        AtomicInteger counted = new AtomicInteger();
        MqttInputStream in = new MqttInputStream(countingState(counted), socket, "test");

        for (int i = 0; i < packets; i++) {
            assertThat(in.available()).as("bytes ready before packet " + i).isPositive();
            MqttWireMessage message = in.readMqttWireMessage();
            assertThat(message).isInstanceOf(MqttPublish.class);
            assertThat(new String(((MqttPublish) message).getMessage().getPayload(), StandardCharsets.UTF_8)).isEqualTo("{\"seq\":" + i + "}");
            assertThat(message.getMessageId()).isEqualTo(i + 1);
        }
        // as Paho 1.2.5 counts: the type byte and the rest of the packet, not the remaining-length byte(s) (one here)
        assertThat(counted.get()).as("bytes Paho was told it received").isEqualTo(wire.size() - packets);
        // unbuffered, each packet took an available() call, a read per header byte and one for the body: over 800 calls
        assertThat(socket.calls).as("calls into the socket for %d packets", packets).isLessThanOrEqualTo(4);
    }

    /** The client state MqttInputStream reports to: only the received-byte count matters here. */
    static MqttState countingState(AtomicInteger receivedBytes) {
        return (MqttState) Proxy.newProxyInstance(MqttState.class.getClassLoader(), new Class<?>[] {MqttState.class}, (proxy, method, args) -> {
            if (method.getName().equals("notifyReceivedBytes")) {
                receivedBytes.addAndGet((Integer) args[0]);
            }
            return null;
        });
    }

    @Test
    void readsInBulkAndCountsEveryByte() throws Exception {
        byte[] packet = new byte[5000];
        for (int i = 0; i < packet.length; i++) {
            packet[i] = (byte) i;
        }
        AtomicInteger singleByteReads = new AtomicInteger();
        InputStream source = new ByteArrayInputStream(packet) {
            @Override
            public synchronized int read() {
                singleByteReads.incrementAndGet();
                return super.read();
            }
        };
        CountingInputStream counting = new CountingInputStream(source);
        DataInputStream in = new DataInputStream(counting);
        int first = in.readUnsignedShort();
        byte[] rest = new byte[packet.length - 2];
        in.readFully(rest);

        assertThat(first).isEqualTo(1);
        assertThat(rest[rest.length - 1]).isEqualTo(packet[packet.length - 1]);
        assertThat(counting.getCounter()).isEqualTo(packet.length);
        assertThat(singleByteReads.get()).as("single-byte reads").isLessThanOrEqualTo(2);
        counting.resetCounter();
        assertThat(counting.getCounter()).isZero();
    }
}
