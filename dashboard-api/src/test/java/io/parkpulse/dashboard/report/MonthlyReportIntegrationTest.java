package io.parkpulse.dashboard.report;

import static io.parkpulse.dashboard.data.DataApiFixture.A1;
import static io.parkpulse.dashboard.data.DataApiFixture.A2;
import static io.parkpulse.dashboard.data.DataApiFixture.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.dashboard.data.DataApiFixture;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.RealServicesTest;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly report downloaded, opened again with POI and commons-csv, and its cells checked against the
 * hand-written readings and output reports of {@link DataApiFixture}: September 2026, equivalent basis
 * (0.1229 kgce/kWh), alpha and beta peers in C3484.
 */
@RealServicesTest
class MonthlyReportIntegrationTest {

    static final String REPORT = "/parks/test-park/reports/monthly?month=2026-09";
    static final double HOURS = 30 * 24;
    static final double ALPHA_KWH = (A1 + A2) * HOURS;
    static final double BETA_KWH = B * HOURS;
    static final double ALPHA_INTENSITY = ALPHA_KWH * 0.1229 / 1000 / 100;  // tce per 10⁴ CNY of 1 000 000 CNY
    static final double BETA_INTENSITY = BETA_KWH * 0.1229 / 1000 / 200;

    @TempDir
    static Path dir;
    static DataApiFixture api;

    @BeforeAll
    static void start(InfluxDb influx) throws Exception {
        api = DataApiFixture.start(influx, dir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (api != null) {
            api.close();
        }
    }

    static HttpResponse<byte[]> download(String query, String caller) throws Exception {
        HttpResponse<byte[]> r = api.get(REPORT + query, caller);
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return r;
    }

    /** Header title → cell, per data row. */
    static List<Map<String, Cell>> rows(Sheet sheet) {
        Row header = sheet.getRow(0);
        List<Map<String, Cell>> rows = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Map<String, Cell> row = new HashMap<>();
            for (Cell title : header) {
                row.put(title.getStringCellValue(), sheet.getRow(r).getCell(title.getColumnIndex()));
            }
            rows.add(row);
        }
        return rows;
    }

    static String everyCell(XSSFWorkbook book) {
        StringBuilder all = new StringBuilder();
        book.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> all.append(cell.toString()).append('|'))));
        return all.toString();
    }

    @Test
    void an_operator_gets_every_enterprise_in_an_excel_workbook_with_chinese_titles() throws Exception {
        HttpResponse<byte[]> r = download("&format=xlsx", "operator");
        assertThat(r.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"parkpulse-test-park-2026-09.xlsx\"");
        assertThat(r.headers().firstValue("Content-Type")).hasValue(ReportFormat.XLSX.contentType());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("月报");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("企业编号");
            List<Map<String, Cell>> rows = rows(sheet);
            assertThat(rows).hasSize(3);
            Map<String, Cell> alpha = rows.get(0);
            assertThat(alpha.get("企业名称").getStringCellValue()).isEqualTo("阿尔法机械有限公司");
            assertThat(alpha.get("用电量 (kWh)").getNumericCellValue()).isCloseTo(ReportColumns.number(ALPHA_KWH, 1), within(1e-9));
            assertThat(alpha.get("综合能耗 (tce)").getNumericCellValue()).isCloseTo(ReportColumns.number(ALPHA_KWH * 0.1229 / 1000, 3), within(1e-12));
            assertThat(alpha.get("用水量 (m³)").getNumericCellValue()).isCloseTo(ReportColumns.number(DataApiFixture.WATER_A * HOURS, 1), within(1e-9));
            assertThat(alpha.get("产值 (万元)").getNumericCellValue()).isCloseTo(100, within(1e-9));
            assertThat(alpha.get("单位产值综合能耗 (tce/万元)").getNumericCellValue()).isCloseTo(ReportColumns.significant(ALPHA_INTENSITY, 4), within(1e-12));
            assertThat(alpha.get("亩均产值 (万元/亩)").getNumericCellValue()).isCloseTo(100.0 / 50, within(1e-12));
            assertThat(alpha.get("亩均税收 (万元/亩)").getNumericCellValue()).isCloseTo(4.0 / 50, within(1e-12));
            assertThat(alpha.get("同行业领跑值 (tce/万元)").getNumericCellValue()).isCloseTo(ReportColumns.significant(BETA_INTENSITY, 4), within(1e-12));
            assertThat(alpha.get("同行业中位数 (tce/万元)").getNumericCellValue())
                    .isCloseTo(ReportColumns.significant((ALPHA_INTENSITY + BETA_INTENSITY) / 2, 4), within(1e-12));
            assertThat(alpha.get("同行业排名").getNumericCellValue()).isEqualTo(2);
            assertThat(alpha.get("亩均评价等级").getStringCellValue()).isIn("A", "B");
            // no September 2025 to grow from: blank, with the reason
            assertThat(alpha.get("能耗同比增速 (%)")).isNull();
            assertThat(alpha.get("说明").getStringCellValue()).contains("2025-09 数据不足；").doesNotContain("insufficient");
            assertThat(rows.get(1).get("同行业排名").getNumericCellValue()).isEqualTo(1);
            assertThat(rows.get(2).get("企业名称").getStringCellValue()).isEqualTo("伽马纺织有限公司");

            Sheet about = book.getSheetAt(1);
            assertThat(about.getSheetName()).isEqualTo("说明");
            Map<String, String> lines = new HashMap<>();
            about.forEach(row -> lines.put(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue()));
            assertThat(lines.get("政策版本")).isEqualTo("test-2026.1");
            assertThat(lines.get("生成时间")).isEqualTo("2026-10-15 10:00:00 +08:00");
            assertThat(lines.get("折标口径")).isEqualTo("当量值");
        }
    }

    @Test
    void english_titles_on_request() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download("&format=xlsx&lang=en", "operator").body()))) {
            Row header = book.getSheetAt(0).getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Enterprise ID");
            assertThat(header.getCell(5).getStringCellValue()).isEqualTo("Electricity (kWh)");
            assertThat(book.getSheetAt(1).getRow(2).getCell(0).getStringCellValue()).isEqualTo("Policy version");
            assertThat(book.getSheetAt(1).getRow(2).getCell(1).getStringCellValue()).isEqualTo("test-2026.1");
        }
    }

    @Test
    void an_enterprise_gets_its_own_line_and_anonymous_peer_statistics_only() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download("&format=xlsx", "enterprise:ent-alpha").body()))) {
            List<Map<String, Cell>> rows = rows(book.getSheetAt(0));
            assertThat(rows).hasSize(1);
            Map<String, Cell> own = rows.get(0);
            assertThat(own.get("企业编号").getStringCellValue()).isEqualTo("ent-alpha");
            assertThat(own.get("同行业对标企业数").getNumericCellValue()).isEqualTo(2);
            assertThat(own.get("同行业领跑值 (tce/万元)").getNumericCellValue()).isCloseTo(ReportColumns.significant(BETA_INTENSITY, 4), within(1e-12));
            assertThat(own.get("同行业排名").getNumericCellValue()).isEqualTo(2);
            assertThat(own.get("百分位 (%)").getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(everyCell(book)).doesNotContain("贝塔").doesNotContain("伽马").doesNotContain("ent-beta")
                    .doesNotContain("ent-gamma");
        }
        String csv = new String(download("&format=csv", "enterprise:ent-alpha").body(), StandardCharsets.UTF_8);
        assertThat(csv).doesNotContain("贝塔").doesNotContain("伽马").doesNotContain("ent-beta").doesNotContain("ent-gamma");
    }

    @Test
    void the_csv_is_utf8_with_a_byte_order_mark_and_parses_back() throws Exception {
        HttpResponse<byte[]> r = download("&format=csv&lang=en", "operator");
        assertThat(r.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"parkpulse-test-park-2026-09.csv\"");
        byte[] body = r.body();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(text))) {
            List<CSVRecord> records = parser.getRecords();
            assertThat(parser.getHeaderNames()).contains("Enterprise ID", "Electricity (kWh)", "Policy version", "Generated at");
            assertThat(records).hasSize(3);
            CSVRecord beta = records.get(1);
            assertThat(beta.get("Enterprise")).isEqualTo("贝塔机械有限公司");
            assertThat(Double.parseDouble(beta.get("Electricity (kWh)"))).isCloseTo(ReportColumns.number(BETA_KWH, 1), within(1e-9));
            assertThat(Double.parseDouble(beta.get("Energy per output value (tce/10k CNY)"))).isCloseTo(ReportColumns.significant(BETA_INTENSITY, 4), within(1e-12));
            assertThat(beta.get("Rank among peers")).isEqualTo("1");
            assertThat(beta.get("Energy growth year on year (%)")).isEmpty();
            assertThat(beta.get("Policy version")).isEqualTo("test-2026.1");
            assertThat(beta.get("Generated at")).isEqualTo("2026-10-15 10:00:00 +08:00");
        }
    }

    @Test
    void a_wrong_month_format_or_language_is_refused_naming_it() throws Exception {
        assertThat(api.get(REPORT.replace("2026-09", "2026-13") + "&format=csv", "operator").statusCode()).isEqualTo(400);
        assertThat(new String(api.get("/parks/test-park/reports/monthly?format=csv", "operator").body(), StandardCharsets.UTF_8))
                .contains("\"field\":\"month\"");
        assertThat(new String(api.get(REPORT + "&format=pdf", "operator").body(), StandardCharsets.UTF_8))
                .contains("\"field\":\"format\"").contains("[xlsx, csv]");
        assertThat(new String(api.get(REPORT + "&format=csv&lang=fr", "operator").body(), StandardCharsets.UTF_8))
                .contains("\"field\":\"lang\"");
        assertThat(api.get("/parks/other-park/reports/monthly?month=2026-09&format=csv", "operator").statusCode()).isEqualTo(403);
    }
}
