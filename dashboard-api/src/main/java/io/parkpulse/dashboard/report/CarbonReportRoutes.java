package io.parkpulse.dashboard.report;

import io.parkpulse.dashboard.Parks;
import io.parkpulse.dashboard.auth.Caller;
import io.parkpulse.dashboard.data.QueryParams;
import io.parkpulse.dashboard.efficiency.CarbonService;
import io.parkpulse.dashboard.efficiency.EfficiencyService;
import io.parkpulse.dashboard.efficiency.ParkModel;
import io.parkpulse.dashboard.http.ApiError;
import io.parkpulse.dashboard.http.Requests;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * The carbon report download (docs/reports.md, "Carbon report"): a month ({@code period=2026-11}) or a year
 * ({@code period=2026}, January through its last complete month), as Excel or CSV, Chinese or English. An operator gets
 * every enterprise and the park's line; an enterprise its own line.
 */
public final class CarbonReportRoutes {

    private final Vertx vertx;
    private final Parks parks;
    private final EfficiencyService efficiency;
    private final Clock clock;

    public CarbonReportRoutes(Vertx vertx, Parks parks, EfficiencyService efficiency, Clock clock) {
        this.vertx = vertx;
        this.parks = parks;
        this.efficiency = efficiency;
        this.clock = clock;
    }

    public void mount(Router api) {
        api.get("/parks/:park/reports/carbon").handler(this::report);
    }

    private void report(RoutingContext rc) {
        ParkModel park = Requests.park(rc, parks);
        Caller caller = Requests.caller(rc);
        String text = rc.queryParams().get("period");
        ReportFormat format = QueryParams.oneOf("format", rc.queryParams().get("format"), ReportFormat::byId, ReportFormat.ids());
        ReportLanguage language = QueryParams.oneOf("lang", rc.queryParams().get("lang"), ReportLanguage::byId,
                ReportLanguage.ids(), ReportLanguage.ZH);
        int current = carbon().currentYear(park.park().timeZone());
        String zone = park.park().timeZone().getId();
        YearMonth month = null;
        int year;
        if (text == null || text.isBlank()) {
            throw ApiError.badRequest("period", "period is required: a month such as 2026-11 or a year such as 2026");
        } else if (text.trim().matches("\\d{4}")) {
            year = Integer.parseInt(text.trim());
        } else {
            try {
                month = YearMonth.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw ApiError.badRequest("period", "period \"" + text + "\" is neither a month such as 2026-11 nor a year such as 2026");
            }
            year = month.getYear();
        }
        if (year > current) {
            throw ApiError.badRequest("period", "period " + text + " is in the future: in the park's time zone " + zone + " it is " + current);
        }
        YearMonth through = carbon().through(park.park().timeZone(), year);
        if (through == null || (month != null && month.isAfter(through))) {
            throw ApiError.badRequest("period", "period " + text + " is not over yet in the park's time zone " + zone
                    + (through == null ? "; no month of " + year + " is complete" : "; the last complete month is " + through));
        }
        String only = caller.isOperator() ? null : caller.enterprise();
        YearMonth asked = month;
        ReportDownload.send(rc, format, carbon().year(park, year)
                .compose(y -> vertx.executeBlocking(() -> {
                    CarbonReport report = CarbonReportAssembler.assemble(y, asked, only, clock.instant(), caller.name());
                    byte[] file = format == ReportFormat.XLSX ? CarbonReportWriter.xlsx(report, language)
                            : CarbonReportWriter.csv(report, language);
                    return new ReportDownload(report.fileName(format), file);
                }, false)));
    }

    /** The efficiency service's carbon years (taken when asked: tests build the router without a service). */
    private CarbonService carbon() {
        return efficiency.carbon();
    }
}
