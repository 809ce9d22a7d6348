package io.parkpulse.simulators.output;

/** How the enterprise output report is written. */
public enum OutputReportFormat {
    /** Comma-separated with a header line. */
    CSV,
    /** One JSON object per line. */
    JSONL
}
