package io.parkpulse.simulators.generator;

import io.parkpulse.contract.EnterpriseId;
import io.parkpulse.contract.GatewayId;
import io.parkpulse.contract.MeterId;
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

    /** An enterprise with a comment for the file; {@code operatingSince} may be null (not written). */
    public record EnterpriseEntry(String id, String name, String industry, double landMu, String comment,
                                  java.time.LocalDate operatingSince) {

        public EnterpriseEntry(String id, String name, String industry, double landMu, String comment) {
            this(id, name, industry, landMu, comment, null);
        }
    }

    /** @param uplinkInterval how often a batching gateway sends (an NB-IoT platform: P1D), or null (not written) */
    public record GatewayEntry(String id, String name, java.time.Duration uplinkInterval) {

        public GatewayEntry(String id, String name) {
            this(id, name, null);
        }
    }

    /**
     * A meter; {@code section} starts a commented group in the file when not null. Ratios and multiplier are 1 when not used.
     */
    /**
     * @param sub             a sub-meter: part of what the enterprise's main meter counts, written {@code role: sub}
     * @param registerModulus where the register wraps, as displayed (NaN: not declared)
     */
    public record MeterEntry(String id, String name, MeterKind kind, String enterprise, String gateway, double ctRatio,
                             double ptRatio, double multiplier, String section, boolean sub, double registerModulus) {

        public MeterEntry(String id, String name, MeterKind kind, String enterprise, String gateway, double ctRatio,
                          double ptRatio, double multiplier, String section, boolean sub) {
            this(id, name, kind, enterprise, gateway, ctRatio, ptRatio, multiplier, section, sub, Double.NaN);
        }

        public MeterEntry(String id, String name, MeterKind kind, String enterprise, String gateway, double ctRatio,
                          double ptRatio, double multiplier, String section) {
            this(id, name, kind, enterprise, gateway, ctRatio, ptRatio, multiplier, section, false);
        }

        /** NB-IoT meters report hourly frozen values (one uplink a day); the others every 15 minutes. */
        public java.time.Duration readingInterval() {
            return ParkGenerator.NBIOT_GATEWAY.equals(gateway) ? java.time.Duration.ofHours(1) : java.time.Duration.ofMinutes(15);
        }

        public MeterEntry withGateway(String newGateway) {
            return new MeterEntry(id, name, kind, enterprise, newGateway, ctRatio, ptRatio, multiplier, section, sub, registerModulus);
        }

        public MeterEntry withSection(String newSection) {
            return new MeterEntry(id, name, kind, enterprise, gateway, ctRatio, ptRatio, multiplier, newSection, sub, registerModulus);
        }
    }

    public GeneratedPark {
        enterprises = List.copyOf(enterprises);
        gateways = List.copyOf(gateways);
        meters = List.copyOf(meters);
    }

    /** The park as {@code ParkFileReader} would read the written file. */
    public Park toPark() {
        Map<EnterpriseId, Enterprise> es = new LinkedHashMap<>();
        for (EnterpriseEntry e : enterprises) {
            es.put(EnterpriseId.of(e.id()), new Enterprise(EnterpriseId.of(e.id()), e.name(), IndustryCode.parse(e.industry()), e.landMu(),
                    e.operatingSince()));
        }
        Map<GatewayId, Gateway> gs = new LinkedHashMap<>();
        for (GatewayEntry g : gateways) {
            gs.put(GatewayId.of(g.id()), new Gateway(GatewayId.of(g.id()), g.name()));
        }
        Map<MeterId, Meter> ms = new LinkedHashMap<>();
        for (MeterEntry m : meters) {
            ms.put(MeterId.of(m.id()), new Meter(MeterId.of(m.id()), m.name(), m.kind(), m.enterprise() == null ? null : EnterpriseId.of(m.enterprise()),
                    GatewayId.of(m.gateway()), Metering.CUMULATIVE, m.ctRatio(),
                    m.ptRatio(), m.multiplier(), new io.parkpulse.park.CounterDeclaration(m.sub()
                            ? io.parkpulse.park.CounterDeclaration.Role.SUB : io.parkpulse.park.CounterDeclaration.Role.MAIN,
                            m.registerModulus(), Double.NaN, m.readingInterval(), java.util.List.of())));
        }
        return new Park(id, name, timeZone, revision, "generated:" + id, es, gs, ms);
    }
}
