package io.parkpulse.config;

/**
 * One problem found in a ParkPulse configuration file (a park file, a gateway configuration, a users or tokens file),
 * with where it is: {@code file:line:column: field: message}.
 *
 * @param file    the file, as given to the reader
 * @param line    1-based line, 0 when the problem concerns the whole file
 * @param column  1-based column, 0 when unknown
 * @param field   where in the document, e.g. {@code meters[3].ct_ratio}; empty for the whole file
 * @param message what is wrong and what would be right
 */
public record ConfigFileError(String file, int line, int column, String field, String message) {

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (!field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(message).toString();
    }
}
