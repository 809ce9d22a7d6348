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
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

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
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            CellStyle header = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setWrapText(true);
            CellStyle number = book.createCellStyle();
            number.setDataFormat(book.createDataFormat().getFormat("#,##0.####"));
            Sheet sheet = book.createSheet(language.pick("碳排放报表", "Carbon report"));
            int r = 0;
            for (ReportAbout.Line line : CarbonReportColumns.basis(report, language)) {
                Row row = sheet.createRow(r++);
                Cell label = row.createCell(0);
                label.setCellValue(line.label());
                label.setCellStyle(header);
                row.createCell(1).setCellValue(line.value());
            }
            r++;
            List<CarbonReportColumns.Column> columns = CarbonReportColumns.all();
            Row titles = sheet.createRow(r++);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = titles.createCell(c);
                cell.setCellValue(columns.get(c).title(language));
                cell.setCellStyle(header);
                sheet.setColumnWidth(c, 16 * 256);
            }
            sheet.createFreezePane(2, r);
            for (CarbonReport.Row line : report.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < columns.size(); c++) {
                    Object value = columns.get(c).value().apply(line, language);
                    if (value instanceof Number n) {
                        Cell cell = row.createCell(c);
                        cell.setCellValue(n.doubleValue());
                        cell.setCellStyle(number);
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString()); // a string cell, never a formula
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the carbon report workbook", e);
        }
    }
}
