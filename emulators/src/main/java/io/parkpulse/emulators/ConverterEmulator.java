package io.parkpulse.emulators;

import io.parkpulse.protocols.FrameDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A serial-to-TCP converter with meters of one frame protocol on its RS-485 line, as a TCP server
 * ({@link ConverterServer}): each connection gets its own decoder, and every request it decodes gets the answer of
 * the meter addressed, if any; frames for other addresses are ignored, as on a real bus. A subclass gives only its
 * protocol: the decoder, what counts as a request, the answers and how a reply goes on the wire.
 *
 * <p>The server answers as soon as this constructor has run, before a subclass's constructor: subclasses keep no
 * state of their own. Thread-safe; connections are served on daemon threads until {@link #close()}.
 *
 * @param <E> the emulator itself, which {@link #echoRequests} returns
 * @param <R> what the protocol's decoder makes of the bytes
 * @param <F> the protocol's frames
 */
abstract class ConverterEmulator<E extends ConverterEmulator<E, R, F>, R, F> implements AutoCloseable {

    private static final HexFormat HEX = HexFormat.of();

    /** The readings the meters answer with. */
    final MeterValues values;
    private final Map<String, String> meterByWireAddress = new HashMap<>();
    private final ConverterServer server;

    /**
     * @param port           TCP port, 0 for a free one
     * @param meterByAddress meter address as configured → park-file meter id
     * @param toWire         a configured address → its bytes on the wire
     */
    ConverterEmulator(int port, String name, MeterValues values, Map<String, String> meterByAddress,
                      Function<String, byte[]> toWire) throws IOException {
        this.values = values;
        meterByAddress.forEach((address, meter) -> meterByWireAddress.put(HEX.formatHex(toWire.apply(address)), meter));
        this.server = new ConverterServer(port, name, this::newLine);
    }

    /** TCP connections accepted so far: a gateway should need one per converter, not one per meter. */
    public int connectionsAccepted() {
        return server.connectionsAccepted();
    }

    public int port() {
        return server.port();
    }

    /** Echo every request back before answering, as half-duplex converters do. */
    @SuppressWarnings("unchecked")
    public E echoRequests(boolean on) {
        server.echoRequests(on);
        return (E) this;
    }

    /** Close the open connections, as a converter that reboots. */
    public void dropConnections() {
        server.dropConnections();
    }

    @Override
    public void close() {
        server.close();
    }

    /** A fresh decoder, for one connection. */
    abstract FrameDecoder<R> newDecoder();

    /** The request frame in a decoder's result; {@code null} for rejected bytes and for replies. */
    abstract F request(R result);

    /** The reply of the meter addressed, if it is on this line and answers. */
    abstract Optional<F> answer(F request);

    /** A reply as the meter puts it on the line, with its wake-up bytes. */
    abstract byte[] encode(F reply);

    /** The park-file meter id at {@code wireAddress}; {@code null} when no such meter is on this line. */
    final String meterAt(byte[] wireAddress) {
        return meterByWireAddress.get(HEX.formatHex(wireAddress));
    }

    /** The wire address of the meter on this line when it is the only one. */
    final Optional<byte[]> onlyMeter() {
        return meterByWireAddress.size() == 1 ? Optional.of(HEX.parseHex(meterByWireAddress.keySet().iterator().next()))
                : Optional.empty();
    }

    /** The meters as one connection hears them. */
    private ConverterServer.Line newLine() {
        FrameDecoder<R> decoder = newDecoder();
        return (chunk, length) -> {
            decoder.append(chunk, 0, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (R r = decoder.next(); r != null; r = decoder.next()) {
                F request = request(r);
                if (request != null) {
                    answer(request).ifPresent(reply -> out.writeBytes(encode(reply)));
                }
            }
            return out.toByteArray();
        };
    }
}
