package io.parkpulse.gateway.southbound.serial;

import io.parkpulse.gateway.config.Endpoint;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Request and reply over the blocking TCP connection to a serial-to-TCP converter, the part the DL/T 645 and CJ/T 188
 * readers share. Connects lazily; after an {@link IOException} the connection is dropped and the next
 * {@link #ask} connects again. Protocol knowledge stays in the {@link ReplyScanner}.
 *
 * <p>Not thread-safe: one bus is asked one question at a time (see {@code DeviceReader}).
 */
final class FrameExchange implements AutoCloseable {

    /** Looks for the awaited reply in the bytes of one exchange; a new scanner per request. */
    interface ReplyScanner<T> {
        /** Takes the next received bytes; returns the reply once it is complete, else {@code null}. */
        T scan(byte[] bytes, int length);
    }

    private final Endpoint endpoint;
    private final Duration timeout;
    private final byte[] buffer = new byte[1024];
    private Socket socket;

    FrameExchange(Endpoint endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    Endpoint endpoint() {
        return endpoint;
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * Sends {@code request} and feeds what arrives to {@code scanner} until it finds the reply.
     *
     * @return the reply, or {@code null} when none came within the timeout
     * @throws IOException when the converter cannot be reached or closes the connection; the connection is dropped
     */
    <T> T ask(byte[] request, ReplyScanner<T> scanner) throws IOException {
        // converters close idle clients: a connection kept since the last cycle that turns out closed is
        // replaced once before the converter counts as unreachable
        boolean keptOpen = socket != null;
        try {
            return askOnce(request, scanner);
        } catch (IOException e) {
            if (!keptOpen) {
                throw e;
            }
            return askOnce(request, scanner);
        }
    }

    private <T> T askOnce(byte[] request, ReplyScanner<T> scanner) throws IOException {
        Socket s = connected();
        try {
            discardStaleBytes(s.getInputStream());
            s.getOutputStream().write(request);
            s.getOutputStream().flush();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (leftMillis <= 0) {
                    return null;
                }
                s.setSoTimeout((int) Math.min(leftMillis, Integer.MAX_VALUE));
                int n;
                try {
                    n = s.getInputStream().read(buffer);
                } catch (SocketTimeoutException e) {
                    return null;
                }
                if (n < 0) {
                    throw new EOFException("closed the connection");
                }
                T reply = scanner.scan(buffer, n);
                if (reply != null) {
                    return reply;
                }
            }
        } catch (IOException e) {
            close();
            throw new IOException("converter " + endpoint + ": " + e.getMessage(), e);
        }
    }

    private Socket connected() throws IOException {
        if (socket == null) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), (int) timeout.toMillis());
                s.setTcpNoDelay(true);
            } catch (IOException e) {
                s.close();
                throw new IOException("cannot connect to converter " + endpoint + ": " + e.getMessage(), e);
            }
            socket = s;
        }
        return socket;
    }

    /** A late reply to an earlier, timed-out request must not be taken for the answer to this one. */
    private void discardStaleBytes(InputStream in) throws IOException {
        for (int n = in.available(); n > 0; n = in.available()) {
            in.skipNBytes(Math.min(n, buffer.length));
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }
}
