package io.parkpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.paho.mqttv5.common.packet.util.CountingInputStream;
import org.junit.jupiter.api.Test;

/** On ingest's class path too, Paho gets parkpulse-mqtt's fixed CountingInputStream, not its own. */
class PahoPatchOnClassPathTest {

    @Test
    void theFixedClassComesFirst() throws NoSuchMethodException {
        assertThat(CountingInputStream.class.getDeclaredMethod("read", byte[].class, int.class, int.class)).isNotNull();
    }
}
