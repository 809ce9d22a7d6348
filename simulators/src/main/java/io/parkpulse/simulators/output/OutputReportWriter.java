package io.parkpulse.simulators.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.parkpulse.park.IndustryCode;
import io.parkpulse.simulators.model.EnterpriseMonth;
import io.parkpulse.simulators.model.Industry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes enterprises' monthly output (product quantity, output value, value added, tax, employees,
 * R&amp;D, declared fuels and green electricity) as CSV or JSON lines; fields in {@code docs/simulators.md}. With {@code withTruth}, each
 * row also carries the simulator's ground truth (efficiency tier and factor), which a real report
 * would not have.
 *
 * <p>Not thread-safe; the simulation thread writes.
 */
public final class OutputReportWriter implements Consumer<EnterpriseMonth>, AutoCloseable {

    /** Declared fuels and green electricity by id, in column order; their columns are the dashboard API's (kg, kWh). */
    static final List<String> FUELS = List.of("raw_coal", "coke", "diesel", "gasoline", "fuel_oil", "lpg");
    static final List<String> GREEN = List.of("contract", "certificate");
    static final List<String> DECLARED = declaredColumns();
    static final List<String> FIELDS = concat(List.of("park", "enterprise", "industry", "month", "unit", "quantity", "output_value_cny",
            "value_added_cny", "tax_cny", "employees", "rd_spend_cny", "complete"), DECLARED);
    static final List<String> TRUTH = List.of("sim_efficiency_tier", "sim_efficiency_factor");
    /** The dashboard API's CSV columns: its names for the same figures, the product named by the industry. */
    static final List<String> UPLOAD_FIELDS = concat(concat(List.of("enterprise", "month", "output_value_cny", "value_added_cny",
            "tax_cny", "employees", "rd_spend_cny"), DECLARED), List.of("product", "quantity", "unit"));

    private static final JsonFactory JSON = new JsonFactory();

    private final Writer out;
    private final OutputReportFormat format;
    private final boolean withTruth;
    private final String name;
    private long rows;

    public OutputReportWriter(Writer out, OutputReportFormat format, boolean withTruth, String name) {
        this.out = out;
        this.format = format;
        this.withTruth = withTruth;
        this.name = name;
        if (format == OutputReportFormat.CSV) {
            write(String.join(",", FIELDS) + (withTruth ? "," + String.join(",", TRUTH) : "") + "\n");
        } else if (format == OutputReportFormat.UPLOAD) {
            if (withTruth) {
                throw new IllegalArgumentException("the upload format is what a real enterprise sends: it has no ground truth");
            }
            write(String.join(",", UPLOAD_FIELDS) + "\n");
        }
    }

    public static OutputReportWriter create(Path file, OutputReportFormat format, boolean withTruth) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            return new OutputReportWriter(writer, format, withTruth, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the output report " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void accept(EnterpriseMonth m) {
        rows++;
        if (format == OutputReportFormat.UPLOAD) {
            String product = Industry.of(IndustryCode.parse(m.industry())).product();
            write(csv(m.enterprise()) + ',' + m.month() + ',' + plain(m.outputValueCny()) + ',' + plain(m.valueAddedCny()) + ','
                    + plain(m.taxCny()) + ',' + m.employees() + ',' + plain(m.rdSpendCny()) + ',' + declaredCells(m) + csv(product) + ','
                    + plain(m.quantity()) + ',' + m.unit() + '\n');
            return;
        }
        if (format == OutputReportFormat.CSV) {
            String declared = declaredCells(m);
            StringBuilder b = new StringBuilder(200);
            b.append(csv(m.park())).append(',').append(csv(m.enterprise())).append(',').append(m.industry()).append(',')
             .append(m.month()).append(',').append(m.unit()).append(',').append(plain(m.quantity())).append(',')
             .append(plain(m.outputValueCny())).append(',').append(plain(m.valueAddedCny())).append(',')
             .append(plain(m.taxCny())).append(',').append(m.employees()).append(',').append(plain(m.rdSpendCny())).append(',')
             .append(m.complete()).append(',').append(declared, 0, declared.length() - 1); // no comma after the last
            if (withTruth) {
                b.append(',').append(m.tier().wireName()).append(',').append(plain(m.efficiencyFactor()));
            }
            write(b.append('\n').toString());
            return;
        }
        try {
            JsonGenerator g = JSON.createGenerator(out);
            g.writeStartObject();
            g.writeStringField("park", m.park());
            g.writeStringField("enterprise", m.enterprise());
            g.writeStringField("industry", m.industry());
            g.writeStringField("month", m.month().toString());
            g.writeStringField("unit", m.unit());
            g.writeNumberField("quantity", new BigDecimal(plain(m.quantity())));
            g.writeNumberField("output_value_cny", new BigDecimal(plain(m.outputValueCny())));
            g.writeNumberField("value_added_cny", new BigDecimal(plain(m.valueAddedCny())));
            g.writeNumberField("tax_cny", new BigDecimal(plain(m.taxCny())));
            g.writeNumberField("employees", m.employees());
            g.writeNumberField("rd_spend_cny", new BigDecimal(plain(m.rdSpendCny())));
            g.writeBooleanField("complete", m.complete());
            g.writeObjectFieldStart("fuels");
            for (String fuel : FUELS) {
                Double kg = m.fuelsKg().get(fuel);
                if (kg != null) {
                    g.writeNumberField(fuel, new BigDecimal(plain(kg)));
                }
            }
            g.writeEndObject();
            g.writeArrayFieldStart("green_electricity");
            for (String kind : GREEN) {
                Double kwh = m.greenKwh().get(kind);
                if (kwh != null) {
                    g.writeStartObject();
                    g.writeStringField("kind", kind);
                    g.writeNumberField("kwh", new BigDecimal(plain(kwh)));
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            if (withTruth) {
                g.writeStringField("sim_efficiency_tier", m.tier().wireName());
                g.writeNumberField("sim_efficiency_factor", m.efficiencyFactor());
            }
            g.writeEndObject();
            g.flush();
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the output report " + name + ": " + e.getMessage(), e);
        }
    }

    public long rows() {
        return rows;
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the output report " + name + ": " + e.getMessage(), e);
        }
    }

    /** The declared cells in {@link #DECLARED} order, each followed by a comma; empty cells for what is not declared. */
    private static String declaredCells(EnterpriseMonth m) {
        StringBuilder b = new StringBuilder(24);
        for (String fuel : FUELS) {
            Double kg = m.fuelsKg().get(fuel);
            b.append(kg == null ? "" : plain(kg)).append(',');
        }
        for (String kind : GREEN) {
            Double kwh = m.greenKwh().get(kind);
            b.append(kwh == null ? "" : plain(kwh)).append(',');
        }
        return b.toString();
    }

    private static List<String> declaredColumns() {
        List<String> columns = new java.util.ArrayList<>();
        FUELS.forEach(f -> columns.add("fuel_" + f + "_kg"));
        GREEN.forEach(k -> columns.add("green_" + k + "_kwh"));
        return List.copyOf(columns);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String csv(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the output report " + name + ": " + e.getMessage(), e);
        }
    }
}
