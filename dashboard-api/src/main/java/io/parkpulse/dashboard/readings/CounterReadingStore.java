package io.parkpulse.dashboard.readings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.parkpulse.contract.MeterKind;
import io.parkpulse.dashboard.efficiency.ParkModel;
import io.parkpulse.efficiency.counter.CounterReading;
import io.parkpulse.storage.InfluxClient;
import io.parkpulse.storage.InfluxException;
import io.parkpulse.storage.StorageSchema;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the billing registers of a park's meters from InfluxDB: one statement per meter kind for the whole park,
 * grouped by meter, so a month of a thousand enterprises is one request. The answer is stream-parsed on a worker
 * thread into readings (a month of a large park is millions of cells, too many for a JSON tree). Values come back as
 * stored (primary side) with the factor ingest applied, which the counter rules need to recover the meter's register.
 */
public final class CounterReadingStore {

    private static final JsonFactory JSON = new JsonFactory();

    private final Vertx vertx;
    private final InfluxClient influx;

    public CounterReadingStore(Vertx vertx, InfluxClient influx) {
        this.vertx = vertx;
        this.influx = influx;
    }

    /** Above this many meters a park-wide statement is cheaper than naming each. */
    private static final int MAX_NAMED_METERS = 200;

    /** Meter id → its readings in [fromMs, toMs), for {@code meters} (billing meters of the park). */
    public Future<Map<String, List<CounterReading>>> read(ParkModel model, Set<String> meters, long fromMs, long toMs) {
        Set<MeterKind> kinds = new LinkedHashSet<>();
        Set<String> wanted = new HashSet<>(meters);
        for (String m : wanted) {
            kinds.add(model.kindOf(m));
        }
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("park", model.park().id());
        StringBuilder named = new StringBuilder();
        if (wanted.size() <= MAX_NAMED_METERS && wanted.size() < model.meters().size()) {
            int i = 0;
            for (String m : wanted) {
                named.append(i == 0 ? " AND (" : " OR ").append(StorageSchema.TAG_METER).append(" = $m").append(i);
                params.put("m" + i++, m);
            }
            named.append(')');
        }
        if (kinds.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        StringBuilder q = new StringBuilder();
        for (MeterKind kind : kinds) {
            String field = ParkModel.registerOf(kind).quantity().wireName();
            q.append("SELECT ").append(InfluxClient.quoteIdentifier(field)).append(", ")
                    .append(StorageSchema.FIELD_REGISTER_FACTOR).append(" FROM ")
                    .append(InfluxClient.quoteIdentifier(StorageSchema.measurementOf(kind)))
                    .append(" WHERE park = $park").append(named).append(" AND time >= ").append(fromMs)
                    .append("ms AND time < ").append(toMs).append("ms GROUP BY ").append(StorageSchema.TAG_METER).append(';');
        }
        return influx.queryRaw(q.toString(), params)
                .compose(body -> vertx.executeBlocking(() -> parse(body, wanted), false));
    }

    /** The readings in an InfluxDB answer of {@code SELECT <register>, register_factor ... GROUP BY meter}. */
    static Map<String, List<CounterReading>> parse(Buffer body, Set<String> wanted) throws IOException {
        Map<String, List<CounterReading>> readings = new HashMap<>();
        try (JsonParser p = JSON.createParser(body.getBytes())) {
            expect(p, JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("results")) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        result(p, wanted, readings);
                    }
                } else if (field.equals("error")) {
                    throw failed(p.getValueAsString());
                } else {
                    p.skipChildren();
                }
            }
        }
        return readings;
    }

    private static void result(JsonParser p, Set<String> wanted, Map<String, List<CounterReading>> readings) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("error")) {
                throw failed(p.getValueAsString());
            } else if (field.equals("series")) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    series(p, wanted, readings);
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private static void series(JsonParser p, Set<String> wanted, Map<String, List<CounterReading>> readings) throws IOException {
        String meter = null;
        int value = 1;
        int factor = 2;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "tags" -> {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String tag = p.currentName();
                        p.nextToken();
                        if (tag.equals(StorageSchema.TAG_METER)) {
                            meter = p.getValueAsString();
                        }
                    }
                }
                case "columns" -> {
                    List<String> columns = new ArrayList<>();
                    while (p.nextToken() == JsonToken.VALUE_STRING) {
                        columns.add(p.getText());
                    }
                    factor = columns.indexOf(StorageSchema.FIELD_REGISTER_FACTOR);
                    value = factor == 1 ? 2 : 1;
                }
                case "values" -> {
                    List<CounterReading> list = meter != null && wanted.contains(meter)
                            ? readings.computeIfAbsent(meter, k -> new ArrayList<>()) : null;
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        row(p, value, factor, list);
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

    /** One {@code [time, value, factor]} row; a row without a number in the register column is another field's point. */
    private static void row(JsonParser p, int valueColumn, int factorColumn, List<CounterReading> into) throws IOException {
        long time = 0;
        double value = Double.NaN;
        double factor = 1.0;
        int column = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), column++) {
            if (column == 0) {
                time = p.getLongValue();
            } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                if (column == valueColumn) {
                    value = p.getDoubleValue();
                } else if (column == factorColumn && p.getDoubleValue() > 0) {
                    factor = p.getDoubleValue();
                }
            }
        }
        if (into != null && !Double.isNaN(value)) {
            into.add(new CounterReading(time, value, factor));
        }
    }

    private static void expect(JsonParser p, JsonToken token) throws IOException {
        if (p.nextToken() != token) {
            throw new InfluxException(InfluxException.Kind.QUERY_FAILED, 200, "query: InfluxDB's answer is not the expected JSON", null);
        }
    }

    private static InfluxException failed(String error) {
        return new InfluxException(InfluxException.Kind.QUERY_FAILED, 200, "query failed: " + error, null);
    }
}
