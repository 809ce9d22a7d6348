package io.parkpulse.dashboard.reports;

import io.parkpulse.efficiency.coal.EnergyCarrier;
import io.parkpulse.efficiency.indicator.OutputReport.GreenElectricity;
import io.parkpulse.efficiency.indicator.OutputReport.GreenKind;
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
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * <p>Field names are the storage names ({@code output_value_cny}, ...): one vocabulary from upload to InfluxDB. Declared
 * fuels and green electricity are {@code "fuels": {"raw_coal": 12000}} (kg) and {@code "green_electricity": [{"kind":
 * "contract", "kwh": 150000}]} in JSON, and the storage's columns {@code fuel_raw_coal_kg}, ...,
 * {@code green_contract_kwh}, {@code green_certificate_kwh} in CSV.
 */
public final class OutputReportParser {

    public static final String ENTERPRISE = "enterprise";
    public static final String MONTH = "month";
    public static final String PRODUCTS = "products";
    public static final String PRODUCT = "product";
    public static final String QUANTITY = "quantity";
    public static final String UNIT = "unit";
    public static final String ENERGY_SHARE = "energy_share";
    /** JSON: the declared fuels, an object of fuel id → kg. */
    public static final String FUELS = "fuels";
    /** JSON: the declared green electricity, an array of {@code {kind, kwh}}. */
    public static final String GREEN = "green_electricity";
    public static final String KIND = "kind";
    public static final String KWH = "kwh";

    /** CSV columns of the declared fuels, in {@link OutputReport#DECLARED_FUELS} order: the storage names. */
    public static final Map<String, EnergyCarrier> FUEL_COLUMNS = fuelColumns();
    /** CSV columns of the declared green electricity: the storage names. */
    public static final Map<String, GreenKind> GREEN_COLUMNS = greenColumns();

    /** Money and counts of a report, in upload order; output value is the one required. */
    public static final List<String> FIGURES = List.of(StorageSchema.REPORT_OUTPUT_VALUE, StorageSchema.REPORT_VALUE_ADDED, StorageSchema.REPORT_TAX, StorageSchema.REPORT_REVENUE,
            StorageSchema.REPORT_RD_SPEND, StorageSchema.REPORT_EMPLOYEES, StorageSchema.REPORT_EMISSIONS);
    private static final Set<String> REPORT_KEYS = Set.copyOf(concat(List.of(ENTERPRISE, MONTH, PRODUCTS, FUELS, GREEN), FIGURES));
    private static final Set<String> GREEN_KEYS = Set.of(KIND, KWH);
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
        List<String> unknown = header.stream().filter(h -> !csvColumn(h)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("CSV header: unknown column(s) " + unknown + meteredNote(unknown) + "; allowed: "
                    + concat(concat(List.of(ENTERPRISE, MONTH), concat(FIGURES, List.of(PRODUCT, QUANTITY, UNIT, ENERGY_SHARE))),
                            concat(List.copyOf(FUEL_COLUMNS.keySet()), List.copyOf(GREEN_COLUMNS.keySet()))));
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
                    row.put(k, FIGURES.contains(k) || k.equals(QUANTITY) || k.equals(ENERGY_SHARE) || declaration(k) ? csvNumber(v) : v);
                }
            });
            JsonObject declared = new JsonObject();
            for (String k : List.copyOf(row.fieldNames())) {
                if (declaration(k)) {
                    declared.put(k, row.remove(k));
                }
            }
            JsonObject product = new JsonObject();
            for (String k : List.of(PRODUCT, QUANTITY, UNIT, ENERGY_SHARE)) {
                Object v = row.remove(k);
                if (v != null) {
                    product.put(k, v);
                }
            }
            Draft draft = fromJson(row, where);
            csvDeclarations(declared, where, draft);
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
            } else if (!first.fuels.equals(draft.fuels) || !first.green.equals(draft.green)) {
                first.problems.add(where + ": the declared fuels or green electricity differ from line " + first.where.substring(5)
                        + " of the same enterprise and month; a report's declarations must be the same on each of its lines");
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
        final Map<EnergyCarrier, Double> fuels = new EnumMap<>(EnergyCarrier.class);
        /** Green electricity by kind; several declarations of one kind add up. */
        final Map<GreenKind, Double> green = new EnumMap<>(GreenKind.class);
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
        jsonFuels(o.getValue(FUELS), where + "." + FUELS, d);
        jsonGreen(o.getValue(GREEN), where + "." + GREEN, d);
        return d;
    }

    /** {@code "fuels": {"raw_coal": 12000, ...}}: declared fuels only, in kg. */
    private static void jsonFuels(Object value, String where, Draft d) {
        if (value == null) {
            return;
        }
        if (!(value instanceof JsonObject o)) {
            d.problems.add(where + ": must be an object of fuel and kg, such as {\"raw_coal\": 12000}, got " + describe(value));
            return;
        }
        for (String key : o.fieldNames()) {
            EnergyCarrier fuel = declaredFuel(key, where + "." + key, d.problems);
            Double kg = declaredQuantity(o.getValue(key), where + "." + key, "kg", d.problems);
            if (fuel != null && kg != null) {
                d.fuels.put(fuel, kg);
            }
        }
    }

    /** {@code "green_electricity": [{"kind": "contract", "kwh": 150000}, ...]}. */
    private static void jsonGreen(Object value, String where, Draft d) {
        if (value == null) {
            return;
        }
        if (!(value instanceof JsonArray array)) {
            d.problems.add(where + ": must be an array of {kind, kwh}, such as [{\"kind\": \"contract\", \"kwh\": 150000}], got "
                    + describe(value));
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            String at = where + "[" + i + "]";
            if (!(array.getValue(i) instanceof JsonObject o)) {
                d.problems.add(at + ": must be an object {kind, kwh}, got " + describe(array.getValue(i)));
                continue;
            }
            for (String key : o.fieldNames()) {
                if (!GREEN_KEYS.contains(key)) {
                    d.problems.add(at + "." + key + ": unknown field; allowed: " + GREEN_KEYS.stream().sorted().toList());
                }
            }
            GreenKind kind = greenKind(o.getValue(KIND), at + "." + KIND, d.problems);
            Double kwh = o.getValue(KWH) == null ? null : declaredQuantity(o.getValue(KWH), at + "." + KWH, "kWh", d.problems);
            if (o.getValue(KWH) == null) {
                d.problems.add(at + "." + KWH + ": required, the electricity it covers in the month, kWh");
            }
            if (kind != null && kwh != null) {
                d.green.merge(kind, kwh, Double::sum);
            }
        }
    }

    /** The CSV cells of {@link #FUEL_COLUMNS} and {@link #GREEN_COLUMNS} (empty cells are not declared). */
    private static void csvDeclarations(JsonObject cells, String where, Draft d) {
        for (String column : cells.fieldNames()) {
            EnergyCarrier fuel = FUEL_COLUMNS.get(column);
            String unit = fuel != null ? "kg" : "kWh";
            Double x = declaredQuantity(cells.getValue(column), where + "." + column, unit, d.problems);
            if (x != null && fuel != null) {
                d.fuels.put(fuel, x);
            } else if (x != null) {
                d.green.put(GREEN_COLUMNS.get(column), x);
            }
        }
    }

    private static EnergyCarrier declaredFuel(String id, String where, List<String> problems) {
        EnergyCarrier carrier = Arrays.stream(EnergyCarrier.values()).filter(c -> c.id().equals(id)).findFirst().orElse(null);
        if (carrier != null && OutputReport.DECLARED_FUELS.contains(carrier)) {
            return carrier;
        }
        String declared = "; declared fuels are " + OutputReport.DECLARED_FUELS.stream().map(EnergyCarrier::id).toList();
        problems.add(where + (carrier == null ? ": unknown fuel" + declared
                : ": " + id + " is metered, not declared in a report (its meters count it)" + declared));
        return null;
    }

    private static GreenKind greenKind(Object value, String where, List<String> problems) {
        List<String> kinds = Arrays.stream(GreenKind.values()).map(GreenKind::id).toList();
        if (value == null) {
            problems.add(where + ": required, one of " + kinds);
            return null;
        }
        if (value instanceof String s) {
            for (GreenKind k : GreenKind.values()) {
                if (k.id().equals(s.trim().toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
        }
        problems.add(where + ": unknown kind " + describe(value) + "; one of " + kinds);
        return null;
    }

    /** A declared quantity: a number, at least 0. */
    private static Double declaredQuantity(Object value, String where, String unit, List<String> problems) {
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            problems.add(where + ": must be a number of " + unit + ", got " + describe(value));
            return null;
        }
        if (n.doubleValue() < 0) {
            problems.add(where + ": must not be negative, got " + value);
            return null;
        }
        return n.doubleValue();
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
            List<GreenElectricity> green = new ArrayList<>();
            d.green.forEach((kind, kwh) -> green.add(new GreenElectricity(kind, kwh)));
            accepted.add(report.fuels(d.fuels).green(green).build());
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

    private static boolean csvColumn(String name) {
        return REPORT_KEYS.contains(name) && !name.equals(FUELS) && !name.equals(GREEN) || PRODUCT_KEYS.contains(name)
                || declaration(name);
    }

    private static boolean declaration(String column) {
        return FUEL_COLUMNS.containsKey(column) || GREEN_COLUMNS.containsKey(column);
    }

    /** Why a fuel column of a metered carrier ({@code fuel_natural_gas_kg}) is refused: its meters count it. */
    private static String meteredNote(List<String> unknown) {
        List<String> metered = Arrays.stream(EnergyCarrier.values()).filter(c -> !OutputReport.DECLARED_FUELS.contains(c))
                .filter(c -> unknown.stream().anyMatch(h -> h.startsWith("fuel_" + c.id() + "_"))).map(EnergyCarrier::id).toList();
        return metered.isEmpty() ? "" : " (" + String.join(", ", metered) + " metered, not declared in a report)";
    }

    private static Map<String, EnergyCarrier> fuelColumns() {
        Map<String, EnergyCarrier> columns = new LinkedHashMap<>();
        OutputReport.DECLARED_FUELS.forEach(f -> columns.put(StorageSchema.reportFuel(f.id()), f));
        return java.util.Collections.unmodifiableMap(columns);
    }

    private static Map<String, GreenKind> greenColumns() {
        Map<String, GreenKind> columns = new LinkedHashMap<>();
        for (GreenKind k : GreenKind.values()) {
            columns.put(StorageSchema.reportGreen(k.id()), k);
        }
        return java.util.Collections.unmodifiableMap(columns);
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
