package io.parkpulse.protocols.nbiot;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@link PayloadFormat#PARKPULSE_WATER_V1} layout, ParkPulse's own: vendor payload layouts of Chinese NB-IoT
 * water meters are proprietary (each vendor differs, which is why a Fujian group standard for a common protocol is
 * being drafted), so ParkPulse documents one that meters, emulators and the gateway share. All integers big-endian
 * except the CRC, which is sent low byte first as in Modbus RTU:
 *
 * <pre>
 * offset  size  field
 * 0       1     version, 0x01
 * 1       4     meter time of the newest frozen value, uint32 epoch seconds (UTC)
 * 5       2     interval between frozen values, uint16 minutes, ≥ 1
 * 7       1     count N of frozen values, 1…96
 * 8       4·N   cumulative volume, uint32 litres (m³ × 1000), oldest first; FFFFFFFF = not frozen
 * 8+4N    2     battery, uint16 mV; FFFF = not measured
 * 10+4N   1     signal, int8 dBm; 7F = not measured
 * 11+4N   2     CRC-16/MODBUS of bytes 0…10+4N, low byte first
 * </pre>
 *
 * Total length 13 + 4N bytes (17…397). The decoder never throws on input: it returns a {@link Rejected} naming what
 * is wrong and where.
 */
public final class WaterPayloadCodec {

    public static final int VERSION = 0x01;
    public static final int MAX_VALUES = 96;
    static final int HEADER = 8;
    static final int OVERHEAD = 13;
    static final long NOT_FROZEN = 0xFFFF_FFFFL;
    static final int NO_BATTERY = 0xFFFF;
    static final int NO_SIGNAL = 0x7F;

    private WaterPayloadCodec() {
    }

    /** What the decoder made of a payload. */
    public sealed interface Result permits Decoded, Rejected {
    }

    public record Decoded(WaterPayload payload) implements Result {
    }

    /** @param reason what is wrong, naming the byte offset or field */
    public record Rejected(String reason) implements Result {
    }

    public static Result decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return new Rejected("payload is empty");
        }
        if ((bytes[0] & 0xFF) != VERSION) {
            return new Rejected(String.format("byte 0: version %02X, only %02X (PARKPULSE_WATER_V1) is known",
                    bytes[0] & 0xFF, VERSION));
        }
        if (bytes.length < HEADER) {
            return new Rejected("payload has " + bytes.length + " bytes, the header alone needs " + HEADER);
        }
        int count = bytes[7] & 0xFF;
        if (count == 0 || count > MAX_VALUES) {
            return new Rejected("byte 7: count " + count + " of frozen values, must be 1…" + MAX_VALUES);
        }
        int expected = OVERHEAD + 4 * count;
        if (bytes.length != expected) {
            return new Rejected("payload has " + bytes.length + " bytes, count " + count + " needs " + expected);
        }
        int crcAt = expected - 2;
        int given = (bytes[crcAt] & 0xFF) | (bytes[crcAt + 1] & 0xFF) << 8;
        int computed = Crc16Modbus.of(bytes, 0, crcAt);
        if (given != computed) {
            return new Rejected(String.format("bytes %d-%d: CRC %04X given, %04X computed", crcAt, crcAt + 1, given, computed));
        }
        int interval = u16(bytes, 5);
        if (interval == 0) {
            return new Rejected("bytes 5-6: interval 0 minutes between frozen values");
        }
        long newestSeconds = u32(bytes, 1);
        List<Double> volumes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long litres = u32(bytes, HEADER + 4 * i);
            volumes.add(litres == NOT_FROZEN ? Double.NaN : litres / 1000.0);
        }
        int battery = u16(bytes, HEADER + 4 * count);
        byte signal = bytes[HEADER + 4 * count + 2];
        return new Decoded(new WaterPayload(newestSeconds * 1000, interval, volumes,
                battery == NO_BATTERY ? Double.NaN : battery / 1000.0,
                signal == NO_SIGNAL ? Double.NaN : signal));
    }

    /**
     * The wire bytes of {@code payload}. Volumes are rounded to whole litres, battery to mV, signal to dBm.
     *
     * @throws IllegalArgumentException when a field does not fit the layout (the encoder's caller made a mistake)
     */
    public static byte[] encode(WaterPayload payload) {
        int count = payload.volumesM3().size();
        if (count == 0 || count > MAX_VALUES) {
            throw new IllegalArgumentException("PARKPULSE_WATER_V1 carries 1…" + MAX_VALUES + " frozen values, not " + count);
        }
        if (payload.intervalMinutes() < 1 || payload.intervalMinutes() > 0xFFFF) {
            throw new IllegalArgumentException("interval must be 1…65535 minutes, not " + payload.intervalMinutes());
        }
        long seconds = Math.floorDiv(payload.newestTimeMs(), 1000);
        if (seconds < 0 || seconds > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("newest time " + payload.newestTimeMs() + " ms does not fit uint32 seconds");
        }
        byte[] out = new byte[OVERHEAD + 4 * count];
        out[0] = VERSION;
        putU32(out, 1, seconds);
        putU16(out, 5, payload.intervalMinutes());
        out[7] = (byte) count;
        for (int i = 0; i < count; i++) {
            double v = payload.volumesM3().get(i);
            long litres = Double.isNaN(v) ? NOT_FROZEN : Math.round(v * 1000);
            if (litres < 0 || litres > NOT_FROZEN || (litres == NOT_FROZEN && !Double.isNaN(v))) {
                throw new IllegalArgumentException("volume " + v + " m³ at index " + i + " does not fit uint32 litres");
            }
            putU32(out, HEADER + 4 * i, litres);
        }
        double battery = payload.batteryV();
        long mv = Double.isNaN(battery) ? NO_BATTERY : Math.round(battery * 1000);
        if (mv < 0 || mv > NO_BATTERY || (mv == NO_BATTERY && !Double.isNaN(battery))) {
            throw new IllegalArgumentException("battery " + battery + " V does not fit uint16 mV");
        }
        putU16(out, HEADER + 4 * count, (int) mv);
        double signal = payload.signalDbm();
        long dbm = Double.isNaN(signal) ? NO_SIGNAL : Math.round(signal);
        if (dbm < -128 || dbm > NO_SIGNAL || (dbm == NO_SIGNAL && !Double.isNaN(signal))) {
            throw new IllegalArgumentException("signal " + signal + " dBm does not fit int8");
        }
        out[HEADER + 4 * count + 2] = (byte) dbm;
        int crcAt = out.length - 2;
        int crc = Crc16Modbus.of(out, 0, crcAt);
        out[crcAt] = (byte) crc;
        out[crcAt + 1] = (byte) (crc >>> 8);
        return out;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static long u32(byte[] b, int at) {
        return (long) (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static void putU16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    private static void putU32(byte[] b, int at, long v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
