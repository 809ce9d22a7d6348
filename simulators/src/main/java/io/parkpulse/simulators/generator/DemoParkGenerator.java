package io.parkpulse.simulators.generator;

import io.parkpulse.contract.MeterKind;
import io.parkpulse.park.ParkFileReader;
import io.parkpulse.simulators.model.Industry;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The demo park ({@code parks/demo-park.yaml}): 47 enterprises in seven manufacturing industries with several
 * enterprises each (so rankings, frontrunners, medians and gaps mean something), a sewage works (a utility, not
 * graded) and two software tenants without land. Electricity for all; the water of the big users (cement, dyeing,
 * chemicals) and the park inlet on wired electromagnetic flowmeters (live flow), the others on NB-IoT meters pushing a
 * day of hourly values once a day; natural gas where the industry burns it — the cement kilns included, so their
 * clinker energy can be held against GB 16780-2007 — and steam for dyeing and chemicals; clinker scales and machine
 * counters. Gateways: {@code gw-north}, {@code gw-east}, {@code gw-west}, {@code gw-nbiot}, and {@code gw-south}, the
 * one the demo reads with the real gateway jar over emulated meters: a small set mixing DL/T 645, Modbus TCP and
 * CJ/T 188 (water, gas). The cement works {@code ent-xinyuan-cement} keeps its id, name and 18 MW connection (the
 * demo's enterprise login and its contracted-demand alarm). Deterministic for a seed: same seed, same file.
 *
 * <p>Not thread-safe; use one instance per park.
 */
public final class DemoParkGenerator {

    public static final String PARK_ID = "demo-park";
    public static final String CEMENT_WORKS = "ent-xinyuan-cement";
    static final String REAL_GATEWAY = "gw-south";

    /** DL/T 645-2007 energy registers (XXXXXX.XX) and NB-IoT water registers roll over here, as displayed. */
    private static final double SIX_DIGITS = 1_000_000;
    /** Wired flowmeter totalisers (water, gas, steam): eight digits. */
    private static final double EIGHT_DIGITS = 100_000_000;

    /** How many enterprises of each industry, in the order they are written. */
    private record Share(Industry industry, int count, String gateway) {
    }

    private static final List<Share> SHARES = List.of(
            new Share(Industry.CEMENT, 3, "gw-north"),
            new Share(Industry.ORGANIC_CHEMICALS, 5, "gw-north"),
            new Share(Industry.COTTON_DYEING, 6, "gw-east"),
            new Share(Industry.ELECTRONIC_CIRCUITS, 7, "gw-east"),
            new Share(Industry.MACHINERY_PARTS, 10, "gw-west"),
            new Share(Industry.PLASTIC_PRODUCTS, 8, "gw-west"),
            new Share(Industry.RICE_FLOUR_PRODUCTS, 5, "gw-west"),
            new Share(Industry.SEWAGE_TREATMENT, 1, REAL_GATEWAY),
            new Share(Industry.APPLICATION_SOFTWARE, 2, REAL_GATEWAY));

    /** The first enterprise of these industries is read by the real gateway (with the sewage works and a software tenant). */
    private static final List<Industry> ON_REAL_GATEWAY = List.of(Industry.ELECTRONIC_CIRCUITS, Industry.RICE_FLOUR_PRODUCTS,
            Industry.PLASTIC_PRODUCTS);

    private final long seed;
    private final SplittableRandom random;
    private final CompanyNames names;
    private final List<GeneratedPark.EnterpriseEntry> enterprises = new ArrayList<>();
    private final List<GeneratedPark.MeterEntry> meters = new ArrayList<>();
    private final List<GeneratedPark.MeterEntry> nbIot = new ArrayList<>();
    private double parkPeakKw;

    public DemoParkGenerator(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.names = new CompanyNames(random.split());
        names.reserve("新源水泥有限公司");
    }

    /** The park and its policy section. */
    public record DemoPark(GeneratedPark park, String policy) {
        /** The park file's text. */
        public String text() {
            return ParkFileWriter.write(park, policy);
        }
    }

    public DemoPark generate() {
        int number = 0;
        for (Share share : SHARES) {
            for (int i = 0; i < share.count(); i++) {
                number++;
                boolean real = share.gateway().equals(REAL_GATEWAY) ? i == 0 : i == 0 && ON_REAL_GATEWAY.contains(share.industry());
                enterprise(number, share.industry(), i, real ? REAL_GATEWAY : share.gateway().equals(REAL_GATEWAY) ? "gw-west" : share.gateway());
            }
        }
        List<GeneratedPark.MeterEntry> all = new ArrayList<>();
        GridConnection incomer = GridConnection.highVoltage(parkPeakKw * 0.8);
        all.add(new GeneratedPark.MeterEntry("E-PARK-INCOMER", "园区 110kV 总进线", MeterKind.ELECTRICITY, null, "gw-north",
                incomer.ctRatio(), incomer.ptRatio(), 1, "park level (no enterprise)", false, SIX_DIGITS));
        all.add(new GeneratedPark.MeterEntry("W-PARK-INLET", "园区自来水总进水 (电磁流量计 DN300)", MeterKind.WATER, null, "gw-north",
                1, 1, 1, null, false, EIGHT_DIGITS));
        all.addAll(meters);
        boolean first = true;
        for (GeneratedPark.MeterEntry m : nbIot) {
            all.add(first ? m.withSection("NB-IoT water meters: one uplink a day with the past day's hourly frozen values") : m);
            first = false;
        }
        List<GeneratedPark.GatewayEntry> gateways = List.of(
                new GeneratedPark.GatewayEntry("gw-north", "北区 10kV 配电房网关 (水泥、化工)"),
                new GeneratedPark.GatewayEntry("gw-east", "东区 10kV 配电房网关 (印染、电路板)"),
                new GeneratedPark.GatewayEntry("gw-west", "西区 10kV 配电房网关 (机械、塑料、食品)"),
                new GeneratedPark.GatewayEntry(REAL_GATEWAY, "南区 10kV 配电房网关 (网关程序读取 DL/T 645、Modbus TCP、CJ/T 188 表计)"),
                new GeneratedPark.GatewayEntry(ParkGenerator.NBIOT_GATEWAY, "NB-IoT 表计平台接入 (电信 AEP 推送)", java.time.Duration.ofDays(1)));
        String header = "Generated by: parkpulse-simulators generate-park --demo --seed " + seed + " --out parks/demo-park.yaml\n"
                + "Regenerate rather than edit: the same seed gives this file byte for byte. Where the magnitudes come from:\n"
                + "docs/demo-park.md.";
        GeneratedPark park = new GeneratedPark(PARK_ID, "江南示范智慧产业园", ZoneId.of("Asia/Shanghai"), "generated-demo-seed-" + seed,
                header, enterprises, gateways, all);
        // the carbon targets and budgets rest on the simulator's model of the base year of this very park
        String withoutCarbon = ParkFileWriter.write(park, policy(""));
        BaseYear base = DemoCarbonPolicy.baseYear(withoutCarbon, new ParkFileReader().read("demo-park.yaml", withoutCarbon));
        return new DemoPark(park, policy(DemoCarbonPolicy.alarmRules()) + DemoCarbonPolicy.section(base));
    }

    private void enterprise(int number, Industry industry, int indexInIndustry, String gateway) {
        boolean cementWorks = industry == Industry.CEMENT && indexInIndustry == 0;
        String code = cementWorks ? "XY" : String.format(Locale.ROOT, "%02d", number);
        String id = cementWorks ? CEMENT_WORKS : String.format(Locale.ROOT, "ent-%s-%02d", industry.tag(), number);
        String[] name = cementWorks ? new String[] {"新源水泥有限公司", "新源水泥"} : names.next(industry);
        double land = industry.landMuMax() == 0 ? 0
                : cementWorks ? 186.0 : round1(industry.landMuMin() + random.nextDouble() * (industry.landMuMax() - industry.landMuMin()));
        double capacity = industry.capacityMin() * Math.pow(industry.capacityMax() / industry.capacityMin(), random.nextDouble());
        double peakKw = capacity * industry.kwhPerUnit() / (1 - industry.baseLoadShare());
        parkPeakKw += peakKw;
        LocalDate since = operatingSince(industry, indexInIndustry);
        String comment = industry.nameZh() + (land == 0 ? " — rents office space, no land of its own" : "")
                + (industry == Industry.SEWAGE_TREATMENT ? " (a utility: not graded in 亩均 evaluations)" : "")
                + (since.getYear() >= 2025 ? " — young: scored, not graded" : "");
        enterprises.add(new GeneratedPark.EnterpriseEntry(id, name[0], industry.code(), land, comment, since));

        String shortName = name[1];
        double pf = industry.powerFactor();
        GridConnection main = cementWorks ? new GridConnection(300, 100) : GridConnection.forLoad(peakKw, pf, true);
        String section = name[0] + " (" + industry.code() + " " + industry.nameZh() + ")";
        meters.add(electricity("E-" + code + "-MAIN", shortName + " 总表", id, gateway, main, section, false));
        int subs = switch (industry) {
            case CEMENT -> 2;
            case ORGANIC_CHEMICALS, ELECTRONIC_CIRCUITS -> 1;
            default -> 0;
        };
        for (int j = 0; j < subs; j++) {
            String workshop = industry.subMeterNames().get(j);
            double share = 0.3;
            GridConnection c = GridConnection.forLoad(share * peakKw, pf, main.mediumVoltage() && share * peakKw > 800);
            if (cementWorks) {
                c = new GridConnection(j == 0 ? 200 : 160, 100);
            }
            String subId = cementWorks ? (j == 0 ? "E-XY-KILN" : "E-XY-MILL") : "E-" + code + "-S" + (j + 1);
            meters.add(electricity(subId, shortName + " " + workshop, id, gateway, c, null, true));
        }
        if (industry.usesGas()) {
            double peakGas = industry.gasPerUnit() * capacity;
            // diaphragm meters with a 0.01 m³ pulse on small sites, a flow computer counting m³ (or 10 m³ on a kiln line) on large ones
            double multiplier = peakGas < 30 ? 0.01 : peakGas > 2_000 ? 10 : 1;
            String what = industry == Industry.CEMENT ? " 回转窑燃料 天然气流量计 (窑头 + 分解炉)" : " 天然气表";
            meters.add(new GeneratedPark.MeterEntry("G-" + code, shortName + what, MeterKind.GAS, id, gateway, 1, 1, multiplier, null,
                    false, EIGHT_DIGITS));
        }
        if (industry.usesSteam()) {
            meters.add(new GeneratedPark.MeterEntry("S-" + code, shortName + " 蒸汽流量计", MeterKind.STEAM, id, gateway, 1, 1, 1, null,
                    false, EIGHT_DIGITS));
        }
        boolean bigWaterUser = industry == Industry.CEMENT || industry == Industry.COTTON_DYEING || industry == Industry.ORGANIC_CHEMICALS;
        if (bigWaterUser) {
            meters.add(new GeneratedPark.MeterEntry("W-" + code, shortName + " 进水电磁流量计", MeterKind.WATER, id, gateway, 1, 1, 1, null,
                    false, EIGHT_DIGITS));
        } else if (industry == Industry.SEWAGE_TREATMENT) {
            // treated effluent it discharges, not water it uses: a sub-meter, never billed; the works' own use is on NB-IoT
            meters.add(new GeneratedPark.MeterEntry("W-" + code + "-OUT", shortName + " 出水流量计", MeterKind.WATER, id, gateway, 1, 1, 1,
                    null, true, EIGHT_DIGITS));
        }
        if (!bigWaterUser) {
            nbIot.add(new GeneratedPark.MeterEntry("W-" + code + "-NB", shortName + " NB 水表", MeterKind.WATER, id,
                    ParkGenerator.NBIOT_GATEWAY, 1, 1, 1, null, false, SIX_DIGITS));
        }
        // not on the real gateway: equipment state has no emulated protocol, so it would fall silent there once live
        boolean machine = industry == Industry.CEMENT
                || (industry.machinesMax() > 0 && random.nextDouble() < 0.45 && !gateway.equals(REAL_GATEWAY));
        if (machine) {
            String machineName = industry.machineNames().get(0);
            meters.add(new GeneratedPark.MeterEntry(cementWorks ? "M-XY-KILN" : "M-" + code + "-01", shortName + " " + machineName,
                    MeterKind.EQUIPMENT, id, gateway, 1, 1, industry.counterMultiplier(), null));
        }
    }

    /** Most started between 2006 and 2022; the third PCB maker and the second software tenant are young (scored, not graded). */
    private LocalDate operatingSince(Industry industry, int indexInIndustry) {
        if ((industry == Industry.ELECTRONIC_CIRCUITS && indexInIndustry == 2) || (industry == Industry.APPLICATION_SOFTWARE && indexInIndustry == 1)) {
            return LocalDate.of(2025, 3 + 3 * indexInIndustry % 6, 1);
        }
        return LocalDate.of(2006 + random.nextInt(17), 1 + random.nextInt(12), 1);
    }

    private static GeneratedPark.MeterEntry electricity(String id, String name, String enterprise, String gateway, GridConnection c,
                                                        String section, boolean sub) {
        return new GeneratedPark.MeterEntry(id, name, MeterKind.ELECTRICITY, enterprise, gateway, c.ctRatio(), c.ptRatio(), 1, section,
                sub, SIX_DIGITS);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /**
     * The park's policy, as the hand-written demo park had it, with a silent-meter rule per wired gateway, and
     * {@code moreAlarms} (lines of the alarm list) after its alarm rules.
     */
    private static String policy(String moreAlarms) {
        return """
                # The park's efficiency policy ("one park, one policy"; docs/park-file.md#policy). Results name its version.
                policy:
                  version: demo-2026.2
                  energy_basis: equivalent          # 当量值, 0.1229 kgce/kWh (GB/T 2589-2020)
                  frontrunner_top_percent: 0        # the frontrunner is the single best peer
                  growth: {flat_threshold: 0.01, intensity_band: 0.1}
                  product_limits:
                    熟料: gb16780-2007/clinker-comprehensive/4000tpd
                  scoring:                          # Jiangsu-style weights, benchmarks at the park's mean
                    method: ratio
                    indicators:
                      - {indicator: tax_per_mu, weight: 40, benchmark: {of_peers: mean}, cap: 2}
                      - {indicator: value_added_per_mu, weight: 20, benchmark: {of_peers: mean}, cap: 2}
                      - {indicator: tax_per_energy, weight: 20, benchmark: {of_peers: mean}, cap: 2}
                      - {indicator: labour_productivity, weight: 10, benchmark: {of_peers: mean}, cap: 2}
                      - {indicator: rd_intensity, weight: 10, benchmark: {of_peers: mean}, cap: 2}
                  classes:                          # Huai'an 2024
                    by: percentile
                    share: ranked_above             # (rank − 1) ÷ n < limit: the best of any group is in class A (docs/efficiency.md)
                    bands: [{class: A, limit: 20}, {class: B, limit: 60}, {class: C, limit: 95}, {class: D, limit: 100}]
                  scope:
                    min_land_mu: 3
                    ungraded_industries: [D44, D45, D46]
                    min_years_operating: 2
                    ungraded_class: T
                  alarms:                           # docs/park-file.md#alarms
                    - {id: cement-over-contract, kind: power_above, enterprise: ent-xinyuan-cement, limit_kw: 18000, for: PT5M, severity: critical}   # 新源水泥 contracted demand 18 MW
                    - {id: gateway-offline, kind: gateway_offline, for: PT10M, severity: critical}
                    - {id: wired-meter-silent-north, kind: meter_silent, gateway: gw-north, for: PT30M}   # wired meters read every 15 minutes
                    - {id: wired-meter-silent-east, kind: meter_silent, gateway: gw-east, for: PT30M}
                    - {id: wired-meter-silent-west, kind: meter_silent, gateway: gw-west, for: PT30M}
                    - {id: wired-meter-silent-south, kind: meter_silent, gateway: gw-south, for: PT30M}
                    - {id: nbiot-meter-silent, kind: meter_silent, gateway: gw-nbiot, for: PT26H}   # NB-IoT meters push once a day
                    - {id: park-night-water, kind: night_water_rise, meter: W-PARK-INLET, rise_percent: 30, baseline_days: 30}
                    - {id: energy-outgrows-output, kind: energy_outgrows_output}   # every enterprise, last month year on year
                """ + moreAlarms;
    }
}
