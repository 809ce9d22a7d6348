package io.parkpulse.efficiency.indicator;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * What an enterprise reports for a month: output, value added, tax, R&D, staff, emissions and product quantities.
 * Money in CNY as reported; indicators convert to 10⁴ CNY. Optional figures are {@code NaN} when not reported.
 *
 * @param enterprise   enterprise id
 * @param month        the local calendar month it covers
 * @param outputValue  gross output value, CNY (required)
 * @param valueAdded   industrial value added, CNY
 * @param tax          tax paid, CNY
 * @param revenue      main-business revenue, CNY (R&D intensity falls back to output value without it)
 * @param rdSpend      R&D spending, CNY
 * @param employees    average employees in the month
 * @param emissions    main pollutant emissions, t
 * @param products     product quantities
 */
public record OutputReport(String enterprise, YearMonth month, double outputValue, double valueAdded, double tax,
                           double revenue, double rdSpend, double employees, double emissions,
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
        products = List.copyOf(products);
    }
}
