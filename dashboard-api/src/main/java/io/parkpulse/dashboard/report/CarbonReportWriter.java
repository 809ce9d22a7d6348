package io.parkpulse.dashboard.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The carbon report as CSV (UTF-8 with a byte-order mark, RFC 4180, every cell through {@link CsvCells}) or as a
 * workbook: the basis lines first (label, value), a blank line, then the table with its title row.
 */
final class CarbonReportWriter {

    private CarbonReportWriter() {
    }

    static byte[] csv(CarbonReport report, ReportLanguage language) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            out.write('\uFEFF');
            for (ReportAbout.Line line : CarbonReportColumns.basis(report, language)) {
                csv.printRecord(CsvCells.text(line.label()), CsvCells.text(line.value()));
            }
            csv.println();
            List<CarbonReportColumns.Column> columns = CarbonReportColumns.all();
            csv.printRecord(columns.stream().map(c -> CsvCells.text(c.title(language))).toList());
            for (CarbonReport.Row row : report.rows()) {
                List<Object> cells = new ArrayList<>();
                for (CarbonReportColumns.Column c : columns) {
                    cells.add(CsvCells.cell(c.value().apply(row, language)));
                }
                csv.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the carbon report CSV", e);
        }
        return bytes.toByteArray();
    }

    static byte[] xlsx(CarbonReport report, ReportLanguage language) {
        try (ReportWorkbook book = new ReportWorkbook()) {
            Sheet sheet = book.sheet(language.pick("碳排放报表", "Carbon report"));
            int r = book.lines(sheet, 0, CarbonReportColumns.basis(report, language)) + 1;
            List<CarbonReportColumns.Column> columns = CarbonReportColumns.all();
            book.titles(sheet, r++, columns.stream().map(c -> c.title(language)).toList());
            sheet.createFreezePane(2, r);
            for (CarbonReport.Row line : report.rows()) {
                book.values(sheet, r++, columns.stream().map(c -> (Object) c.value().apply(line, language)).toList());
            }
            return book.bytes("carbon report");
        }
    }
}
