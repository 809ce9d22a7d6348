package io.parkpulse.contract;

import java.util.List;

/**
 * The outcome of decoding one telemetry payload: the readings that passed the contract's checks and
 * a rejection for everything that did not. Good readings are kept even when others in the same
 * message are rejected; only a fault of the message as a whole rejects everything.
 *
 * @param seq        the message's sequence number, or {@code null} if it could not be read
 * @param readings   readings that passed, holding only their valid values
 * @param rejections what was rejected, in message order
 */
public record DecodedTelemetry(Long seq, List<Reading> readings, List<Rejection> rejections) {

    public DecodedTelemetry {
        readings = List.copyOf(readings);
        rejections = List.copyOf(rejections);
    }

    static DecodedTelemetry rejectedWhole(Long seq, RejectReason reason, String detail) {
        return new DecodedTelemetry(seq, List.of(), List.of(Rejection.ofMessage(reason, detail)));
    }

    public boolean wholeMessageRejected() {
        return rejections.size() == 1 && rejections.get(0).isWholeMessage();
    }
}
