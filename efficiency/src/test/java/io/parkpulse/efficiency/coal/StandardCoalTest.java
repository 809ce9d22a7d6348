package io.parkpulse.efficiency.coal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/domain.md §1.6: the GB/T 2589 worked example. */
class StandardCoalTest {

    private static final Map<EnergyCarrier, Double> MONTH = Map.of(
            EnergyCarrier.ELECTRICITY, 1_200_000.0,
            EnergyCarrier.NATURAL_GAS, 50_000.0,
            EnergyCarrier.DIESEL, 10_000.0,
            EnergyCarrier.HEAT, 3_000.0);

    @Test
    void worked_example_is_325_126_tce_on_the_calorific_equivalent_basis() {
        StandardCoal e = StandardCoal.of(MONTH, CoefficientTable.gbt2589(), EnergyBasis.EQUIVALENT, 2026);

        assertThat(e.tce()).isCloseTo(325.126, within(1e-9));
        assertThat(e.breakdown().get(EnergyCarrier.ELECTRICITY)).isCloseTo(147.480, within(1e-9));
        assertThat(e.breakdown().get(EnergyCarrier.NATURAL_GAS)).isCloseTo(60.715, within(1e-9));
        assertThat(e.breakdown().get(EnergyCarrier.DIESEL)).isCloseTo(14.571, within(1e-9));
        assertThat(e.breakdown().get(EnergyCarrier.HEAT)).isCloseTo(102.360, within(1e-9));
        assertThat(e.basis()).isEqualTo(EnergyBasis.EQUIVALENT);
        assertThat(e.table()).startsWith("GB/T 2589-2020");
        assertThat(e.tce() / 5000).isCloseTo(0.0650, within(5e-5));   // tce per 10^4 CNY of output value
        assertThat(e.tce() / 1200).isCloseTo(0.2709, within(5e-5));   // per 10^4 CNY of value added
    }

    @Test
    void equal_value_basis_uses_the_yearly_figure_and_gives_537_646_tce_at_0_300() {
        CoefficientTable table = CoefficientTable.gbt2589(CoefficientTable.GasSource.GAS_FIELD,
                CoefficientTable.SteamGrade.MPA_1_0, Map.of(2026, 0.300));
        StandardCoal e = StandardCoal.of(MONTH, table, EnergyBasis.EQUAL_VALUE, 2026);

        assertThat(e.tce()).isCloseTo(537.646, within(1e-9));
        assertThat(e.basis()).isEqualTo(EnergyBasis.EQUAL_VALUE);
    }

    @Test
    void equal_value_without_a_figure_for_the_year_is_an_error_naming_the_year() {
        assertThatThrownBy(() -> StandardCoal.of(MONTH, CoefficientTable.gbt2589(), EnergyBasis.EQUAL_VALUE, 2026))
                .hasMessageContaining("no equal-value (等价值) electricity coefficient for 2026");
    }
}
