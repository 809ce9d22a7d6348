package io.parkpulse.emulators;

import com.ghgande.j2mod.modbus.Modbus;
import com.ghgande.j2mod.modbus.ModbusIOException;
import com.ghgande.j2mod.modbus.io.ModbusTCPTransport;
import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;
import com.ghgande.j2mod.modbus.net.AbstractModbusListener;
import com.ghgande.j2mod.modbus.procimg.ProcessImage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Modbus TCP device — or a Modbus TCP-to-RS-485 gateway with several meters behind it, one per unit id — that
 * answers reads of holding (03) and input (04) registers with the live values of simulated meters, encoded as each
 * meter's {@link ModbusMeterLayout} says.
 *
 * <p>Answers as a real device would: a register outside the layout gets exception 02 (illegal data address), a
 * unit id nobody answers to gets 0B (gateway target failed to respond), a meter without a value yet 04 (slave device
 * failure), any other function 01 (illegal function). j2mod frames and parses the messages; the socket handling is
 * our own so that {@link #close()} really drops every open connection, as a device losing power does, and port 0
 * gives a free port.
 */
public final class ModbusEmulator implements AutoCloseable {

    /** One meter behind the endpoint: whose values it shows, and where. */
    public record Meter(String meterId, ModbusMeterLayout layout) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ModbusEmulator.class);
    private static final int SLAVE_DEVICE_FAILURE = 4;

    private final Map<Integer, ProcessImage> images = new HashMap<>();
    private final AbstractModbusListener listener = new ImageListener();
    private final ServerSocket server;
    private final ExecutorService threads;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Starts listening on all interfaces.
     *
     * @param meters unit id (1…247) → the meter answering to it
     * @param port   TCP port, 0 for a free one (see {@link #port()})
     */
    public ModbusEmulator(MeterValues values, Map<Integer, Meter> meters, int port) throws IOException {
        meters.forEach((unitId, meter) -> {
            if (unitId < 0 || unitId > 255) {
                throw new IllegalArgumentException("unit id " + unitId + " is outside 0…255");
            }
            images.put(unitId, new LiveRegisterImage(values, meter.meterId(), meter.layout()));
        });
        server = new ServerSocket();
        server.setReuseAddress(true); // a restarted emulator gets its port back at once
        server.bind(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
        threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "modbus-emulator-" + server.getLocalPort());
            thread.setDaemon(true);
            return thread;
        });
        threads.execute(this::accept);
    }

    /** The port it listens on. */
    public int port() {
        return server.getLocalPort();
    }

    /** Stops listening and drops every connection. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        connections.forEach(ModbusEmulator::closeQuietly);
        threads.shutdownNow();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                connections.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("Modbus emulator on port {} stopped accepting: {}", port(), e.toString());
                }
                return;
            } catch (RuntimeException e) { // the pool was shut down between accept and execute
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try {
            ModbusTCPTransport transport = new ModbusTCPTransport(socket);
            transport.setTimeout(0); // a client polling every 15 minutes keeps its connection, as with a real device
            while (!closed) {
                ModbusRequest request = transport.readRequest(listener);
                transport.writeResponse(answer(request));
            }
        } catch (ModbusIOException e) {
            // the client went away (or we closed): nothing to answer any more
            LOG.debug("Modbus emulator connection {} ended: {}", socket.getRemoteSocketAddress(), e.toString());
        } finally {
            connections.remove(socket);
            closeQuietly(socket);
        }
    }

    private ModbusResponse answer(ModbusRequest request) {
        int function = request.getFunctionCode();
        if (function != Modbus.READ_MULTIPLE_REGISTERS && function != Modbus.READ_INPUT_REGISTERS) {
            return request.createExceptionResponse(Modbus.ILLEGAL_FUNCTION_EXCEPTION);
        }
        if (!images.containsKey(request.getUnitID())) {
            return request.createExceptionResponse(Modbus.GATEWAY_TARGET_NO_RESPONSE);
        }
        try {
            return request.createResponse(listener); // j2mod turns IllegalAddressException into exception 02
        } catch (LiveRegisterImage.NoValueException e) {
            return request.createExceptionResponse(SLAVE_DEVICE_FAILURE);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing for good: nothing left to do about it
        }
    }

    /** What j2mod's request handlers ask for the process image of a unit id. */
    private final class ImageListener extends AbstractModbusListener {

        @Override
        public ProcessImage getProcessImage(int unitId) {
            return images.get(unitId);
        }

        @Override
        public void run() {
            // not used: ModbusEmulator runs its own accept loop
        }

        @Override
        public void stop() {
            close();
        }
    }
}
