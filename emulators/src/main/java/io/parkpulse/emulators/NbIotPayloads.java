package io.parkpulse.emulators;

import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.Value;
import io.parkpulse.protocols.nbiot.WaterPayload;
import io.parkpulse.protocols.nbiot.WaterPayloadCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Packs an NB-IoT meter's uplink readings (its frozen register values, each at its own time, battery and signal on
 * the newest) into PARKPULSE_WATER_V1 payloads. The frozen values must lie on a whole-minute grid; slots the model
 * left empty go out as "not frozen". More than 96 slots are split over several payloads, battery and signal riding
 * on the last.
 */
final class NbIotPayloads {

    private NbIotPayloads() {
    }

    /** @throws IllegalArgumentException when the readings do not fit the layout (times off the minute grid …) */
    static List<WaterPayload> of(List<Reading> readings) {
        List<Reading> sorted = new ArrayList<>(readings);
        sorted.sort(Comparator.comparingLong(Reading::timeMs));
        List<long[]> volumes = new ArrayList<>(); // {timeMs, litres as double bits}
        double battery = Double.NaN;
        double signal = Double.NaN;
        long sideTime = Long.MIN_VALUE;
        for (Reading r : sorted) {
            for (Value v : r.values()) {
                if (v.quantity() == Quantity.VOLUME_M3 || v.quantity() == Quantity.GAS_M3) {
                    volumes.add(new long[] {r.timeMs(), Double.doubleToLongBits(v.number())});
                } else if (v.quantity() == Quantity.BATTERY_V) {
                    battery = v.number();
                    sideTime = r.timeMs();
                } else if (v.quantity() == Quantity.SIGNAL_DBM) {
                    signal = v.number();
                    sideTime = r.timeMs();
                }
            }
        }
        if (volumes.isEmpty()) {
            if (sideTime == Long.MIN_VALUE) {
                return List.of();
            }
            return List.of(new WaterPayload(sideTime, 60, Arrays.asList(Double.NaN), battery, signal));
        }
        long intervalMs = interval(volumes);
        long first = volumes.get(0)[0];
        long last = volumes.get(volumes.size() - 1)[0];
        int slots = (int) ((last - first) / intervalMs) + 1;
        Double[] grid = new Double[slots];
        Arrays.fill(grid, Double.NaN);
        for (long[] v : volumes) {
            grid[(int) ((v[0] - first) / intervalMs)] = Double.longBitsToDouble(v[1]);
        }
        int minutes = Math.toIntExact(intervalMs / 60_000);
        List<WaterPayload> payloads = new ArrayList<>();
        for (int from = 0; from < slots; from += WaterPayloadCodec.MAX_VALUES) {
            int to = Math.min(slots, from + WaterPayloadCodec.MAX_VALUES);
            boolean lastChunk = to == slots;
            payloads.add(new WaterPayload(first + (to - 1) * intervalMs, minutes, Arrays.asList(grid).subList(from, to),
                    lastChunk ? battery : Double.NaN, lastChunk ? signal : Double.NaN));
        }
        return payloads;
    }

    /** The greatest common spacing of the frozen values, a whole number of minutes (an hour for a single value). */
    private static long interval(List<long[]> volumes) {
        long gcd = 0;
        for (int i = 1; i < volumes.size(); i++) {
            gcd = gcd(gcd, volumes.get(i)[0] - volumes.get(i - 1)[0]);
        }
        if (gcd == 0) {
            return 3_600_000L;
        }
        if (gcd % 60_000 != 0 || gcd / 60_000 > 0xFFFF) {
            throw new IllegalArgumentException("frozen values are " + gcd + " ms apart, not a whole number of minutes (1…65535)");
        }
        return gcd;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
