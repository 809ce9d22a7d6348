package io.parkpulse.dashboard.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkpulse.efficiency.coal.EnergyCarrier;
import io.parkpulse.efficiency.indicator.OutputReport;
import io.parkpulse.efficiency.indicator.OutputReport.GreenElectricity;
import io.parkpulse.efficiency.indicator.OutputReport.GreenKind;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
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

    // --- declared fuels and green electricity (issue 19) ---

    @Test
    void json_fuels_and_green_electricity_are_declared_in_kg_and_kwh() {
        OutputReport r = parser.parseJson("""
                {"enterprise": "ent-a", "month": "2026-09", "output_value_cny": 100,
                 "fuels": {"raw_coal": 12000, "coke": 0, "diesel": 800.5, "gasoline": 120, "fuel_oil": 3000, "lpg": 450},
                 "green_electricity": [{"kind": "contract", "kwh": 150000}, {"kind": "certificate", "kwh": 20000}]}
                """).accepted().get(0);
        assertThat(r.fuels()).containsExactlyInAnyOrderEntriesOf(Map.of(EnergyCarrier.RAW_COAL, 12000.0, EnergyCarrier.COKE, 0.0,
                EnergyCarrier.DIESEL, 800.5, EnergyCarrier.GASOLINE, 120.0, EnergyCarrier.FUEL_OIL, 3000.0, EnergyCarrier.LPG, 450.0));
        assertThat(r.green()).containsExactly(new GreenElectricity(GreenKind.CONTRACT, 150_000),
                new GreenElectricity(GreenKind.CERTIFICATE, 20_000));
    }

    @Test
    void several_declarations_of_one_green_kind_add_up_and_empty_declarations_declare_nothing() {
        OutputReportParser.Result r = parser.parseJson("""
                [{"enterprise": "ent-a", "month": "2026-09", "output_value_cny": 1,
                  "green_electricity": [{"kind": "contract", "kwh": 100000}, {"kind": "certificate", "kwh": 5},
                                        {"kind": "contract", "kwh": 50000}]},
                 {"enterprise": "ent-b", "month": "2026-09", "output_value_cny": 1, "fuels": {}, "green_electricity": []},
                 {"enterprise": "ent-b", "month": "2026-08", "output_value_cny": 1}]
                """);
        assertThat(r.rejected()).isEmpty();
        assertThat(r.accepted().get(0).green()).containsExactly(new GreenElectricity(GreenKind.CONTRACT, 150_000),
                new GreenElectricity(GreenKind.CERTIFICATE, 5));
        assertThat(r.accepted().subList(1, 3)).allSatisfy(report -> {
            assertThat(report.fuels()).isEmpty();
            assertThat(report.green()).isEmpty();
        });
    }

    @Test
    void bad_json_declarations_are_named_by_report_field_and_fault_and_the_good_report_beside_them_is_kept() {
        OutputReportParser.Result r = parser.parseJson("""
                {"reports": [
                  {"enterprise": "ent-a", "month": "2026-08", "output_value_cny": 1, "fuels": {"diesel": 800}},
                  {"enterprise": "ent-b", "month": "2026-08", "output_value_cny": 1,
                   "fuels": {"wood": 5, "natural_gas": 1000, "raw_coal": -3, "lpg": "lots", "coke": null},
                   "green_electricity": [{"kind": "wind", "kwh": 1}, {"kwh": 2}, {"kind": "contract"},
                                         {"kind": "certificate", "kwh": -4}, {"kind": "contract", "kwh": "many", "price": 1}, 7]},
                  {"enterprise": "ent-a", "month": "2026-07", "output_value_cny": 1, "fuels": [1], "green_electricity": {"kind": "contract"}}
                ]}
                """);
        assertThat(r.accepted()).singleElement().satisfies(ok -> {
            assertThat(ok.month()).isEqualTo(YearMonth.of(2026, 8));
            assertThat(ok.fuels()).containsExactlyEntriesOf(Map.of(EnergyCarrier.DIESEL, 800.0));
        });
        assertThat(r.rejected()).extracting(OutputReportParser.Rejection::where).containsExactly("reports[1]", "reports[2]");
        assertThat(r.rejected().get(0).problems()).containsExactlyInAnyOrder(
                "reports[1].fuels.wood: unknown fuel; declared fuels are [raw_coal, coke, diesel, gasoline, fuel_oil, lpg]",
                "reports[1].fuels.natural_gas: natural_gas is metered, not declared in a report (its meters count it); "
                        + "declared fuels are [raw_coal, coke, diesel, gasoline, fuel_oil, lpg]",
                "reports[1].fuels.raw_coal: must not be negative, got -3",
                "reports[1].fuels.lpg: must be a number of kg, got text \"lots\"",
                "reports[1].fuels.coke: must be a number of kg, got null",
                "reports[1].green_electricity[0].kind: unknown kind text \"wind\"; one of [contract, certificate]",
                "reports[1].green_electricity[1].kind: required, one of [contract, certificate]",
                "reports[1].green_electricity[2].kwh: required, the electricity it covers in the month, kWh",
                "reports[1].green_electricity[3].kwh: must not be negative, got -4",
                "reports[1].green_electricity[4].price: unknown field; allowed: [kind, kwh]",
                "reports[1].green_electricity[4].kwh: must be a number of kWh, got text \"many\"",
                "reports[1].green_electricity[5]: must be an object {kind, kwh}, got 7");
        assertThat(r.rejected().get(1).problems()).containsExactlyInAnyOrder(
                "reports[2].fuels: must be an object of fuel and kg, such as {\"raw_coal\": 12000}, got an array",
                "reports[2].green_electricity: must be an array of {kind, kwh}, such as [{\"kind\": \"contract\", \"kwh\": 150000}], got an object");
    }

    @Test
    void csv_declares_fuels_and_green_electricity_in_their_storage_columns_and_an_empty_cell_declares_nothing() {
        OutputReportParser.Result r = parser.parseCsv("""
                enterprise,month,output_value_cny,fuel_raw_coal_kg,fuel_coke_kg,fuel_diesel_kg,fuel_gasoline_kg,fuel_fuel_oil_kg,fuel_lpg_kg,green_contract_kwh,green_certificate_kwh,product,quantity,unit,energy_share
                ent-a,2026-09,100,"12,000",,800,120,,450,150000,20000,熟料,40000,t,0.8
                ent-a,2026-09,100,"12,000",,800,120,,450,150000,20000,水泥,10000,t,0.2
                ent-b,2026-09,100,,,,,,,,,,,,
                """);
        assertThat(r.rejected()).isEmpty();
        OutputReport a = r.accepted().get(0);
        assertThat(a.fuels()).containsExactlyInAnyOrderEntriesOf(Map.of(EnergyCarrier.RAW_COAL, 12000.0, EnergyCarrier.DIESEL, 800.0,
                EnergyCarrier.GASOLINE, 120.0, EnergyCarrier.LPG, 450.0));
        assertThat(a.green()).containsExactly(new GreenElectricity(GreenKind.CONTRACT, 150_000),
                new GreenElectricity(GreenKind.CERTIFICATE, 20_000));
        assertThat(a.products()).hasSize(2);
        assertThat(r.accepted().get(1).fuels()).isEmpty();
        assertThat(r.accepted().get(1).green()).isEmpty();
        assertThat(OutputReportParser.FUEL_COLUMNS.keySet()).containsExactly("fuel_raw_coal_kg", "fuel_coke_kg", "fuel_diesel_kg",
                "fuel_gasoline_kg", "fuel_fuel_oil_kg", "fuel_lpg_kg");
        assertThat(OutputReportParser.GREEN_COLUMNS.keySet()).containsExactly("green_contract_kwh", "green_certificate_kwh");
    }

    @Test
    void bad_csv_declarations_are_named_by_line_and_column_and_the_good_lines_are_kept() {
        OutputReportParser.Result r = parser.parseCsv("""
                enterprise,month,output_value_cny,fuel_diesel_kg,green_contract_kwh,product,quantity,unit,energy_share
                ent-a,2026-09,100,800,1000,,,,
                ent-b,2026-09,100,abc,-5,,,,
                ent-a,2026-08,100,800,,x,1,t,0.5
                ent-a,2026-08,100,900,,y,1,t,0.5
                """);
        assertThat(r.accepted()).singleElement().extracting(OutputReport::month).isEqualTo(YearMonth.of(2026, 9));
        assertThat(r.rejected()).extracting(OutputReportParser.Rejection::where).containsExactly("line 3", "line 4");
        assertThat(r.rejected().get(0).problems()).containsExactly("line 3.fuel_diesel_kg: must be a number of kg, got text \"abc\"",
                "line 3.green_contract_kwh: must not be negative, got -5.0");
        assertThat(r.rejected().get(1).problems()).singleElement().asString()
                .startsWith("line 5: the declared fuels or green electricity differ from line 4");
    }

    @Test
    void a_csv_column_of_a_metered_carrier_or_an_unknown_fuel_is_refused_as_a_whole_naming_it() {
        assertThatThrownBy(() -> parser.parseCsv("enterprise,month,output_value_cny,fuel_natural_gas_kg\nent-a,2026-09,1,5\n"))
                .hasMessageStartingWith("CSV header: unknown column(s) [fuel_natural_gas_kg] (natural_gas metered, not declared in a report)")
                .hasMessageContaining("fuel_lpg_kg, green_contract_kwh, green_certificate_kwh");
        assertThatThrownBy(() -> parser.parseCsv("enterprise,month,output_value_cny,fuel_wood_kg,green_wind_kwh\nent-a,2026-09,1,5,1\n"))
                .hasMessageStartingWith("CSV header: unknown column(s) [fuel_wood_kg, green_wind_kwh]; allowed:");
    }

    @Test
    void the_csv_columns_are_the_declared_fuels_of_the_engine() {
        assertThat(List.copyOf(OutputReportParser.FUEL_COLUMNS.values())).containsExactlyElementsOf(OutputReport.DECLARED_FUELS);
    }
}
