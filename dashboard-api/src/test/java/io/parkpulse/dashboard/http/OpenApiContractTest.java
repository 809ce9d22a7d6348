package io.parkpulse.dashboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.dashboard.Parks;
import io.parkpulse.dashboard.auth.ApiTokens;
import io.parkpulse.park.ParkDirectory;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docs/openapi.yaml and the router agree: every operation documented is served, every one served is documented. */
class OpenApiContractTest {

    static final Path OPENAPI = Path.of("..", "docs", "openapi.yaml");

    @Test
    void every_route_is_documented_and_every_documented_operation_is_routed() throws Exception {
        Map<String, Object> doc;
        try (Reader r = Files.newBufferedReader(OPENAPI)) {
            doc = new Yaml().load(r);
        }
        assertThat(doc.get("openapi")).asString().startsWith("3.");
        Set<String> documented = new TreeSet<>();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
        paths.forEach((path, operations) -> operations.keySet().forEach(method -> {
            if (!path.equals("/health")) {
                documented.add(method.toUpperCase() + " " + path);
            }
        }));

        Vertx vertx = Vertx.vertx();
        try {
            Router api = DashboardApi.api(vertx, TestApiParts.of(vertx, new Parks(new ParkDirectory(Path.of("..", "parks"))),
                    ApiTokens.of(Map.of()), io.parkpulse.dashboard.auth.Users.of(java.util.List.of()), null, null, null, Clock.systemUTC()));
            Set<String> routed = new TreeSet<>();
            for (Route route : api.getRoutes()) {
                if (route.getPath() == null || route.methods() == null) {
                    continue; // body limit, authentication, failure and not-found handlers
                }
                String path = DashboardApi.BASE + route.getPath().replaceAll(":(\\w+)", "{$1}");
                route.methods().forEach(m -> routed.add(m.name() + " " + path));
            }
            assertThat(routed).as("the routes read from the router").contains("GET /api/v1/parks/{park}/rankings",
                    "POST /api/v1/parks/{park}/what-if", "POST /api/v1/parks/{park}/output-reports",
                    "GET /api/v1/parks/{park}/targets", "GET /api/v1/parks/{park}/enterprises/{id}/carbon",
                    "GET /api/v1/parks/{park}/reports/carbon");
            assertThat(routed).isEqualTo(documented);
        } finally {
            vertx.close();
        }
    }
}
