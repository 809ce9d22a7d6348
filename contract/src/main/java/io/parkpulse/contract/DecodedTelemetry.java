package io.parkpulse.contract;

import java.util.List;

/**
 * The outcome of decoding one telemetry payload: the readings that passed the contract's checks and
 * a rejection for everything that did not. Good readings are kept even when others in the same
 * message are rejected; only a fault of the message as a whole rejects everything.
 *
 * @param seq        the message's sequence number, or {@code null} if it could not be read
 * @param readings   readings that passed, holding only their valid values
 * @param positions  for each accepted reading, its index in the message's {@code readings} array
 * @param rejections what was rejected, in message order
 */
public record DecodedTelemetry(Long seq, List<Reading> readings, List<Integer> positions, List<Rejection> rejections) {

    public DecodedTelemetry {
        readings = List.copyOf(readings);
        positions = List.copyOf(positions);
        rejections = List.copyOf(rejections);
        if (positions.size() != readings.size()) {
            throw new IllegalArgumentException("one position per reading");
        }
    }

    static DecodedTelemetry rejectedWhole(Long seq, RejectReason reason, String detail) {
        return new DecodedTelemetry(seq, List.of(), List.of(), List.of(Rejection.ofMessage(reason, detail)));
    }

    /** The JSON path of the {@code i}-th accepted reading, for reports about it. */
    public String pathOf(int i) {
        return "$.readings[" + positions.get(i) + "]";
    }

    public boolean wholeMessageRejected() {
        return rejections.size() == 1 && rejections.get(0).isWholeMessage();
    }
}
