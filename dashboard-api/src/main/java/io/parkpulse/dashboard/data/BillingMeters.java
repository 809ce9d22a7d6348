package io.parkpulse.dashboard.data;

import io.parkpulse.dashboard.efficiency.ParkModel;
import io.parkpulse.efficiency.evaluation.MeterInfo;
import io.parkpulse.park.CounterDeclaration;
import io.parkpulse.park.Meter;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which meters a series adds up: an enterprise's main meters (never {@code role: sub}, which measure part of what a
 * main meter already counts, nor park-level meters such as the incomer, which count everyone).
 */
final class BillingMeters {

    private BillingMeters() {
    }

    /**
     * Meters whose readings of {@code quantity} make the series of {@code enterprise}, or of every enterprise of the
     * park when it is {@code null}. Consumption comes from the efficiency model's billing meters (main, cumulative),
     * so it is counted exactly as in the efficiency figures; power from every main meter of the kind.
     */
    static Set<String> of(ParkModel model, String enterprise, SeriesQuantity quantity) {
        Set<String> ids = new LinkedHashSet<>();
        if (quantity.isConsumption()) {
            for (MeterInfo m : model.meters()) {
                if ((enterprise == null || enterprise.equals(m.enterprise())) && model.kindOf(m.id()) == quantity.kind()) {
                    ids.add(m.id());
                }
            }
            return ids;
        }
        for (Meter m : model.park().meters().values()) {
            if (!m.isParkLevel() && m.kind() == quantity.kind() && m.counter().role() == CounterDeclaration.Role.MAIN
                    && (enterprise == null || enterprise.equals(m.enterprise().value()))) {
                ids.add(m.id().value());
            }
        }
        return ids;
    }
}
