package io.parkpulse.emulators;

import io.parkpulse.contract.Quantity;
import io.parkpulse.protocols.FrameDecoder;
import io.parkpulse.protocols.dlt645.DataIdentifier;
import io.parkpulse.protocols.dlt645.Dlt645Decoder;
import io.parkpulse.protocols.dlt645.Dlt645Frame;
import io.parkpulse.protocols.dlt645.MeterAddress;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
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
public final class Dlt645Emulator extends ConverterEmulator<Dlt645Emulator, Dlt645Decoder.Result, Dlt645Frame> {

    /** A six-digit register display (XXXXXX.XX) rolls over here. */
    private static final BigDecimal REGISTER_ROLLOVER = BigDecimal.valueOf(1_000_000);
    private static final int NO_REQUESTED_DATA = 0x02;
    /** The emulated meters' clocks run on Beijing time, as the gateway assumes by default. */
    private static final ZoneId METER_CLOCK = ZoneId.of("Asia/Shanghai");
    private static final int OTHER_ERROR = 0x01;

    /**
     * @param port           TCP port, 0 for a free one
     * @param meterByAddress 12-digit meter address → park-file meter id
     */
    public Dlt645Emulator(int port, MeterValues values, Map<String, String> meterByAddress) throws IOException {
        super(port, "dlt645-emulator", values, meterByAddress, MeterAddress::toWire);
    }

    @Override
    FrameDecoder<Dlt645Decoder.Result> newDecoder() {
        return new Dlt645Decoder();
    }

    @Override
    Dlt645Frame request(Dlt645Decoder.Result result) {
        return result instanceof Dlt645Decoder.Decoded d && !d.frame().isReply() ? d.frame() : null;
    }

    @Override
    byte[] encode(Dlt645Frame reply) {
        return reply.encode(4);
    }

    @Override
    Optional<Dlt645Frame> answer(Dlt645Frame request) {
        byte[] address = request.address();
        if (request.function() == Dlt645Frame.READ_ADDRESS && Arrays.equals(address, MeterAddress.WILDCARD)) {
            Optional<byte[]> only = onlyMeter();
            if (only.isPresent()) {
                return Optional.of(new Dlt645Frame(only.get(), 0x80 | Dlt645Frame.READ_ADDRESS, only.get()));
            }
        }
        String meter = meterAt(address);
        if (meter == null || request.function() != Dlt645Frame.READ_DATA || request.data().length != 4) {
            return Optional.empty();
        }
        byte[] di = request.data();
        int code = (di[0] & 0xFF) | (di[1] & 0xFF) << 8 | (di[2] & 0xFF) << 16 | (di[3] & 0xFF) << 24;
        // an identifier known under two names (phase A voltage, L1 voltage) answers from whichever the meter shows
        DataIdentifier identifier = null;
        OptionalDouble value = OptionalDouble.empty();
        for (DataIdentifier candidate : DataIdentifier.byCode(code)) {
            value = values.latest(meter, candidate.quantity());
            if (value.isPresent()) {
                identifier = candidate;
                break;
            }
        }
        if (identifier == null) {
            return Optional.of(error(address, NO_REQUESTED_DATA));
        }
        double shown = value.getAsDouble();
        if (identifier.quantity().nature() == Quantity.Nature.CUMULATIVE) {
            // a register display truncates to its last digit, then rolls over
            shown = BigDecimal.valueOf(shown).setScale(identifier.decimals(), RoundingMode.DOWN)
                    .remainder(REGISTER_ROLLOVER).doubleValue();
        }
        try {
            byte[] encoded = identifier.hasTime() ? identifier.encode(shown, timeOf(meter, identifier)) : identifier.encode(shown);
            byte[] data = Arrays.copyOf(di, 4 + encoded.length);
            System.arraycopy(encoded, 0, data, 4, encoded.length);
            return Optional.of(new Dlt645Frame(address, 0x80 | Dlt645Frame.READ_DATA, data));
        } catch (IllegalArgumentException tooBig) {
            return Optional.of(error(address, OTHER_ERROR));
        }
    }

    /** When the meter's maximum demand occurred, on its Beijing-time clock; {@code null} (all zero) when it has none. */
    private LocalDateTime timeOf(String meter, DataIdentifier identifier) {
        OptionalDouble at = values.latest(meter, identifier.timeQuantity());
        return at.isEmpty() ? null : LocalDateTime.ofInstant(Instant.ofEpochSecond((long) at.getAsDouble()), METER_CLOCK);
    }

    private static Dlt645Frame error(byte[] address, int bits) {
        return new Dlt645Frame(address, 0xC0 | Dlt645Frame.READ_DATA, new byte[] {(byte) bits});
    }
}
