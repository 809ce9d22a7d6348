package io.parkpulse.dashboard.report;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The files the monthly report is exported as. */
public enum ReportFormat {
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    CSV("csv", "text/csv; charset=utf-8");

    private final String extension;
    private final String contentType;

    ReportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<ReportFormat> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ReportFormat::extension).toList();
    }
}
