package io.parkpulse.efficiency.carbon;

import java.util.Objects;

/**
 * One published (or park-stated) grid emission factor.
 *
 * @param year        the year of electricity consumption it is the factor of
 * @param scope       its scope
 * @param area        the regional grid or province id; {@code null} for the national scopes
 * @param kgCo2PerKwh kgCO2 per kWh
 * @param source      who published it, with the document's name
 * @param published   when it was published (ISO date or month), or how it was stated
 */
public record GridFactor(int year, GridFactorScope scope, String area, double kgCo2PerKwh, String source,
                         String published) {

    public GridFactor {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(published, "published");
        if (scope.needsArea() == (area == null)) {
            throw new IllegalArgumentException("a " + scope.id() + " factor " + (scope.needsArea() ? "names" : "names no")
                    + " area");
        }
        // published factors lie between 0.1 and 0.9; a figure outside 0-2 is a unit mistake (g or t per kWh)
        if (!(kgCo2PerKwh >= 0 && kgCo2PerKwh <= 2)) {
            throw new IllegalArgumentException("a grid factor is kgCO2 per kWh, from 0 to 2, not " + kgCo2PerKwh);
        }
    }
}
