package io.parkpulse.dashboard.http;

import io.parkpulse.dashboard.Parks;
import io.parkpulse.dashboard.auth.Caller;
import io.parkpulse.dashboard.efficiency.ParkModel;
import io.parkpulse.efficiency.calendar.Period;
import io.parkpulse.efficiency.indicator.Indicator;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;

/** Reading and checking what a request asks for: the caller, the park it may read, the period, the enterprise. */
public final class Requests {

    public static final String CALLER = "parkpulse.caller";

    private Requests() {
    }

    public static Caller caller(RoutingContext rc) {
        return rc.get(CALLER);
    }

    /** The park in the path, if the caller may read it; 404 for a park that is not loaded. */
    public static ParkModel park(RoutingContext rc, Parks parks) {
        String id = rc.pathParam("park");
        Caller caller = caller(rc);
        if (!caller.mayRead(id)) {
            throw ApiError.forbidden(caller.name() + " may not read park " + id);
        }
        return parks.model(id).orElseThrow(() -> ApiError.notFound("no park " + id + " is loaded"));
    }

    /** The required {@code period} parameter. */
    static Period period(RoutingContext rc) {
        String text = rc.queryParams().get("period");
        if (text == null || text.isBlank()) {
            throw ApiError.badRequest("period", "period is required: a day 2026-10-05, month 2026-10, quarter 2026-Q4, "
                    + "year 2026 or year to date 2026-10-YTD");
        }
        try {
            return Period.parse(text.trim());
        } catch (RuntimeException e) {
            throw ApiError.badRequest("period", "period: " + e.getMessage());
        }
    }

    /**
     * The {@code enterprise} parameter, checked against the park and the caller: an enterprise caller gets its own
     * enterprise when it names none, and 403 when it names another. {@code null} means every enterprise (operators).
     */
    static String enterprise(RoutingContext rc, ParkModel park) {
        String asked = rc.queryParams().get("enterprise");
        Caller caller = caller(rc);
        if (asked == null || asked.isBlank()) {
            return caller.isOperator() ? null : caller.enterprise();
        }
        if (!park.enterprises().containsKey(asked)) {
            throw new ApiError(404, "enterprise", "park " + park.park().id() + " has no enterprise " + asked);
        }
        if (!caller.maySee(asked)) {
            throw ApiError.forbidden(caller.name() + " sees only enterprise " + caller.enterprise());
        }
        return asked;
    }

    static Indicator indicator(RoutingContext rc) {
        String text = rc.queryParams().get("indicator");
        if (text == null || text.isBlank()) {
            throw ApiError.badRequest("indicator", "indicator is required, one of " + Arrays.stream(Indicator.values())
                    .map(Indicator::id).toList());
        }
        return Indicator.byId(text.trim()).orElseThrow(() -> ApiError.badRequest("indicator", "\"" + text
                + "\" is not an indicator; known: " + Arrays.stream(Indicator.values()).map(Indicator::id).toList()));
    }

    static void requireOperator(RoutingContext rc, String what) {
        Caller caller = caller(rc);
        if (!caller.isOperator()) {
            throw ApiError.forbidden(what + " is for park operators; " + caller.name() + " is enterprise " + caller.enterprise());
        }
    }

    /** The earliest year the carbon answers cover: the published grid factors begin in 2021, the plans before it. */
    public static final int FIRST_CARBON_YEAR = 2000;

    /**
     * The optional {@code year} parameter of the carbon answers: the park's current year when absent; 400 when it is
     * not a year, before {@link #FIRST_CARBON_YEAR} or after {@code current} (the year in the park's time zone).
     */
    public static int year(RoutingContext rc, int current, String zone) {
        String text = rc.queryParams().get("year");
        if (text == null || text.isBlank()) {
            return current;
        }
        int year;
        try {
            year = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new ApiError(400, "year", "year: \"" + text + "\" is not a year; give four digits such as " + current,
                    "year：“" + text + "”不是年份，应为四位数字，如 " + current);
        }
        if (year > current) {
            throw new ApiError(400, "year", "year " + year + " is in the future: in the park's time zone " + zone
                    + " it is " + current, "year：" + year + " 年尚未到来（园区时区 " + zone + " 当前为 " + current + " 年）");
        }
        if (year < FIRST_CARBON_YEAR) {
            throw new ApiError(400, "year", "year " + year + " is before " + FIRST_CARBON_YEAR + ", the first year answered",
                    "year：" + year + " 年早于可查询的最早年份 " + FIRST_CARBON_YEAR);
        }
        return year;
    }

    /**
     * The enterprise in the path ({@code :id}): 403 when the caller is another enterprise, 404 when the park
     * has no such enterprise.
     */
    public static String pathEnterprise(RoutingContext rc, ParkModel park) {
        String id = rc.pathParam("id");
        Caller caller = caller(rc);
        if (!caller.maySee(id)) {
            throw ApiError.forbidden(caller.name() + " sees only enterprise " + caller.enterprise() + ", not " + id);
        }
        if (!park.enterprises().containsKey(id)) {
            throw new ApiError(404, "enterprise", "park " + park.park().id() + " has no enterprise " + id);
        }
        return id;
    }
}
