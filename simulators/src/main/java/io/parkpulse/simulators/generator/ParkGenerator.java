package io.parkpulse.simulators.generator;

import io.parkpulse.contract.MeterKind;
import io.parkpulse.simulators.model.Industry;
import io.parkpulse.simulators.model.NbIotSettings;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates a realistic park: enterprises across the industry catalogue (the first ten one of each,
 * then weighted towards the many small manufacturers real parks have), each with a main
 * electricity meter sized to its load, 1-3 sub-meters, an NB-IoT water meter, gas and steam meters
 * where its industry uses them and 1-4 machines with production counters; a 110 kV park incomer and
 * a park water inlet; one wired gateway per ~50 meters plus the NB-IoT gateway. Deterministic: the
 * same settings give the same park, byte for byte once written.
 *
 * <p>Not thread-safe; use one instance per park.
 */
public final class ParkGenerator {

    /** Wired meters per gateway at most: a gateway polls its RS-485 buses within the interval. */
    public static final int METERS_PER_GATEWAY = 50;
    public static final String NBIOT_GATEWAY = "gw-" + NbIotSettings.GATEWAY_MARKER;

    /** Relative frequency of each industry after the first ten enterprises, in catalogue order. */
    private static final double[] WEIGHTS = {0.7, 0.7, 2, 1.5, 2, 3, 3, 2, 2, 0.5};

    /**
     * What to generate.
     *
     * @param enterprises number of enterprises, or 0 to generate until {@code meters} meters exist
     * @param meters      minimum number of meters when {@code enterprises} is 0
     */
    public record Settings(String parkId, String parkName, ZoneId timeZone, long seed, int enterprises, int meters) {
        public Settings {
            if (enterprises < 0 || meters < 0 || (enterprises == 0) == (meters == 0)) {
                throw new IllegalArgumentException("give either a number of enterprises or a number of meters (> 0), not both");
            }
        }
    }

    private final Settings settings;
    private final SplittableRandom random;
    private final CompanyNames names;
    private final List<GeneratedPark.EnterpriseEntry> enterprises = new ArrayList<>();
    private final List<GeneratedPark.MeterEntry> wired = new ArrayList<>();
    private final List<GeneratedPark.MeterEntry> nbIot = new ArrayList<>();
    private final List<Integer> wiredGroupStarts = new ArrayList<>();
    private double parkPeakKw;

    public ParkGenerator(Settings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        this.names = new CompanyNames(random.split());
    }

    public GeneratedPark generate() {
        int width = Math.max(3, Integer.toString(settings.enterprises() > 0 ? settings.enterprises() : settings.meters() / 4).length());
        List<Industry> firstTen = new ArrayList<>(Industry.CATALOGUE);
        Collections.shuffle(firstTen, new java.util.Random(random.nextLong()));
        for (int i = 0; settings.enterprises() > 0 ? i < settings.enterprises() : meterCount() < settings.meters(); i++) {
            Industry industry = i < firstTen.size() ? firstTen.get(i) : weightedIndustry();
            enterprise(String.format(Locale.ROOT, "%0" + width + "d", i + 1), industry);
        }
        return assemble();
    }

    private int meterCount() {
        return wired.size() + nbIot.size() + 2;
    }

    private Industry weightedIndustry() {
        double total = 0;
        for (double w : WEIGHTS) {
            total += w;
        }
        double pick = random.nextDouble() * total;
        for (int i = 0; i < WEIGHTS.length; i++) {
            pick -= WEIGHTS[i];
            if (pick < 0) {
                return Industry.CATALOGUE.get(i);
            }
        }
        return Industry.CATALOGUE.get(WEIGHTS.length - 1);
    }

    private void enterprise(String number, Industry industry) {
        String id = "ent-" + number + "-" + industry.tag();
        String[] name = names.next(industry);
        String shortName = name[1];
        double land = industry.landMuMax() == 0 ? 0
                : round1(industry.landMuMin() + random.nextDouble() * (industry.landMuMax() - industry.landMuMin()));
        double capacity = industry.capacityMin() * Math.pow(industry.capacityMax() / industry.capacityMin(), random.nextDouble());
        double peakKw = capacity * industry.kwhPerUnit() / (1 - industry.baseLoadShare());
        parkPeakKw += peakKw;
        enterprises.add(new GeneratedPark.EnterpriseEntry(id, name[0], industry.code(), land,
                industry.nameZh() + (land == 0 ? " — rents office space, no land of its own" : "")));

        wiredGroupStarts.add(wired.size());
        double pf = industry.powerFactor();
        GridConnection main = GridConnection.forLoad(peakKw, pf, true);
        String section = number + " " + name[0] + " (" + industry.code() + " " + industry.nameZh() + ")";
        wired.add(electricity("E-" + number + "-MAIN", shortName + " 总表", id, main, section, false));

        List<String> subNames = new ArrayList<>(industry.subMeterNames());
        int subs = Math.min(subNames.size(), 1 + random.nextInt(3));
        double left = 0.8;
        for (int j = 0; j < subs; j++) {
            double share = Math.min(left, 0.15 + random.nextDouble() * 0.2);
            left -= share;
            GridConnection c = GridConnection.forLoad(share * peakKw, pf, main.mediumVoltage() && share * peakKw > 800);
            wired.add(electricity("E-" + number + "-S" + (j + 1), shortName + " " + subNames.get(j), id, c, null, true));
        }
        if (industry.usesGas()) {
            double peakGas = industry.gasPerUnit() * capacity;
            // small sites have diaphragm meters with a 0.01 m³ pulse output; large ones a flow computer counting m³
            double multiplier = peakGas < 30 ? 0.01 : 1;
            wired.add(new GeneratedPark.MeterEntry("G-" + number, shortName + " 天然气表", MeterKind.GAS, id, null, 1, 1, multiplier, null));
        }
        if (industry.usesSteam()) {
            wired.add(new GeneratedPark.MeterEntry("S-" + number, shortName + " 蒸汽流量计", MeterKind.STEAM, id, null, 1, 1, 1, null));
        }
        List<String> machineNames = industry.machineNames();
        int machines = industry.machinesMax() == 0 ? 0
                : industry.machinesMin() + random.nextInt(industry.machinesMax() - industry.machinesMin() + 1);
        for (int k = 0; k < machines; k++) {
            String machine = k < machineNames.size() ? machineNames.get(k) : machineNames.get(0) + " " + (k + 1);
            wired.add(new GeneratedPark.MeterEntry(String.format(Locale.ROOT, "M-%s-%02d", number, k + 1), shortName + " " + machine,
                    MeterKind.EQUIPMENT, id, null, 1, 1, industry.counterMultiplier(), null));
        }
        nbIot.add(new GeneratedPark.MeterEntry("W-" + number + "-NB", shortName + " NB 水表", MeterKind.WATER, id, NBIOT_GATEWAY,
                1, 1, 1, null));
    }

    private GeneratedPark.MeterEntry electricity(String id, String name, String enterprise, GridConnection c, String section,
                                                 boolean sub) {
        return new GeneratedPark.MeterEntry(id, name, MeterKind.ELECTRICITY, enterprise, null, c.ctRatio(), c.ptRatio(), 1, section,
                sub);
    }

    /** Puts the park-level meters first, then assigns wired meters to gateways, keeping an enterprise's meters together. */
    private GeneratedPark assemble() {
        List<GeneratedPark.MeterEntry> ordered = new ArrayList<>();
        GridConnection incomer = GridConnection.highVoltage(parkPeakKw * 0.8);
        ordered.add(new GeneratedPark.MeterEntry("E-PARK-INCOMER", "园区 110kV 总进线", MeterKind.ELECTRICITY, null, null,
                incomer.ctRatio(), incomer.ptRatio(), 1, "park level (no enterprise)"));
        ordered.add(new GeneratedPark.MeterEntry("W-PARK-INLET", "园区自来水总进水 (电磁流量计)", MeterKind.WATER, null, null, 1, 1, 1, null));
        List<List<GeneratedPark.MeterEntry>> groups = new ArrayList<>();
        groups.add(ordered);
        for (int g = 0; g < wiredGroupStarts.size(); g++) {
            int from = wiredGroupStarts.get(g);
            int to = g + 1 < wiredGroupStarts.size() ? wiredGroupStarts.get(g + 1) : wired.size();
            groups.add(wired.subList(from, to));
        }
        List<GeneratedPark.GatewayEntry> gateways = new ArrayList<>();
        List<GeneratedPark.MeterEntry> meters = new ArrayList<>();
        int gatewayCount = 0;
        int onGateway = METERS_PER_GATEWAY;
        int width = Math.max(2, Integer.toString(wired.size() / METERS_PER_GATEWAY + 1).length());
        String gateway = null;
        for (List<GeneratedPark.MeterEntry> group : groups) {
            if (onGateway + group.size() > METERS_PER_GATEWAY) {
                gatewayCount++;
                gateway = String.format(Locale.ROOT, "gw-%0" + width + "d", gatewayCount);
                gateways.add(new GeneratedPark.GatewayEntry(gateway, gatewayCount + " 号配电房网关"));
                onGateway = 0;
            }
            for (GeneratedPark.MeterEntry m : group) {
                meters.add(m.withGateway(gateway));
            }
            onGateway += group.size();
        }
        gateways.add(new GeneratedPark.GatewayEntry(NBIOT_GATEWAY, "NB-IoT 表计平台接入 (电信 AEP 推送)"));
        boolean first = true;
        for (GeneratedPark.MeterEntry m : nbIot) {
            meters.add(first ? m.withSection("NB-IoT water meters: one uplink a day with the past day's frozen values") : m);
            first = false;
        }
        String size = settings.enterprises() > 0 ? "--enterprises " + settings.enterprises() : "--meters " + settings.meters();
        String header = "Generated by: parkpulse-simulators generate-park " + size + " --seed "
                + settings.seed() + " --park-id " + settings.parkId() + "\n"
                + "Regenerate rather than edit: the same arguments give this file byte for byte.";
        return new GeneratedPark(settings.parkId(), settings.parkName(), settings.timeZone(), "generated-seed-" + settings.seed(),
                header, enterprises, gateways, meters);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
