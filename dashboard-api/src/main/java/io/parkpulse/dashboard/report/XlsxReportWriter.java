package io.parkpulse.dashboard.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The monthly report as an Excel workbook (Apache POI, streaming): the report on the first sheet, a header row of
 * titles with units, frozen; what it was made under on the second.
 */
final class XlsxReportWriter {

    /** Rows kept in memory while streaming; a thousand-enterprise park stays small. */
    private static final int WINDOW = 200;

    private XlsxReportWriter() {
    }

    static byte[] write(MonthlyReport report, ReportLanguage language) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(WINDOW)) {
            CellStyle header = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setWrapText(true);
            CellStyle number = book.createCellStyle();
            number.setDataFormat(book.createDataFormat().getFormat("#,##0.####"));

            Sheet sheet = book.createSheet(language.pick("月报", "Monthly report"));
            List<ReportColumns.Column> columns = ReportColumns.ALL;
            Row titles = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = titles.createCell(c);
                cell.setCellValue(columns.get(c).title(language));
                cell.setCellStyle(header);
                sheet.setColumnWidth(c, 16 * 256);
            }
            sheet.createFreezePane(2, 1);
            int r = 1;
            for (ReportRow line : report.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < columns.size(); c++) {
                    Object value = columns.get(c).value().apply(line, language);
                    if (value instanceof Number n) {
                        Cell cell = row.createCell(c);
                        cell.setCellValue(n.doubleValue());
                        cell.setCellStyle(number);
                    } else if (value != null) {
                        // a string cell, never a formula, even for text that begins with "=" (uploaded names)
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }

            Sheet about = book.createSheet(language.pick("说明", "About"));
            int a = 0;
            for (ReportAbout.Line line : ReportAbout.of(report, language)) {
                Row row = about.createRow(a++);
                Cell label = row.createCell(0);
                label.setCellValue(line.label());
                label.setCellStyle(header);
                row.createCell(1).setCellValue(line.value());
            }
            about.setColumnWidth(0, 20 * 256);
            about.setColumnWidth(1, 60 * 256);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the monthly report workbook", e);
        }
    }
}
