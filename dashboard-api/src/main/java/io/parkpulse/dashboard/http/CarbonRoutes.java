package io.parkpulse.dashboard.http;

import io.parkpulse.dashboard.Parks;
import io.parkpulse.dashboard.efficiency.CarbonService;
import io.parkpulse.dashboard.efficiency.EfficiencyService;
import io.parkpulse.dashboard.efficiency.ParkModel;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The park's year against its energy and carbon targets and budgets (operators), and one enterprise's carbon year (the
 * enterprise itself, or an operator): docs/dashboard-api.md, "Targets and carbon".
 */
final class CarbonRoutes {

    private final Parks parks;
    private final EfficiencyService efficiency;

    CarbonRoutes(Parks parks, EfficiencyService efficiency) {
        this.parks = parks;
        this.efficiency = efficiency;
    }

    void mount(Router api) {
        api.get("/parks/:park/targets").handler(this::targets);
        api.get("/parks/:park/enterprises/:id/carbon").handler(this::enterprise);
    }

    private void targets(RoutingContext rc) {
        ParkModel park = Requests.park(rc, parks);
        Requests.requireOperator(rc, "the park's targets");
        int year = year(rc, park);
        Http.respond(rc, carbon().year(park, year).map(CarbonJson::targets));
    }

    private void enterprise(RoutingContext rc) {
        ParkModel park = Requests.park(rc, parks);
        String id = Requests.pathEnterprise(rc, park);
        int year = year(rc, park);
        Http.respond(rc, carbon().year(park, year).map(y -> CarbonJson.carbon(y, id)));
    }

    private int year(RoutingContext rc, ParkModel park) {
        return Requests.year(rc, carbon().currentYear(park.park().timeZone()), park.park().timeZone().getId());
    }

    /** The efficiency service's carbon years (taken when asked: tests build the router without a service). */
    private CarbonService carbon() {
        return efficiency.carbon();
    }
}
