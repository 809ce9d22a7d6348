package io.parkpulse.park;

import io.parkpulse.contract.EnterpriseId;
import java.util.Objects;

/**
 * An enterprise of the park.
 *
 * @param id       stable id, used as a storage tag
 * @param name     registered name, usually Chinese
 * @param industry GB/T 4754 industry code; enterprises with the same code are peers in benchmarks
 * @param landMu   land area in mu (亩, 666.7 m²); 0 for tenants without land of their own
 * @param operatingSince when production started, or {@code null} when not declared (policies may leave young firms
 *                 ungraded)
 */
public record Enterprise(EnterpriseId id, String name, IndustryCode industry, double landMu, java.time.LocalDate operatingSince) {

    public Enterprise(EnterpriseId id, String name, IndustryCode industry, double landMu) {
        this(id, name, industry, landMu, null);
    }

    public Enterprise {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(industry, "industry");
    }
}
