package io.parkpulse.dashboard.report;

import io.parkpulse.efficiency.carbon.tracking.Verdict;
import io.parkpulse.efficiency.coal.EnergyCarrier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The carbon report's basis lines and columns, each in Chinese and English, the same for the workbook and the CSV. A
 * cell is text, a number rounded to its quantity's precision, or {@code null} (blank; the notes say why).
 */
final class CarbonReportColumns {

    record Column(String zh, String en, String unit, java.util.function.BiFunction<CarbonReport.Row, ReportLanguage, Object> value) {
        String title(ReportLanguage language) {
            String title = language.pick(zh, en);
            return unit == null ? title : title + " (" + UnitText.label(unit, language) + ")";
        }
    }

    /** The carriers a CO₂ breakdown may name, in the web UI's order. */
    static final List<EnergyCarrier> CARRIERS = List.of(EnergyCarrier.ELECTRICITY, EnergyCarrier.NATURAL_GAS,
            EnergyCarrier.STEAM, EnergyCarrier.HEAT, EnergyCarrier.RAW_COAL, EnergyCarrier.COKE, EnergyCarrier.DIESEL,
            EnergyCarrier.GASOLINE, EnergyCarrier.FUEL_OIL, EnergyCarrier.LPG);

    private static final Map<Verdict, String[]> VERDICTS = Map.of(
            Verdict.ON_TRACK, new String[] {"进度正常", "on track"}, Verdict.AT_RISK, new String[] {"存在风险", "at risk"},
            Verdict.OFF_TRACK, new String[] {"偏离目标", "off track"}, Verdict.UNKNOWN, new String[] {"无法判断", "unknown"});

    private static final Map<String, String[]> SCOPES = Map.of(
            "national", new String[] {"全国电力平均", "national average"},
            "regional", new String[] {"区域电网平均", "regional grid average"},
            "provincial", new String[] {"省级电力平均", "provincial average"},
            "national_excluding_market_non_fossil", new String[] {"全国平均（不含市场化交易非化石电量）",
                "national average excluding market-traded non-fossil electricity"},
            "national_fossil", new String[] {"全国化石能源电力", "national fossil generation"});

    private static final Map<String, String[]> AREAS = Map.of(
            "north_china", new String[] {"华北", "North China"}, "northeast", new String[] {"东北", "Northeast"},
            "east_china", new String[] {"华东", "East China"}, "central_china", new String[] {"华中", "Central China"},
            "northwest", new String[] {"西北", "Northwest"}, "south", new String[] {"南方", "South"},
            "southwest", new String[] {"西南", "Southwest"});

    private static final Map<String, String[]> GREEN = Map.of(
            "not_deducted", new String[] {"绿电不扣减", "green electricity not deducted"},
            "contracts", new String[] {"扣减绿电交易合同电量", "green electricity contracts deducted"},
            "contracts_and_certificates", new String[] {"扣减绿电合同及绿证电量", "green contracts and certificates deducted"});

    private CarbonReportColumns() {
    }

    static List<Column> all() {
        List<Column> c = new ArrayList<>();
        c.add(new Column("企业编号", "Enterprise ID", null, (r, l) -> r.park() ? l.pick("园区合计", "Park total") : r.enterprise()));
        c.add(new Column("企业名称", "Enterprise", null, (r, l) -> r.name()));
        c.add(new Column("行业代码", "Industry code", null, (r, l) -> r.industry()));
        c.add(new Column("两高", "Two-high", null, (r, l) -> r.park() ? null : r.twoHigh() ? l.pick("是", "yes") : l.pick("否", "no")));
        c.add(new Column("综合能耗", "Comprehensive energy", "tce", (r, l) -> ReportColumns.number(r.energyTce(), 3)));
        c.add(new Column("二氧化碳排放", "CO2", "tCO2", (r, l) -> ReportColumns.number(r.co2T(), 3)));
        for (EnergyCarrier carrier : CARRIERS) {
            c.add(new Column("其中" + carrierName(carrier, ReportLanguage.ZH), "of which " + carrierName(carrier, ReportLanguage.EN),
                    "tCO2", (r, l) -> {
                        Double t = r.co2ByCarrier().get(carrier);
                        return t == null ? null : ReportColumns.number(t, 3);
                    }));
        }
        c.add(new Column("申报绿电", "Green electricity declared", "kWh", (r, l) -> ReportColumns.number(r.greenKwhDeclared(), 1)));
        c.add(new Column("抵扣绿电", "Green electricity deducted", "kWh", (r, l) -> ReportColumns.number(r.greenKwhApplied(), 1)));
        c.add(new Column("增加值", "Value added", "10^4 CNY", (r, l) -> ReportColumns.number(r.valueAdded10k(), 2)));
        c.add(new Column("产值", "Output value", "10^4 CNY", (r, l) -> ReportColumns.number(r.outputValue10k(), 2)));
        c.add(new Column("单位增加值能耗", "Energy per value added", "tce/10^4 CNY", (r, l) -> ReportColumns.significant(r.energyPerValueAdded(), 4)));
        c.add(new Column("单位增加值二氧化碳排放", "CO2 per value added", "tCO2/10^4 CNY", (r, l) -> ReportColumns.significant(r.co2PerValueAdded(), 4)));
        c.add(new Column("单位产值二氧化碳排放", "CO2 per output value", "tCO2/10^4 CNY", (r, l) -> ReportColumns.significant(r.co2PerOutputValue(), 4)));
        c.add(new Column("年度能耗预算", "Energy budget of the year", "tce", (r, l) -> ReportColumns.number(r.budgetEnergyTce(), 1)));
        c.add(new Column("年度能耗预测", "Energy forecast for the year", "tce", (r, l) -> ReportColumns.number(r.forecastEnergyTce(), 1)));
        c.add(new Column("能耗预算判断", "Energy verdict", null, (r, l) -> verdict(r.energyVerdict(), l)));
        c.add(new Column("年度碳排放预算", "CO2 budget of the year", "tCO2", (r, l) -> ReportColumns.number(r.budgetCo2T(), 1)));
        c.add(new Column("年度碳排放预测", "CO2 forecast for the year", "tCO2", (r, l) -> ReportColumns.number(r.forecastCo2T(), 1)));
        c.add(new Column("预测区间下限", "Forecast band low", "tCO2", (r, l) -> ReportColumns.number(r.forecastCo2Low(), 1)));
        c.add(new Column("预测区间上限", "Forecast band high", "tCO2", (r, l) -> ReportColumns.number(r.forecastCo2High(), 1)));
        c.add(new Column("碳排放预算判断", "CO2 verdict", null, (r, l) -> verdict(r.co2Verdict(), l)));
        c.add(new Column("数据状态", "Data state", null, (r, l) -> DataStateText.label(r.state(), l)));
        c.add(new Column("说明", "Notes", null, CarbonReportColumns::notes));
        return c;
    }

    /** What the figures rest on, as label–value lines above the table. */
    static List<ReportAbout.Line> basis(CarbonReport r, ReportLanguage l) {
        List<ReportAbout.Line> lines = new ArrayList<>();
        lines.add(new ReportAbout.Line(l.pick("园区", "Park"), r.parkName() + " (" + r.park() + ")"));
        lines.add(new ReportAbout.Line(l.pick("期间", "Period"), r.period() + " (" + r.first() + " – " + r.through() + ")"));
        lines.add(new ReportAbout.Line(l.pick("政策版本", "Policy version"), r.policyVersion()));
        lines.add(new ReportAbout.Line(l.pick("时区", "Time zone"), r.zone().getId()));
        String basis = DataStateText.text(l, "state.basis." + r.energyBasis());
        lines.add(new ReportAbout.Line(l.pick("折标口径", "Energy basis"), (basis == null ? r.energyBasis() : basis) + "; " + r.coefficients()));
        lines.add(new ReportAbout.Line(l.pick("电网排放因子", "Grid emission factor"),
                r.grid() == null ? MessageText.of(r.gridNote(), l) : gridText(r.grid(), l)));
        if (r.grid() != null) {
            lines.add(new ReportAbout.Line(l.pick("因子来源", "Factor source"), r.grid().factor().source() + " ("
                    + r.grid().factor().published() + ")"));
        }
        lines.add(new ReportAbout.Line(l.pick("绿电规则", "Green electricity rule"), greenText(r.greenRule(), l)));
        lines.add(new ReportAbout.Line(l.pick("热力排放因子", "Heat factor"), ReportColumns.significantText(r.heatTCo2PerGj(), 4) + " tCO₂/GJ"));
        lines.add(new ReportAbout.Line(l.pick("燃料排放因子", "Fuel factors"), l.pick("GB/T 32150-2015 缺省值（政策另有规定者除外）",
                "GB/T 32150-2015 defaults unless the policy states its own")));
        lines.add(new ReportAbout.Line(l.pick("生成时间", "Generated at"), java.time.format.DateTimeFormatter
                .ofPattern("uuuu-MM-dd HH:mm:ss xxx", java.util.Locale.ROOT).format(r.generatedAt().atZone(r.zone()))));
        lines.add(new ReportAbout.Line(l.pick("生成对象", "Generated for"), r.generatedFor()));
        lines.add(new ReportAbout.Line(l.pick("说明", "Note"), l.pick("空白表示无法计算，原因见“说明”列；预算、预测与判断为全年口径，截至期间末月。",
                "A blank cell could not be computed; the Notes column says why. Budgets, forecasts and verdicts are the year's, as of the period's last month.")));
        return lines;
    }

    /** "0.55 kgCO₂/kWh; 区域电网平均 华东; 2023 年因子", with the earlier-year notice when it applies. */
    static String gridText(io.parkpulse.efficiency.carbon.FactorChoice grid, ReportLanguage l) {
        var f = grid.factor();
        String scope = pick(SCOPES, f.scope().id(), l) + (f.area() == null ? "" : " " + pick(AREAS, f.area(), l));
        String value = ReportColumns.significantText(f.kgCo2PerKwh(), 4) + " kgCO₂/kWh; " + scope + "; "
                + l.pick(f.year() + " 年因子", "factor of " + f.year());
        if (grid.fromEarlierYear()) {
            value += l.pick("（" + grid.requestedYear() + " 年尚未发布，采用较早年份的因子）",
                    " (none published for " + grid.requestedYear() + " yet: an earlier year's is used)");
        }
        return value;
    }

    static String greenText(String rule, ReportLanguage l) {
        return pick(GREEN, rule, l);
    }

    static String carrierName(EnergyCarrier c, ReportLanguage l) {
        String said = DataStateText.text(l, "state.carrier." + c.id());
        return said == null ? c.id() : said;
    }

    private static String verdict(Verdict v, ReportLanguage l) {
        String[] names = VERDICTS.get(v);
        return l.pick(names[0], names[1]);
    }

    private static String pick(Map<String, String[]> names, String id, ReportLanguage l) {
        String[] n = names.get(id);
        return n == null ? id : l.pick(n[0], n[1]);
    }

    private static String notes(CarbonReport.Row r, ReportLanguage language) {
        String reasons = DataStateText.reasons(r.state(), language);
        String notes = MessageText.join(r.notes(), language);
        String joined = reasons.isEmpty() || notes.isEmpty() ? reasons + notes
                : reasons + DataStateText.text(language, "state.separator") + notes;
        return joined.isEmpty() ? null : joined;
    }
}
