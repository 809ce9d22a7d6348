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
import io.parkpulse.protocols.cjt188.HeatMeteringData;
import io.parkpulse.protocols.cjt188.HeatMeteringRead;
import io.parkpulse.protocols.cjt188.MeterFamily;
import io.parkpulse.protocols.cjt188.MeteringData;
import io.parkpulse.protocols.cjt188.MeteringRead;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a CJ/T 188 water, gas or heat meter behind a serial-to-TCP converter. One metering-data read (DI 901F, in the
 * byte order the meter's firmware wants) carries every field a point can take, so a read is one request, asked again
 * up to {@code retries} times when no valid reply comes within the timeout. The reply awaited is this meter's (address)
 * with the direction bit set; echoes of our own request and other meters' frames are skipped. The meter type decides
 * the layout: water (10H–19H) and gas (30H–39H) meters answer with the two flows, in m³ whatever unit the meter used;
 * heat meters (20H–29H) with heat (→ GJ), power (→ kW), flow rate (→ m³/h), circulated volume (→ m³), supply and
 * return temperature (°C) and working hours. A reply that cannot be used (abnormal, unknown unit, a unit of the wrong
 * dimension …) becomes one problem per point, naming it; a meter clock that is not a time (not BCD, no such date, a
 * year outside 2000–2099) is one problem of its own, and the values are kept.
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
    /** Water and gas meters answer in one layout, heat meters in another. */
    private final MeterFamily family;
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
        this.family = MeterFamily.of(settings.meterType()).orElseThrow(() -> new IllegalArgumentException(String.format(
                "meter type 0x%02X is not a water, heat or gas meter's", settings.meterType())));
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
        if (family == MeterFamily.HEAT) {
            HeatMeteringRead.Outcome outcome = HeatMeteringRead.decode(reply);
            if (outcome instanceof HeatMeteringRead.Read read) {
                HeatMeteringData data = read.data();
                data.clockProblem().ifPresent(p -> problems.add("meter clock: " + p + "; the readings are kept"));
                collect(field -> heatValue(data, field), values, problems);
            } else {
                refuseAll(((HeatMeteringRead.Refused) outcome).reason(), problems);
            }
        } else {
            MeteringRead.Outcome outcome = MeteringRead.decode(reply);
            if (outcome instanceof MeteringRead.Read read) {
                MeteringData data = read.data();
                data.clockProblem().ifPresent(p -> problems.add("meter clock: " + p + "; the flows are kept"));
                collect(field -> flowValue(data, field), values, problems);
            } else {
                refuseAll(((MeteringRead.Refused) outcome).reason(), problems);
            }
        }
        return new Readout(values, problems);
    }

    /** One value per point, from {@code valueOf} (null: the reply has no such field). */
    private void collect(Function<Cjt188Field, Double> valueOf, List<Value> values, List<String> problems) {
        for (PointConfig<Cjt188Field> point : settings.points()) {
            Double v = valueOf.apply(point.source());
            if (v == null) {
                problems.add(point.quantity().wireName() + " (" + point.source() + "): not a field of a " + family.describe()
                        + "'s reply");
            } else {
                values.add(Value.of(point.quantity(), v));
            }
        }
    }

    /** A refused reply: one problem per point, naming it. */
    private void refuseAll(String reason, List<String> problems) {
        for (PointConfig<Cjt188Field> point : settings.points()) {
            problems.add(point.quantity().wireName() + " (" + point.source() + "): " + reason);
        }
    }

    private static Double flowValue(MeteringData data, Cjt188Field field) {
        return switch (field) {
            case CURRENT_FLOW -> data.currentFlowM3();
            case SETTLEMENT_FLOW -> data.settlementFlowM3();
            default -> null;
        };
    }

    private static Double heatValue(HeatMeteringData data, Cjt188Field field) {
        return switch (field) {
            case SETTLEMENT_HEAT -> data.settlementHeatGj();
            case CURRENT_HEAT -> data.currentHeatGj();
            case HEAT_POWER -> data.heatPowerKw();
            case FLOW_RATE -> data.flowRateM3h();
            case CUMULATIVE_FLOW -> data.cumulativeFlowM3();
            case SUPPLY_TEMPERATURE -> data.supplyTemperatureC();
            case RETURN_TEMPERATURE -> data.returnTemperatureC();
            case WORKING_HOURS -> (double) data.workingHours();
            case CURRENT_FLOW, SETTLEMENT_FLOW -> null;
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
