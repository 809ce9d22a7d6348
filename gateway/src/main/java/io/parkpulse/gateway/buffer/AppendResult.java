package io.parkpulse.gateway.buffer;

/**
 * What became of one append. Every reading not kept is in {@link #droppedReadings()}: the oldest
 * messages dropped to make room, or this message's own readings when it was refused.
 *
 * @param outcome         stored, or why not
 * @param droppedMessages messages lost by this append: the oldest ones dropped, or 1 (this one) when refused
 * @param droppedReadings readings in those messages
 * @param reason          a sentence for the log; empty when stored without loss
 */
public record AppendResult(Outcome outcome, int droppedMessages, long droppedReadings, String reason) {

    public enum Outcome {
        STORED,
        /** SHED_LEAST_IMPORTANT and the message does not fit in the space left. */
        REFUSED_FULL,
        /** The message alone is larger than the whole buffer. */
        REFUSED_TOO_LARGE,
        /** The disk refused the write (full, failing); nothing partial was left behind. */
        REFUSED_WRITE_FAILED
    }

    static AppendResult stored(int droppedMessages, long droppedReadings) {
        String reason = droppedMessages == 0 && droppedReadings == 0 ? ""
                : "buffer full: dropped the " + droppedMessages + " oldest messages (" + droppedReadings + " readings) to make room";
        return new AppendResult(Outcome.STORED, droppedMessages, droppedReadings, reason);
    }

    static AppendResult refused(Outcome outcome, int readings, String reason) {
        return new AppendResult(outcome, 1, readings, reason);
    }

    public boolean isStored() {
        return outcome == Outcome.STORED;
    }
}
