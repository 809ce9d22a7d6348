package io.parkpulse.simulators.output;

/** How the enterprise output report is written. */
public enum OutputReportFormat {
    /** Comma-separated with a header line. */
    CSV,
    /** One JSON object per line. */
    JSONL,
    /** CSV in the dashboard API's upload format (docs/dashboard-api.md#output-reports), ready to POST. */
    UPLOAD
}
