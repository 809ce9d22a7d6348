package io.parkpulse.gateway.southbound.serial;

import io.parkpulse.contract.Value;
import io.parkpulse.gateway.config.DeviceSettings;
import io.parkpulse.gateway.config.Endpoint;
import io.parkpulse.gateway.config.PointConfig;
import io.parkpulse.gateway.southbound.DeviceReader;
import io.parkpulse.gateway.southbound.Readout;
import io.parkpulse.protocols.dlt645.DataIdentifier;
import io.parkpulse.protocols.dlt645.Dlt645Decoder;
import io.parkpulse.protocols.dlt645.Dlt645Frame;
import io.parkpulse.protocols.dlt645.MeterAddress;
import io.parkpulse.protocols.dlt645.ReadReply;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a DL/T 645-2007 meter behind a serial-to-TCP converter: one read request per point, each awaiting the reply
 * from this meter's address with the direction bit set — echoes of our own request (half-duplex converters) and
 * frames of other meters are skipped. A point that gets no valid reply within the timeout is asked again up to
 * {@code retries} times. A refused (D1) or unreadable point becomes a problem naming it; the others still come back.
 *
 * <p>{@link IOException} only when the bus is unreachable: the converter refuses or drops the connection, or the
 * meter answers nothing at all to the first point. Not thread-safe (see {@link DeviceReader}).
 */
public final class Dlt645Reader implements DeviceReader {

    /** Wake-up bytes before each request; meters behind converters commonly want four. */
    private static final int PREAMBLE = 4;

    private final FrameExchange exchange;
    private final boolean ownsExchange;
    private final DeviceSettings.Dlt645 settings;
    private final byte[] address;
    private final int retries;

    public Dlt645Reader(Endpoint endpoint, DeviceSettings.Dlt645 settings, Duration timeout, int retries) {
        this(new FrameExchange(endpoint, timeout), true, settings, retries);
    }

    /** A reader on a connection it may share with the other meters of its line ({@link SerialBus}). */
    Dlt645Reader(FrameExchange exchange, boolean ownsExchange, DeviceSettings.Dlt645 settings, int retries) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more, got " + retries);
        }
        this.exchange = exchange;
        this.ownsExchange = ownsExchange;
        this.settings = settings;
        this.address = MeterAddress.toWire(settings.address());
        this.retries = retries;
    }

    @Override
    public Readout read() throws IOException {
        List<Value> values = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean anyReply = false;
        for (PointConfig<DataIdentifier> point : settings.points()) {
            String name = String.format("%s (DI %08X)", point.quantity().wireName(), point.source().code());
            ReplyToRead scanner = null;
            Dlt645Frame reply = null;
            for (int attempt = 0; attempt <= retries && reply == null; attempt++) {
                scanner = new ReplyToRead(address, point.source());
                reply = exchange.ask(ReadReply.request(address, point.source()).encode(PREAMBLE), scanner);
            }
            if (reply == null) {
                if (!anyReply) {
                    throw new IOException(String.format("no reply from DL/T 645 meter %s on converter %s within %d ms"
                                    + " (%d attempt(s) at %s)%s", settings.address(), exchange.endpoint(),
                            exchange.timeout().toMillis(), retries + 1, name, scanner.garbled()));
                }
                problems.add(String.format("%s: no reply within %d ms (%d attempt(s))%s", name,
                        exchange.timeout().toMillis(), retries + 1, scanner.garbled()));
                continue;
            }
            anyReply = true;
            try {
                ReadReply read = ReadReply.of(reply, point.source());
                if (read.errors().isEmpty()) {
                    values.add(Value.of(point.quantity(), read.value()));
                    read.time().ifPresent(t -> values.add(Value.of(point.source().timeQuantity(),
                            t.atZone(settings.clockZone()).toEpochSecond())));
                    if (read.timeProblem() != null) {
                        problems.add(name + ": meter clock: " + read.timeProblem() + "; the value is kept");
                    }
                } else {
                    problems.add(name + ": meter answered D1: " + String.join(", ", read.errors()));
                }
            } catch (IllegalArgumentException unreadable) {
                problems.add(name + ": " + unreadable.getMessage());
            }
        }
        return new Readout(values, problems);
    }

    @Override
    public void close() {
        if (ownsExchange) {
            exchange.close();
        }
    }

    /** Waits for this meter's reply to a read of one identifier. */
    private static final class ReplyToRead implements FrameExchange.ReplyScanner<Dlt645Frame> {
        private final Dlt645Decoder decoder = new Dlt645Decoder();
        private final byte[] address;
        private final byte[] identifier;
        /** The first rejection tells what went wrong; the ones after it are mostly the rest of the same frame. */
        private String firstRejection;

        ReplyToRead(byte[] address, DataIdentifier identifier) {
            this.address = address;
            this.identifier = identifier.wire();
        }

        @Override
        public Dlt645Frame scan(byte[] bytes, int length) {
            decoder.append(bytes, 0, length);
            for (Dlt645Decoder.Result r = decoder.next(); r != null; r = decoder.next()) {
                if (r instanceof Dlt645Decoder.Rejected rejected) {
                    if (firstRejection == null) {
                        firstRejection = rejected.reason();
                    }
                } else if (r instanceof Dlt645Decoder.Decoded decoded && isAwaited(decoded.frame())) {
                    return decoded.frame();
                }
            }
            return null;
        }

        /** A reply (not our echo) from this meter to a read, and — unless it is D1 — of this identifier. */
        private boolean isAwaited(Dlt645Frame frame) {
            if (!frame.isReply() || frame.function() != Dlt645Frame.READ_DATA || !Arrays.equals(frame.address(), address)) {
                return false;
            }
            byte[] data = frame.data();
            return frame.isAbnormal() || data.length >= 4 && Arrays.equals(Arrays.copyOf(data, 4), identifier);
        }

        String garbled() {
            return firstRejection == null ? "" : "; bytes refused: " + firstRejection;
        }
    }
}
