package io.parkpulse.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP relay between a gateway and the broker whose link can be cut like a park's uplink: while cut, bytes in both
 * directions are swallowed and new connections are accepted into the same silence, so each side only notices
 * through its own timeouts (MQTT keep-alive, connect timeout), as over a dead 4G modem, and nobody gets a reset.
 * When the link comes back the connections that went silent are closed (both ends have given up on them by then)
 * and new ones are relayed.
 *
 * <p>Thread-safe: a thread accepts, two threads per connection pump.
 */
final class UplinkCut implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UplinkCut.class);

    private final ServerSocket server;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile boolean closed;

    UplinkCut(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "uplink-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void cut() {
        cut = true;
        LOG.info("uplink cut: relay to :{} swallows every byte", targetPort);
    }

    void restore() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
        cut = false;
        LOG.info("uplink restored");
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket inside = server.accept();
                Socket outside = new Socket();
                try {
                    outside.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
                } catch (IOException e) {
                    closeQuietly(inside); // broker down: the gateway sees what it would see without the relay
                    continue;
                }
                sockets.add(inside);
                sockets.add(outside);
                pump(inside, outside, "uplink-up");
                pump(outside, inside, "uplink-down");
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("relay accept failed: {}", e.toString());
                }
            }
        }
    }

    private void pump(Socket from, Socket to, String name) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (!cut) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // one side closed: close the other
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        restore();
    }
}
