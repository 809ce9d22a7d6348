package io.parkpulse.efficiency.carbon;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The published grid emission factors ParkPulse ships ({@code carbon/grid-emission-factors.csv}: year, scope, area,
 * kgCO2/kWh, source, publication date), so that a new announcement is a data change. Immutable.
 */
public final class GridFactorTable {

    static final String RESOURCE = "/carbon/grid-emission-factors.csv";
    private static final List<String> COLUMNS = List.of("year", "scope", "area", "kg_co2_per_kwh", "source", "published");
    private static volatile GridFactorTable published;

    private final List<GridFactor> factors;

    private GridFactorTable(List<GridFactor> factors) {
        this.factors = List.copyOf(factors);
    }

    /** The bundled table (read once). */
    public static GridFactorTable published() {
        GridFactorTable t = published;
        if (t == null) {
            t = parse(RESOURCE, CarbonCsv.resource(RESOURCE));
            published = t;
        }
        return t;
    }

    /**
     * A table from CSV text of the bundled format.
     *
     * @throws IllegalArgumentException naming {@code name}, the line and what is wrong: an unknown scope, an area where
     *                                  none belongs or none where one does, a factor out of range, a row twice
     */
    public static GridFactorTable parse(String name, String csv) {
        List<GridFactor> factors = new ArrayList<>();
        for (CarbonCsv.Row row : CarbonCsv.parse(name, csv, COLUMNS)) {
            String at = name + ":" + row.line() + ": ";
            int year;
            try {
                year = Integer.parseInt(row.get(0));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(at + "year must be a year such as 2023, got \"" + row.get(0) + "\"");
            }
            GridFactorScope scope = GridFactorScope.byId(row.get(1)).orElseThrow(() -> new IllegalArgumentException(at
                    + "\"" + row.get(1) + "\" is not a scope (known: " + ids() + ")"));
            String area = row.get(2).isEmpty() ? null : row.get(2);
            double kg = CarbonCsv.number(name, row, 3, "kg_co2_per_kwh");
            if (row.get(4).isEmpty() || row.get(5).isEmpty()) {
                throw new IllegalArgumentException(at + "every factor names its source and publication date");
            }
            GridFactor f;
            try {
                f = new GridFactor(year, scope, area, kg, row.get(4), row.get(5));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + e.getMessage(), e);
            }
            if (factors.stream().anyMatch(g -> g.year() == year && g.scope() == scope && Objects.equals(g.area(), area))) {
                throw new IllegalArgumentException(at + "a second factor of " + year + " " + scope.id()
                        + (area == null ? "" : " " + area));
            }
            factors.add(f);
        }
        return new GridFactorTable(factors);
    }

    public List<GridFactor> factors() {
        return factors;
    }

    /** The areas the table has factors for under {@code scope} (empty for the national scopes). */
    public Set<String> areas(GridFactorScope scope) {
        Set<String> areas = new TreeSet<>();
        factors.stream().filter(f -> f.scope() == scope && f.area() != null).forEach(f -> areas.add(f.area()));
        return areas;
    }

    /**
     * The factor for electricity consumed in {@code year}: that year's, or the latest earlier one (the choice says so);
     * empty when the table has none at or before {@code year} for the scope and area.
     */
    public Optional<FactorChoice> lookup(GridFactorScope scope, String area, int year) {
        return factors.stream()
                .filter(f -> f.scope() == scope && Objects.equals(f.area(), scope.needsArea() ? area : null) && f.year() <= year)
                .max(Comparator.comparingInt(GridFactor::year))
                .map(f -> new FactorChoice(f, year));
    }

    private static String ids() {
        return String.join(", ", java.util.Arrays.stream(GridFactorScope.values()).map(GridFactorScope::id).toList());
    }
}
