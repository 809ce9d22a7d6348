/*******************************************************************************
 * Copyright (c) 2016 IBM Corp.
 *
 * All rights reserved. This program and the accompanying materials
 * are made available under the terms of the Eclipse Public License v2.0
 * and Eclipse Distribution License v1.0 which accompany this distribution.
 *
 * The Eclipse Public License is available at
 *    https://www.eclipse.org/legal/epl-2.0
 * and the Eclipse Distribution License is available at
 *   https://www.eclipse.org/org/documents/edl-v10.php
 *
 * Contributors:
 *    Dave Locke   - Original MQTTv3 implementation
 *    James Sutton - Initial MQTTv5 implementation
 *    ParkPulse    - bulk read(byte[], int, int) (this file replaces Paho 1.2.5's class of the same name)
 */
package org.eclipse.paho.mqttv5.common.packet.util;

import java.io.IOException;
import java.io.InputStream;

/**
 * Paho 1.2.5's byte-counting stream, with one change: bulk reads go to the wrapped stream in one call.
 *
 * <p>Why this copy exists: Paho's class implements only {@code read()}, so every {@code readFully} of
 * a PUBLISH packet falls back to {@link InputStream#read(byte[], int, int)}'s byte-at-a-time loop over
 * a {@code ByteArrayInputStream}, whose {@code read()} is {@code synchronized} — a lock per payload
 * byte, twice per message. Profiling ingest showed a quarter of its CPU there. The parkpulse-mqtt
 * module, which depends on Paho, comes before it on every class path and in every jar built with it,
 * so this class is the one Paho loads ({@code PahoPatchTest} checks). Remove it when Paho fixes the
 * class upstream.
 */
public class CountingInputStream extends InputStream {
    private final InputStream inputStream;
    private int counter;

    /**
     * Constructs a new {@code CountingInputStream} wrapping the supplied input stream.
     *
     * @param inputStream The inputStream to count and provide
     */
    public CountingInputStream(InputStream inputStream) {
        this.inputStream = inputStream;
        this.counter = 0;
    }

    @Override
    public int read() throws IOException {
        int i = inputStream.read();
        if (i != -1) {
            counter++;
        }
        return i;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = inputStream.read(b, off, len);
        if (n > 0) {
            counter += n;
        }
        return n;
    }

    /**
     * Returns the number of bytes read since last reset.
     *
     * @return the counter
     */
    public int getCounter() {
        return counter;
    }

    /** Resets the counter to zero. */
    public void resetCounter() {
        counter = 0;
    }
}
