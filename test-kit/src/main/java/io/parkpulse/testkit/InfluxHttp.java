package io.parkpulse.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The InfluxDB 1.x HTTP API calls tests assert with: {@code /ping}, {@code /write}, {@code /query}.
 * Deliberately independent of the project's production client, so a bug there cannot hide itself in
 * the tests that check it.
 *
 * <p>Thread-safe: the JDK client and the Jackson mapper are.
 */
final class InfluxHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;

    InfluxHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** True if {@code GET /ping} answers 204; never throws. */
    static boolean ping(String baseUrl) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/ping")).timeout(PING_TIMEOUT).GET().build();
            return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 204;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void createDatabase(String db) {
        query(null, "CREATE DATABASE " + identifier(db));
    }

    void write(String db, String lineProtocol) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/write?db=" + encode(db) + "&precision=ms"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(lineProtocol, StandardCharsets.UTF_8))
                .build();
        send(request, "write to " + db);
    }

    /** POST for every statement: InfluxDB 1.x refuses CREATE/DROP over GET, and POST serves SELECT as well. */
    QueryResult query(String db, String influxql) {
        String form = "q=" + encode(influxql) + (db == null ? "" : "&db=" + encode(db));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/query?epoch=ms"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        return parse(send(request, "query " + influxql), influxql);
    }

    long count(String db, String influxql) {
        QueryResult result = query(db, influxql);
        if (result.isEmpty()) {
            return 0;
        }
        QueryResult.Series series = result.single();
        List<String> valueColumns = series.columns().stream().filter(c -> !c.equals("time")).toList();
        if (series.values().size() != 1 || valueColumns.size() != 1) {
            throw new IllegalStateException("count expects one row with one value, got " + series + " for " + influxql);
        }
        Object value = series.column(valueColumns.get(0)).get(0);
        if (value == null) {
            return 0;
        }
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("count expects a number, got " + value + " for " + influxql);
        }
        return number.longValue();
    }

    private String send(HttpRequest request, String what) {
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InfluxDbException(InfluxDbException.NO_RESPONSE,
                    "InfluxDB at " + baseUrl + " is not reachable (stopped?) for " + what + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfluxDbException(InfluxDbException.NO_RESPONSE, "interrupted during " + what, e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new InfluxDbException(status,
                    "InfluxDB answered " + status + " to " + what + ": " + errorText(response), null);
        }
        return response.body();
    }

    private static String errorText(HttpResponse<String> response) {
        try {
            JsonNode error = JSON.readTree(response.body()).path("error");
            if (error.isTextual()) {
                return error.asText();
            }
        } catch (IOException | RuntimeException notJson) {
            // fall through to the header or the raw body
        }
        return response.headers().firstValue("X-Influxdb-Error").orElse(response.body());
    }

    private static QueryResult parse(String body, String influxql) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new InfluxDbException(200, "unreadable answer to " + influxql + ": " + body, e);
        }
        if (root.path("error").isTextual()) {
            throw new InfluxDbException(200, "InfluxDB error for " + influxql + ": " + root.path("error").asText(), null);
        }
        List<QueryResult.Series> series = new ArrayList<>();
        for (JsonNode statement : root.path("results")) {
            if (statement.path("error").isTextual()) {
                throw new InfluxDbException(200,
                        "InfluxDB error for " + influxql + ": " + statement.path("error").asText(), null);
            }
            for (JsonNode s : statement.path("series")) {
                series.add(series(s));
            }
        }
        return new QueryResult(series);
    }

    private static QueryResult.Series series(JsonNode node) {
        Map<String, String> tags = new LinkedHashMap<>();
        node.path("tags").properties().forEach(tag -> tags.put(tag.getKey(), tag.getValue().asText()));
        List<String> columns = new ArrayList<>();
        node.path("columns").forEach(column -> columns.add(column.asText()));
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode row : node.path("values")) {
            List<Object> cells = new ArrayList<>();
            row.forEach(cell -> cells.add(value(cell)));
            rows.add(cells);
        }
        return new QueryResult.Series(node.path("name").asText(""), tags, columns, rows);
    }

    private static Object value(JsonNode cell) {
        if (cell.isNull()) {
            return null;
        }
        if (cell.isIntegralNumber()) {
            return cell.longValue();
        }
        if (cell.isNumber()) {
            return cell.doubleValue();
        }
        if (cell.isBoolean()) {
            return cell.booleanValue();
        }
        return cell.asText();
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
