package io.parkpulse.simulators.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** Reads positive ISO-8601 durations such as PT15M. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        Duration d;
        try {
            d = Duration.parse(value.toUpperCase(java.util.Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("\"" + value + "\" is not an ISO-8601 duration such as PT15M or PT5S");
        }
        if (d.isNegative() || d.isZero()) {
            throw new CommandLine.TypeConversionException("the duration must be positive, got " + value);
        }
        return d;
    }
}
