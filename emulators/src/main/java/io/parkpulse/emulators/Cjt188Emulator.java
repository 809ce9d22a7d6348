package io.parkpulse.emulators;

import io.parkpulse.contract.Quantity;
import io.parkpulse.protocols.FrameDecoder;
import io.parkpulse.protocols.cjt188.Cjt188Address;
import io.parkpulse.protocols.cjt188.Cjt188Decoder;
import io.parkpulse.protocols.cjt188.Cjt188Frame;
import io.parkpulse.protocols.cjt188.Cjt188Unit;
import io.parkpulse.protocols.cjt188.DiOrder;
import io.parkpulse.protocols.cjt188.MeterStatus;
import io.parkpulse.protocols.cjt188.MeteringData;
import io.parkpulse.protocols.cjt188.MeteringRead;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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
public final class Cjt188Emulator extends ConverterEmulator<Cjt188Emulator, Cjt188Decoder.Result, Cjt188Frame> {

    private static final BigDecimal DISPLAY_ROLLOVER = BigDecimal.valueOf(1_000_000);
    private static final ZoneId METER_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.system(METER_ZONE);

    /**
     * @param port           TCP port, 0 for a free one
     * @param meterByAddress 14 hexadecimal address digits as printed (highest first) → park-file meter id
     */
    public Cjt188Emulator(int port, MeterValues values, Map<String, String> meterByAddress) throws IOException {
        super(port, "cjt188-emulator", values, meterByAddress, Cjt188Address::toWire);
    }

    @Override
    FrameDecoder<Cjt188Decoder.Result> newDecoder() {
        return new Cjt188Decoder();
    }

    @Override
    Cjt188Frame request(Cjt188Decoder.Result result) {
        return result instanceof Cjt188Decoder.Decoded d && !d.frame().isReply() ? d.frame() : null;
    }

    @Override
    byte[] encode(Cjt188Frame reply) {
        return reply.encode(3);
    }

    @Override
    Optional<Cjt188Frame> answer(Cjt188Frame request) {
        String meter = meterAt(request.address());
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
        LocalDateTime now = LocalDateTime.now(CLOCK).truncatedTo(ChronoUnit.SECONDS);
        MeteringData reading = new MeteringData(data[2] & 0xFF, shown, shown, Optional.of(now), MeterStatus.NORMAL);
        return Optional.of(MeteringRead.reply(request.meterType(), request.address(), order.get(), reading,
                Cjt188Unit.CUBIC_METRE));
    }
}
