package io.parkpulse.ingest.support;

import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.TelemetryMessage;
import io.parkpulse.contract.Value;
import java.util.ArrayList;
import java.util.List;

/** Distinct, countable readings for the load park of {@link TestParks}: every (meter, time) pair is unique. */
public final class Readings {

    private final long baseMs;
    private final int meters;
    private long seq;
    private long round;

    public Readings(long baseMs, int meters) {
        this.baseMs = baseMs;
        this.meters = meters;
    }

    /** The next message: one reading of each meter at the next millisecond step. */
    public TelemetryMessage nextMessage() {
        long ts = baseMs + round++;
        List<Reading> readings = new ArrayList<>(meters);
        for (int i = 0; i < meters; i++) {
            readings.add(new Reading(TestParks.meterId(i), ts, List.of(Value.of(Quantity.ENERGY_KWH, round + i * 0.5),
                    Value.of(Quantity.POWER_KW, 10 + i))));
        }
        return new TelemetryMessage(seq++, readings);
    }

    public long published() {
        return round * meters;
    }

    /** Which published messages (by device time) are missing readings in storage, for failure messages. */
    public String missingIn(io.parkpulse.testkit.InfluxDb influx, String db) {
        io.parkpulse.testkit.QueryResult result = influx.query(db, "SELECT count(energy_kwh) FROM electricity WHERE time >= "
                + baseMs + "ms AND time < " + (baseMs + round) + "ms GROUP BY time(1ms) fill(0)");
        StringBuilder missing = new StringBuilder();
        int shown = 0;
        if (!result.isEmpty()) {
            for (List<Object> row : result.single().values()) {
                long count = ((Number) row.get(1)).longValue();
                if (count != meters && shown++ < 20) {
                    missing.append(" [message ").append(((Number) row.get(0)).longValue() - baseMs).append(" at ")
                            .append(row.get(0)).append(": ").append(count).append(" of ").append(meters).append(']');
                }
            }
        }
        return missing.length() == 0 ? " (no message incomplete)" : missing.toString();
    }
}
