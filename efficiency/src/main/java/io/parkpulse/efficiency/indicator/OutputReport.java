package io.parkpulse.efficiency.indicator;

import io.parkpulse.efficiency.coal.EnergyCarrier;
import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What an enterprise reports for a month: output, value added, tax, R&D, staff, emissions and product quantities, and
 * what meters do not measure: the fuels it burned and the green electricity it holds contracts or certificates for.
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
 * @param fuels        fuels consumed that no meter measures (coal, coke, diesel, gasoline, fuel oil, LPG), each in its
 *                     carrier's unit ({@link EnergyCarrier#unit()}); empty when none
 * @param green        green electricity declared for the month (绿电 contracts, 绿证 certificates); empty when none
 */
public record OutputReport(String enterprise, YearMonth month, double outputValue, OptionalDouble valueAdded, OptionalDouble tax,
                           OptionalDouble revenue, OptionalDouble rdSpend, OptionalDouble employees, OptionalDouble emissions,
                           List<ProductOutput> products, Map<EnergyCarrier, Double> fuels, List<GreenElectricity> green) {

    /** The carriers a report may declare: those no billing meter of ParkPulse measures. */
    public static final java.util.Set<EnergyCarrier> DECLARED_FUELS = java.util.EnumSet.of(EnergyCarrier.RAW_COAL,
            EnergyCarrier.COKE, EnergyCarrier.DIESEL, EnergyCarrier.GASOLINE, EnergyCarrier.FUEL_OIL, EnergyCarrier.LPG);

    /**
     * Green electricity an enterprise holds for the month.
     *
     * @param kind how it is evidenced: a green-electricity trading contract (绿电交易) or certificates (绿证)
     * @param kwh  the electricity it covers, kWh
     */
    public record GreenElectricity(GreenKind kind, double kwh) {
        public GreenElectricity {
            Objects.requireNonNull(kind, "kind");
            if (!Double.isFinite(kwh) || kwh < 0) {
                throw new IllegalArgumentException("green electricity must be a finite number of kWh, at least 0, not " + kwh);
            }
        }
    }

    /** How green electricity is evidenced. */
    public enum GreenKind {
        /** 绿电交易: electricity bought under a green-electricity trading contract (its certificates come with it). */
        CONTRACT,
        /** 绿证: green-electricity certificates bought on their own (unbundled). */
        CERTIFICATE;

        /** The name in uploads and APIs: contract, certificate. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

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
        Map<EnergyCarrier, Double> f = new EnumMap<>(EnergyCarrier.class);
        fuels.forEach((carrier, quantity) -> {
            if (!DECLARED_FUELS.contains(carrier)) {
                throw new IllegalArgumentException(carrier.id() + " is metered, not declared in a report; declared fuels are "
                        + DECLARED_FUELS.stream().map(EnergyCarrier::id).toList());
            }
            if (!Double.isFinite(quantity) || quantity < 0) {
                throw new IllegalArgumentException(carrier.id() + " must be a finite quantity, at least 0, not " + quantity);
            }
            f.put(carrier, quantity);
        });
        fuels = Collections.unmodifiableMap(f);
        green = List.copyOf(green);
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
        private Map<EnergyCarrier, Double> fuels = Map.of();
        private List<GreenElectricity> green = List.of();

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

        /** Fuels burned that no meter measures, each in its carrier's unit. */
        public Builder fuels(Map<EnergyCarrier, Double> fuels) {
            this.fuels = fuels;
            return this;
        }

        /** Green electricity declared for the month. */
        public Builder green(List<GreenElectricity> green) {
            this.green = green;
            return this;
        }

        /** @throws IllegalArgumentException when a figure is not a finite number */
        public OutputReport build() {
            return new OutputReport(enterprise, month, outputValue, valueAdded, tax, revenue, rdSpend, employees, emissions, products, fuels, green);
        }
    }
}
