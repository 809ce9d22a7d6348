package io.parkpulse.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.common.packet.util.CountingInputStream;
import org.junit.jupiter.api.Test;

/** The patched Paho class is the one loaded, reads in bulk, and counts exactly as Paho's did. */
class PahoPatchTest {

    @Test
    void theIngestCopyShadowsPahos() {
        String location = CountingInputStream.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertThat(location).as("CountingInputStream loaded from").doesNotContain("org.eclipse.paho.mqttv5.client");
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
