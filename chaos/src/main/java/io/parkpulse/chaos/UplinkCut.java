package io.parkpulse.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP relay between a gateway and the broker whose link can be cut like a park's uplink: while cut, bytes in both
 * directions are swallowed, a side that closes is not told to the other, and new connections are accepted into the
 * same silence — so each end only notices through its own timeouts (MQTT keep-alive, connect timeout), as over a
 * dead 4G modem. When the link comes back, every connection that went silent is closed (both ends have given up on
 * it; a stream with swallowed bytes could not be resumed anyway) and new ones are relayed.
 *
 * <p>Thread-safe: a thread accepts, two threads per connection pump; cut and restore hold the same lock as the
 * acceptor's registration, so no connection slips between them.
 */
final class UplinkCut implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UplinkCut.class);

    private final ServerSocket server;
    private final int targetPort;
    private final List<Link> links = new ArrayList<>();
    private boolean cut;
    private volatile boolean closed;

    /** One relayed connection; once it has swallowed a byte it never forwards again. */
    private final class Link {
        final Socket inside;
        final Socket outside;
        volatile boolean silenced;

        Link(Socket inside, Socket outside, boolean silenced) {
            this.inside = inside;
            this.outside = outside;
            this.silenced = silenced;
        }

        void close() {
            closeQuietly(inside);
            closeQuietly(outside);
        }
    }

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

    synchronized void cut() {
        cut = true;
        links.forEach(link -> link.silenced = true);
        LOG.info("uplink cut: relay to :{} swallows every byte", targetPort);
    }

    synchronized void restore() {
        links.stream().filter(link -> link.silenced).forEach(Link::close);
        links.removeIf(link -> link.silenced);
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
                Link link;
                synchronized (this) {
                    link = new Link(inside, outside, cut);
                    links.add(link);
                }
                pump(link, inside, outside, "uplink-up");
                pump(link, outside, inside, "uplink-down");
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("relay accept failed: {}", e.toString());
                }
            }
        }
    }

    private void pump(Link link, Socket from, Socket to, String name) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (!link.silenced) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // this side is gone
            } finally {
                if (link.silenced) {
                    closeQuietly(from); // a cut line does not carry the close to the other end either
                } else {
                    link.close();
                    synchronized (this) {
                        links.remove(link);
                    }
                }
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
    public synchronized void close() throws IOException {
        closed = true;
        server.close();
        links.forEach(Link::close);
        links.clear();
    }
}
