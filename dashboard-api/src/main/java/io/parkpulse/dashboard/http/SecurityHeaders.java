package io.parkpulse.dashboard.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CSPHandler;
import io.vertx.ext.web.handler.XFrameHandler;

/**
 * The headers every answer carries, web UI and API alike (docs/dashboard-api.md#security-headers), and how the UI's
 * files may be cached.
 */
final class SecurityHeaders {

    /**
     * What the built UI needs and no more: its own scripts, styles and API; inline styles because ECharts writes
     * {@code style="…"} into its tooltips (scripts stay strictly 'self', so injected markup cannot run); images from
     * data: and blob: URLs, which ECharts and the report download make. No frames, no plugins, no {@code <base>}.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /** Vite names every file under /assets/ by its content's hash: a new build is a new name, so they never change. */
    static final String HASHED_ASSETS = "/assets/";
    static final int A_YEAR_SECONDS = 365 * 24 * 3600;

    private SecurityHeaders() {
    }

    /** Puts the security headers on every answer of {@code root}; mount before any other route. */
    static void install(Router root) {
        CSPHandler csp = CSPHandler.create();
        for (String directive : CONTENT_SECURITY_POLICY.split("; ")) {
            int space = directive.indexOf(' ');
            csp.setDirective(directive.substring(0, space), directive.substring(space + 1));
        }
        root.route().handler(csp).handler(XFrameHandler.create(XFrameHandler.DENY)).handler(rc -> {
            rc.response().putHeader("X-Content-Type-Options", "nosniff").putHeader("Referrer-Policy", "no-referrer");
            rc.next();
        });
    }

    /**
     * Before the static files: everything but the hashed assets — index.html above all, the favicon, a path that is not
     * there — must be revalidated ({@code no-cache}; the 304 costs little), so an upgrade reaches users at once.
     */
    static Handler<RoutingContext> revalidateAllButHashedAssets() {
        return rc -> {
            if (!rc.normalizedPath().startsWith(HASHED_ASSETS)) {
                rc.addHeadersEndHandler(v -> rc.response().headers().set(HttpHeaders.CACHE_CONTROL, "no-cache"));
            }
            rc.next();
        };
    }
}
