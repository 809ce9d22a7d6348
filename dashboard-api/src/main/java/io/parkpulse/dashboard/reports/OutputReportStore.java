package io.parkpulse.dashboard.reports;

import static io.parkpulse.storage.StorageSchema.*;

import io.parkpulse.efficiency.coal.EnergyCarrier;
import io.parkpulse.efficiency.indicator.OutputReport.GreenElectricity;
import io.parkpulse.efficiency.indicator.OutputReport.GreenKind;
import io.parkpulse.efficiency.indicator.OutputReport.ProductOutput;
import io.parkpulse.efficiency.indicator.OutputReport;
import io.parkpulse.storage.InfluxClient;
import io.parkpulse.storage.Point;
import io.parkpulse.storage.QuerySeries;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Output reports in InfluxDB (docs/storage.md#output-reports): one {@code output_report} point per enterprise and month
 * at the month's first local instant, with its declared fuels and green electricity as fields, its products as
 * {@code product_output} points at the same time. A correction
 * writes the same points again, so it replaces the earlier report; the report lists its products, so a product dropped
 * by a correction is no longer counted.
 */
public final class OutputReportStore {

    private final InfluxClient influx;

    /** Answers are read on a worker thread ({@link InfluxClient#queryAndRead}): a year of a large park's reports is many rows. */
    public OutputReportStore(InfluxClient influx) {
        this.influx = influx;
    }

    /** Writes the reports (and so replaces earlier reports of the same enterprise and month) in one request. */
    public Future<Void> write(String park, ZoneId zone, List<OutputReport> reports, String submittedBy, long nowMs) {
        StringBuilder lines = new StringBuilder();
        for (OutputReport r : reports) {
            long time = monthStart(r.month(), zone).toEpochMilli();
            JsonArray names = new JsonArray();
            r.products().forEach(p -> names.add(p.product()));
            Point report = Point.measurement(MEASUREMENT_OUTPUT_REPORT).tag(TAG_PARK, park).tag(TAG_ENTERPRISE, r.enterprise())
                    .field(REPORT_OUTPUT_VALUE, r.outputValue())
                    .field(REPORT_PRODUCTS, names.encode())
                    .field(REPORT_SUBMITTED_AT, (double) nowMs)
                    .field(REPORT_SUBMITTED_BY, submittedBy)
                    .time(time);
            optional(report, REPORT_VALUE_ADDED, r.valueAdded());
            optional(report, REPORT_TAX, r.tax());
            optional(report, REPORT_REVENUE, r.revenue());
            optional(report, REPORT_RD_SPEND, r.rdSpend());
            optional(report, REPORT_EMPLOYEES, r.employees());
            optional(report, REPORT_EMISSIONS, r.emissions());
            declarations(report, r);
            lines.append(report.toLine()).append('\n');
            for (ProductOutput p : r.products()) {
                lines.append(Point.measurement(MEASUREMENT_PRODUCT_OUTPUT).tag(TAG_PARK, park).tag(TAG_ENTERPRISE, r.enterprise())
                        .tag(TAG_PRODUCT, p.product())
                        .field(PRODUCT_QUANTITY, p.quantity()).field(PRODUCT_UNIT, p.unit())
                        .field(PRODUCT_ENERGY_SHARE, p.energyShare()).time(time).toLine()).append('\n');
            }
        }
        return influx.write(Buffer.buffer(lines.toString()));
    }

    /**
     * InfluxDB cannot remove one field of a point, so a figure a correction leaves out is written as {@code -1}, which
     * reads back as not reported: without it, the earlier report's value would survive the correction.
     */
    private static void optional(Point point, String field, OptionalDouble value) {
        point.field(field, value.orElse(NOT_REPORTED));
    }

    private static final double NOT_REPORTED = -1;

    /**
     * Declared fuels and green electricity as one field each (docs/storage.md), every one written so a correction
     * replaces them; several declarations of one green kind are stored as their sum.
     */
    private static void declarations(Point point, OutputReport r) {
        for (EnergyCarrier fuel : OutputReport.DECLARED_FUELS) {
            Double kg = r.fuels().get(fuel);
            point.field(reportFuel(fuel.id()), kg == null ? NOT_REPORTED : kg);
        }
        for (GreenKind kind : GreenKind.values()) {
            List<GreenElectricity> of = r.green().stream().filter(g -> g.kind() == kind).toList();
            point.field(reportGreen(kind.id()), of.isEmpty() ? NOT_REPORTED : of.stream().mapToDouble(GreenElectricity::kwh).sum());
        }
    }

    /** What {@link #declarations} wrote; reports stored before the fields existed have none and declare nothing. */
    private static void readDeclarations(QuerySeries s, JsonArray row, OutputReport.Builder report) {
        Map<EnergyCarrier, Double> fuels = new EnumMap<>(EnergyCarrier.class);
        for (EnergyCarrier fuel : OutputReport.DECLARED_FUELS) {
            value(s, row, reportFuel(fuel.id())).ifPresent(kg -> fuels.put(fuel, kg));
        }
        List<GreenElectricity> green = new ArrayList<>();
        for (GreenKind kind : GreenKind.values()) {
            value(s, row, reportGreen(kind.id())).ifPresent(kwh -> green.add(new GreenElectricity(kind, kwh)));
        }
        report.fuels(fuels).green(green);
    }

    /** Reports of the park's months {@code from}..{@code to} (inclusive), of every enterprise or only {@code enterprise}. */
    public Future<List<OutputReport>> read(String park, ZoneId zone, YearMonth from, YearMonth to, String enterprise) {
        long start = monthStart(from, zone).toEpochMilli();
        long end = monthStart(to.plusMonths(1), zone).toEpochMilli();
        String where = " WHERE park = $park" + (enterprise == null ? "" : " AND enterprise = $enterprise")
                + " AND time >= " + start + "ms AND time < " + end + "ms";
        Map<String, Object> params = new HashMap<>();
        params.put("park", park);
        if (enterprise != null) {
            params.put("enterprise", enterprise);
        }
        String q = "SELECT * FROM " + MEASUREMENT_OUTPUT_REPORT + where + " GROUP BY " + TAG_ENTERPRISE + ";"
                + "SELECT * FROM " + MEASUREMENT_PRODUCT_OUTPUT + where + " GROUP BY " + TAG_ENTERPRISE + ", " + TAG_PRODUCT;
        return influx.queryAndRead(q, params, answer -> reports(QuerySeries.of(answer), zone));
    }

    private static List<OutputReport> reports(List<QuerySeries> all, ZoneId zone) {
        Map<String, ProductOutput> products = new HashMap<>();
        for (QuerySeries s : all) {
            if (!MEASUREMENT_PRODUCT_OUTPUT.equals(s.name())) {
                continue;
            }
            int t = s.column("time");
            int q = s.column(PRODUCT_QUANTITY);
            int u = s.column(PRODUCT_UNIT);
            int share = s.column(PRODUCT_ENERGY_SHARE);
            for (int i = 0; i < s.rows().size(); i++) {
                JsonArray row = s.rows().getJsonArray(i);
                products.put(s.tags().get(TAG_ENTERPRISE) + "|" + row.getLong(t) + "|" + s.tags().get(TAG_PRODUCT),
                        new ProductOutput(s.tags().get(TAG_PRODUCT), row.getDouble(q), row.getString(u), row.getDouble(share)));
            }
        }
        List<OutputReport> reports = new ArrayList<>();
        for (QuerySeries s : all) {
            if (!MEASUREMENT_OUTPUT_REPORT.equals(s.name())) {
                continue;
            }
            String enterprise = s.tags().get(TAG_ENTERPRISE);
            for (int i = 0; i < s.rows().size(); i++) {
                JsonArray row = s.rows().getJsonArray(i);
                long time = row.getLong(s.column("time"));
                List<ProductOutput> listed = new ArrayList<>();
                for (Object name : new JsonArray(row.getString(s.column(REPORT_PRODUCTS)))) {
                    ProductOutput p = products.get(enterprise + "|" + time + "|" + name);
                    if (p != null) {
                        listed.add(p);
                    }
                }
                OptionalDouble output = value(s, row, REPORT_OUTPUT_VALUE);
                if (output.isEmpty()) {
                    continue; // every report is written with its output value: a row without one is no report
                }
                OutputReport.Builder report = OutputReport.builder(enterprise, YearMonth.from(Instant.ofEpochMilli(time).atZone(zone)),
                        output.getAsDouble()).products(listed);
                value(s, row, REPORT_VALUE_ADDED).ifPresent(report::valueAdded);
                value(s, row, REPORT_TAX).ifPresent(report::tax);
                value(s, row, REPORT_REVENUE).ifPresent(report::revenue);
                value(s, row, REPORT_RD_SPEND).ifPresent(report::rdSpend);
                value(s, row, REPORT_EMPLOYEES).ifPresent(report::employees);
                value(s, row, REPORT_EMISSIONS).ifPresent(report::emissions);
                readDeclarations(s, row, report);
                reports.add(report.build());
            }
        }
        return reports;
    }

    /** The stored figure; empty when absent or stored as not reported (negative). */
    private static OptionalDouble value(QuerySeries s, JsonArray row, String field) {
        int i = s.column(field);
        Double v = i < 0 ? null : row.getDouble(i);
        return v == null || v < 0 ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** The first instant of {@code month} in the park's time zone: where its report point lives. */
    public static Instant monthStart(YearMonth month, ZoneId zone) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }
}
