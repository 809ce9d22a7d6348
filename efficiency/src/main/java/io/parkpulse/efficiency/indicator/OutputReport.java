package io.parkpulse.efficiency.indicator;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What an enterprise reports for a month: output, value added, tax, R&D, staff, emissions and product quantities.
 * Money in CNY as reported; indicators convert to 10⁴ CNY. Only the output value is required; every other figure is
 * empty when the enterprise did not report it. Built with {@link #builder}, so that no figure can take another's place.
 *
 * @param enterprise   enterprise id
 * @param month        the local calendar month it covers
 * @param outputValue  gross output value, CNY
 * @param valueAdded   industrial value added, CNY
 * @param tax          tax paid, CNY
 * @param revenue      main-business revenue, CNY (R&D intensity falls back to output value without it)
 * @param rdSpend      R&D spending, CNY
 * @param employees    average employees in the month
 * @param emissions    main pollutant emissions, t
 * @param products     product quantities
 */
public record OutputReport(String enterprise, YearMonth month, double outputValue, OptionalDouble valueAdded, OptionalDouble tax,
                           OptionalDouble revenue, OptionalDouble rdSpend, OptionalDouble employees, OptionalDouble emissions,
                           List<ProductOutput> products) {

    /** A product's qualified output in the month; {@code energyShare} of the enterprise's energy goes to it. */
    public record ProductOutput(String product, double quantity, String unit, double energyShare) {
        public ProductOutput {
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(unit, "unit");
        }
    }

    public OutputReport {
        Objects.requireNonNull(enterprise, "enterprise");
        Objects.requireNonNull(month, "month");
        finite("outputValue", outputValue);
        for (OptionalDouble figure : List.of(valueAdded, tax, revenue, rdSpend, employees, emissions)) {
            Objects.requireNonNull(figure, "an optional figure is empty, not null");
            figure.ifPresent(v -> finite("a reported figure", v));
        }
        products = List.copyOf(products);
    }

    /** A report of {@code enterprise} for {@code month} with its output value (CNY); the other figures as reported. */
    public static Builder builder(String enterprise, YearMonth month, double outputValue) {
        return new Builder(enterprise, month, outputValue);
    }

    private static void finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, not " + value);
        }
    }

    /** Collects the figures an enterprise reported; a figure not set stays empty. Not thread-safe. */
    public static final class Builder {
        private final String enterprise;
        private final YearMonth month;
        private final double outputValue;
        private OptionalDouble valueAdded = OptionalDouble.empty();
        private OptionalDouble tax = OptionalDouble.empty();
        private OptionalDouble revenue = OptionalDouble.empty();
        private OptionalDouble rdSpend = OptionalDouble.empty();
        private OptionalDouble employees = OptionalDouble.empty();
        private OptionalDouble emissions = OptionalDouble.empty();
        private List<ProductOutput> products = List.of();

        private Builder(String enterprise, YearMonth month, double outputValue) {
            this.enterprise = enterprise;
            this.month = month;
            this.outputValue = outputValue;
        }

        /** Industrial value added, CNY. */
        public Builder valueAdded(double cny) {
            valueAdded = OptionalDouble.of(cny);
            return this;
        }

        /** Tax paid, CNY. */
        public Builder tax(double cny) {
            tax = OptionalDouble.of(cny);
            return this;
        }

        /** Main-business revenue, CNY. */
        public Builder revenue(double cny) {
            revenue = OptionalDouble.of(cny);
            return this;
        }

        /** R&D spending, CNY. */
        public Builder rdSpend(double cny) {
            rdSpend = OptionalDouble.of(cny);
            return this;
        }

        /** Average employees in the month. */
        public Builder employees(double people) {
            employees = OptionalDouble.of(people);
            return this;
        }

        /** Main pollutant emissions, t. */
        public Builder emissions(double tonnes) {
            emissions = OptionalDouble.of(tonnes);
            return this;
        }

        public Builder products(List<ProductOutput> products) {
            this.products = products;
            return this;
        }

        /** @throws IllegalArgumentException when a figure is not a finite number */
        public OutputReport build() {
            return new OutputReport(enterprise, month, outputValue, valueAdded, tax, revenue, rdSpend, employees, emissions, products);
        }
    }
}
