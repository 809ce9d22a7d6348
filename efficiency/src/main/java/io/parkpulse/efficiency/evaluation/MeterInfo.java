package io.parkpulse.efficiency.evaluation;

import io.parkpulse.efficiency.counter.CounterProfile;
import java.util.Objects;

/**
 * A billing meter of an enterprise: its consumption counts towards the enterprise's figures. Sub-meters that measure
 * part of what a main meter already counts are not billing meters.
 */
public record MeterInfo(String id, String enterprise, Metered metered, CounterProfile profile) {

    public MeterInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(enterprise, "enterprise");
        Objects.requireNonNull(metered, "metered");
        Objects.requireNonNull(profile, "profile");
    }
}
