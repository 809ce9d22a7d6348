package io.parkpulse.efficiency.evaluation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An enterprise as the evaluation needs it.
 *
 * @param operatingSince when it started production, or {@code null} when not declared
 */
public record EnterpriseInfo(String id, String industry, double landMu, LocalDate operatingSince) {

    public EnterpriseInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(industry, "industry");
    }
}
