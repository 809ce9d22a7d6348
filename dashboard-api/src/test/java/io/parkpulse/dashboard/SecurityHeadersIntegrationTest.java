package io.parkpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.dashboard.auth.ApiTokens;
import io.parkpulse.storage.InfluxConfig;
import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.RealServicesTest;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headers of a running dashboard (issue 16): a content security policy, no framing, no sniffing, no referrer on
 * the UI and the API alike; index.html and every other unhashed file revalidated, the hashed assets cached for good.
 */
@RealServicesTest
class SecurityHeadersIntegrationTest {

    static final String TOKEN = "operator-token-0123456789abcdef";

    @TempDir
    static Path dir;
    static Vertx vertx;
    static String site;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start(InfluxDb influx) throws Exception {
        influx.createDatabase("parkpulse_headers");
        Path parks = Files.createDirectories(dir.resolve("parks"));
        Files.copy(Path.of("..", "parks", "demo-park.yaml"), parks.resolve("demo-park.yaml"));
        Path tokens = dir.resolve("tokens.yaml");
        Files.writeString(tokens, "tokens:\n  - {name: control-room, sha256: " + ApiTokens.sha256(TOKEN) + ", role: operator, park: demo-park}\n");
        vertx = Vertx.vertx();
        DashboardVerticle verticle = new DashboardVerticle(new DashboardConfig(parks, Duration.ofSeconds(1), tokens,
                InfluxConfig.of(influx.url(), "parkpulse_headers"), "127.0.0.1", 0), Clock.systemUTC());
        vertx.deployVerticle(verticle).await(60, TimeUnit.SECONDS);
        site = "http://127.0.0.1:" + verticle.port();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vertx != null) {
            vertx.close().await(20, TimeUnit.SECONDS);
        }
    }

    static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertSecurityHeaders(String what, HttpHeaders h) {
        assertThat(h.firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "script-src 'self';", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-eval"));
        assertThat(h.firstValue("X-Frame-Options")).as(what).hasValue("DENY");
        assertThat(h.firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
        assertThat(h.firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
    }

    @Test
    void theUiPageIsRevalidatedAndCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/index.html")) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).contains("<div id=\"app\">");
            assertSecurityHeaders(path, page.headers());
            assertThat(page.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
        }
        HttpResponse<String> page = get("/");
        String lastModified = page.headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<String> again = get("/", "If-Modified-Since", lastModified);
        assertThat(again.statusCode()).as("revalidated, not sent again").isEqualTo(304);
        assertThat(again.headers().firstValue("Cache-Control")).hasValue("no-cache");

        assertThat(get("/favicon.svg").headers().firstValue("Cache-Control")).as("an unhashed file").hasValue("no-cache");
        HttpResponse<String> missing = get("/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertSecurityHeaders("a missing page", missing.headers());
    }

    @Test
    void hashedAssetsStayImmutable() throws Exception {
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(get("/").body());
        assertThat(script.find()).as("index.html names its script").isTrue();
        HttpResponse<String> asset = get(script.group(1));
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("immutable"));
        assertThat(asset.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void apiAnswersCarryTheSecurityHeadersToo() throws Exception {
        HttpResponse<String> unauthorised = get("/api/v1/whoami");
        assertThat(unauthorised.statusCode()).isEqualTo(401);
        assertSecurityHeaders("401", unauthorised.headers());
        HttpResponse<String> whoami = get("/api/v1/whoami", "Authorization", "Bearer " + TOKEN);
        assertThat(whoami.statusCode()).isEqualTo(200);
        assertSecurityHeaders("whoami", whoami.headers());
        assertSecurityHeaders("health", get("/health").headers());
        assertSecurityHeaders("openapi", get("/api/v1/openapi.yaml").headers());
    }
}
