package io.parkpulse.contract;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why something a gateway sent was not stored. The wire code (lower case) appears in rejection
 * reports and as the {@code reason} label of the rejection metric.
 *
 * <p>The scope says how much was rejected: the whole message, one reading, or one value of a reading
 * (the reading's other values are still stored).
 */
public enum RejectReason {
    // whole message
    MESSAGE_TOO_LARGE(Scope.MESSAGE),
    MALFORMED_JSON(Scope.MESSAGE),
    TOO_MANY_READINGS(Scope.MESSAGE),
    NO_READINGS(Scope.MESSAGE),
    UNKNOWN_PARK(Scope.MESSAGE),
    UNKNOWN_GATEWAY(Scope.MESSAGE),
    INVALID_TOPIC(Scope.MESSAGE),
    /** The platform failed on this message; reported so it is not silently lost. */
    INTERNAL_ERROR(Scope.MESSAGE),
    // message or reading, depending on where the field is
    MISSING_FIELD(Scope.READING),
    UNKNOWN_FIELD(Scope.READING),
    DUPLICATE_FIELD(Scope.READING),
    WRONG_TYPE(Scope.READING),
    // one reading
    INVALID_METER_ID(Scope.READING),
    INVALID_TIMESTAMP(Scope.READING),
    TIMESTAMP_IN_FUTURE(Scope.READING),
    TIMESTAMP_TOO_OLD(Scope.READING),
    NO_VALUES(Scope.READING),
    TOO_MANY_VALUES(Scope.READING),
    UNKNOWN_METER(Scope.READING),
    METER_NOT_ON_GATEWAY(Scope.READING),
    /** The same meter and instant a second time in one message: the first is stored, this one is not. */
    DUPLICATE_READING(Scope.READING),
    STORAGE_REJECTED(Scope.READING),
    // one value
    UNKNOWN_QUANTITY(Scope.VALUE),
    QUANTITY_NOT_FOR_METER(Scope.VALUE),
    VALUE_NOT_FINITE(Scope.VALUE),
    VALUE_OUT_OF_RANGE(Scope.VALUE),
    INVALID_STATE(Scope.VALUE);

    /** How much a rejection for this reason discards, at most. */
    public enum Scope { MESSAGE, READING, VALUE }

    private final Scope typicalScope;
    private final String code = name().toLowerCase(Locale.ROOT);

    RejectReason(Scope typicalScope) {
        this.typicalScope = typicalScope;
    }

    public String code() {
        return code;
    }

    /** The scope this reason usually has; structural reasons can also apply to a whole message. */
    public Scope typicalScope() {
        return typicalScope;
    }

    public static Optional<RejectReason> byCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    @Override
    public String toString() {
        return code;
    }
}
