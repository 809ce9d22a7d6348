package io.parkpulse.dashboard.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkpulse.efficiency.indicator.OutputReport;
import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Output reports from JSON and CSV: every figure checked, each problem named by place and field, good reports kept. */
class OutputReportParserTest {

    private final OutputReportParser parser = new OutputReportParser(new OutputReportParser.Rules() {
        @Override
        public String enterpriseProblem(String enterprise) {
            return Set.of("ent-a", "ent-b").contains(enterprise) ? null : "park p has no enterprise " + enterprise;
        }

        @Override
        public YearMonth latestMonth() {
            return YearMonth.of(2026, 10);
        }
    });

    @Test
    void a_json_report_with_every_figure_and_products() {
        OutputReportParser.Result r = parser.parseJson("""
                {"enterprise": "ent-a", "month": "2026-09", "output_value_cny": 12000000, "value_added_cny": 3000000,
                 "tax_cny": 480000, "revenue_cny": 11000000, "rd_spend_cny": 240000, "employees": 120, "emissions_t": 1.5,
                 "products": [{"product": "熟料", "quantity": 40000, "unit": "t", "energy_share": 0.8},
                              {"product": "水泥", "quantity": 10000, "unit": "t", "energy_share": 0.2}]}
                """);
        assertThat(r.rejected()).isEmpty();
        OutputReport report = r.accepted().get(0);
        assertThat(report.month()).isEqualTo(YearMonth.of(2026, 9));
        assertThat(report.outputValue()).isEqualTo(12_000_000);
        assertThat(report.employees()).hasValue(120);
        assertThat(report.products()).extracting(OutputReport.ProductOutput::energyShare).containsExactly(0.8, 0.2);
    }

    @Test
    void figures_left_out_are_not_reported_and_one_product_takes_all_the_energy() {
        OutputReport r = parser.parseJson("""
                [{"enterprise": "ent-b", "month": "2026-10", "output_value_cny": 5,
                  "products": [{"product": "布", "quantity": 3, "unit": "hm"}]}]
                """).accepted().get(0);
        assertThat(r.tax()).isEmpty();
        assertThat(r.products().get(0).energyShare()).isEqualTo(1.0);
    }

    @Test
    void a_bad_report_is_rejected_with_every_problem_and_the_good_one_beside_it_is_kept() {
        OutputReportParser.Result r = parser.parseJson("""
                {"reports": [
                  {"enterprise": "ent-a", "month": "2026-08", "output_value_cny": 100},
                  {"enterprise": "ent-x", "month": "2026-11", "output_value_cny": "lots", "tax_cny": -1, "colour": "red",
                   "products": [{"product": "a", "quantity": 1, "unit": "t"}, {"product": "a", "quantity": 2, "unit": "t"}]}
                ]}
                """);
        assertThat(r.accepted()).extracting(OutputReport::enterprise).containsExactly("ent-a");
        OutputReportParser.Rejection bad = r.rejected().get(0);
        assertThat(bad.where()).isEqualTo("reports[1]");
        assertThat(bad.problems()).anySatisfy(p -> assertThat(p).isEqualTo("reports[1].enterprise: park p has no enterprise ent-x"))
                .anySatisfy(p -> assertThat(p).contains("reports[1].month: 2026-11 has not begun yet"))
                .anySatisfy(p -> assertThat(p).isEqualTo("reports[1].output_value_cny: must be a number, got text \"lots\""))
                .anySatisfy(p -> assertThat(p).contains("reports[1].tax_cny: must not be negative"))
                .anySatisfy(p -> assertThat(p).contains("reports[1].colour: unknown field"))
                .anySatisfy(p -> assertThat(p).contains("product a is listed twice"))
                .anySatisfy(p -> assertThat(p).contains("needs energy_share"));
    }

    @Test
    void the_same_month_twice_in_one_upload_is_refused() {
        OutputReportParser.Result r = parser.parseJson("""
                [{"enterprise": "ent-a", "month": "2026-08", "output_value_cny": 1},
                 {"enterprise": "ent-a", "month": "2026-08", "output_value_cny": 2}]
                """);
        assertThat(r.accepted()).hasSize(1);
        assertThat(r.rejected().get(0).problems().get(0)).contains("ent-a 2026-08 is already reported at [0]");
    }

    @Test
    void csv_lines_of_one_report_carry_its_products() {
        OutputReportParser.Result r = parser.parseCsv("""
                \uFEFFenterprise,month,output_value_cny,tax_cny,product,quantity,unit,energy_share
                ent-a,2026-09,"1,200,000",48000,熟料,40000,t,0.8
                ent-a,2026-09,"1,200,000",48000,水泥,10000,t,0.2
                ent-b,2026-09,900000,,,,,
                ent-b,2026-08,abc,,,,,
                ent-a,2026-07,1,2,x,1,t,
                ent-a,2026-07,1,3,y,1,t,
                """);
        assertThat(r.accepted()).extracting(OutputReport::enterprise, OutputReport::month)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ent-a", YearMonth.of(2026, 9)),
                        org.assertj.core.groups.Tuple.tuple("ent-b", YearMonth.of(2026, 9)));
        assertThat(r.accepted().get(0).outputValue()).isEqualTo(1_200_000);
        assertThat(r.accepted().get(0).products()).hasSize(2);
        assertThat(r.rejected()).extracting(OutputReportParser.Rejection::where).containsExactly("line 5", "line 6");
        assertThat(r.rejected().get(0).problems().get(0)).isEqualTo("line 5.output_value_cny: must be a number, got text \"abc\"");
        assertThat(r.rejected().get(1).problems()).anySatisfy(p -> assertThat(p).contains("line 7: the figures differ from line 6"));
    }

    @Test
    void an_unreadable_upload_says_why() {
        assertThatThrownBy(() -> parser.parseJson("[1,")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> parser.parseJson("[]")).hasMessage("the upload holds no reports");
        assertThatThrownBy(() -> parser.parseCsv("enterprise,month,value\n")).hasMessageContaining("unknown column(s) [value]");
        assertThatThrownBy(() -> parser.parseCsv("enterprise,month\n")).hasMessageContaining("column output_value_cny is required");
    }
}
