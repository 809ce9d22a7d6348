package io.parkpulse.dashboard.efficiency;

import io.parkpulse.contract.MeterKind;
import io.parkpulse.contract.Quantity;
import io.parkpulse.efficiency.counter.CounterEvent;
import io.parkpulse.efficiency.counter.CounterProfile;
import io.parkpulse.efficiency.evaluation.EnterpriseInfo;
import io.parkpulse.efficiency.evaluation.MeterInfo;
import io.parkpulse.efficiency.evaluation.Metered;
import io.parkpulse.park.CounterDeclaration;
import io.parkpulse.park.Enterprise;
import io.parkpulse.park.Meter;
import io.parkpulse.park.MeterEvent;
import io.parkpulse.park.Metering;
import io.parkpulse.park.Park;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A park file's enterprises and billing meters as the efficiency engine sees them. Billing meters are an enterprise's
 * main meters with cumulative registers of electricity, water, gas, steam or heat; sub-meters measure part of what a main
 * meter already counts and are left out so nothing is counted twice.
 */
public final class ParkModel {

    /** What a meter kind's billing register is and which stored field holds it. */
    public record Register(Metered metered, Quantity quantity) {
    }

    private static final Map<MeterKind, Register> REGISTERS = Map.of(
            MeterKind.ELECTRICITY, new Register(Metered.ELECTRICITY, Quantity.ENERGY_KWH),
            MeterKind.WATER, new Register(Metered.WATER, Quantity.VOLUME_M3),
            MeterKind.GAS, new Register(Metered.NATURAL_GAS, Quantity.GAS_M3),
            MeterKind.STEAM, new Register(Metered.STEAM, Quantity.STEAM_T),
            MeterKind.HEAT, new Register(Metered.HEAT, Quantity.HEAT_GJ));

    private final Park park;
    private final Map<String, EnterpriseInfo> enterprises = new LinkedHashMap<>();
    private final List<MeterInfo> meters = new ArrayList<>();
    private final Map<String, MeterInfo> meterInfos = new LinkedHashMap<>();
    private final Map<String, Meter> parkMeters = new LinkedHashMap<>();

    public ParkModel(Park park) {
        this.park = park;
        for (Enterprise e : park.enterprises().values()) {
            enterprises.put(e.id().value(), new EnterpriseInfo(e.id().value(), e.industry().code(), e.landMu(), e.operatingSince()));
        }
        for (Meter m : park.meters().values()) {
            Register register = REGISTERS.get(m.kind());
            if (register == null || m.isParkLevel() || m.metering() != Metering.CUMULATIVE
                    || m.counter().role() != CounterDeclaration.Role.MAIN) {
                continue;
            }
            MeterInfo info = new MeterInfo(m.id().value(), m.enterprise().value(), register.metered(), profile(m));
            meters.add(info);
            meterInfos.put(m.id().value(), info);
            parkMeters.put(m.id().value(), m);
        }
    }

    public Park park() {
        return park;
    }

    public Map<String, EnterpriseInfo> enterprises() {
        return enterprises;
    }

    /** The billing meters. */
    public List<MeterInfo> meters() {
        return meters;
    }

    /** A billing meter by id. */
    public MeterInfo meter(String meterId) {
        return meterInfos.get(meterId);
    }

    /** The billing register of meters of {@code kind}, or {@code null} when such meters bill nothing. */
    public static Register registerOf(MeterKind kind) {
        return REGISTERS.get(kind);
    }

    /** The kind of a billing meter. */
    public MeterKind kindOf(String meterId) {
        return parkMeters.get(meterId).kind();
    }

    /**
     * The park file's counter declaration in the engine's terms. The meter's top-level ratios are those before its
     * first declared event; each event's ratios hold from its time on, a ratio it leaves out staying as it was.
     */
    static CounterProfile profile(Meter m) {
        boolean electricity = m.kind() == MeterKind.ELECTRICITY;
        double ct = m.ctRatio();
        double pt = m.ptRatio();
        double k = m.multiplier();
        List<CounterEvent> events = new ArrayList<>();
        for (MeterEvent e : m.counter().events()) {
            ct = Double.isNaN(e.ctRatio()) ? ct : e.ctRatio();
            pt = Double.isNaN(e.ptRatio()) ? pt : e.ptRatio();
            k = Double.isNaN(e.multiplier()) ? k : e.multiplier();
            CounterEvent.Type type = e.type() == MeterEvent.Type.EXCHANGE ? CounterEvent.Type.EXCHANGE : CounterEvent.Type.RATIO_CHANGE;
            events.add(new CounterEvent(type, e.time().toEpochMilli(), e.oldFinal(), e.newStart(), electricity ? ct * pt : k));
        }
        double initial = electricity ? m.ctRatio() * m.ptRatio() : m.multiplier();
        return new CounterProfile(initial, m.counter().registerModulus(), m.counter().maxRatePerHour(),
                m.counter().readingInterval().toMillis(), events);
    }
}
