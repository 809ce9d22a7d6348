package io.parkpulse.simulators.generator;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Writes a {@link GeneratedPark} in the park-file format ({@code docs/park-file.md}): enterprises
 * and gateways as block mappings, meters one per line in flow style (a 100 000-meter park stays
 * under the reader's 16 MiB limit and diffs stay readable). Names are always double-quoted;
 * numbers are written in plain decimal, so the reader gets back exactly the same values.
 */
public final class ParkFileWriter {

    private ParkFileWriter() {
    }

    public static String write(GeneratedPark park) {
        return write(park, "");
    }

    /** The park file with a {@code policy:} section (YAML text, written as given after the {@code park:} section). */
    public static String write(GeneratedPark park, String policy) {
        StringBuilder out = new StringBuilder(200 * (park.meters().size() + park.enterprises().size()) + 1_000);
        for (String line : park.header().split("\n")) {
            out.append("# ").append(line).append('\n');
        }
        out.append("# Format: docs/park-file.md. Meter ids: E electricity (MAIN main meter, S sub-meter), W water, G gas, S steam,\n")
           .append("# M machine with a production counter.\n")
           .append("schema_version: 1\n\npark:\n")
           .append("  id: ").append(park.id()).append('\n')
           .append("  name: ").append(quote(park.name())).append('\n')
           .append("  time_zone: ").append(park.timeZone().getId()).append('\n')
           .append("  revision: ").append(quote(park.revision())).append("\n\n")
           .append(policy.isEmpty() ? "" : policy + "\n")
           .append("enterprises:\n");
        for (GeneratedPark.EnterpriseEntry e : park.enterprises()) {
            out.append("  - id: ").append(e.id()).append('\n')
               .append("    name: ").append(quote(e.name())).append('\n')
               .append("    industry: ").append(e.industry()).append("  # ").append(e.comment()).append('\n')
               .append("    land_mu: ").append(number(e.landMu())).append('\n');
            if (e.operatingSince() != null) {
                out.append("    operating_since: ").append(e.operatingSince()).append('\n');
            }
        }
        out.append("\ngateways:\n");
        for (GeneratedPark.GatewayEntry g : park.gateways()) {
            out.append("  - id: ").append(g.id()).append('\n')
               .append("    name: ").append(quote(g.name())).append('\n');
            if (g.uplinkInterval() != null) {
                java.time.Duration u = g.uplinkInterval();
                out.append("    uplink_interval: ").append(u.toSeconds() % 86_400 == 0 ? "P" + u.toDays() + "D" : u.toString()).append('\n');
            }
        }
        out.append("\nmeters:\n");
        for (GeneratedPark.MeterEntry m : park.meters()) {
            if (m.section() != null) {
                out.append("  # --- ").append(m.section()).append('\n');
            }
            out.append("  - {id: ").append(m.id())
               .append(", name: ").append(quote(m.name()))
               .append(", kind: ").append(m.kind().wireName());
            if (m.enterprise() != null) {
                out.append(", enterprise: ").append(m.enterprise());
            }
            out.append(", gateway: ").append(m.gateway());
            if (m.sub()) {
                out.append(", role: sub");
            }
            if (!Double.isNaN(m.registerModulus())) {
                out.append(", register_modulus: ").append(number(m.registerModulus()));
            }
            if (!m.readingInterval().equals(java.time.Duration.ofMinutes(15))) {
                out.append(", reading_interval: ").append(m.readingInterval());
            }
            switch (m.kind()) {
                case ELECTRICITY -> {
                    if (m.ctRatio() != 1) {
                        out.append(", ct_ratio: ").append(number(m.ctRatio()));
                    }
                    if (m.ptRatio() != 1) {
                        out.append(", pt_ratio: ").append(number(m.ptRatio()));
                    }
                }
                default -> {
                    if (m.multiplier() != 1) {
                        out.append(", multiplier: ").append(number(m.multiplier()));
                    }
                }
            }
            out.append("}\n");
        }
        return out.toString();
    }

    static String number(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite number: " + v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static String quote(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
