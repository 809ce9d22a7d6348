package io.parkpulse.simulators.emulators;

import io.parkpulse.contract.Quantity;
import io.parkpulse.protocols.dlt645.DataIdentifier;
import io.parkpulse.protocols.dlt645.Dlt645Decoder;
import io.parkpulse.protocols.dlt645.Dlt645Frame;
import io.parkpulse.protocols.dlt645.MeterAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A serial-to-TCP converter with DL/T 645-2007 electricity meters on its RS-485 line, as a TCP server. It answers read
 * requests (11) for the addresses it knows from {@link MeterValues}: every {@link DataIdentifier} whose quantity the
 * meter has, the energy registers modulo 1 000 000 kWh as a six-digit display shows them; a value the meter does not
 * have (or an identifier it does not know) gets an abnormal reply D1 with "no requested data". Frames for other
 * addresses are ignored, as on a real bus. A read-address request (13) to {@code AA…AA} is answered only when exactly
 * one meter is on the line. Replies start with {@code FE FE FE FE}.
 *
 * <p>Thread-safe; connections are served on daemon threads until {@link #close()}.
 */
public final class Dlt645Emulator implements AutoCloseable {

    private static final HexFormat HEX = HexFormat.of();
    /** A six-digit register display (XXXXXX.XX) rolls over here. */
    private static final BigDecimal REGISTER_ROLLOVER = BigDecimal.valueOf(1_000_000);
    private static final int NO_REQUESTED_DATA = 0x02;
    private static final int OTHER_ERROR = 0x01;

    private final MeterValues values;
    private final Map<String, String> meterByWireAddress = new HashMap<>();
    private final ConverterServer server;

    /**
     * @param port           TCP port, 0 for a free one
     * @param meterByAddress 12-digit meter address → park-file meter id
     */
    public Dlt645Emulator(int port, MeterValues values, Map<String, String> meterByAddress) throws IOException {
        this.values = values;
        meterByAddress.forEach((address, meter) -> meterByWireAddress.put(HEX.formatHex(MeterAddress.toWire(address)), meter));
        this.server = new ConverterServer(port, "dlt645-emulator", Bus::new);
    }

    /** TCP connections accepted so far: a gateway should need one per converter, not one per meter. */
    public int connectionsAccepted() {
        return server.connectionsAccepted();
    }

    public int port() {
        return server.port();
    }

    /** Echo every request back before answering, as half-duplex converters do. */
    public Dlt645Emulator echoRequests(boolean on) {
        server.echoRequests(on);
        return this;
    }

    /** Close the open connections, as a converter that reboots. */
    public void dropConnections() {
        server.dropConnections();
    }

    @Override
    public void close() {
        server.close();
    }

    /** The meters as one connection hears them. */
    private final class Bus implements ConverterServer.Line {
        private final Dlt645Decoder decoder = new Dlt645Decoder();

        @Override
        public byte[] hear(byte[] chunk, int length) {
            decoder.append(chunk, 0, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Dlt645Decoder.Result r = decoder.next(); r != null; r = decoder.next()) {
                if (r instanceof Dlt645Decoder.Decoded d && !d.frame().isReply()) {
                    answer(d.frame()).ifPresent(reply -> out.writeBytes(reply.encode(4)));
                }
            }
            return out.toByteArray();
        }
    }

    private Optional<Dlt645Frame> answer(Dlt645Frame request) {
        byte[] address = request.address();
        if (request.function() == Dlt645Frame.READ_ADDRESS && Arrays.equals(address, MeterAddress.WILDCARD)
                && meterByWireAddress.size() == 1) {
            byte[] only = HEX.parseHex(meterByWireAddress.keySet().iterator().next());
            return Optional.of(new Dlt645Frame(only, 0x80 | Dlt645Frame.READ_ADDRESS, only));
        }
        String meter = meterByWireAddress.get(HEX.formatHex(address));
        if (meter == null || request.function() != Dlt645Frame.READ_DATA || request.data().length != 4) {
            return Optional.empty();
        }
        byte[] di = request.data();
        int code = (di[0] & 0xFF) | (di[1] & 0xFF) << 8 | (di[2] & 0xFF) << 16 | (di[3] & 0xFF) << 24;
        Optional<DataIdentifier> identifier = DataIdentifier.byCode(code);
        OptionalDouble value = identifier.isPresent() ? values.latest(meter, identifier.get().quantity()) : OptionalDouble.empty();
        if (value.isEmpty()) {
            return Optional.of(error(address, NO_REQUESTED_DATA));
        }
        double shown = value.getAsDouble();
        if (identifier.get().quantity().nature() == Quantity.Nature.CUMULATIVE) {
            // a register display truncates to its last digit, then rolls over
            shown = BigDecimal.valueOf(shown).setScale(identifier.get().decimals(), RoundingMode.DOWN)
                    .remainder(REGISTER_ROLLOVER).doubleValue();
        }
        try {
            byte[] encoded = identifier.get().encode(shown);
            byte[] data = Arrays.copyOf(di, 4 + encoded.length);
            System.arraycopy(encoded, 0, data, 4, encoded.length);
            return Optional.of(new Dlt645Frame(address, 0x80 | Dlt645Frame.READ_DATA, data));
        } catch (IllegalArgumentException tooBig) {
            return Optional.of(error(address, OTHER_ERROR));
        }
    }

    private static Dlt645Frame error(byte[] address, int bits) {
        return new Dlt645Frame(address, 0xC0 | Dlt645Frame.READ_DATA, new byte[] {(byte) bits});
    }
}
