package io.parkpulse.dashboard.reports;

import io.parkpulse.efficiency.indicator.OutputReport.ProductOutput;
import io.parkpulse.efficiency.indicator.OutputReport;
import io.parkpulse.storage.StorageSchema;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads output reports uploaded as JSON or CSV (format in docs/dashboard-api.md) and checks every figure. A bad report
 * is rejected with every problem named by where it is (JSON path or CSV line) and which field; the good reports beside
 * it are kept.
 *
 * <p>Field names are the storage names ({@code output_value_cny}, ...): one vocabulary from upload to InfluxDB.
 */
public final class OutputReportParser {

    public static final String ENTERPRISE = "enterprise";
    public static final String MONTH = "month";
    public static final String PRODUCTS = "products";
    public static final String PRODUCT = "product";
    public static final String QUANTITY = "quantity";
    public static final String UNIT = "unit";
    public static final String ENERGY_SHARE = "energy_share";

    /** Money and counts of a report, in upload order; output value is the one required. */
    public static final List<String> FIGURES = List.of(StorageSchema.REPORT_OUTPUT_VALUE, StorageSchema.REPORT_VALUE_ADDED, StorageSchema.REPORT_TAX, StorageSchema.REPORT_REVENUE,
            StorageSchema.REPORT_RD_SPEND, StorageSchema.REPORT_EMPLOYEES, StorageSchema.REPORT_EMISSIONS);
    private static final Set<String> REPORT_KEYS = Set.copyOf(concat(List.of(ENTERPRISE, MONTH, PRODUCTS), FIGURES));
    private static final Set<String> PRODUCT_KEYS = Set.of(PRODUCT, QUANTITY, UNIT, ENERGY_SHARE);
    private static final int MAX_REPORTS = 10_000;
    private static final int MAX_NAME = 64;

    /** What an upload held: reports that passed, and the ones that did not with why. */
    public record Result(List<OutputReport> accepted, List<Rejection> rejected) {
    }

    /** A report that was not taken: where it was, whose and which month if that much could be read, and why. */
    public record Rejection(String where, String enterprise, String month, List<String> problems) {
    }

    /** Checks what the park knows: the enterprise exists and the caller may report for it, the month is not ahead. */
    public interface Rules {
        /** Why reports for {@code enterprise} are refused, or {@code null}. */
        String enterpriseProblem(String enterprise);

        /** The latest month a report may cover (the park's current month). */
        YearMonth latestMonth();
    }

    private final Rules rules;

    public OutputReportParser(Rules rules) {
        this.rules = rules;
    }

    /**
     * A JSON object (one report), an array of reports, or {@code {"reports": [...]}}.
     *
     * @throws IllegalArgumentException when the body as a whole cannot be read, saying why
     */
    public Result parseJson(String body) {
        Object root;
        try {
            root = io.vertx.core.json.Json.decodeValue(body);
        } catch (DecodeException e) {
            throw new IllegalArgumentException("the body is not valid JSON: " + e.getMessage());
        }
        JsonArray reports;
        String path;
        if (root instanceof JsonArray array) {
            reports = array;
            path = "";
        } else if (root instanceof JsonObject object && object.containsKey("reports")) {
            if (!(object.getValue("reports") instanceof JsonArray array)) {
                throw new IllegalArgumentException("reports must be an array of reports");
            }
            reports = array;
            path = "reports";
        } else if (root instanceof JsonObject object) {
            reports = new JsonArray().add(object);
            path = null;
        } else {
            throw new IllegalArgumentException("expected a report object or an array of reports, got " + describe(root));
        }
        checkSize(reports.size());
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            String where = path == null ? "report" : path + "[" + i + "]";
            drafts.add(fromJson(reports.getValue(i), where));
        }
        return finish(drafts);
    }

    /**
     * CSV with a header row: {@code enterprise,month,output_value_cny,...} and optionally
     * {@code product,quantity,unit,energy_share}. A report with several products takes one line per product; its
     * figures must then be the same on each of its lines.
     *
     * @throws IllegalArgumentException when the CSV as a whole cannot be read
     */
    public Result parseCsv(String body) {
        List<CSVRecord> records;
        List<String> header;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get().parse(new StringReader(body.startsWith("\uFEFF") ? body.substring(1) : body))) {
            header = parser.getHeaderNames();
            records = parser.getRecords();
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the body is not readable CSV: " + e.getMessage());
        }
        List<String> unknown = header.stream().filter(h -> !REPORT_KEYS.contains(h) && !PRODUCT_KEYS.contains(h)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("CSV header: unknown column(s) " + unknown + "; allowed: "
                    + concat(List.of(ENTERPRISE, MONTH), concat(FIGURES, List.of(PRODUCT, QUANTITY, UNIT, ENERGY_SHARE))));
        }
        for (String required : List.of(ENTERPRISE, MONTH, StorageSchema.REPORT_OUTPUT_VALUE)) {
            if (!header.contains(required)) {
                throw new IllegalArgumentException("CSV header: column " + required + " is required");
            }
        }
        checkSize(records.size());
        Map<String, Draft> byKey = new LinkedHashMap<>();
        List<Draft> drafts = new ArrayList<>();
        for (CSVRecord record : records) {
            String where = "line " + (record.getRecordNumber() + 1);
            JsonObject row = new JsonObject();
            record.toMap().forEach((k, v) -> {
                if (v != null && !v.isEmpty()) {
                    row.put(k, FIGURES.contains(k) || k.equals(QUANTITY) || k.equals(ENERGY_SHARE) ? csvNumber(v) : v);
                }
            });
            JsonObject product = new JsonObject();
            for (String k : List.of(PRODUCT, QUANTITY, UNIT, ENERGY_SHARE)) {
                Object v = row.remove(k);
                if (v != null) {
                    product.put(k, v);
                }
            }
            Draft draft = fromJson(row, where);
            String key = draft.enterprise + "|" + draft.month;
            Draft first = draft.enterprise == null || draft.month == null ? null : byKey.get(key);
            if (!product.isEmpty()) {
                draft.products.add(product(product, where, draft.problems));
            }
            if (first == null) {
                byKey.put(key, draft);
                drafts.add(draft);
            } else if (!first.figures.equals(draft.figures)) {
                first.problems.add(where + ": the figures differ from line " + first.where.substring(5)
                        + " of the same enterprise and month; a report's figures must be the same on each of its lines");
            } else {
                first.products.addAll(draft.products);
                first.problems.addAll(draft.problems);
            }
        }
        return finish(drafts);
    }

    /** Report fields being checked; problems collect as they are found. */
    private static final class Draft {
        final String where;
        final List<String> problems = new ArrayList<>();
        final Map<String, Double> figures = new LinkedHashMap<>();
        final List<ProductDraft> products = new ArrayList<>();
        String enterprise;
        YearMonth month;

        Draft(String where) {
            this.where = where;
        }
    }

    private Draft fromJson(Object value, String where) {
        Draft d = new Draft(where);
        if (!(value instanceof JsonObject o)) {
            d.problems.add(where + ": must be an object, got " + describe(value));
            return d;
        }
        for (String key : o.fieldNames()) {
            if (!REPORT_KEYS.contains(key)) {
                d.problems.add(where + "." + key + ": unknown field; allowed: " + REPORT_KEYS.stream().sorted().toList());
            }
        }
        Object e = o.getValue(ENTERPRISE);
        if (!(e instanceof String s) || s.isBlank()) {
            d.problems.add(where + "." + ENTERPRISE + ": required, the enterprise id");
        } else {
            String problem = rules.enterpriseProblem(s);
            if (problem != null) {
                d.problems.add(where + "." + ENTERPRISE + ": " + problem);
            }
            d.enterprise = s;
        }
        Object m = o.getValue(MONTH);
        if (!(m instanceof String s)) {
            d.problems.add(where + "." + MONTH + ": required, a month such as 2026-10");
        } else {
            try {
                YearMonth month = YearMonth.parse(s);
                if (month.isAfter(rules.latestMonth())) {
                    d.problems.add(where + "." + MONTH + ": " + s + " has not begun yet (the park's current month is "
                            + rules.latestMonth() + ")");
                } else if (month.getYear() < 2000) {
                    d.problems.add(where + "." + MONTH + ": " + s + " is before 2000");
                }
                d.month = month;
            } catch (DateTimeParseException ex) {
                d.problems.add(where + "." + MONTH + ": \"" + s + "\" is not a month such as 2026-10");
            }
        }
        for (String key : FIGURES) {
            Object v = o.getValue(key);
            if (v == null) {
                if (key.equals(StorageSchema.REPORT_OUTPUT_VALUE)) {
                    d.problems.add(where + "." + key + ": required, the month's gross output value in CNY");
                }
                continue;
            }
            Double x = number(v, where + "." + key, d.problems);
            if (x != null && x < 0) {
                d.problems.add(where + "." + key + ": must not be negative, got " + v);
            } else if (x != null) {
                d.figures.put(key, x);
            }
        }
        Object products = o.getValue(PRODUCTS);
        if (products instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                d.products.add(product(array.getValue(i), where + "." + PRODUCTS + "[" + i + "]", d.problems));
            }
        } else if (products != null) {
            d.problems.add(where + "." + PRODUCTS + ": must be an array of {product, quantity, unit, energy_share}");
        }
        return d;
    }

    /** A product line; {@code share} is {@code null} when not given. */
    private record ProductDraft(String product, double quantity, String unit, Double share) {
    }

    private static ProductDraft product(Object value, String where, List<String> problems) {
        if (!(value instanceof JsonObject o)) {
            problems.add(where + ": must be an object, got " + describe(value));
            return null;
        }
        for (String key : o.fieldNames()) {
            if (!PRODUCT_KEYS.contains(key)) {
                problems.add(where + "." + key + ": unknown field; allowed: " + PRODUCT_KEYS.stream().sorted().toList());
            }
        }
        String name = nameAt(o, PRODUCT, where, problems);
        String unit = nameAt(o, UNIT, where, problems);
        Double quantity = o.getValue(QUANTITY) == null ? null : number(o.getValue(QUANTITY), where + "." + QUANTITY, problems);
        if (o.getValue(QUANTITY) == null) {
            problems.add(where + "." + QUANTITY + ": required, the qualified output of the month");
        } else if (quantity != null && quantity < 0) {
            problems.add(where + "." + QUANTITY + ": must not be negative, got " + o.getValue(QUANTITY));
            quantity = null;
        }
        Double share = null;
        if (o.getValue(ENERGY_SHARE) != null) {
            Double s = number(o.getValue(ENERGY_SHARE), where + "." + ENERGY_SHARE, problems);
            if (s != null && !(s > 0 && s <= 1)) {
                problems.add(where + "." + ENERGY_SHARE + ": the share of the enterprise's energy that goes to this product "
                        + "must be above 0 and at most 1, got " + o.getValue(ENERGY_SHARE));
            } else if (s != null) {
                share = s;
            }
        }
        return name == null || unit == null || quantity == null ? null : new ProductDraft(name, quantity, unit, share);
    }

    private static String nameAt(JsonObject o, String key, String where, List<String> problems) {
        Object v = o.getValue(key);
        if (!(v instanceof String s) || s.isBlank()) {
            problems.add(where + "." + key + ": required text");
            return null;
        }
        String t = s.trim();
        if (t.length() > MAX_NAME || t.contains("\n") || t.contains("\r") || t.endsWith("\\")) {
            problems.add(where + "." + key + ": at most " + MAX_NAME + " characters on one line, not ending in a backslash");
            return null;
        }
        return t;
    }

    private Result finish(List<Draft> drafts) {
        List<OutputReport> accepted = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (Draft d : drafts) {
            if (d.enterprise != null && d.month != null) {
                String key = d.enterprise + " " + d.month;
                String earlier = seen.putIfAbsent(key, d.where);
                if (earlier != null) {
                    d.problems.add(d.where + ": " + key + " is already reported at " + earlier
                            + " in this upload; send one report per enterprise and month");
                }
            }
            List<ProductOutput> products = products(d);
            if (!d.problems.isEmpty()) {
                rejected.add(new Rejection(d.where, d.enterprise, d.month == null ? null : d.month.toString(), d.problems));
                continue;
            }
            OutputReport.Builder report = OutputReport.builder(d.enterprise, d.month, d.figures.get(StorageSchema.REPORT_OUTPUT_VALUE))
                    .products(products);
            figure(d, StorageSchema.REPORT_VALUE_ADDED).ifPresent(report::valueAdded);
            figure(d, StorageSchema.REPORT_TAX).ifPresent(report::tax);
            figure(d, StorageSchema.REPORT_REVENUE).ifPresent(report::revenue);
            figure(d, StorageSchema.REPORT_RD_SPEND).ifPresent(report::rdSpend);
            figure(d, StorageSchema.REPORT_EMPLOYEES).ifPresent(report::employees);
            figure(d, StorageSchema.REPORT_EMISSIONS).ifPresent(report::emissions);
            accepted.add(report.build());
        }
        return new Result(accepted, rejected);
    }

    /**
     * The products with their energy shares: one product takes all the energy unless a share is given; several must
     * each say their share, and the shares may not add up to more than 1.
     */
    private static List<ProductOutput> products(Draft d) {
        List<ProductOutput> products = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        double shares = 0;
        for (ProductDraft p : d.products) {
            if (p == null) {
                continue;
            }
            if (!names.add(p.product())) {
                d.problems.add(d.where + ": product " + p.product() + " is listed twice");
            }
            if (p.share() == null && d.products.size() > 1) {
                d.problems.add(d.where + ": product " + p.product() + " needs " + ENERGY_SHARE
                        + ", the share of the enterprise's energy it takes, because the report lists several products");
            }
            double share = p.share() == null ? 1.0 : p.share();
            shares += share;
            products.add(new ProductOutput(p.product(), p.quantity(), p.unit(), share));
        }
        if (shares > 1 + 1e-9) {
            d.problems.add(d.where + ": the products' energy shares add up to " + shares + ", more than 1");
        }
        return products;
    }

    private static OptionalDouble figure(Draft d, String key) {
        Double v = d.figures.get(key);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private static Double number(Object v, String where, List<String> problems) {
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        problems.add(where + ": must be a number, got " + describe(v));
        return null;
    }

    /** A CSV cell as a number when it is one, else the text (reported as not a number later). */
    private static Object csvNumber(String text) {
        try {
            double d = Double.parseDouble(text.replace(",", ""));
            return Double.isFinite(d) ? d : text;
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static void checkSize(int n) {
        if (n == 0) {
            throw new IllegalArgumentException("the upload holds no reports");
        }
        if (n > MAX_REPORTS) {
            throw new IllegalArgumentException("at most " + MAX_REPORTS + " reports or lines per upload, got " + n);
        }
    }

    private static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return "text \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
        }
        return v instanceof JsonObject ? "an object" : v instanceof JsonArray ? "an array" : v.toString();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
