package io.parkpulse.efficiency.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.efficiency.coal.CoefficientTable;
import io.parkpulse.efficiency.coal.EnergyBasis;
import io.parkpulse.efficiency.coal.EnergyCarrier;
import io.parkpulse.efficiency.coal.StandardCoal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndicatorCalculatorTest {

    private static final StandardCoal WORKED_EXAMPLE = StandardCoal.of(Map.of(EnergyCarrier.ELECTRICITY, 1_200_000.0,
            EnergyCarrier.NATURAL_GAS, 50_000.0, EnergyCarrier.DIESEL, 10_000.0, EnergyCarrier.HEAT, 3_000.0),
            CoefficientTable.gbt2589(), EnergyBasis.EQUIVALENT, 2026);

    private static OutputReport month(int m, double output, double valueAdded, double employees, List<OutputReport.ProductOutput> products) {
        return OutputReport.builder("ent-a", YearMonth.of(2026, m), output).valueAdded(valueAdded).tax(1_000_000).rdSpend(200_000)
                .employees(employees).products(products).build();
    }

    @Test
    void intensities_of_the_gbt_2589_worked_example() {
        OutputTotals output = OutputTotals.of(List.of(month(10, 50_000_000, 12_000_000, 300, List.of())));
        Map<Indicator, IndicatorValue> v = IndicatorCalculator.indicators(
                new EnterpriseFigures("ent-a", "C3011", 100, WORKED_EXAMPLE, 1_200_000, 20_000, output));

        assertThat(v.get(Indicator.ENERGY_PER_OUTPUT_VALUE).value()).isCloseTo(0.0650, within(5e-5));
        assertThat(v.get(Indicator.ENERGY_PER_VALUE_ADDED).value()).isCloseTo(0.2709, within(5e-5));
        assertThat(v.get(Indicator.ELECTRICITY_PER_OUTPUT_VALUE).value()).isCloseTo(240, within(1e-9));
        assertThat(v.get(Indicator.WATER_PER_OUTPUT_VALUE).value()).isCloseTo(4, within(1e-9));
        assertThat(v.get(Indicator.OUTPUT_VALUE_PER_MU).value()).isCloseTo(50, within(1e-9));
        assertThat(v.get(Indicator.TAX_PER_ELECTRICITY).value()).isCloseTo(100.0 / 120, within(1e-12));
        assertThat(v.get(Indicator.RD_INTENSITY).value()).isCloseTo(0.004, within(1e-12)); // falls back to output value
    }

    @Test
    void missing_figures_say_why() {
        OutputTotals noReport = OutputTotals.NONE;
        Map<Indicator, IndicatorValue> v = IndicatorCalculator.indicators(
                new EnterpriseFigures("ent-soft", "I6513", 0, WORKED_EXAMPLE, 1, 1, noReport));
        assertThat(v.get(Indicator.TAX_PER_MU).missing()).isEqualTo("no land of its own");
        assertThat(v.get(Indicator.ENERGY_PER_OUTPUT_VALUE).missing()).isEqualTo("no output value reported");
        assertThat(v.get(Indicator.VALUE_ADDED_PER_EMISSION).missing()).isEqualTo("no value added reported");
        assertThat(v.get(Indicator.COMPREHENSIVE_ENERGY).isPresent()).isTrue();
    }

    @Test
    void months_add_up_employees_average_and_single_products_take_all_energy() {
        List<OutputReport.ProductOutput> clinker = List.of(new OutputReport.ProductOutput("clinker", 1000, "t", 0));
        OutputTotals q = OutputTotals.of(List.of(month(10, 10_000_000, 2_000_000, 300, clinker),
                month(11, 20_000_000, 4_000_000, 320, clinker)));
        assertThat(q.outputValue()).isEqualTo(30_000_000);
        assertThat(q.employees()).isEqualTo(310);
        assertThat(q.products().get("clinker").quantity()).isEqualTo(2000);

        List<ProductIndicator> perProduct = IndicatorCalculator.perProduct(
                new EnterpriseFigures("ent-a", "C3011", 100, WORKED_EXAMPLE, 0, 0, q));
        assertThat(perProduct).singleElement().satisfies(p -> {
            assertThat(p.unit()).isEqualTo("kgce/t");
            assertThat(p.value()).isCloseTo(325_126.0 / 2000, within(1e-6));
        });
    }
}
