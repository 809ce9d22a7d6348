package io.parkpulse.dashboard.report;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** What the report was made under, as label–value pairs: the workbook's second sheet, and the CSV's trailing columns. */
final class ReportAbout {

    record Line(String label, String value) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xxx", Locale.ROOT);

    private ReportAbout() {
    }

    static List<Line> of(MonthlyReport r, ReportLanguage l) {
        return List.of(
                new Line(l.pick("园区", "Park"), r.parkName() + " (" + r.park() + ")"),
                new Line(l.pick("月份", "Month"), r.month().toString()),
                new Line(l.pick("政策版本", "Policy version"), r.policyVersion()),
                new Line(l.pick("折标口径", "Energy basis"), basis(r, l)),
                new Line(l.pick("折标系数", "Coefficients"), r.coefficients()),
                new Line(l.pick("对标指标", "Benchmark indicator"),
                        l.pick("单位产值综合能耗", "Energy per output value") + " ("
                                + UnitText.label(MonthlyReportAssembler.BENCHMARK.unit(), l) + ")"),
                new Line(l.pick("领跑值取法", "Frontrunner"), r.frontrunnerTopPercent() == 0
                        ? l.pick("同行业最优值", "the best peer's value")
                        : l.pick("同行业前 " + r.frontrunnerTopPercent() + "% 的平均值",
                                "mean of the best " + r.frontrunnerTopPercent() + "% of peers")),
                new Line(l.pick("电网排放因子", "Grid emission factor"), r.grid() == null
                        ? l.pick("无可用的电网排放因子，二氧化碳排放无法计算", "no grid emission factor: CO2 not computed")
                        : CarbonReportColumns.gridText(r.grid(), l) + "; " + r.grid().factor().source()),
                new Line(l.pick("绿电规则", "Green electricity rule"), CarbonReportColumns.greenText(r.greenRule(), l)),
                new Line(l.pick("时区", "Time zone"), r.zone().getId()),
                new Line(l.pick("生成时间", "Generated at"), generatedAt(r)),
                new Line(l.pick("生成对象", "Generated for"), r.generatedFor()),
                new Line(l.pick("说明", "Note"), l.pick("空白表示无法计算, 原因见“说明”列; 同行业统计为匿名统计。",
                        "A blank cell could not be computed; the Notes column says why. Peer statistics are anonymous.")));
    }

    /** The energy basis in the report's language (data-state.json's state.basis.*), else the policy's own name. */
    private static String basis(MonthlyReport r, ReportLanguage l) {
        String said = DataStateText.text(l, "state.basis." + r.energyBasis());
        return said != null ? said : l.pick(r.energyBasisName(), r.energyBasis());
    }

    static String generatedAt(MonthlyReport r) {
        return TIME.format(r.generatedAt().atZone(r.zone()));
    }
}
