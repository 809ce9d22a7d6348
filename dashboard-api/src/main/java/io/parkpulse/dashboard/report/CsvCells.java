package io.parkpulse.dashboard.report;

/**
 * Text cells for every CSV the dashboard writes. A spreadsheet runs a cell that begins with {@code = + - @} (or a tab or
 * carriage return before one) as a formula, so a product name such as {@code =HYPERLINK(…)} uploaded by an enterprise
 * would act in the operator's Excel ("CSV injection", OWASP). Such text gets a leading single quote, which Excel shows
 * as text and hides. Only text: numbers the product writes itself ({@code -3.5}) stay numbers.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** {@code text} safe to put in a CSV cell; {@code null} stays {@code null} (a blank cell). */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }

    /** A cell of any kind: a number as plain digits (never exponent notation, which spreadsheets misread), text made safe. */
    public static Object cell(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return java.math.BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number || value == null) {
            return value;
        }
        return text(value.toString());
    }
}
