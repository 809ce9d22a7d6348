package io.parkpulse.gateway.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.TelemetryEncoder;
import io.parkpulse.contract.TelemetryMessage;
import io.parkpulse.contract.Value;
import io.parkpulse.gateway.config.FullPolicy;
import io.parkpulse.gateway.config.Importance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DEFAULT_MAX_BYTES holds a week without the broker for 200 electricity meters read every 15 minutes. */
class SevenDayOutageSizingTest {

    private static final int METERS = 200;
    private static final int CYCLES = 96 * 7;
    private static final int READINGS_PER_MESSAGE = 100;
    private static final long START = 1_717_200_000_000L;

    @TempDir
    Path dir;

    @Test
    void aWeekOfReadingsFitsWithoutSheddingAnything() throws IOException {
        TelemetryEncoder encoder = new TelemetryEncoder();
        Random random = new Random(2024);
        double[] energy = new double[METERS];
        long bytesOfReadings = 0;
        try (StoreAndForwardBuffer buffer = StoreAndForwardBuffer.open(dir, StoreAndForwardBuffer.DEFAULT_MAX_BYTES,
                FullPolicy.SHED_LEAST_IMPORTANT)) {
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                long time = START + cycle * 15 * 60_000L;
                for (int first = 0; first < METERS; first += READINGS_PER_MESSAGE) {
                    List<Reading> readings = new ArrayList<>();
                    for (int meter = first; meter < first + READINGS_PER_MESSAGE; meter++) {
                        energy[meter] += 5 + random.nextDouble() * 40;
                        readings.add(electricityReading(meter, time, energy[meter], random));
                    }
                    long seq = buffer.nextSeq();
                    byte[] message = encoder.encode(new TelemetryMessage(seq, readings));
                    bytesOfReadings += message.length;
                    AppendResult result = buffer.append(seq, readings.size(), message);
                    assertThat(result.isStored()).as(result.reason()).isTrue();
                    assertThat(buffer.sheddingLevel()).isEqualTo(Importance.LOW);
                }
            }
            assertThat(buffer.depthReadings()).isEqualTo(134_400);
            assertThat(buffer.droppedReadings()).isZero();
            assertThat(bytesOfReadings / 134_400.0).as("bytes per reading, realistic").isBetween(150.0, 250.0);
            assertThat(buffer.fill()).as("room left for larger parks").isLessThan(0.75);
        }
        try (StoreAndForwardBuffer reopened = StoreAndForwardBuffer.open(dir, StoreAndForwardBuffer.DEFAULT_MAX_BYTES,
                FullPolicy.SHED_LEAST_IMPORTANT)) {
            assertThat(reopened.depthReadings()).isEqualTo(134_400);
            assertThat(reopened.peek().orElseThrow().seq()).isEqualTo(1);
        }
    }

    /** What a three-phase meter reports: registers, power, the phase-A voltage and current, power factor. */
    private static Reading electricityReading(int meter, long time, double energyKwh, Random random) {
        double power = round(20 + random.nextDouble() * 180, 3);
        return new Reading(String.format("elec-b%02d-m%03d", meter / 20 + 1, meter), time, List.of(
                Value.of(Quantity.ENERGY_KWH, round(energyKwh, 2)),
                Value.of(Quantity.REVERSE_ENERGY_KWH, 0.0),
                Value.of(Quantity.REACTIVE_ENERGY_KVARH, round(energyKwh * 0.31, 2)),
                Value.of(Quantity.POWER_KW, power),
                Value.of(Quantity.REACTIVE_POWER_KVAR, round(power * 0.3, 3)),
                Value.of(Quantity.VOLTAGE_V, round(228 + random.nextDouble() * 6, 1)),
                Value.of(Quantity.CURRENT_A, round(power * 1000 / 230 / 3, 2)),
                Value.of(Quantity.POWER_FACTOR, round(0.85 + random.nextDouble() * 0.14, 3))));
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
