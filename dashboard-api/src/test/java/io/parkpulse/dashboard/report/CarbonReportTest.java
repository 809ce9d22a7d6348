package io.parkpulse.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.dashboard.efficiency.CarbonYearFixture;
import io.parkpulse.dashboard.efficiency.ParkYear;
import io.parkpulse.efficiency.carbon.tracking.MonthFigures;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The carbon report from a year built without I/O: rows, the park's sum, a month's tracking, the basis lines, cells. */
class CarbonReportTest {

    static final Instant AT = Instant.parse("2026-04-10T02:00:00Z");

    @Test
    void a_year_has_a_row_per_enterprise_and_the_park_total() {
        ParkYear y = CarbonYearFixture.year(true);
        CarbonReport r = CarbonReportAssembler.assemble(y, null, null, AT, "operator");
        assertThat(r.rows()).hasSize(3);
        double a = y.thisYear().get("ent-a").stream().mapToDouble(MonthFigures::co2T).sum();
        double b = y.thisYear().get("ent-b").stream().mapToDouble(MonthFigures::co2T).sum();
        assertThat(r.rows().get(0).co2T()).isCloseTo(a, within(1e-9));
        assertThat(r.rows().get(2).park()).isTrue();
        assertThat(r.rows().get(2).co2T()).isCloseTo(a + b, within(1e-9));
        assertThat(r.rows().get(2).forecastCo2T()).isCloseTo(y.progress().park().co2().forecast().value(), within(1e-9));
        assertThat(r.rows().get(1).greenKwhApplied()).isEqualTo(300_000);
        assertThat(r.rows().get(0).twoHigh()).isTrue();
        assertThat(r.rows().get(1).notes().stream().map(n -> n.code()).toList()).contains("green_not_deducted", "no_budget");
    }

    @Test
    void a_month_counts_that_month_and_tracks_the_year_as_it_stood_then() {
        ParkYear y = CarbonYearFixture.year(true);
        CarbonReport r = CarbonReportAssembler.assemble(y, YearMonth.of(2026, 2), null, AT, "operator");
        assertThat(r.first()).isEqualTo(YearMonth.of(2026, 2));
        assertThat(r.rows().get(0).co2T()).isCloseTo(y.thisYear().get("ent-a").get(1).co2T(), within(1e-9));
        // through February: January and February's forecast, not March's
        assertThat(r.rows().get(0).forecastCo2T()).isNotCloseTo(y.progress().enterprises().get("ent-a").co2().forecast().value(),
                within(1e-6));
        CarbonReport own = CarbonReportAssembler.assemble(y, YearMonth.of(2026, 2), "ent-b", AT, "Beta");
        assertThat(own.rows()).singleElement().satisfies(row -> assertThat(row.enterprise()).isEqualTo("ent-b"));
    }

    @Test
    void the_csv_says_its_basis_first_in_either_language_and_quotes_formula_text() throws Exception {
        CarbonReport r = CarbonReportAssembler.assemble(CarbonYearFixture.year(false), null, null, AT, "operator");
        String en = new String(CarbonReportWriter.csv(r, ReportLanguage.EN), StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(en)).getRecords();
        assertThat(records.get(0).toList()).containsExactly("Park", "单元园区 (unit-park)");
        String grid = records.stream().filter(x -> x.get(0).equals("Grid emission factor")).findFirst().orElseThrow().get(1);
        assertThat(grid).isEqualTo("0.5306 kgCO₂/kWh; national average; factor of 2023 (none published for 2026 yet: an earlier year's is used)");
        assertThat(en).contains("Green electricity rule,green electricity contracts deducted", "Time zone,Asia/Shanghai",
                "Policy version,unit-1");
        CSVRecord alpha = records.stream().filter(x -> x.get(0).equals("ent-a")).findFirst().orElseThrow();
        assertThat(alpha.get(1)).isEqualTo("'=Alpha 水泥");
        CSVRecord beta = records.stream().filter(x -> x.get(0).equals("ent-b")).findFirst().orElseThrow();
        List<String> titles = records.stream().filter(x -> x.get(0).equals("Enterprise ID")).findFirst().orElseThrow().toList();
        assertThat(beta.get(titles.indexOf("CO2 (tCO₂)"))).as("insufficient: blank").isEmpty();
        assertThat(beta.get(titles.indexOf("Data state"))).isEqualTo(DataStateText.label(
                io.parkpulse.efficiency.evaluation.DataState.insufficient(new io.parkpulse.efficiency.evaluation.DataState.Reason(
                        "x", java.util.Map.of(), "x")), ReportLanguage.EN));
        assertThat(beta.get(titles.indexOf("CO2 verdict"))).isEqualTo("unknown");
        String zh = new String(CarbonReportWriter.csv(r, ReportLanguage.ZH), StandardCharsets.UTF_8);
        assertThat(zh).contains("电网排放因子", "全国电力平均", "2023 年因子", "2026 年尚未发布", "扣减绿电交易合同电量", "无法判断",
                "园区合计");
    }

    @Test
    void the_workbook_writes_the_basis_rows_and_the_table_as_strings_and_numbers() throws Exception {
        CarbonReport r = CarbonReportAssembler.assemble(CarbonYearFixture.year(true), null, null, AT, "operator");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(CarbonReportWriter.xlsx(r, ReportLanguage.ZH)))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("园区");
            sheet.forEach(row -> row.forEach(c -> assertThat(c.getCellType()).isIn(CellType.STRING, CellType.NUMERIC)));
            boolean found = false;
            for (var row : sheet) {
                if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                        && row.getCell(0).getStringCellValue().equals("ent-a")) {
                    found = true;
                    assertThat(row.getCell(1).getStringCellValue()).isEqualTo("=Alpha 水泥");
                }
            }
            assertThat(found).isTrue();
        }
    }
}
