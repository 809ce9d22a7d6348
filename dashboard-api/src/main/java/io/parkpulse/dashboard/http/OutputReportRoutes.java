package io.parkpulse.dashboard.http;

import io.parkpulse.dashboard.Parks;
import io.parkpulse.dashboard.auth.Caller;
import io.parkpulse.dashboard.efficiency.EfficiencyService;
import io.parkpulse.dashboard.efficiency.ParkModel;
import io.parkpulse.dashboard.reports.OutputReportParser;
import io.parkpulse.dashboard.reports.OutputReportStore;
import io.parkpulse.dashboard.reports.UploadedText;
import io.parkpulse.efficiency.indicator.OutputReport;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Enterprises' monthly output reports: upload as JSON or CSV (a correction is a new upload of the same month), and
 * read back. An enterprise reports and reads only its own; an operator any of the park's.
 */
final class OutputReportRoutes {

    static final int MAX_UPLOAD_BYTES = 4 * 1024 * 1024;

    private final Parks parks;
    private final OutputReportStore store;
    private final EfficiencyService service;
    private final Clock clock;

    OutputReportRoutes(Parks parks, OutputReportStore store, EfficiencyService service, Clock clock) {
        this.parks = parks;
        this.store = store;
        this.service = service;
        this.clock = clock;
    }

    void mount(Router api) {
        api.post("/parks/:park/output-reports").handler(this::upload);
        api.get("/parks/:park/output-reports").handler(this::list);
    }

    private void upload(RoutingContext rc) {
        ParkModel park = Requests.park(rc, parks);
        Caller caller = Requests.caller(rc);
        ZoneId zone = park.park().timeZone();
        OutputReportParser parser = new OutputReportParser(new OutputReportParser.Rules() {
            @Override
            public String enterpriseProblem(String enterprise) {
                if (!park.enterprises().containsKey(enterprise)) {
                    return "park " + park.park().id() + " has no enterprise " + enterprise;
                }
                return caller.maySee(enterprise) ? null : caller.name() + " reports only for " + caller.enterprise();
            }

            @Override
            public YearMonth latestMonth() {
                return YearMonth.now(clock.withZone(zone));
            }
        });
        String type = rc.request().getHeader("Content-Type");
        byte[] bytes = rc.body() == null || rc.body().buffer() == null ? new byte[0] : rc.body().buffer().getBytes();
        boolean csv = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv");
        if (!csv && (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json"))) {
            throw new ApiError(415, "Content-Type", "send output reports as application/json or text/csv, got " + type,
                    "输出报表请以 application/json 或 text/csv 上传，收到的是 " + type);
        }
        OutputReportParser.Result result;
        try {
            // CSV from Chinese Excel is GBK unless saved as "CSV UTF-8": detected; JSON is UTF-8 (RFC 8259)
            String body = UploadedText.decode(bytes, charsetOf(rc), !csv).text();
            result = csv ? parser.parseCsv(body) : parser.parseJson(body);
        } catch (UploadedText.EncodingProblem e) {
            throw new ApiError(400, "body", e.getMessage(), e.zh());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("body", e.getMessage());
        }
        JsonArray rejected = new JsonArray();
        for (OutputReportParser.Rejection r : result.rejected()) {
            rejected.add(new JsonObject().put("where", r.where()).put("enterprise", r.enterprise()).put("month", r.month())
                    .put("problems", new JsonArray(r.problems())));
        }
        JsonObject answer = new JsonObject().put("accepted", result.accepted().size()).put("rejected", rejected);
        if (result.accepted().isEmpty()) {
            Http.json(rc, 422, answer.put("error", "no report was accepted; see rejected"));
            return;
        }
        // 200 when all were taken; 207 tells a client that some of its upload needs fixing
        int status = result.rejected().isEmpty() ? 200 : 207;
        store.write(park.park().id(), zone, result.accepted(), caller.name(), clock.millis())
                .onSuccess(done -> {
                    service.forget(park.park().id()); // kept results used the reports this replaces
                    Http.json(rc, status, answer);
                })
                .onFailure(e -> Http.fail(rc, e));
    }

    private void list(RoutingContext rc) {
        ParkModel park = Requests.park(rc, parks);
        String enterprise = Requests.enterprise(rc, park);
        YearMonth from = month(rc, "from");
        YearMonth to = month(rc, "to");
        if (to.isBefore(from)) {
            throw ApiError.badRequest("to", "to " + to + " is before from " + from);
        }
        if (from.plusYears(10).isBefore(to)) {
            throw ApiError.badRequest("to", "at most ten years at a time");
        }
        Http.respond(rc, store.read(park.park().id(), park.park().timeZone(), from, to, enterprise).map(reports -> {
            JsonArray list = new JsonArray();
            for (OutputReport r : reports) {
                list.add(json(r));
            }
            return new JsonObject().put("park", park.park().id()).put("from", from.toString()).put("to", to.toString())
                    .put("currency", "CNY").put("reports", list);
        }));
    }

    private static YearMonth month(RoutingContext rc, String name) {
        String text = rc.queryParams().get(name);
        if (text == null) {
            throw ApiError.badRequest(name, name + " is required, a month such as 2026-10");
        }
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(name, name + " \"" + text + "\" is not a month such as 2026-10");
        }
    }

    private static JsonObject json(OutputReport r) {
        JsonArray products = new JsonArray();
        r.products().forEach(p -> products.add(new JsonObject().put(OutputReportParser.PRODUCT, p.product())
                .put(OutputReportParser.QUANTITY, p.quantity()).put(OutputReportParser.UNIT, p.unit())
                .put(OutputReportParser.ENERGY_SHARE, p.energyShare())));
        JsonObject o = new JsonObject().put(OutputReportParser.ENTERPRISE, r.enterprise())
                .put(OutputReportParser.MONTH, r.month().toString());
        double[] values = {r.outputValue(), r.valueAdded().orElse(Double.NaN), r.tax().orElse(Double.NaN), r.revenue().orElse(Double.NaN),
            r.rdSpend().orElse(Double.NaN), r.employees().orElse(Double.NaN), r.emissions().orElse(Double.NaN)};
        for (int i = 0; i < values.length; i++) {
            o.put(OutputReportParser.FIGURES.get(i), EfficiencyJson.number(values[i]));
        }
        JsonObject fuels = new JsonObject();
        r.fuels().forEach((fuel, kg) -> fuels.put(fuel.id(), kg));
        JsonArray green = new JsonArray();
        r.green().forEach(g -> green.add(new JsonObject().put(OutputReportParser.KIND, g.kind().id()).put(OutputReportParser.KWH, g.kwh())));
        // the upload's shapes: fuels in kg by fuel id, green electricity in kWh by kind; empty when nothing is declared
        return o.put(OutputReportParser.PRODUCTS, products).put(OutputReportParser.FUELS, fuels).put(OutputReportParser.GREEN, green);
    }

    /** The charset the Content-Type names, or {@code null}. */
    private static String charsetOf(RoutingContext rc) {
        io.vertx.ext.web.MIMEHeader type = rc.parsedHeaders().contentType();
        return type == null ? null : type.parameter("charset");
    }
}
