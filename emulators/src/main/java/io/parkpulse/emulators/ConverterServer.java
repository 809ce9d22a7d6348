package io.parkpulse.emulators;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The TCP side of an emulated serial-to-TCP converter: accepts connections on a port and hands every chunk of bytes
 * received to the RS-485 line behind it, writing back whatever the line answers. Each connection gets its own
 * {@link Line} (decoders keep state). All threads are daemons; {@link #close()} stops them.
 */
final class ConverterServer implements AutoCloseable {

    /** The meters on the line, as seen from one connection. Called from that connection's thread only. */
    interface Line {
        /** The bytes the meters put on the line after {@code chunk} arrived; empty when none answers. */
        byte[] hear(byte[] chunk, int length);
    }

    private final ServerSocket server;
    private final Supplier<Line> lines;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean echo;

    ConverterServer(int port, String name, Supplier<Line> lines) throws IOException {
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.lines = lines;
        Thread acceptor = new Thread(this::accept, name + "-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** How many TCP connections the converter has accepted so far. */
    int connectionsAccepted() {
        return accepted.get();
    }

    /** Half-duplex RS-485 converters hear their own transmission: send every received byte back first. */
    void echoRequests(boolean on) {
        echo = on;
    }

    /** Closes the open connections (a converter rebooting); new ones are still accepted. */
    void dropConnections() {
        for (Socket s : connections) {
            closeQuietly(s);
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        dropConnections();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                if (server.isClosed()) {
                    // closed between accept and add: close() did not see this one, so it goes here (a converter that is down)
                    closeQuietly(socket);
                    return;
                }
                accepted.incrementAndGet();
                Thread t = new Thread(() -> serve(socket), Thread.currentThread().getName().replace("accept", "conn"));
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                // closed: the loop ends
            }
        }
    }

    private void serve(Socket socket) {
        Line line = lines.get();
        byte[] buffer = new byte[1024];
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (echo) {
                    out.write(buffer, 0, n);
                }
                byte[] answer = line.hear(buffer, n);
                if (answer.length > 0) {
                    out.write(answer);
                }
                out.flush();
            }
        } catch (SocketException e) {
            // dropped or closed: nothing to answer any more
        } catch (IOException e) {
            // the client went away
        } finally {
            connections.remove(socket);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
