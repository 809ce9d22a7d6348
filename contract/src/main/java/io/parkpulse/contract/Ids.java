package io.parkpulse.contract;

import java.util.regex.Pattern;

/**
 * Syntax of the identifiers that travel on the wire and become topic levels or storage tags:
 * park, gateway, meter and enterprise ids.
 *
 * <p>An id starts with an ASCII letter or digit and continues with letters, digits, {@code . _ : -},
 * at most 64 characters. That keeps ids safe as MQTT topic levels (no {@code / + #}), as InfluxDB tag
 * values (no spaces, commas, quotes or backslashes) and in URLs.
 */
public final class Ids {
    public static final int MAX_LENGTH = 64;
    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private Ids() {
    }

    public static boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH || !isAlphanumeric(id.charAt(0))) {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!isAlphanumeric(c) && c != '.' && c != '_' && c != ':' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** ASCII letters and digits only: ids must be safe in every system they pass through. */
    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** The documented syntax as a regular expression, for tools and schemas. */
    public static Pattern syntax() {
        return SYNTAX;
    }

    /**
     * Checks a typed id's value.
     *
     * @param what names the id in the message, e.g. {@code meter id}
     * @throws IllegalArgumentException saying what is wrong with {@code value}
     */
    static void require(String what, String value) {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(what + " " + problem);
        }
    }

    /** Why {@code id} is not valid, for error messages; {@code null} when it is valid. */
    public static String problem(String id) {
        if (id == null || id.isEmpty()) {
            return "must not be empty";
        }
        if (id.length() > MAX_LENGTH) {
            return "is " + id.length() + " characters long; at most " + MAX_LENGTH + " are allowed";
        }
        if (!isValid(id)) {
            return "\"" + id + "\" must start with a letter or digit and contain only letters, digits and . _ : -";
        }
        return null;
    }
}
