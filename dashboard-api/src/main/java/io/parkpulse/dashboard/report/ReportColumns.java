package io.parkpulse.dashboard.report;

import io.parkpulse.efficiency.indicator.Indicator;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The columns of the monthly report, in order, each with its Chinese and English title and unit; the same for the
 * workbook and the CSV. A cell is a {@link String}, a {@link Number} rounded to its quantity's precision, or
 * {@code null} (blank: not known; the row's notes say why).
 */
final class ReportColumns {

    /**
     * One column: its titles, its unit as the API names it ({@code null}: none; printed in each language from
     * resources/i18n/units.json, {@link UnitText}) and how a row fills it.
     */
    record Column(String zh, String en, String unit, BiFunction<ReportRow, ReportLanguage, Object> value) {

        /** The header cell: title and unit, {@code 综合能耗 (tce)}, {@code 产值 (万元)}. */
        String title(ReportLanguage language) {
            String title = language.pick(zh, en);
            return unit == null ? title : title + " (" + UnitText.label(unit, language) + ")";
        }
    }

    static final List<Column> ALL = List.of(
            new Column("企业编号", "Enterprise ID", null, (r, l) -> r.enterprise()),
            new Column("企业名称", "Enterprise", null, (r, l) -> r.name()),
            new Column("行业代码", "Industry code", null, (r, l) -> r.industry()),
            new Column("用地面积", "Land", "mu", (r, l) -> number(r.landMu(), 2)),
            new Column("综合能耗", "Comprehensive energy", Indicator.COMPREHENSIVE_ENERGY.unit(), (r, l) -> number(r.energyTce(), 3)),
            new Column("用电量", "Electricity", Indicator.ELECTRICITY.unit(), (r, l) -> number(r.electricityKwh(), 1)),
            new Column("用水量", "Water", Indicator.WATER.unit(), (r, l) -> number(r.waterM3(), 1)),
            new Column("产值", "Output value", Indicator.OUTPUT_VALUE.unit(), (r, l) -> number(r.outputValue(), 2)),
            new Column("单位产值综合能耗", "Energy per output value", Indicator.ENERGY_PER_OUTPUT_VALUE.unit(), (r, l) -> significant(r.energyPerOutputValue(), 4)),
            new Column("二氧化碳排放", "CO2", Indicator.CO2.unit(), (r, l) -> number(r.co2T(), 3)),
            new Column("单位增加值二氧化碳排放", "CO2 per value added", Indicator.CO2_PER_VALUE_ADDED.unit(), (r, l) -> significant(r.co2PerValueAdded(), 4)),
            new Column("单位产品综合能耗", "Energy per product", "kgce/unit", (r, l) -> text(r.energyPerProduct())),
            new Column("亩均产值", "Output value per mu", Indicator.OUTPUT_VALUE_PER_MU.unit(), (r, l) -> number(r.outputValuePerMu(), 2)),
            new Column("亩均税收", "Tax per mu", Indicator.TAX_PER_MU.unit(), (r, l) -> number(r.taxPerMu(), 2)),
            new Column("亩均评价得分", "Land-efficiency score", null, (r, l) -> number(r.score(), 2)),
            new Column("亩均评价等级", "Land-efficiency class", null, (r, l) -> r.grade()),
            new Column("能耗同比增速", "Energy growth year on year", "%", (r, l) -> number(r.energyGrowthPercent(), 1)),
            new Column("产值同比增速", "Output growth year on year", "%", (r, l) -> number(r.outputGrowthPercent(), 1)),
            new Column("能源消费弹性系数", "Energy-output elasticity", null, (r, l) -> significant(r.elasticity(), 3)),
            new Column("增长象限", "Growth quadrant", null, (r, l) -> quadrant(r.quadrant(), l)),
            new Column("同行业对标企业数", "Peers in industry", null, (r, l) -> r.peers() == 0 ? null : r.peers()),
            new Column("同行业领跑值", "Peer frontrunner", Indicator.ENERGY_PER_OUTPUT_VALUE.unit(), (r, l) -> significant(r.peerFrontrunner(), 4)),
            new Column("同行业中位数", "Peer median", Indicator.ENERGY_PER_OUTPUT_VALUE.unit(), (r, l) -> significant(r.peerMedian(), 4)),
            new Column("同行业排名", "Rank among peers", null, (r, l) -> r.rank() == 0 ? null : r.rank()),
            new Column("百分位", "Percentile", "%", (r, l) -> number(r.percentile(), 1)),
            new Column("数据状态", "Data state", null, (r, l) -> DataStateText.label(r.state(), l)),
            new Column("说明", "Notes", null, ReportColumns::notes));

    private static final Map<String, String[]> QUADRANTS = Map.of(
            "improving", new String[] {"产值增长、能耗增速较低(改善)", "output up, energy slower (improving)"},
            "energy_outpacing_output", new String[] {"能耗增速快于产值", "energy outpacing output"},
            "diverging", new String[] {"产值下降、能耗未同步下降(背离)", "output down, energy not (diverging)"},
            "contracting_efficiently", new String[] {"产值下降、能耗降幅更大", "contracting efficiently"},
            "output_flat", new String[] {"产值持平", "output flat"});

    private ReportColumns() {
    }

    /**
     * {@code v} rounded half up to {@code decimals} places — the precision the quantity means (tce to the kilogram,
     * kWh to a tenth, shares to a tenth of a percent), so no cell shows binary noise such as 1092.2737500000005 — or
     * {@code null} (a blank cell, the row's notes say why) when it is not known.
     */
    static Double number(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return null;
        }
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /** {@code v} to {@code digits} significant digits, half up: for ratios, whose size varies by orders of magnitude. */
    static Double significant(double v, int digits) {
        if (!Double.isFinite(v)) {
            return null;
        }
        return BigDecimal.valueOf(v).round(new MathContext(digits, RoundingMode.HALF_UP)).doubleValue();
    }

    /** The data state's reasons in the report's language first, then the other notes, in the same language. */
    private static String notes(ReportRow r, ReportLanguage language) {
        String reasons = DataStateText.reasons(r.state(), language);
        String notes = MessageText.join(r.notes(), language);
        return text(reasons.isEmpty() || notes.isEmpty() ? reasons + notes
                : reasons + DataStateText.text(language, "state.separator") + notes);
    }

    /** {@code v} to {@code digits} significant digits as text, never in exponent form: 107.3, 8888000. */
    static String significantText(double v, int digits) {
        Double rounded = significant(v, digits);
        return rounded == null ? null : BigDecimal.valueOf(rounded).stripTrailingZeros().toPlainString();
    }

    private static String text(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String quadrant(String id, ReportLanguage language) {
        String[] names = id == null ? null : QUADRANTS.get(id);
        return names == null ? id : language.pick(names[0], names[1]);
    }
}
