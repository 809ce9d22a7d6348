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
 * R&amp;D) as CSV or JSON lines; fields in {@code docs/simulators.md}. With {@code withTruth}, each
 * row also carries the simulator's ground truth (efficiency tier and factor), which a real report
 * would not have.
 *
 * <p>Not thread-safe; the simulation thread writes.
 */
public final class OutputReportWriter implements Consumer<EnterpriseMonth>, AutoCloseable {

    static final List<String> FIELDS = List.of("park", "enterprise", "industry", "month", "unit", "quantity", "output_value_cny",
            "value_added_cny", "tax_cny", "employees", "rd_spend_cny", "complete");
    static final List<String> TRUTH = List.of("sim_efficiency_tier", "sim_efficiency_factor");
    /** The dashboard API's CSV columns: its names for the same figures, the product named by the industry. */
    static final List<String> UPLOAD_FIELDS = List.of("enterprise", "month", "output_value_cny", "value_added_cny", "tax_cny",
            "employees", "rd_spend_cny", "product", "quantity", "unit");

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
                    + plain(m.taxCny()) + ',' + m.employees() + ',' + plain(m.rdSpendCny()) + ',' + csv(product) + ','
                    + plain(m.quantity()) + ',' + m.unit() + '\n');
            return;
        }
        if (format == OutputReportFormat.CSV) {
            StringBuilder b = new StringBuilder(160);
            b.append(csv(m.park())).append(',').append(csv(m.enterprise())).append(',').append(m.industry()).append(',')
             .append(m.month()).append(',').append(m.unit()).append(',').append(plain(m.quantity())).append(',')
             .append(plain(m.outputValueCny())).append(',').append(plain(m.valueAddedCny())).append(',')
             .append(plain(m.taxCny())).append(',').append(m.employees()).append(',').append(plain(m.rdSpendCny())).append(',')
             .append(m.complete());
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
