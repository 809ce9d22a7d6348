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
 * What every Excel report shares (Apache POI, streaming): a bold wrapped header style, one number format, title rows,
 * label–value lines and data rows whose text is always a string cell — never a formula, even for uploaded names that
 * begin with "=".
 */
final class ReportWorkbook implements AutoCloseable {

    /** Rows kept in memory while streaming; a thousand-enterprise park stays small. */
    private static final int WINDOW = 200;

    private final SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
    private final CellStyle header = book.createCellStyle();
    private final CellStyle number = book.createCellStyle();

    ReportWorkbook() {
        Font bold = book.createFont();
        bold.setBold(true);
        header.setFont(bold);
        header.setWrapText(true);
        number.setDataFormat(book.createDataFormat().getFormat("#,##0.####"));
    }

    Sheet sheet(String name) {
        return book.createSheet(name);
    }

    /** A header row of titles at {@code row}, columns 16 characters wide. */
    void titles(Sheet sheet, int row, List<String> titles) {
        Row r = sheet.createRow(row);
        for (int c = 0; c < titles.size(); c++) {
            Cell cell = r.createCell(c);
            cell.setCellValue(titles.get(c));
            cell.setCellStyle(header);
            sheet.setColumnWidth(c, 16 * 256);
        }
    }

    /** A data row: numbers as numbers, anything else as a string cell, {@code null} as an empty cell. */
    void values(Sheet sheet, int row, List<Object> values) {
        Row r = sheet.createRow(row);
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value instanceof Number n) {
                Cell cell = r.createCell(c);
                cell.setCellValue(n.doubleValue());
                cell.setCellStyle(number);
            } else if (value != null) {
                r.createCell(c).setCellValue(value.toString());
            }
        }
    }

    /** Label–value lines from {@code row} on, labels bold; returns the next free row. */
    int lines(Sheet sheet, int row, List<ReportAbout.Line> lines) {
        for (ReportAbout.Line line : lines) {
            Row r = sheet.createRow(row++);
            Cell label = r.createCell(0);
            label.setCellValue(line.label());
            label.setCellStyle(header);
            r.createCell(1).setCellValue(line.value());
        }
        return row;
    }

    /** The workbook's bytes; {@code what} names it in the error. */
    byte[] bytes(String what) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the " + what + " workbook", e);
        }
    }

    @Override
    public void close() {
        book.dispose();
        try {
            book.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
