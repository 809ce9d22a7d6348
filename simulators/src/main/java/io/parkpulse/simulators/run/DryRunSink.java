package io.parkpulse.simulators.run;

import io.parkpulse.contract.Topics;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Writes messages instead of publishing them, one per line:
 * {@code <simulated send time, ISO-8601>TAB<topic>TAB<payload>}. Payloads never contain line breaks
 * (the encoder writes compact JSON and corruption never adds one).
 *
 * <p>Not thread-safe; the simulation thread writes.
 */
public final class DryRunSink implements MessageSink {

    private final OutputStream out;
    private final String park;
    private final ZoneId zone;
    private final RunStats stats;

    public DryRunSink(OutputStream out, String park, ZoneId zone, RunStats stats) {
        this.out = new BufferedOutputStream(out, 1 << 16);
        this.park = park;
        this.zone = zone;
        this.stats = stats;
    }

    @Override
    public void send(OutgoingMessage m) {
        try {
            String head = OffsetDateTime.ofInstant(Instant.ofEpochMilli(m.sendTimeMs()), zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    + '\t' + Topics.telemetry(park, m.gatewayId()) + '\t';
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.write(m.payload());
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dry-run output: " + e.getMessage(), e);
        }
        stats.delivered(m);
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dry-run output: " + e.getMessage(), e);
        }
    }
}
