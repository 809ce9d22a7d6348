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

/**
 * The monthly report as CSV (commons-csv, RFC 4180): UTF-8 with a byte-order mark, without which Excel reads Chinese
 * as the local code page. One header row of titles with units; the policy version and generation time repeat as the
 * last two columns, since a CSV has no second sheet. Every cell goes through {@link CsvCells}: text that a spreadsheet
 * would run as a formula is neutralised.
 */
final class CsvReportWriter {

    private CsvReportWriter() {
    }

    static byte[] write(MonthlyReport report, ReportLanguage language) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            out.write('\uFEFF');
            List<String> header = new ArrayList<>();
            ReportColumns.ALL.forEach(c -> header.add(c.title(language)));
            header.add(language.pick("政策版本", "Policy version"));
            header.add(language.pick("生成时间", "Generated at"));
            csv.printRecord(header);
            String generated = ReportAbout.generatedAt(report);
            for (ReportRow row : report.rows()) {
                List<Object> cells = new ArrayList<>();
                for (ReportColumns.Column c : ReportColumns.ALL) {
                    cells.add(CsvCells.cell(c.value().apply(row, language)));
                }
                cells.add(CsvCells.text(report.policyVersion()));
                cells.add(generated);
                csv.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the monthly report CSV", e);
        }
        return bytes.toByteArray();
    }
}
