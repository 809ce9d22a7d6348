package io.parkpulse.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * Decodes and checks telemetry payloads against the contract (structure, types, ids, timestamps,
 * vocabulary, finite and plausible values). Checks that need the park registry — does the meter
 * exist, is it on this gateway — belong to the receiver.
 *
 * <p>A fault is rejected at the smallest level that contains it: a bad value drops that value, a bad
 * reading drops that reading, and only a fault of the message itself (not JSON, too large, too many
 * readings, a bad {@code seq}, an unknown top-level field) drops the whole message. Non-numeric
 * literals such as {@code NaN} are read on purpose, so they cost one value rather than the message.
 *
 * <p>Thread-safe and allocation-light: one instance serves every thread.
 */
public final class TelemetryDecoder {

    private static final int MAX_ECHO = 64;
    /** Epoch-millisecond values below this (3 March 1973) are almost certainly epoch seconds. */
    private static final long LOOKS_LIKE_SECONDS = 100_000_000_000L;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(32)
                    .maxStringLength(64 * 1024)
                    .maxNumberLength(64)
                    .build())
            .build();

    private final Limits limits;
    private final Clock clock;

    public TelemetryDecoder(Limits limits, Clock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Limits limits() {
        return limits;
    }

    public DecodedTelemetry decode(byte[] payload) {
        if (payload.length > limits.maxMessageBytes()) {
            return DecodedTelemetry.rejectedWhole(null, RejectReason.MESSAGE_TOO_LARGE,
                    "message is " + payload.length + " bytes; the limit is " + limits.maxMessageBytes());
        }
        if (payload.length == 0) {
            return DecodedTelemetry.rejectedWhole(null, RejectReason.MALFORMED_JSON, "the payload is empty");
        }
        MessageState message = new MessageState(clock.millis());
        try (JsonParser parser = JSON.createParser(payload)) {
            return decodeMessage(parser, message);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return DecodedTelemetry.rejectedWhole(message.seq, RejectReason.MALFORMED_JSON,
                    "not valid JSON" + where + ": " + echo(String.valueOf(e.getOriginalMessage())));
        } catch (IOException e) {
            // cannot happen for an in-memory array; report rather than throw all the same
            return DecodedTelemetry.rejectedWhole(message.seq, RejectReason.MALFORMED_JSON, String.valueOf(e.getMessage()));
        }
    }

    /** What is known about the message while it is parsed. */
    private static final class MessageState {
        final long now;
        Long seq;
        boolean sawReadings;
        int readingCount;
        final List<Reading> readings = new ArrayList<>();
        final List<Integer> positions = new ArrayList<>();
        final List<Rejection> rejections = new ArrayList<>();
        /** Where each meter and instant first appeared in this message. */
        final java.util.Map<MeterInstant, Integer> firstAt = new java.util.HashMap<>();

        MessageState(long now) {
            this.now = now;
        }
    }

    private DecodedTelemetry decodeMessage(JsonParser p, MessageState m) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return DecodedTelemetry.rejectedWhole(null, RejectReason.WRONG_TYPE, "the payload must be a JSON object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken token = p.nextToken();
            switch (name) {
                case "seq" -> {
                    if (m.seq != null) {
                        return whole(m, RejectReason.DUPLICATE_FIELD, "$.seq appears twice");
                    }
                    Long seq = nonNegativeLong(p, token);
                    if (seq == null) {
                        return whole(m, RejectReason.WRONG_TYPE,
                                "$.seq must be a non-negative integer, got " + describe(p, token));
                    }
                    m.seq = seq;
                }
                case "readings" -> {
                    if (m.sawReadings) {
                        return whole(m, RejectReason.DUPLICATE_FIELD, "$.readings appears twice");
                    }
                    m.sawReadings = true;
                    if (token != JsonToken.START_ARRAY) {
                        return whole(m, RejectReason.WRONG_TYPE, "$.readings must be an array, got " + describe(p, token));
                    }
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (m.readingCount == limits.maxReadingsPerMessage()) {
                            return whole(m, RejectReason.TOO_MANY_READINGS, "more than "
                                    + limits.maxReadingsPerMessage() + " readings in one message; split it");
                        }
                        decodeReading(p, m, m.readingCount++);
                    }
                }
                default -> {
                    return whole(m, RejectReason.UNKNOWN_FIELD,
                            "$." + echo(name) + " is not part of the contract (allowed: seq, readings)");
                }
            }
        }
        if (p.nextToken() != null) {
            return whole(m, RejectReason.MALFORMED_JSON, "unexpected content after the JSON object");
        }
        if (m.seq == null) {
            return whole(m, RejectReason.MISSING_FIELD, "$.seq is required");
        }
        if (!m.sawReadings) {
            return whole(m, RejectReason.MISSING_FIELD, "$.readings is required");
        }
        if (m.readingCount == 0) {
            return whole(m, RejectReason.NO_READINGS, "$.readings is empty");
        }
        return new DecodedTelemetry(m.seq, m.readings, m.positions, m.rejections);
    }

    private static DecodedTelemetry whole(MessageState m, RejectReason reason, String detail) {
        return DecodedTelemetry.rejectedWhole(m.seq, reason, detail);
    }

    /** A fault found while reading one reading, kept until the reading's meter and time are known. */
    private record Fault(RejectReason reason, String path, String detail) {
    }

    private void decodeReading(JsonParser p, MessageState m, int index) throws IOException {
        String path = "$.readings[" + index + "]";
        if (p.currentToken() != JsonToken.START_OBJECT) {
            String got = describe(p, p.currentToken());
            p.skipChildren();
            m.rejections.add(new Rejection(RejectReason.WRONG_TYPE, path, "a reading must be a JSON object, got " + got, null, null));
            return;
        }
        Fault readingFault = null;
        String meter = null;
        Long time = null;
        boolean sawMeter = false;
        boolean sawTime = false;
        boolean sawValues = false;
        int valueCount = 0;
        List<Value> values = new ArrayList<>(4);
        List<Fault> valueFaults = List.of();
        EnumSet<Quantity> seen = EnumSet.noneOf(Quantity.class);

        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken token = p.nextToken();
            Fault fault = null;
            switch (name) {
                case "meter" -> {
                    if (sawMeter) {
                        fault = new Fault(RejectReason.DUPLICATE_FIELD, path + ".meter", "meter appears twice");
                    } else if (token == JsonToken.VALUE_STRING) {
                        meter = p.getText();
                        String problem = Ids.problem(meter);
                        if (problem != null) {
                            fault = new Fault(RejectReason.INVALID_METER_ID, path + ".meter", "meter id " + problem);
                        }
                    } else {
                        fault = new Fault(RejectReason.WRONG_TYPE, path + ".meter", "meter must be a string, got " + describe(p, token));
                    }
                    sawMeter = true;
                }
                case "ts" -> {
                    if (sawTime) {
                        fault = new Fault(RejectReason.DUPLICATE_FIELD, path + ".ts", "ts appears twice");
                    } else {
                        TimeOrFault t = readTime(p, token, path + ".ts", m.now);
                        time = t.time;
                        fault = t.fault;
                    }
                    sawTime = true;
                }
                case "values" -> {
                    if (sawValues) {
                        fault = new Fault(RejectReason.DUPLICATE_FIELD, path + ".values", "values appears twice");
                    } else if (token != JsonToken.START_OBJECT) {
                        fault = new Fault(RejectReason.WRONG_TYPE, path + ".values",
                                "values must be an object of name: value, got " + describe(p, token));
                    } else {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String valueName = p.currentName();
                            JsonToken valueToken = p.nextToken();
                            valueCount++;
                            Fault valueFault = readValue(p, valueToken, valueName, path + ".values." + echo(valueName), values, seen);
                            if (valueFault != null) {
                                if (valueFault.reason == RejectReason.DUPLICATE_FIELD) {
                                    fault = fault == null ? valueFault : fault;
                                } else {
                                    if (valueFaults.isEmpty()) {
                                        valueFaults = new ArrayList<>(2);
                                    }
                                    valueFaults.add(valueFault);
                                }
                            }
                        }
                        if (valueCount == 0) {
                            fault = new Fault(RejectReason.NO_VALUES, path + ".values", "values is empty");
                        } else if (valueCount > limits.maxValuesPerReading()) {
                            fault = new Fault(RejectReason.TOO_MANY_VALUES, path + ".values",
                                    valueCount + " values in one reading; the limit is " + limits.maxValuesPerReading());
                        }
                    }
                    sawValues = true;
                }
                default -> {
                    p.skipChildren();
                    fault = new Fault(RejectReason.UNKNOWN_FIELD, path + "." + echo(name),
                            echo(name) + " is not part of a reading (allowed: meter, ts, values)");
                }
            }
            if (readingFault == null && fault != null) {
                readingFault = fault;
            }
        }
        if (readingFault == null) {
            if (!sawMeter) {
                readingFault = new Fault(RejectReason.MISSING_FIELD, path + ".meter", "meter is required");
            } else if (!sawTime) {
                readingFault = new Fault(RejectReason.MISSING_FIELD, path + ".ts", "ts is required");
            } else if (!sawValues) {
                readingFault = new Fault(RejectReason.MISSING_FIELD, path + ".values", "values is required");
            }
        }
        String knownMeter = meter == null ? null : echo(meter);
        if (readingFault != null) {
            m.rejections.add(new Rejection(readingFault.reason, readingFault.path, readingFault.detail, knownMeter, time));
            return;
        }
        for (Fault f : valueFaults) {
            m.rejections.add(new Rejection(f.reason, f.path, f.detail, knownMeter, time));
        }
        if (!values.isEmpty()) {
            Integer first = m.firstAt.putIfAbsent(new MeterInstant(meter, time), index);
            if (first != null) {
                // which of two values is right cannot be told here: keep the first, report this one, never silently
                m.rejections.add(new Rejection(RejectReason.DUPLICATE_READING, path, "meter " + knownMeter + " at " + time
                        + " was already sent at $.readings[" + first + "] of this message; that one is stored, this one is not",
                        knownMeter, time));
                return;
            }
            m.readings.add(new Reading(meter, time, values));
            m.positions.add(index);
        }
    }

    private record MeterInstant(String meter, long time) {
    }

    private record TimeOrFault(Long time, Fault fault) {
    }

    private TimeOrFault readTime(JsonParser p, JsonToken token, String path, long now) throws IOException {
        long time;
        if (token == JsonToken.VALUE_NUMBER_INT) {
            try {
                time = p.getLongValue();
            } catch (InputCoercionException e) {
                return new TimeOrFault(null, new Fault(RejectReason.INVALID_TIMESTAMP, path,
                        "ts " + echo(p.getText()) + " is out of range for epoch milliseconds"));
            }
        } else if (token == JsonToken.VALUE_STRING) {
            String text = p.getText();
            try {
                time = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
            } catch (DateTimeParseException | ArithmeticException e) {
                return new TimeOrFault(null, new Fault(RejectReason.INVALID_TIMESTAMP, path, isoProblem(text)));
            }
        } else {
            String got = describe(p, token);
            p.skipChildren();
            return new TimeOrFault(null, new Fault(RejectReason.WRONG_TYPE, path,
                    "ts must be epoch milliseconds (integer) or ISO-8601 text with an offset, got " + got));
        }
        if (time > now + limits.maxFutureSkew().toMillis()) {
            return new TimeOrFault(time, new Fault(RejectReason.TIMESTAMP_IN_FUTURE, path,
                    "ts " + Instant.ofEpochMilli(time) + " is more than " + limits.maxFutureSkew()
                            + " ahead of the platform clock (" + Instant.ofEpochMilli(now) + ")"));
        }
        if (time < now - limits.maxAge().toMillis()) {
            String hint = time > 0 && time < LOOKS_LIKE_SECONDS && token == JsonToken.VALUE_NUMBER_INT
                    ? "; it looks like epoch seconds, but the contract uses epoch milliseconds" : "";
            return new TimeOrFault(time, new Fault(RejectReason.TIMESTAMP_TOO_OLD, path,
                    "ts " + Instant.ofEpochMilli(time) + " is older than the accepted " + limits.maxAge() + hint));
        }
        return new TimeOrFault(time, null);
    }

    private static String isoProblem(String text) {
        try {
            LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            return "ts \"" + echo(text) + "\" has no UTC offset; write it like 2026-11-22T08:15:00+08:00 or with Z";
        } catch (DateTimeParseException e) {
            return "ts \"" + echo(text) + "\" is not an ISO-8601 date-time with offset (e.g. 2026-11-22T08:15:00+08:00)";
        }
    }

    private Fault readValue(JsonParser p, JsonToken token, String name, String path, List<Value> into,
                            EnumSet<Quantity> seen) throws IOException {
        Quantity quantity = Quantity.byWireName(name).orElse(null);
        if (quantity == null) {
            p.skipChildren();
            return new Fault(RejectReason.UNKNOWN_QUANTITY, path, "\"" + echo(name) + "\" is not in the value vocabulary");
        }
        if (!seen.add(quantity)) {
            p.skipChildren();
            return new Fault(RejectReason.DUPLICATE_FIELD, path, quantity + " appears twice in one reading");
        }
        if (!quantity.isNumeric()) {
            if (token != JsonToken.VALUE_STRING) {
                String got = describe(p, token);
                p.skipChildren();
                return new Fault(RejectReason.WRONG_TYPE, path, quantity + " must be a string, got " + got);
            }
            EquipmentState state = EquipmentState.byWireName(p.getText()).orElse(null);
            if (state == null) {
                return new Fault(RejectReason.INVALID_STATE, path, "state \"" + echo(p.getText())
                        + "\" is not one of running, idle, fault, off");
            }
            into.add(Value.of(state));
            return null;
        }
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            String got = describe(p, token);
            p.skipChildren();
            return new Fault(RejectReason.WRONG_TYPE, path, quantity + " must be a number, got " + got);
        }
        double number = p.getDoubleValue();
        if (!Double.isFinite(number)) {
            return new Fault(RejectReason.VALUE_NOT_FINITE, path, quantity + " is " + echo(p.getText()) + "; only finite numbers are stored");
        }
        if ((quantity.min() != null && number < quantity.min()) || (quantity.max() != null && number > quantity.max())) {
            return new Fault(RejectReason.VALUE_OUT_OF_RANGE, path, quantity + " = " + number + " is outside "
                    + range(quantity) + (quantity.unit().isEmpty() ? "" : " " + quantity.unit()));
        }
        into.add(Value.of(quantity, number));
        return null;
    }

    private static String range(Quantity q) {
        String lo = q.min() == null ? "(-∞" : "[" + q.min();
        String hi = q.max() == null ? "+∞)" : q.max() + "]";
        return lo + ", " + hi;
    }

    private static Long nonNegativeLong(JsonParser p, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_INT) {
            return null;
        }
        try {
            long v = p.getLongValue();
            return v >= 0 ? v : null;
        } catch (InputCoercionException e) {
            return null;
        }
    }

    /** A short description of the current token for error messages; never echoes more than a few dozen characters. */
    private static String describe(JsonParser p, JsonToken token) throws IOException {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "the string \"" + echo(p.getText()) + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + echo(p.getText());
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    /** Cuts outside text to a safe length before it goes back into a report or a log. */
    static String echo(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "…";
    }
}
