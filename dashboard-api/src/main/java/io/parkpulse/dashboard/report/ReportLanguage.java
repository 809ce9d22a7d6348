package io.parkpulse.dashboard.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The language of the report's titles: Chinese by default, English on request. */
public enum ReportLanguage {
    ZH, EN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code zh} or {@code en} of a pair. */
    public String pick(String zh, String en) {
        return this == ZH ? zh : en;
    }

    public static Optional<ReportLanguage> byId(String id) {
        return Arrays.stream(values()).filter(l -> l.id().equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ReportLanguage::id).toList();
    }
}
