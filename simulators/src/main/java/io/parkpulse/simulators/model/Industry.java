package io.parkpulse.simulators.model;

import io.parkpulse.park.IndustryCode;
import java.util.List;

/**
 * The industries the simulator knows, with the figures that drive an enterprise of each: how it
 * works (shifts, seasons), what it makes and sells, and what it uses per unit of output.
 *
 * <p>Sources of the numbers. Cement and ferrosilicon electricity are the national energy-limit
 * standards quoted in docs/domain.md §3.2 (GB 16780-2007: comparable cement
 * electricity 限定值 105, 准入值 90, 先进值 85 kWh/t; GB 21341-2008 FeSi75: 8 800 / 8 500 kWh/t);
 * the average enterprise sits between 准入值 and 限定值, so laggards break the limit and leaders
 * reach the advanced value. Every other figure is an order-of-magnitude estimate of mine for a
 * typical Chinese plant of that trade (prices of 2024-2025, value-added and tax shares of output
 * value, water, gas and steam per unit), not taken from a verified source; they make the sizes and
 * ratios believable, not authoritative. {@code docs/simulators.md} lists them in one table.
 *
 * <p>Immutable.
 */
public enum Industry {
    CEMENT(spec("C3011", "水泥制造", "cement", "水泥有限公司", "t", ShiftPattern.CONTINUOUS, SeasonalPattern.CONSTRUCTION)
            .energy(95, 0.05, 1.0, 0.92)
            .money(380, 0.25, 0.06, 0.005, 3_500_000)
            // the kiln's fuel as natural gas: 80 m³/t × 1.2143 kgce/m³ ≈ 97 kgce/t, so with the electricity the
            // comprehensive clinker energy lands inside GB 16780-2007's 128 kgce/t limit (docs/demo-park.md)
            .media(0.3, 80, 0)
            .size(100, 300, 60, 200)
            .machines(2, 4, 0.001, "熟料皮带秤", "水泥磨出磨秤", "包装机计数", "生料磨喂料秤")
            .subMeters("回转窑", "水泥磨", "生料磨", "空压站")
            .product("熟料")),
    FERROSILICON(spec("C3140", "铁合金冶炼 (硅铁)", "ferroalloy", "硅业有限公司", "t", ShiftPattern.CONTINUOUS, SeasonalPattern.STEADY)
            .energy(8_650, 0.02, 0.4, 0.88)
            .money(6_200, 0.18, 0.04, 0.005, 2_500_000)
            .media(2.5, 0, 0)
            .size(60, 200, 0.8, 2.0)
            .machines(1, 3, 0.001, "1#矿热炉出铁秤", "2#矿热炉出铁秤", "3#矿热炉出铁秤")
            .subMeters("1#矿热炉", "2#矿热炉", "除尘系统")),
    COTTON_DYEING(spec("C1713", "棉印染精加工", "dyeing", "印染有限公司", "hm", ShiftPattern.CONTINUOUS, SeasonalPattern.TEXTILE_EXPORT)
            .energy(25, 0.10, 1.0, 0.90)
            .money(350, 0.28, 0.05, 0.02, 900_000)
            .media(2.0, 0, 0.30)
            .size(30, 120, 15, 80)
            .machines(2, 4, 0.01, "溢流染色机", "定型机", "丝光机", "平幅水洗机")
            .subMeters("染色车间", "定型车间", "空压站")),
    ORGANIC_CHEMICALS(spec("C2614", "有机化学原料制造", "chemical", "化工有限公司", "t", ShiftPattern.CONTINUOUS, SeasonalPattern.STEADY)
            .energy(350, 0.06, 1.0, 0.90)
            .money(7_000, 0.22, 0.05, 0.025, 3_000_000)
            .media(6, 40, 2.2)
            .size(60, 200, 5, 25)
            .machines(1, 3, 0.001, "1#反应釜出料计量", "精馏塔出料计量", "2#反应釜出料计量")
            .subMeters("合成车间", "精馏车间", "循环水站")),
    ELECTRONIC_CIRCUITS(spec("C3982", "电子电路制造", "circuits", "电路科技有限公司", "m2", ShiftPattern.CONTINUOUS, SeasonalPattern.ELECTRONICS)
            .energy(80, 0.12, 1.0, 0.93)
            .money(900, 0.26, 0.05, 0.045, 800_000)
            .media(1.0, 0, 0)
            .size(30, 100, 30, 150)
            .machines(2, 4, 0.25, "钻孔机组", "电镀线", "蚀刻线", "曝光线")
            .subMeters("电镀车间", "洁净空调", "钻孔车间")),
    MACHINERY_PARTS(spec("C3484", "机械零部件加工", "machinery", "精密机械有限公司", "pcs", ShiftPattern.TWO_SHIFTS, SeasonalPattern.STEADY)
            .energy(6, 0.12, 1.0, 0.88)
            .money(180, 0.28, 0.045, 0.035, 700_000)
            .media(0.02, 0, 0)
            .size(20, 80, 80, 600)
            .machines(1, 4, 1, "数控加工中心 1#", "数控加工中心 2#", "数控车床", "外圆磨床")
            .subMeters("数控车间", "热处理", "空压站")),
    PLASTIC_PRODUCTS(spec("C2927", "日用塑料制品制造", "plastics", "塑业有限公司", "t", ShiftPattern.TWO_SHIFTS, SeasonalPattern.STEADY)
            .energy(1_100, 0.08, 1.0, 0.90)
            .money(14_000, 0.22, 0.04, 0.02, 800_000)
            .media(1.5, 0, 0)
            .size(10, 50, 0.3, 2)
            // shot counters: one count is one 50 g moulding, so 0.00005 t per count
            .machines(2, 4, 0.00005, "注塑机 1#", "注塑机 2#", "注塑机 3#", "吹塑机")
            .subMeters("注塑车间", "冷却水系统", "空压站")),
    RICE_FLOUR_PRODUCTS(spec("C1431", "米、面制品制造", "food", "食品有限公司", "t", ShiftPattern.DAY_SHIFT, SeasonalPattern.FOOD_FESTIVALS)
            .energy(280, 0.12, 1.0, 0.90)
            .money(8_000, 0.25, 0.04, 0.01, 900_000)
            .media(4, 45, 0)
            .size(15, 60, 1, 6)
            .machines(1, 3, 0.001, "和面压面线", "速冻隧道", "包装线")
            .subMeters("生产车间", "冷库", "锅炉房")),
    APPLICATION_SOFTWARE(spec("I6513", "应用软件开发", "software", "软件有限公司", "h", ShiftPattern.OFFICE, SeasonalPattern.STEADY)
            // the product is staff-hours of development; offices rent space, so no land and no production counters
            .energy(0.6, 0.35, 1.0, 0.95)
            .money(250, 0.55, 0.08, 0.15, 500_000)
            .media(0, 0, 0)
            .size(0, 0, 20, 300)
            .machines(0, 0, 1)
            .subMeters("机房", "办公照明空调")),
    SEWAGE_TREATMENT(spec("D4620", "污水处理及其再生利用", "sewage", "水务有限公司", "m3", ShiftPattern.CONTINUOUS, SeasonalPattern.WET_SEASON)
            .energy(0.30, 0.10, 1.0, 0.90)
            .money(1.2, 0.45, 0.06, 0.01, 400_000)
            .media(0.001, 0, 0)
            .size(10, 40, 400, 2_500)
            .machines(1, 3, 1, "进水提升泵", "曝气鼓风机", "出水计量")
            .subMeters("鼓风机房", "提升泵房", "污泥脱水")),
    /** For industry codes outside the catalogue: a generic day-shift workshop. */
    GENERIC(spec("C4190", "其他制造业", "factory", "制造有限公司", "pcs", ShiftPattern.DAY_SHIFT, SeasonalPattern.STEADY)
            .energy(5, 0.12, 1.0, 0.90)
            .money(150, 0.25, 0.04, 0.02, 600_000)
            .media(0.02, 0, 0)
            .size(10, 50, 50, 400)
            .machines(1, 3, 1, "生产线 1#", "生产线 2#", "生产线 3#")
            .subMeters("生产车间", "空压站"));

    /** The catalogue the park generator draws from (everything but {@link #GENERIC}). */
    public static final List<Industry> CATALOGUE = List.of(CEMENT, FERROSILICON, COTTON_DYEING, ORGANIC_CHEMICALS,
            ELECTRONIC_CIRCUITS, MACHINERY_PARTS, PLASTIC_PRODUCTS, RICE_FLOUR_PRODUCTS, APPLICATION_SOFTWARE, SEWAGE_TREATMENT);

    private final Spec s;

    Industry(Spec spec) {
        this.s = spec;
    }

    /** The catalogue entry for a code: the same class, else the same division, else {@link #GENERIC}. */
    public static Industry of(IndustryCode code) {
        for (Industry i : CATALOGUE) {
            if (i.code().equals(code.code())) {
                return i;
            }
        }
        for (Industry i : CATALOGUE) {
            if (IndustryCode.parse(i.code()).division().equals(code.division())) {
                return i;
            }
        }
        return GENERIC;
    }

    /** GB/T 4754-2017 class code with section letter, e.g. C3011. */
    public String code() { return s.code; }
    public String nameZh() { return s.nameZh; }
    /** Short ASCII tag used in generated ids. */
    public String tag() { return s.tag; }
    /** Suffix of generated company names, e.g. 水泥有限公司. */
    public String companySuffix() { return s.companySuffix; }
    /** Unit of the product: t, pcs, m2, m3, hm (100 m of fabric), h (staff-hours). */
    public String unit() { return s.unit; }
    public ShiftPattern shift() { return s.shift; }
    public SeasonalPattern seasonal() { return s.seasonal; }
    /** Electricity per unit of product of an average enterprise, kWh. */
    public double kwhPerUnit() { return s.kwhPerUnit; }
    /** Base load (lighting, HVAC, standby) as a share of the site's peak power. */
    public double baseLoadShare() { return s.baseLoadShare; }
    /** Scales the gaps between efficiency tiers (1 = leaders 0.8, laggards 1.3). */
    public double tierSpread() { return s.tierSpread; }
    public double powerFactor() { return s.powerFactor; }
    /** Ex-works price per unit, CNY. */
    public double pricePerUnit() { return s.price; }
    public double valueAddedRatio() { return s.valueAddedRatio; }
    public double taxRatio() { return s.taxRatio; }
    /** R&D spending as a share of revenue. */
    public double rdRatio() { return s.rdRatio; }
    /** Output value per employee and year, CNY. */
    public double outputPerEmployeeYear() { return s.outputPerEmployee; }
    /** Process water per unit, m³. */
    public double waterPerUnit() { return s.water; }
    /** Natural gas per unit, m³ (0: none). */
    public double gasPerUnit() { return s.gas; }
    /** Steam per unit, t (0: none). */
    public double steamPerUnit() { return s.steam; }
    public double landMuMin() { return s.landMin; }
    public double landMuMax() { return s.landMax; }
    /** Design capacity range of a plant, units per hour at full activity. */
    public double capacityMin() { return s.capacityMin; }
    public double capacityMax() { return s.capacityMax; }
    public int machinesMin() { return s.machinesMin; }
    public int machinesMax() { return s.machinesMax; }
    /** Product units per count of a machine's production counter (the park file's multiplier). */
    public double counterMultiplier() { return s.counterMultiplier; }
    public List<String> machineNames() { return s.machineNames; }
    public List<String> subMeterNames() { return s.subMeterNames; }
    /** What its output report calls the product (the industry's name unless the product has its own, 熟料 for cement). */
    public String product() { return s.product == null ? s.nameZh : s.product; }
    public boolean usesGas() { return s.gas > 0; }
    public boolean usesSteam() { return s.steam > 0; }

    private static Spec spec(String code, String nameZh, String tag, String suffix, String unit, ShiftPattern shift,
                             SeasonalPattern seasonal) {
        return new Spec(code, nameZh, tag, suffix, unit, shift, seasonal);
    }

    /** Collects an entry's figures with named steps, so the table above stays readable. */
    private static final class Spec {
        final String code;
        final String nameZh;
        final String tag;
        final String companySuffix;
        final String unit;
        final ShiftPattern shift;
        final SeasonalPattern seasonal;
        double kwhPerUnit;
        double baseLoadShare;
        double tierSpread;
        double powerFactor;
        double price;
        double valueAddedRatio;
        double taxRatio;
        double rdRatio;
        double outputPerEmployee;
        double water;
        double gas;
        double steam;
        double landMin;
        double landMax;
        double capacityMin;
        double capacityMax;
        int machinesMin;
        int machinesMax;
        double counterMultiplier;
        List<String> machineNames = List.of();
        List<String> subMeterNames = List.of();
        String product;

        Spec(String code, String nameZh, String tag, String companySuffix, String unit, ShiftPattern shift, SeasonalPattern seasonal) {
            this.code = code;
            this.nameZh = nameZh;
            this.tag = tag;
            this.companySuffix = companySuffix;
            this.unit = unit;
            this.shift = shift;
            this.seasonal = seasonal;
        }

        /** kWh per unit (average enterprise), base-load share of peak, tier spread, power factor. */
        Spec energy(double kwhPerUnit, double baseLoadShare, double tierSpread, double powerFactor) {
            this.kwhPerUnit = kwhPerUnit;
            this.baseLoadShare = baseLoadShare;
            this.tierSpread = tierSpread;
            this.powerFactor = powerFactor;
            return this;
        }

        /** Price per unit, value-added and tax shares of output value, R&D share of revenue, output per employee-year. */
        Spec money(double price, double valueAdded, double tax, double rd, double outputPerEmployee) {
            this.price = price;
            this.valueAddedRatio = valueAdded;
            this.taxRatio = tax;
            this.rdRatio = rd;
            this.outputPerEmployee = outputPerEmployee;
            return this;
        }

        /** Water m³, gas m³ and steam t per unit. */
        Spec media(double water, double gas, double steam) {
            this.water = water;
            this.gas = gas;
            this.steam = steam;
            return this;
        }

        /** Land in mu and capacity in units per hour, each as a range. */
        Spec size(double landMin, double landMax, double capacityMin, double capacityMax) {
            this.landMin = landMin;
            this.landMax = landMax;
            this.capacityMin = capacityMin;
            this.capacityMax = capacityMax;
            return this;
        }

        Spec machines(int min, int max, double counterMultiplier, String... names) {
            this.machinesMin = min;
            this.machinesMax = max;
            this.counterMultiplier = counterMultiplier;
            this.machineNames = List.of(names);
            return this;
        }

        Spec subMeters(String... names) {
            this.subMeterNames = List.of(names);
            return this;
        }

        Spec product(String name) {
            this.product = name;
            return this;
        }
    }
}
