package io.parkpulse.dashboard.report;

import io.parkpulse.dashboard.Parks;
import io.parkpulse.dashboard.auth.Caller;
import io.parkpulse.dashboard.data.QueryParams;
import io.parkpulse.dashboard.efficiency.EfficiencyService;
import io.parkpulse.dashboard.efficiency.GrowthLine;
import io.parkpulse.dashboard.efficiency.ParkModel;
import io.parkpulse.dashboard.efficiency.ParkPeriodResult;
import io.parkpulse.dashboard.http.Requests;
import io.parkpulse.efficiency.calendar.Period;
import io.parkpulse.efficiency.policy.Policy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;

/**
 * The monthly report download (docs/reports.md): one line per enterprise with energy, water, output, intensities, class
 * and growth, as Excel or CSV, Chinese or English titles. An operator gets the whole park; an enterprise its own line
 * with anonymous peer statistics. The file is written on a worker thread.
 */
public final class MonthlyReportRoutes {

    private final Vertx vertx;
    private final Parks parks;
    private final EfficiencyService service;
    private final Clock clock;

    public MonthlyReportRoutes(Vertx vertx, Parks parks, EfficiencyService service, Clock clock) {
        this.vertx = vertx;
        this.parks = parks;
        this.service = service;
        this.clock = clock;
    }

    public void mount(Router api) {
        api.get("/parks/:park/reports/monthly").handler(this::monthly);
    }

    private void monthly(RoutingContext rc) {
        ParkModel park = Requests.park(rc, parks);
        Caller caller = Requests.caller(rc);
        YearMonth month = QueryParams.month("month", rc.queryParams().get("month"));
        ReportFormat format = QueryParams.oneOf("format", rc.queryParams().get("format"), ReportFormat::byId,
                ReportFormat.ids());
        ReportLanguage language = QueryParams.oneOf("lang", rc.queryParams().get("lang"), ReportLanguage::byId,
                ReportLanguage.ids(), ReportLanguage.ZH);
        String only = caller.isOperator() ? null : caller.enterprise();
        Policy policy = park.park().policy();
        Period period = Period.month(month);
        // the growth endpoint's comparison (EfficiencyService.growth) built from the same two evaluations, so the
        // month's figures are evaluated once for both
        Future<ParkPeriodResult> now = service.evaluate(park, policy, period);
        Future<ParkPeriodResult> yearEarlier = service.evaluate(park, policy, period.yearEarlier());
        ReportDownload.send(rc, format, Future.all(now, yearEarlier)
                .compose(done -> vertx.executeBlocking(() -> {
                    Map<String, GrowthLine> growth = GrowthLine.of(now.result(), yearEarlier.result());
                    MonthlyReport report = MonthlyReportAssembler.assemble(now.result(), growth, only, clock.instant(),
                            caller.name());
                    byte[] file = format == ReportFormat.XLSX ? XlsxReportWriter.write(report, language)
                            : CsvReportWriter.write(report, language);
                    return new ReportDownload(report.fileName(format), file);
                }, false)));
    }
}
