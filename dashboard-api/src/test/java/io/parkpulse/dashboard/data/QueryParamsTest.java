package io.parkpulse.dashboard.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkpulse.dashboard.http.ApiError;
import io.parkpulse.efficiency.counter.BucketGrid;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static long local(String t) {
        return LocalDateTime.parse(t).atZone(SHANGHAI).toInstant().toEpochMilli();
    }

    @Test
    void steps_start_on_the_parks_clock_and_cover_the_end() {
        BucketGrid days = QueryParams.grid(Instant.parse("2026-09-01T02:00:00Z"), Instant.parse("2026-09-02T16:00:00Z"),
                SeriesStep.P1D, SHANGHAI);
        assertThat(days.fromMs()).isEqualTo(local("2026-09-01T00:00"));
        assertThat(days.size()).isEqualTo(2);
        BucketGrid quarters = QueryParams.grid(Instant.parse("2026-09-01T00:07:00Z"), Instant.parse("2026-09-01T00:31:00Z"),
                SeriesStep.PT15M, SHANGHAI);
        assertThat(quarters.fromMs()).isEqualTo(Instant.parse("2026-09-01T00:00:00Z").toEpochMilli());
        assertThat(quarters.size()).isEqualTo(3);
        // Kathmandu is UTC+05:45: its hours are not UTC hours
        assertThat(SeriesStep.PT1H.floor(Instant.parse("2026-09-01T00:20:00Z").toEpochMilli(), ZoneId.of("Asia/Kathmandu")))
                .isEqualTo(Instant.parse("2026-09-01T00:15:00Z").toEpochMilli());
    }

    @Test
    void exactly_the_limit_is_allowed_and_one_more_is_not() {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(QueryParams.grid(from, from.plusSeconds(3600L * QueryParams.MAX_POINTS), SeriesStep.PT1H, ZoneId.of("UTC")).size())
                .isEqualTo(QueryParams.MAX_POINTS);
        assertThatThrownBy(() -> QueryParams.grid(from, from.plusSeconds(3600L * QueryParams.MAX_POINTS + 1), SeriesStep.PT1H,
                ZoneId.of("UTC"))).isInstanceOf(ApiError.class).hasMessageContaining("5001 points");
    }

    @Test
    void only_listed_values_pass_and_messages_show_control_characters() {
        assertThat(QueryParams.oneOf("quantity", "volume_m3", SeriesQuantity::byId, SeriesQuantity.ids()))
                .isEqualTo(SeriesQuantity.VOLUME_M3);
        assertThatThrownBy(() -> QueryParams.oneOf("quantity", "power_kw\nDROP", SeriesQuantity::byId, SeriesQuantity.ids()))
                .isInstanceOf(ApiError.class).hasMessage("quantity: \"power_kw\\u000aDROP\" is not one of [power_kw, energy_kwh, volume_m3]")
                .extracting(e -> ((ApiError) e).field()).isEqualTo("quantity");
        assertThatThrownBy(() -> QueryParams.oneOf("step", "x".repeat(1000), SeriesStep::byId, SeriesStep.ids()))
                .hasMessageContaining("1000 characters is too long");
        assertThat(QueryParams.instant("from", "2026-09-01T08:00:00+08:00")).isEqualTo(Instant.parse("2026-09-01T00:00:00Z"));
    }
}
