package io.parkpulse.protocols.dlt645;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a meter answered to a read: the value of the identifier asked for (and the time that comes with it, for a
 * maximum demand), or the errors of an abnormal reply ({@code D1}, one byte of error bits).
 *
 * @param identifier  the identifier answered
 * @param value       its value in the identifier's unit, {@code NaN} for an abnormal reply
 * @param errors      the abnormal reply's errors, empty for a normal one
 * @param time        the time that came with the value, in the meter's clock; empty when the identifier has none, the
 *                    meter has none yet, or it is not a time
 * @param timeProblem why the bytes of the time are not one, or {@code null}: the value is kept, the time never invented
 */
public record ReadReply(DataIdentifier identifier, double value, List<String> errors, Optional<LocalDateTime> time,
                        String timeProblem) {

    public ReadReply {
        errors = List.copyOf(errors);
        Objects.requireNonNull(time, "time");
    }

    /** A value without a time. */
    public ReadReply(DataIdentifier identifier, double value, List<String> errors) {
        this(identifier, value, errors, Optional.empty(), null);
    }

    private static final String[] ERROR_BITS = {"other error", "no requested data", "password or authorisation error",
            "baud rate cannot change", "year time-zone count exceeded", "daily period count exceeded",
            "tariff count exceeded", "reserved bit 7"};

    /** A read request for {@code identifier} to the meter at {@code address} (wire bytes). */
    public static Dlt645Frame request(byte[] address, DataIdentifier identifier) {
        return new Dlt645Frame(address, Dlt645Frame.READ_DATA, identifier.wire());
    }

    /**
     * The reply in {@code frame} to a read of {@code asked}.
     *
     * @throws IllegalArgumentException saying what is wrong: not a read reply, another identifier, a short or
     *                                  non-BCD value
     */
    public static ReadReply of(Dlt645Frame frame, DataIdentifier asked) {
        if (!frame.isReply() || frame.function() != Dlt645Frame.READ_DATA) {
            throw new IllegalArgumentException(String.format("control %02X is not a reply to a read (91 or D1)", frame.control()));
        }
        byte[] data = frame.data();
        if (frame.isAbnormal()) {
            if (data.length != 1) {
                throw new IllegalArgumentException("an abnormal reply carries one error byte, got " + data.length);
            }
            List<String> errors = new ArrayList<>();
            for (int bit = 0; bit < 8; bit++) {
                if ((data[0] & (1 << bit)) != 0) {
                    errors.add(ERROR_BITS[bit]);
                }
            }
            return new ReadReply(asked, Double.NaN, errors);
        }
        if (data.length < 4) {
            throw new IllegalArgumentException("a read reply starts with the 4 identifier bytes, got " + data.length + " bytes");
        }
        int code = (data[0] & 0xFF) | (data[1] & 0xFF) << 8 | (data[2] & 0xFF) << 16 | (data[3] & 0xFF) << 24;
        if (code != asked.code()) {
            throw new IllegalArgumentException(String.format("reply is for identifier %08X, %08X was asked", code, asked.code()));
        }
        if (data.length != 4 + asked.bytes()) {
            throw new IllegalArgumentException(asked + " has " + asked.bytes() + " value bytes, the reply has " + (data.length - 4));
        }
        double value = asked.decode(data, 4);
        try {
            return new ReadReply(asked, value, List.of(), asked.decodeTime(data, 4), null);
        } catch (IllegalArgumentException notATime) {
            return new ReadReply(asked, value, List.of(), Optional.empty(), notATime.getMessage());
        }
    }
}
