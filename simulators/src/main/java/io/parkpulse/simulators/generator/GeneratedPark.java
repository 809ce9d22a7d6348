package io.parkpulse.simulators.generator;

import io.parkpulse.contract.MeterKind;
import io.parkpulse.park.Enterprise;
import io.parkpulse.park.Gateway;
import io.parkpulse.park.IndustryCode;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Metering;
import io.parkpulse.park.Park;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated park: the same content as a park file ({@link #toPark()}) and the file itself
 * ({@link ParkFileWriter}). Immutable.
 */
public record GeneratedPark(String id, String name, ZoneId timeZone, String revision, String header,
                            List<EnterpriseEntry> enterprises, List<GatewayEntry> gateways, List<MeterEntry> meters) {

    /** An enterprise with a comment for the file. */
    public record EnterpriseEntry(String id, String name, String industry, double landMu, String comment) {
    }

    public record GatewayEntry(String id, String name) {
    }

    /**
     * A meter; {@code section} starts a commented group in the file when not null. Ratios and multiplier are 1 when not used.
     */
    public record MeterEntry(String id, String name, MeterKind kind, String enterprise, String gateway, double ctRatio,
                             double ptRatio, double multiplier, String section) {
    }

    public GeneratedPark {
        enterprises = List.copyOf(enterprises);
        gateways = List.copyOf(gateways);
        meters = List.copyOf(meters);
    }

    /** The park as {@code ParkFileReader} would read the written file. */
    public Park toPark() {
        Map<String, Enterprise> es = new LinkedHashMap<>();
        for (EnterpriseEntry e : enterprises) {
            es.put(e.id(), new Enterprise(e.id(), e.name(), IndustryCode.parse(e.industry()), e.landMu()));
        }
        Map<String, Gateway> gs = new LinkedHashMap<>();
        for (GatewayEntry g : gateways) {
            gs.put(g.id(), new Gateway(g.id(), g.name()));
        }
        Map<String, Meter> ms = new LinkedHashMap<>();
        for (MeterEntry m : meters) {
            ms.put(m.id(), new Meter(m.id(), m.name(), m.kind(), m.enterprise(), m.gateway(), Metering.CUMULATIVE, m.ctRatio(),
                    m.ptRatio(), m.multiplier()));
        }
        return new Park(id, name, timeZone, revision, "generated:" + id, es, gs, ms);
    }
}
