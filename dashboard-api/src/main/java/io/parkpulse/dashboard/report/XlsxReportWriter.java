package io.parkpulse.dashboard.report;

import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The monthly report as an Excel workbook (Apache POI, streaming): the report on the first sheet, a header row of
 * titles with units, frozen; what it was made under on the second.
 */
final class XlsxReportWriter {

    private XlsxReportWriter() {
    }

    static byte[] write(MonthlyReport report, ReportLanguage language) {
        try (ReportWorkbook book = new ReportWorkbook()) {
            Sheet sheet = book.sheet(language.pick("月报", "Monthly report"));
            List<ReportColumns.Column> columns = ReportColumns.ALL;
            book.titles(sheet, 0, columns.stream().map(c -> c.title(language)).toList());
            sheet.createFreezePane(2, 1);
            int r = 1;
            for (ReportRow line : report.rows()) {
                book.values(sheet, r++, columns.stream().map(c -> (Object) c.value().apply(line, language)).toList());
            }
            Sheet about = book.sheet(language.pick("说明", "About"));
            book.lines(about, 0, ReportAbout.of(report, language));
            about.setColumnWidth(0, 20 * 256);
            about.setColumnWidth(1, 60 * 256);
            return book.bytes("monthly report");
        }
    }
}
