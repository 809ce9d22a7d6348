package io.parkpulse.gateway.southbound.serial;

import io.parkpulse.contract.Value;
import io.parkpulse.gateway.config.DeviceSettings;
import io.parkpulse.gateway.config.Endpoint;
import io.parkpulse.gateway.config.PointConfig;
import io.parkpulse.gateway.southbound.DeviceReader;
import io.parkpulse.gateway.southbound.Readout;
import io.parkpulse.protocols.cjt188.Cjt188Address;
import io.parkpulse.protocols.cjt188.Cjt188Decoder;
import io.parkpulse.protocols.cjt188.Cjt188Field;
import io.parkpulse.protocols.cjt188.Cjt188Frame;
import io.parkpulse.protocols.cjt188.MeteringData;
import io.parkpulse.protocols.cjt188.MeteringRead;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a CJ/T 188 water meter behind a serial-to-TCP converter. One metering-data read (DI 901F, in the byte order
 * the meter's firmware wants) carries every field a point can take, so a read is one request, asked again up to
 * {@code retries} times when no valid reply comes within the timeout. The reply awaited is this meter's (address)
 * with the direction bit set; echoes of our own request and other meters' frames are skipped. Both flows come back in
 * m³ whatever unit the meter used. A reply that cannot be used (abnormal, unknown unit …) becomes one problem per
 * point, naming it; a meter clock that is not a time (not BCD, no such date, a year outside 2000–2099) is one problem
 * of its own, and the flows are kept.
 *
 * <p>{@link IOException} only when the bus is unreachable: the converter refuses or drops the connection, or the meter
 * answers nothing valid. Not thread-safe (see {@link DeviceReader}).
 */
public final class Cjt188Reader implements DeviceReader {

    /** Wake-up bytes before each request (the standard asks for 2–4; published captures use three). */
    private static final int PREAMBLE = 3;

    private final FrameExchange exchange;
    private final boolean ownsExchange;
    private final DeviceSettings.Cjt188 settings;
    private final byte[] address;
    private final int retries;
    /** SER, incremented modulo 256 before each request. */
    private int serial;

    public Cjt188Reader(Endpoint endpoint, DeviceSettings.Cjt188 settings, Duration timeout, int retries) {
        this(new FrameExchange(endpoint, timeout), true, settings, retries);
    }

    /** A reader on a connection it may share with the other meters of its line ({@link SerialBus}). */
    Cjt188Reader(FrameExchange exchange, boolean ownsExchange, DeviceSettings.Cjt188 settings, int retries) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more, got " + retries);
        }
        this.exchange = exchange;
        this.ownsExchange = ownsExchange;
        this.settings = settings;
        this.address = Cjt188Address.toWire(settings.address());
        this.retries = retries;
    }

    @Override
    public Readout read() throws IOException {
        if (settings.points().isEmpty()) {
            return new Readout(List.of(), List.of());
        }
        ReplyToRead scanner = null;
        Cjt188Frame reply = null;
        for (int attempt = 0; attempt <= retries && reply == null; attempt++) {
            serial = (serial + 1) & 0xFF;
            scanner = new ReplyToRead(address);
            byte[] request = MeteringRead.request(settings.meterType(), address, settings.diOrder(), serial).encode(PREAMBLE);
            reply = exchange.ask(request, scanner);
        }
        if (reply == null) {
            throw new IOException(String.format("no reply from CJ/T 188 meter %s on converter %s within %d ms"
                            + " (%d attempt(s))%s", settings.address(), exchange.endpoint(), exchange.timeout().toMillis(),
                    retries + 1, scanner.garbled()));
        }
        List<Value> values = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        MeteringRead.Outcome outcome = MeteringRead.decode(reply);
        if (outcome instanceof MeteringRead.Read read) {
            read.data().clockProblem().ifPresent(p -> problems.add("meter clock: " + p + "; the flows are kept"));
        }
        for (PointConfig<Cjt188Field> point : settings.points()) {
            if (outcome instanceof MeteringRead.Read read) {
                values.add(Value.of(point.quantity(), flowOf(read.data(), point.source())));
            } else if (outcome instanceof MeteringRead.Refused refused) {
                problems.add(point.quantity().wireName() + " (" + point.source() + "): " + refused.reason());
            }
        }
        return new Readout(values, problems);
    }

    private static double flowOf(MeteringData data, Cjt188Field field) {
        return switch (field) {
            case CURRENT_FLOW -> data.currentFlowM3();
            case SETTLEMENT_FLOW -> data.settlementFlowM3();
        };
    }

    @Override
    public void close() {
        if (ownsExchange) {
            exchange.close();
        }
    }

    /** Waits for this meter's reply to a read of data (normal or abnormal). */
    private static final class ReplyToRead implements FrameExchange.ReplyScanner<Cjt188Frame> {
        private final Cjt188Decoder decoder = new Cjt188Decoder();
        private final byte[] address;
        /** The first rejection tells what went wrong; the ones after it are mostly the rest of the same frame. */
        private String firstRejection;

        ReplyToRead(byte[] address) {
            this.address = address;
        }

        @Override
        public Cjt188Frame scan(byte[] bytes, int length) {
            decoder.append(bytes, 0, length);
            for (Cjt188Decoder.Result r = decoder.next(); r != null; r = decoder.next()) {
                if (r instanceof Cjt188Decoder.Rejected rejected) {
                    if (firstRejection == null) {
                        firstRejection = rejected.reason();
                    }
                } else if (r instanceof Cjt188Decoder.Decoded decoded && isAwaited(decoded.frame())) {
                    return decoded.frame();
                }
            }
            return null;
        }

        private boolean isAwaited(Cjt188Frame frame) {
            return frame.isReply() && frame.function() == Cjt188Frame.READ_DATA && Arrays.equals(frame.address(), address);
        }

        String garbled() {
            return firstRejection == null ? "" : "; bytes refused: " + firstRejection;
        }
    }
}
