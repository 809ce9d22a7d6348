package io.parkpulse.efficiency.carbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.efficiency.calendar.ParkCalendar;
import io.parkpulse.efficiency.calendar.Period;
import io.parkpulse.efficiency.coal.CoefficientTable;
import io.parkpulse.efficiency.coal.EnergyBasis;
import io.parkpulse.efficiency.coal.EnergyCarrier;
import io.parkpulse.efficiency.counter.CounterProfile;
import io.parkpulse.efficiency.counter.CounterReading;
import io.parkpulse.efficiency.evaluation.EnterpriseInfo;
import io.parkpulse.efficiency.evaluation.EnterprisePeriod;
import io.parkpulse.efficiency.evaluation.MeterInfo;
import io.parkpulse.efficiency.evaluation.Metered;
import io.parkpulse.efficiency.evaluation.ParkEvaluation;
import io.parkpulse.efficiency.indicator.Indicator;
import io.parkpulse.efficiency.indicator.IndicatorCalculator;
import io.parkpulse.efficiency.indicator.OutputReport;
import io.parkpulse.efficiency.indicator.ProductIndicator;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CO₂ per enterprise and month in the park evaluation: the factor of the year of consumption, in the park's local
 * calendar, with declared fuels and green electricity.
 */
class CarbonEvaluationTest {

    private static final ParkCalendar SHANGHAI = new ParkCalendar(ZoneId.of("Asia/Shanghai"));
    private static final long Q = 15 * 60_000L;
    /** Local midnight of 1 January 2023 in Shanghai. */
    private static final long NEW_YEAR = Instant.parse("2022-12-31T16:00:00Z").toEpochMilli();
    private static final CarbonPolicy EAST_CHINA = new CarbonPolicy(GridFactorScope.REGIONAL, "east_china", Map.of(),
            GreenElectricityRule.CONTRACTS, 0.11, Map.of(), null, Map.of(), null, 0, 0);

    /** A register every quarter-hour, 100 kWh a quarter in local December, 200 from local midnight of the new year. */
    private static List<CounterReading> readings() {
        long from = Instant.parse("2022-11-29T16:00:00Z").toEpochMilli();
        long to = Instant.parse("2023-02-01T16:00:00Z").toEpochMilli();
        List<CounterReading> list = new ArrayList<>();
        double register = 5_000;
        for (long t = from; t <= to; t += Q) {
            list.add(CounterReading.of(t, register));
            register += t < NEW_YEAR ? 100 : 200;
        }
        return list;
    }

    private static Map<String, EnterprisePeriod> month(YearMonth month, List<OutputReport> reports) {
        ParkEvaluation evaluation = new ParkEvaluation(SHANGHAI, CoefficientTable.gbt2589(), EnergyBasis.EQUIVALENT, 0.9,
                EAST_CHINA, GridFactorTable.published());
        return evaluation.figures(Period.month(month), List.of(new EnterpriseInfo("cement", "C3011", 100, null)),
                List.of(new MeterInfo("E-1", "cement", Metered.ELECTRICITY, CounterProfile.plain())), id -> readings(), reports);
    }

    @Test
    void each_month_takes_the_factor_of_its_year_in_local_time() {
        assertThat(readings()).anySatisfy(r -> assertThat(r.timeMs())
                .as("a reading at 16:30Z on 31 December is in local January 2023")
                .isEqualTo(Instant.parse("2022-12-31T16:30:00Z").toEpochMilli()));
        List<OutputReport> reports = List.of(
                OutputReport.builder("cement", YearMonth.of(2022, 12), 10_000_000).valueAdded(2_000_000)
                        .green(List.of(new OutputReport.GreenElectricity(OutputReport.GreenKind.CONTRACT, 97_600))).build(),
                OutputReport.builder("cement", YearMonth.of(2023, 1), 12_000_000).valueAdded(3_000_000)
                        .fuels(Map.of(EnergyCarrier.DIESEL, 1_000.0))
                        .products(List.of(new OutputReport.ProductOutput("熟料", 1_000, "t", 1.0))).build());

        EnterprisePeriod december = month(YearMonth.of(2022, 12), reports).get("cement");
        EnterprisePeriod january = month(YearMonth.of(2023, 1), reports).get("cement");

        // December: 31 days × 96 quarters × 100 kWh = 297 600 kWh, of which 97 600 kWh under a green contract;
        // east China 2022 0.5617 kg/kWh: (297 600 − 97 600) × 0.5617 ÷ 1000 = 112.34 t
        assertThat(december.figures().electricityKwh()).isCloseTo(297_600, within(1e-6));
        assertThat(december.figures().carbon().tCo2()).isCloseTo(112.34, within(1e-6));
        assertThat(december.figures().carbon().basis().grid().factor().year()).isEqualTo(2022);
        assertThat(december.figures().carbon().greenKwhApplied()).isEqualTo(97_600);
        // January: 31 × 96 × 200 = 595 200 kWh; east China 2023 0.5500: 595 200 × 0.55 ÷ 1000 = 327.36 t;
        // plus 1 000 kg diesel × 0.042652 GJ/kg × 0.0202 × 0.98 × 44/12 = 3.09591 t → 330.45591 t
        assertThat(january.figures().electricityKwh()).isCloseTo(595_200, within(1e-6));
        assertThat(january.figures().carbon().tCo2ByCarrier().get(EnergyCarrier.ELECTRICITY)).isCloseTo(327.36, within(1e-6));
        assertThat(january.figures().carbon().tCo2()).isCloseTo(330.45591, within(1e-5));
        assertThat(january.figures().carbon().basis().grid().factor().year()).isEqualTo(2023);
        assertThat(january.figures().carbon().notes()).isEmpty();
        // the declared diesel counts in comprehensive energy too: 595 200 × 0.1229 ÷ 1000 + 1 000 × 1.4571 ÷ 1000
        // = 73.15008 + 1.4571 = 74.60718 tce
        assertThat(january.figures().energy().tce()).isCloseTo(74.60718, within(1e-6));
        assertThat(january.figures().energy().breakdown()).containsKey(EnergyCarrier.DIESEL);
        // indicators: 330.45591 t ÷ 300 万元 value added = 1.101520; ÷ 1 200 万元 output = 0.275380
        assertThat(january.indicators().get(Indicator.CO2).value()).isCloseTo(330.45591, within(1e-5));
        assertThat(january.indicators().get(Indicator.CO2_PER_VALUE_ADDED).value()).isCloseTo(1.101520, within(1e-6));
        assertThat(january.indicators().get(Indicator.CO2_PER_OUTPUT_VALUE).value()).isCloseTo(0.275380, within(1e-6));
        assertThat(january.state(Indicator.CO2).isSufficient()).isTrue();
        // per product: 330.45591 t × 1000 × share 1 ÷ 1 000 t clinker = 330.45591 kgCO2/t
        ProductIndicator clinker = IndicatorCalculator.perProduct(january.figures()).get(0);
        assertThat(clinker.kgCo2PerUnit()).isCloseTo(330.45591, within(1e-5));
        assertThat(clinker.co2Unit()).isEqualTo("kgCO2/t");
    }

    @Test
    void an_enterprise_without_a_report_has_no_co2_per_value_added_but_its_co2_stands() {
        EnterprisePeriod january = month(YearMonth.of(2023, 1), List.of()).get("cement");
        assertThat(january.indicators().get(Indicator.CO2).value()).isCloseTo(327.36, within(1e-6));
        assertThat(january.indicators().get(Indicator.CO2_PER_VALUE_ADDED).isPresent()).isFalse();
        assertThat(january.indicators().get(Indicator.CO2_PER_VALUE_ADDED).why().code()).isEqualTo("not_reported");
    }

    @Test
    void a_park_with_no_factor_for_its_province_has_no_co2_and_says_why() {
        CarbonPolicy zhejiang = new CarbonPolicy(GridFactorScope.PROVINCIAL, "zhejiang", Map.of(), GreenElectricityRule.NOT_DEDUCTED,
                0.11, Map.of(), null, Map.of(), null, 0, 0);
        EnterprisePeriod january = new ParkEvaluation(SHANGHAI, CoefficientTable.gbt2589(), EnergyBasis.EQUIVALENT, 0.9,
                zhejiang, GridFactorTable.published()).figures(Period.month(YearMonth.of(2023, 1)),
                List.of(new EnterpriseInfo("cement", "C3011", 100, null)),
                List.of(new MeterInfo("E-1", "cement", Metered.ELECTRICITY, CounterProfile.plain())), id -> readings(), List.of())
                .get("cement");
        assertThat(january.indicators().get(Indicator.CO2).isPresent()).isFalse();
        assertThat(january.indicators().get(Indicator.CO2).why().code()).isEqualTo("no_grid_factor");
        assertThat(january.figures().energy().tce()).as("energy does not need a grid factor").isCloseTo(73.15008, within(1e-6));
    }
}
