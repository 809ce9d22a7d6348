package io.parkpulse.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Report cells carry the precision their quantity means, and nothing for what is not known. */
class ReportColumnsTest {

    @Test
    void binaryNoiseIsRoundedAwayToTheQuantitysPrecision() {
        assertThat(ReportColumns.number(1092.2737500000005, 1)).isEqualTo(1092.3);
        assertThat(ReportColumns.number(8887500.000000004, 1)).isEqualTo(8887500.0);
        assertThat(ReportColumns.number(0.123456789, 4)).isEqualTo(0.1235);
        assertThat(ReportColumns.number(2.5, 0)).isEqualTo(3.0); // half up, as a person rounds
    }

    @Test
    void ratiosKeepFourSignificantDigitsWhateverTheirSize() {
        assertThat(ReportColumns.significant(0.0088488, 4)).isEqualTo(0.008849);
        assertThat(ReportColumns.significant(1234.5678, 4)).isEqualTo(1235.0);
        assertThat(ReportColumns.significant(Double.NaN, 4)).isNull();
    }

    @Test
    void whatIsNotKnownIsABlankCellNeverNaN() {
        assertThat(ReportColumns.number(Double.NaN, 2)).isNull();
        assertThat(ReportColumns.number(Double.POSITIVE_INFINITY, 2)).isNull();
    }
}
