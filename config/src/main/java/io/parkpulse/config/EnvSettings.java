package io.parkpulse.config;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed settings from environment variables, collecting every bad value with the variable's
 * name so a misconfigured service says everything that is wrong at once.
 */
public final class EnvSettings {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");

    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    public EnvSettings(Map<String, String> env) {
        this.env = env;
    }

    public String text(String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** The value, or {@code null} when unset; for optional secrets and credentials. */
    public String optional(String name) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    public int integer(String name, int fallback, int min, int max) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                problems.add(name + "=" + value + ": must be between " + min + " and " + max);
                return fallback;
            }
            return parsed;
        } catch (NumberFormatException e) {
            problems.add(name + "=" + value + ": not a whole number");
            return fallback;
        }
    }

    /** A switch written {@code on} or {@code off} ({@code true} / {@code false} too, any case). */
    public boolean onOff(String name, boolean fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> {
                problems.add(name + "=" + value + ": must be on or off (or true / false)");
                yield fallback;
            }
        };
    }

    /** A duration written as {@code 200ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 30d} or ISO-8601 ({@code PT0.2S}). */
    public Duration duration(String name, Duration fallback, Duration min, Duration max) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Duration parsed = parseDuration(value.trim());
        if (parsed == null) {
            problems.add(name + "=" + value + ": not a duration; write e.g. 200ms, 30s, 5m, 2h, 30d or PT0.2S");
            return fallback;
        }
        if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
            problems.add(name + "=" + value + ": must be between " + min + " and " + max);
            return fallback;
        }
        return parsed;
    }

    public URI uri(String name, String fallback, List<String> schemes) {
        String value = text(name, fallback);
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || !schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT)) || uri.getHost() == null) {
                problems.add(name + "=" + value + ": expected a URL like " + schemes.get(0) + "://host:port");
                return URI.create(fallback);
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            problems.add(name + "=" + value + ": not a URL (" + e.getReason() + ")");
            return URI.create(fallback);
        }
    }

    public void check(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }

    /** @throws IllegalArgumentException listing every problem found */
    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid configuration:\n  " + String.join("\n  ", problems));
        }
    }

    public static Duration parseDuration(String text) {
        Matcher m = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            double millis = switch (m.group(2)) {
                case "ms" -> amount;
                case "s" -> amount * 1_000;
                case "m" -> amount * 60_000;
                case "h" -> amount * 3_600_000;
                default -> amount * 86_400_000;
            };
            return Duration.ofMillis(Math.round(millis));
        }
        try {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
