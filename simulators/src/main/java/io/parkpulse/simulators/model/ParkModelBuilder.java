package io.parkpulse.simulators.model;

import io.parkpulse.contract.GatewayId;
import io.parkpulse.contract.MeterKind;
import io.parkpulse.park.Enterprise;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Metering;
import io.parkpulse.park.Park;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Turns a park file into a {@link ParkModel}: sizes each enterprise from its main meter's
 * transformer rating (a site draws 45-65 % of what its CT allows at peak), gives it an efficiency
 * tier within its industry, splits its load over its sub-meters, its production over its machines
 * and its water, gas and steam over its meters, and gives park-level meters their roles (the
 * largest electricity meter is the main incomer, the first water meter the park inlet).
 *
 * <p>Single use, one thread.
 */
final class ParkModelBuilder {

    private static final EfficiencyTier[] FIRST_THREE = {EfficiencyTier.LEADER, EfficiencyTier.AVERAGE, EfficiencyTier.LAGGARD};
    private static final EfficiencyTier[] AFTER_THREE = {EfficiencyTier.AVERAGE, EfficiencyTier.LEADER, EfficiencyTier.AVERAGE,
        EfficiencyTier.LAGGARD};
    private static final double MAX_SUB_SHARE_TOTAL = 0.85;

    private final Park park;
    private final ModelSettings settings;
    private final long seed;
    private final Map<String, Integer> gatewayIndex = new LinkedHashMap<>();
    private final Map<String, List<Meter>> metersByEnterprise = new HashMap<>();
    private final List<Meter> parkLevelMeters = new ArrayList<>();
    private final Map<String, MeterModel> modelsById = new HashMap<>();
    private final Map<String, Integer> fileOrder = new HashMap<>();
    private boolean hasNbIot;

    ParkModelBuilder(Park park, ModelSettings settings) {
        this.park = park;
        this.settings = settings;
        this.seed = settings.seed();
    }

    ParkModel build() {
        for (GatewayId g : park.gateways().keySet()) {
            gatewayIndex.put(g.value(), gatewayIndex.size());
        }
        for (Meter m : park.meters().values()) {
            fileOrder.put(m.id().value(), fileOrder.size());
            if (m.isParkLevel()) {
                parkLevelMeters.add(m);
            } else {
                metersByEnterprise.computeIfAbsent(m.enterprise().value(), e -> new ArrayList<>()).add(m);
            }
        }
        Map<String, EfficiencyTier> tiers = assignTiers();
        Map<String, Declarations> declarations = Declarations.assign(park.enterprises().values());
        Map<String, EnterpriseModel> byEnterprise = new LinkedHashMap<>();
        List<MeterModel> enterpriseMeters = new ArrayList<>();
        for (Enterprise e : park.enterprises().values()) {
            EnterpriseModel model = enterprise(e, tiers.get(e.id().value()), enterpriseMeters);
            model.declarations = declarations.get(e.id().value());
            byEnterprise.put(e.id().value(), model);
        }
        EnterpriseModel[] enterprises = byEnterprise.values().toArray(new EnterpriseModel[0]);
        List<MeterModel> parkMeters = new ArrayList<>();
        ParkLoad load = parkLevel(enterprises, parkMeters);
        // keep park-file order within each pass, so readings come out in a stable, readable order
        Comparator<MeterModel> inFileOrder = Comparator.comparingInt(m -> fileOrder.get(m.meter.id().value()));
        enterpriseMeters.sort(inFileOrder);
        parkMeters.sort(inFileOrder);
        for (MeterModel m : enterpriseMeters) {
            modelsById.put(m.meter.id().value(), m);
        }
        applyLeaks();
        FaultPlan faults = new FaultPlan(settings.faults(), seed, park.id(), gatewayIndex.keySet().toArray(new String[0]),
                settings.faultLog());
        return new ParkModel(park, settings, new ArrayList<>(gatewayIndex.keySet()), enterprises,
                enterpriseMeters.toArray(new MeterModel[0]), parkMeters.toArray(new MeterModel[0]), byEnterprise, load, faults, hasNbIot);
    }

    /**
     * Within each industry, enterprises ordered by a seeded hash take tiers leader, average, laggard
     * (starting at a seeded position, so single enterprises of different industries differ), then
     * average, leader, average, laggard: a quarter leaders, half average, a quarter laggards.
     */
    private Map<String, EfficiencyTier> assignTiers() {
        Map<Industry, List<Enterprise>> byIndustry = new LinkedHashMap<>();
        for (Enterprise e : park.enterprises().values()) {
            byIndustry.computeIfAbsent(Industry.of(e.industry()), i -> new ArrayList<>()).add(e);
        }
        Map<String, EfficiencyTier> tiers = new HashMap<>();
        for (Map.Entry<Industry, List<Enterprise>> entry : byIndustry.entrySet()) {
            List<Enterprise> list = new ArrayList<>(entry.getValue());
            list.sort(Comparator.comparingLong((Enterprise e) -> SeededNoise.bits(SeededNoise.key(seed, e.id().value()), Streams.TIER_ORDER, 0))
                    .thenComparing(Enterprise::id));
            int offset = (int) Math.floorMod(SeededNoise.bits(SeededNoise.key(seed, "industry:" + entry.getKey().code()),
                    Streams.TIER_OFFSET, 0), 3L);
            for (int i = 0; i < list.size(); i++) {
                tiers.put(list.get(i).id().value(), i < 3 ? FIRST_THREE[(i + offset) % 3] : AFTER_THREE[(i - 3) % 4]);
            }
        }
        return tiers;
    }

    private EnterpriseModel enterprise(Enterprise e, EfficiencyTier tier, List<MeterModel> out) {
        Industry industry = Industry.of(e.industry());
        long key = SeededNoise.key(seed, e.id().value());
        List<Meter> meters = metersByEnterprise.getOrDefault(e.id().value(), List.of());
        List<Meter> electricity = ofKind(meters, MeterKind.ELECTRICITY);
        Meter main = pickMain(electricity);
        List<Meter> subs = new ArrayList<>(electricity);
        subs.remove(main);

        double centre = tier.centre(industry.tierSpread());
        double peakKw;
        double capacity;
        if (main != null || !subs.isEmpty()) {
            double loading = SeededNoise.between(key, Streams.LOADING, 0, 0.45, 0.65);
            peakKw = main != null ? loading * ElectricalRating.ratedKw(main)
                    : subs.stream().mapToDouble(ElectricalRating::ratedKw).sum() * loading;
            capacity = peakKw * (1 - industry.baseLoadShare()) / (industry.kwhPerUnit() * centre);
        } else {
            capacity = Math.sqrt(industry.capacityMin() * industry.capacityMax())
                    * SeededNoise.between(key, Streams.CAPACITY, 0, 0.7, 1.3);
            peakKw = capacity * industry.kwhPerUnit() * centre / (1 - industry.baseLoadShare());
        }
        boolean hasGasMeter = meters.stream().anyMatch(m -> m.kind() == MeterKind.GAS);
        long priceKey = SeededNoise.key(seed, "industry:" + industry.code());
        EnterpriseModel model = new EnterpriseModel(e, industry, key, priceKey, tier, capacity, peakKw, hasGasMeter);

        // electricity: sub-meters take a share each (no more than their CT allows), the main meter is their sum plus the rest
        double[] shares = new double[subs.size() + 1];
        double total = 0;
        for (int j = 0; j < subs.size(); j++) {
            Meter sub = subs.get(j);
            double wanted = SeededNoise.between(SeededNoise.key(seed, sub.id().value()), Streams.SUB_SHARE, 0, 0.15, 0.45);
            shares[j] = Math.min(wanted, 0.7 * ElectricalRating.ratedKw(sub) / peakKw);
            total += shares[j];
        }
        if (total > MAX_SUB_SHARE_TOTAL) {
            for (int j = 0; j < subs.size(); j++) {
                shares[j] *= MAX_SUB_SHARE_TOTAL / total;
            }
            total = MAX_SUB_SHARE_TOTAL;
        }
        shares[subs.size()] = 1 - total;
        model.componentShares = shares;
        model.componentKw = new double[shares.length];
        double pf = industry.powerFactor();
        for (int j = 0; j < subs.size(); j++) {
            int component = j;
            Meter sub = subs.get(j);
            out.add(new ElectricityMeterModel(sub, SeededNoise.key(seed, sub.id().value()), gateway(sub),
                    () -> model.componentKw[component], pf, 1.5 * shares[j] * peakKw));
        }
        if (main != null) {
            out.add(new ElectricityMeterModel(main, SeededNoise.key(seed, main.id().value()), gateway(main), () -> model.totalKw, pf,
                    1.5 * peakKw));
        }

        // machines: fixed shares of production
        List<Meter> equipment = ofKind(meters, MeterKind.EQUIPMENT);
        double[] weights = weights(equipment, Streams.MACHINE_SHARE);
        MachineModel[] machines = new MachineModel[equipment.size()];
        for (int i = 0; i < machines.length; i++) {
            Meter m = equipment.get(i);
            double share = weights[i];
            machines[i] = new MachineModel(m, SeededNoise.key(seed, m.id().value()), gateway(m), share, share * capacity * 1.4,
                    0.02 * share * peakKw, 0.6 * industry.kwhPerUnit() * centre, settings.machineFaultsPerHour(),
                    settings.meanMachineFault().toMillis());
            out.add(machines[i]);
        }
        model.machines = machines;

        flowMeters(ofKind(meters, MeterKind.WATER), () -> model.waterM3h, model.peakWaterM3h(),
                model.minWaterM3h + 0.2 * model.domesticM3hPerPerson * model.employees, out);
        flowMeters(ofKind(meters, MeterKind.GAS), () -> model.gasM3h, model.peakGasM3h(), model.gasStandbyM3h, out);
        flowMeters(ofKind(meters, MeterKind.STEAM), () -> model.steamTh, model.peakSteamTh(), model.steamStandbyTh, out);
        // a heat meter on a hot-water loop delivers what the process's steam would: GJ/h
        flowMeters(ofKind(meters, MeterKind.HEAT), () -> model.steamTh * FlowMeterModel.STEAM_GJ_PER_T,
                model.peakSteamTh() * FlowMeterModel.STEAM_GJ_PER_T, model.steamStandbyTh * FlowMeterModel.STEAM_GJ_PER_T, out);
        return model;
    }

    /** Meters of one kind share the flow by seeded weights. */
    private void flowMeters(List<Meter> meters, DoubleSupplier flow, double peak, double nightMinimum, List<MeterModel> out) {
        double[] weights = weights(meters, Streams.FLOW_SHARE);
        for (int i = 0; i < meters.size(); i++) {
            double w = weights[i];
            out.add(flowMeter(meters.get(i), () -> flow.getAsDouble() * w, 1.5 * w * peak, w * nightMinimum));
        }
    }

    private FlowMeterModel flowMeter(Meter m, DoubleSupplier flow, double ceiling, double nightMinimum) {
        long key = SeededNoise.key(seed, m.id().value());
        FrozenValues frozen = null;
        if (m.gateway().value().contains(NbIotSettings.GATEWAY_MARKER) && (m.kind() == MeterKind.WATER || m.kind() == MeterKind.GAS)) {
            // the uplink slot depends on the meter alone, as vendors derive it from the serial number
            frozen = new FrozenValues(settings.nbIot(), SeededNoise.key(0, "nbiot-slot:" + m.id()));
            hasNbIot = true;
        }
        return new FlowMeterModel(m, key, gateway(m), flow, ceiling, nightMinimum, frozen);
    }

    private ParkLoad parkLevel(EnterpriseModel[] enterprises, List<MeterModel> out) {
        List<Meter> electricity = ofKind(parkLevelMeters, MeterKind.ELECTRICITY);
        Meter incomer = electricity.stream().max(Comparator.comparingDouble(ElectricalRating::ratedKw)).orElse(null);
        List<Meter> publicMeters = new ArrayList<>(electricity);
        publicMeters.remove(incomer);
        double[] publicRated = publicMeters.stream().mapToDouble(ElectricalRating::ratedKw).toArray();
        double noLoad = incomer == null ? 0 : 0.001 * ElectricalRating.ratedKw(incomer);
        ParkLoad load = new ParkLoad(enterprises, publicRated, noLoad);
        if (incomer != null) {
            out.add(new ElectricityMeterModel(incomer, SeededNoise.key(seed, incomer.id().value()), gateway(incomer), () -> load.incomerKw,
                    0.95, 1.5 * load.peakIncomerKw()));
        }
        for (int i = 0; i < publicMeters.size(); i++) {
            int index = i;
            Meter m = publicMeters.get(i);
            out.add(new ElectricityMeterModel(m, SeededNoise.key(seed, m.id().value()), gateway(m), () -> load.publicKw[index], 0.9,
                    0.5 * publicRated[i] + 1));
        }
        List<Meter> water = ofKind(parkLevelMeters, MeterKind.WATER);
        for (int i = 0; i < water.size(); i++) {
            Meter m = water.get(i);
            if (i == 0) {
                out.add(flowMeter(m, () -> load.inletM3h, 1.5 * load.peakWaterM3h(), ParkLoad.WATER_BACKGROUND_M3H));
            } else {
                // other park water meters: public toilets and green-space irrigation, a small steady draw
                out.add(flowMeter(m, () -> 0.4, 2, 0.4));
            }
        }
        List<Meter> gas = ofKind(parkLevelMeters, MeterKind.GAS);
        for (Meter m : gas) {
            out.add(flowMeter(m, () -> load.gasM3h / gas.size(), 1.5 * load.peakGasM3h() / gas.size(), 0.1));
        }
        List<Meter> steam = ofKind(parkLevelMeters, MeterKind.STEAM);
        for (Meter m : steam) {
            out.add(flowMeter(m, () -> load.steamTh / steam.size(), 1.5 * load.peakSteamTh() / steam.size(), 0.1));
        }
        // park-level equipment: pumping stations moving the park's water
        List<Meter> pumps = ofKind(parkLevelMeters, MeterKind.EQUIPMENT);
        MachineModel[] machines = new MachineModel[pumps.size()];
        for (int i = 0; i < machines.length; i++) {
            Meter m = pumps.get(i);
            double share = 1.0 / machines.length;
            machines[i] = new MachineModel(m, SeededNoise.key(seed, m.id().value()), gateway(m), share, 1.5 * share * load.peakWaterM3h(),
                    5, 0.25, settings.machineFaultsPerHour(), settings.meanMachineFault().toMillis());
            out.add(machines[i]);
        }
        load.pumps = machines;
        return load;
    }

    private void applyLeaks() {
        for (LeakSpec leak : settings.leaks()) {
            MeterModel m = modelsById.get(leak.meter());
            if (!(m instanceof FlowMeterModel flow) || m.meter.kind() != MeterKind.WATER) {
                throw new IllegalArgumentException("leak on " + leak.meter() + ": park " + park.id()
                        + " has no enterprise water meter with that id");
            }
            flow.leak(leak.start().toEpochMilli(), leak.flowM3h());
        }
    }

    /** The enterprise's main meter: one whose id ends in MAIN or whose name says 总表, else the one with the largest rating. */
    private static Meter pickMain(List<Meter> electricity) {
        for (Meter m : electricity) {
            if (m.id().value().toUpperCase(Locale.ROOT).endsWith("MAIN") || m.name().contains("总表")) {
                return m;
            }
        }
        return electricity.stream().filter(m -> m.metering() == Metering.CUMULATIVE)
                .max(Comparator.comparingDouble(ElectricalRating::ratedKw)).orElse(null);
    }

    private double[] weights(List<Meter> meters, long stream) {
        double[] w = new double[meters.size()];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = SeededNoise.between(SeededNoise.key(seed, meters.get(i).id().value()), stream, 0, 0.5, 1.5);
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }

    private int gateway(Meter m) {
        return gatewayIndex.get(m.gateway().value());
    }

    private static List<Meter> ofKind(List<Meter> meters, MeterKind kind) {
        List<Meter> list = new ArrayList<>();
        for (Meter m : meters) {
            if (m.kind() == kind) {
                list.add(m);
            }
        }
        return list;
    }
}
