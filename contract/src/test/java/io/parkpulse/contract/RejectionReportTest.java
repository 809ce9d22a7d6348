package io.parkpulse.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RejectionReportTest {

    @Test
    void roundTripsThroughJson() {
        RejectionReport report = RejectionReport.of(42L, 1795305600123L, List.of(
                new Rejection(RejectReason.UNKNOWN_METER, "$.readings[3]", "meter \"E-9\" is not in park 示范园", "E-9", 1795305600000L),
                Rejection.ofMessage(RejectReason.MALFORMED_JSON, "line 1: \"quoted\" \\ text")));

        assertThat(RejectionReport.fromJson(report.toJson())).isEqualTo(report);
    }

    @Test
    void aMessageWhoseSeqCouldNotBeReadReportsNull() {
        RejectionReport report = RejectionReport.of(null, 5, List.of(Rejection.ofMessage(RejectReason.MALFORMED_JSON, "x")));
        assertThat(new String(report.toJson(), StandardCharsets.UTF_8)).contains("\"seq\":null");
        assertThat(RejectionReport.fromJson(report.toJson()).seq()).isNull();
    }

    @Test
    void listsAtMostTheMaximumAndCountsTheRest() {
        List<Rejection> many = IntStream.range(0, 1000)
                .mapToObj(i -> new Rejection(RejectReason.VALUE_NOT_FINITE, "$.readings[" + i + "].values.power_kw", "NaN", "E-" + i, 1L))
                .toList();
        RejectionReport report = RejectionReport.of(1L, 2, many);
        assertThat(report.rejections()).hasSize(RejectionReport.MAX_LISTED);
        assertThat(report.omitted()).isEqualTo(1000 - RejectionReport.MAX_LISTED);
        assertThat(report.toJson().length).isLessThan(64 * 1024);
    }

    @Test
    void refusesWhatIsNotAReport() {
        assertThatThrownBy(() -> RejectionReport.fromJson("[]".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RejectionReport.fromJson("{\"rejections\":[{\"reason\":\"nope\",\"path\":\"$\"}]}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("unknown rejection reason");
    }
}
