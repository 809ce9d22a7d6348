package io.parkpulse.simulators.emulators;

import io.parkpulse.contract.Quantity;
import io.parkpulse.protocols.cjt188.Cjt188Address;
import io.parkpulse.protocols.cjt188.Cjt188Decoder;
import io.parkpulse.protocols.cjt188.Cjt188Frame;
import io.parkpulse.protocols.cjt188.Cjt188Unit;
import io.parkpulse.protocols.cjt188.DiOrder;
import io.parkpulse.protocols.cjt188.MeterStatus;
import io.parkpulse.protocols.cjt188.MeteringData;
import io.parkpulse.protocols.cjt188.MeteringRead;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A serial-to-TCP converter with CJ/T 188 water meters on its RS-485 line, as a TCP server. It answers reads of
 * metering data (C=01, DI 901F in either byte order, answered in the order asked) for the addresses it knows: the
 * current cumulative flow is the meter's {@link Quantity#VOLUME_M3} modulo 1 000 000 m³ (a six-digit display) with
 * unit {@code 2C} (m³), the settlement-day flow the same, the real time the current time in Asia/Shanghai, status
 * {@code 00 00}. A meter with no volume yet answers abnormally ({@code C1}, echoing DI and SER). Frames for other
 * addresses are ignored, as on a real bus. Replies start with {@code FE FE FE}.
 *
 * <p>Thread-safe; connections are served on daemon threads until {@link #close()}.
 */
public final class Cjt188Emulator implements AutoCloseable {

    private static final HexFormat HEX = HexFormat.of();
    private static final BigDecimal DISPLAY_ROLLOVER = BigDecimal.valueOf(1_000_000);
    private static final ZoneId METER_ZONE = ZoneId.of("Asia/Shanghai");

    private final MeterValues values;
    private final Map<String, String> meterByWireAddress = new HashMap<>();
    private final Clock clock = Clock.system(METER_ZONE);
    private final ConverterServer server;

    /**
     * @param port           TCP port, 0 for a free one
     * @param meterByAddress 14 hexadecimal address digits as printed (highest first) → park-file meter id
     */
    public Cjt188Emulator(int port, MeterValues values, Map<String, String> meterByAddress) throws IOException {
        this.values = values;
        meterByAddress.forEach((address, meter) -> meterByWireAddress.put(HEX.formatHex(Cjt188Address.toWire(address)), meter));
        this.server = new ConverterServer(port, "cjt188-emulator", Bus::new);
    }

    /** TCP connections accepted so far: a gateway should need one per converter, not one per meter. */
    public int connectionsAccepted() {
        return server.connectionsAccepted();
    }

    public int port() {
        return server.port();
    }

    /** Echo every request back before answering, as half-duplex converters do. */
    public Cjt188Emulator echoRequests(boolean on) {
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
        private final Cjt188Decoder decoder = new Cjt188Decoder();

        @Override
        public byte[] hear(byte[] chunk, int length) {
            decoder.append(chunk, 0, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Cjt188Decoder.Result r = decoder.next(); r != null; r = decoder.next()) {
                if (r instanceof Cjt188Decoder.Decoded d && !d.frame().isReply()) {
                    answer(d.frame()).ifPresent(reply -> out.writeBytes(reply.encode(3)));
                }
            }
            return out.toByteArray();
        }
    }

    private Optional<Cjt188Frame> answer(Cjt188Frame request) {
        String meter = meterByWireAddress.get(HEX.formatHex(request.address()));
        byte[] data = request.data();
        if (meter == null || request.function() != Cjt188Frame.READ_DATA || data.length != 3) {
            return Optional.empty();
        }
        Optional<DiOrder> order = DiOrder.of(data[0], data[1], MeteringRead.IDENTIFIER);
        if (order.isEmpty()) {
            return Optional.empty();
        }
        OptionalDouble volume = values.latest(meter, Quantity.VOLUME_M3);
        if (volume.isEmpty()) {
            return Optional.of(new Cjt188Frame(request.meterType(), request.address(), 0xC0 | Cjt188Frame.READ_DATA, data));
        }
        // the display truncates to 0.01 m³, then rolls over
        double shown = BigDecimal.valueOf(volume.getAsDouble()).setScale(2, RoundingMode.DOWN)
                .remainder(DISPLAY_ROLLOVER).doubleValue();
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        MeteringData reading = new MeteringData(data[2] & 0xFF, shown, shown, Optional.of(now), MeterStatus.NORMAL);
        return Optional.of(MeteringRead.reply(request.meterType(), request.address(), order.get(), reading,
                Cjt188Unit.CUBIC_METRE));
    }
}
