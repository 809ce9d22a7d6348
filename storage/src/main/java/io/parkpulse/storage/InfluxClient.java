package io.parkpulse.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.Map;
import java.util.Objects;

/**
 * Non-blocking client for InfluxDB's v1 HTTP API: line protocol on {@code /write}, InfluxQL on
 * {@code /query}, {@code /ping}. Failures are {@link InfluxException}s classified by
 * {@link InfluxException.Kind}; retrying is the caller's policy.
 *
 * <p>Thread-safe; the returned futures complete on the Vert.x context of the caller.
 */
public final class InfluxClient implements AutoCloseable {

    private static final int MAX_ERROR_TEXT = 500;

    private final Vertx vertx;
    private final InfluxConfig config;
    private final WebClient web;

    public InfluxClient(Vertx vertx, InfluxConfig config) {
        this.vertx = vertx;
        this.config = Objects.requireNonNull(config, "config");
        boolean tls = "https".equals(config.url().getScheme());
        int port = config.url().getPort() > 0 ? config.url().getPort() : (tls ? 443 : 80);
        this.web = WebClient.create(vertx, new WebClientOptions()
                .setDefaultHost(config.url().getHost())
                .setDefaultPort(port)
                .setSsl(tls)
                .setKeepAlive(true)
                .setUserAgent("parkpulse"),
                new PoolOptions().setHttp1MaxSize(8));
    }

    /**
     * Writes line protocol (lines separated by {@code \n}, times in milliseconds). Completes once
     * InfluxDB answered 204, i.e. the points are in its write-ahead log.
     */
    public Future<Void> write(Buffer lineProtocol) {
        HttpRequest<Buffer> request = authorized(web.post(path("/write")))
                .addQueryParam("db", config.database())
                .addQueryParam("precision", "ms")
                .timeout(config.requestTimeout().toMillis());
        return request.sendBuffer(lineProtocol)
                .recover(e -> Future.failedFuture(unreachable("write", e)))
                .compose(this::checkWrite);
    }

    /** Runs an InfluxQL statement that reads (SELECT, SHOW) and returns InfluxDB's JSON answer. */
    public Future<JsonObject> query(String influxql) {
        return query(influxql, Map.of());
    }

    /**
     * Runs an InfluxQL statement with bound parameters: {@code $name} in the statement is replaced
     * by InfluxDB itself with {@code params.get("name")}, so outside values never become InfluxQL text.
     *
     * @param params texts, numbers or booleans: what InfluxDB can bind
     *               (the future fails with an {@link IllegalArgumentException} naming any other, before anything is sent)
     */
    public Future<JsonObject> query(String influxql, Map<String, Object> params) {
        String problem = unbindable(params);
        if (problem != null) {
            return Future.failedFuture(new IllegalArgumentException(problem));
        }
        return queryRequest(influxql, params).send().recover(e -> Future.failedFuture(unreachable("query", e)))
                .compose(this::checkQuery);
    }

    /**
     * Runs a query like {@link #query(String, Map)} and reads its answer with {@code reader} on a worker thread: for
     * answers large enough (a year of a park's stored days, megabytes of JSON) that decoding them would hold up the
     * event loop.
     */
    public <T> Future<T> queryAndRead(String influxql, Map<String, Object> params, java.util.function.Function<JsonObject, T> reader) {
        return queryRaw(influxql, params).compose(body -> vertx.executeBlocking(() -> {
            JsonObject answer;
            try {
                answer = body.length() == 0 ? new JsonObject() : body.toJsonObject();
            } catch (DecodeException e) {
                throw new InfluxException(InfluxException.Kind.QUERY_FAILED, 200, "query: InfluxDB answered with something that is not JSON", e);
            }
            InfluxException failed = resultError(answer);
            if (failed != null) {
                throw failed;
            }
            return reader.apply(answer);
        }, false));
    }

    private HttpRequest<Buffer> queryRequest(String influxql, Map<String, Object> params) {
        HttpRequest<Buffer> request = authorized(web.get(path("/query")))
                .addQueryParam("db", config.database())
                .addQueryParam("epoch", "ms")
                .addQueryParam("q", influxql)
                .timeout(config.requestTimeout().toMillis());
        if (!params.isEmpty()) {
            request.addQueryParam("params", new JsonObject(params).encode());
        }
        return request;
    }

    /** What is wrong with a parameter InfluxDB cannot bind (only text, numbers and booleans), or {@code null}. */
    private static String unbindable(Map<String, Object> params) {
        for (Map.Entry<String, Object> p : params.entrySet()) {
            Object value = p.getValue();
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                return "query parameter $" + p.getKey() + (value == null ? " has no value" : " is a " + value.getClass().getSimpleName())
                        + "; InfluxDB binds only text, numbers and booleans";
            }
        }
        return null;
    }

    /**
     * Runs a reading statement and hands back InfluxDB's JSON answer unparsed, for answers too large to hold as a
     * {@link JsonObject} tree (a park's month of readings); the caller stream-parses it and must look for statement
     * errors under {@code results[].error}.
     */
    public Future<Buffer> queryRaw(String influxql, Map<String, Object> params) {
        String problem = unbindable(params);
        if (problem != null) {
            return Future.failedFuture(new IllegalArgumentException(problem));
        }
        return queryRequest(influxql, params).send().recover(e -> Future.failedFuture(unreachable("query", e)))
                .compose(r -> r.statusCode() == 200 ? Future.succeededFuture(r.body() == null ? Buffer.buffer() : r.body())
                        : Future.failedFuture(failure("query", r)));
    }

    /** Runs a statement that changes things (CREATE, DROP, ALTER), which the v1 API wants as a POST. */
    public Future<JsonObject> execute(String influxql) {
        return post(influxql, false);
    }

    /** Runs a statement that changes things in the configured database (DROP MEASUREMENT, DELETE). */
    public Future<JsonObject> executeInDatabase(String influxql) {
        return post(influxql, true);
    }

    private Future<JsonObject> post(String influxql, boolean inDatabase) {
        HttpRequest<Buffer> request = authorized(web.post(path("/query")))
                .addQueryParam("q", influxql)
                .timeout(config.requestTimeout().toMillis());
        if (inDatabase) {
            request.addQueryParam("db", config.database());
        }
        return request.send().recover(e -> Future.failedFuture(unreachable("query", e))).compose(this::checkQuery);
    }

    /** Creates the configured database; does nothing when it exists. */
    public Future<Void> createDatabase() {
        return execute("CREATE DATABASE " + quoteIdentifier(config.database())).mapEmpty();
    }

    /** Completes when InfluxDB answers its ping. */
    public Future<Void> ping() {
        return authorized(web.get(path("/ping"))).timeout(Math.min(config.requestTimeout().toMillis(), 2000)).send()
                .recover(e -> Future.failedFuture(unreachable("ping", e)))
                .compose(r -> r.statusCode() == 204 || r.statusCode() == 200 ? Future.succeededFuture()
                        : Future.failedFuture(failure("ping", r)));
    }

    @Override
    public void close() {
        web.close();
    }

    /** An InfluxQL identifier in double quotes, with quotes and backslashes escaped. */
    public static String quoteIdentifier(String name) {
        return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private String path(String endpoint) {
        String base = config.url().getPath();
        if (base == null || base.isEmpty() || "/".equals(base)) {
            return endpoint;
        }
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + endpoint;
    }

    private HttpRequest<Buffer> authorized(HttpRequest<Buffer> request) {
        if (config.username() != null) {
            request.basicAuthentication(config.username(), config.password() == null ? "" : config.password());
        }
        return request;
    }

    private Future<Void> checkWrite(HttpResponse<Buffer> response) {
        if (response.statusCode() == 204 || response.statusCode() == 200) {
            return Future.succeededFuture();
        }
        return Future.failedFuture(failure("write", response));
    }

    private Future<JsonObject> checkQuery(HttpResponse<Buffer> response) {
        if (response.statusCode() != 200) {
            return Future.failedFuture(failure("query", response));
        }
        JsonObject body;
        try {
            body = response.bodyAsJsonObject();
        } catch (DecodeException e) {
            return Future.failedFuture(new InfluxException(InfluxException.Kind.QUERY_FAILED, 200,
                    "query: InfluxDB answered with something that is not JSON", e));
        }
        InfluxException failed = body == null ? null : resultError(body);
        return failed == null ? Future.succeededFuture(body) : Future.failedFuture(failed);
    }

    /** The first statement's error in an answer of status 200, or {@code null}. */
    private static InfluxException resultError(JsonObject answer) {
        JsonArray results = answer.getJsonArray("results");
        if (results != null) {
            for (Object result : results) {
                if (result instanceof JsonObject r && r.containsKey("error")) {
                    return new InfluxException(InfluxException.Kind.QUERY_FAILED, 200, "query failed: " + r.getString("error"), null);
                }
            }
        }
        return null;
    }

    private InfluxException failure(String what, HttpResponse<Buffer> response) {
        int status = response.statusCode();
        String text = errorText(response);
        InfluxException.Kind kind;
        if (status == 400) {
            kind = what.equals("write") ? InfluxException.Kind.BAD_DATA : InfluxException.Kind.QUERY_FAILED;
        } else if (status == 401 || status == 403) {
            kind = InfluxException.Kind.UNAUTHORIZED;
        } else if (status == 404 && text.contains("database not found")) {
            kind = InfluxException.Kind.DATABASE_NOT_FOUND;
        } else if (status == 413) {
            kind = InfluxException.Kind.TOO_LARGE;
        } else {
            kind = InfluxException.Kind.UNAVAILABLE;
        }
        return new InfluxException(kind, status, what + " to " + config.url() + " failed with HTTP " + status + ": " + text, null);
    }

    private InfluxException unreachable(String what, Throwable cause) {
        return new InfluxException(InfluxException.Kind.UNAVAILABLE, 0,
                what + " to " + config.url() + " failed: " + cause.getMessage(), cause);
    }

    private static String errorText(HttpResponse<Buffer> response) {
        Buffer body = response.body();
        if (body == null || body.length() == 0) {
            return response.statusMessage();
        }
        String text = body.toString();
        try {
            String error = new JsonObject(text).getString("error");
            if (error != null) {
                text = error;
            }
        } catch (DecodeException ignored) {
            // not JSON: report the raw text
        }
        return text.length() > MAX_ERROR_TEXT ? text.substring(0, MAX_ERROR_TEXT) + "…" : text;
    }
}
