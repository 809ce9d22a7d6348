package io.parkpulse.dashboard.readings;

import io.parkpulse.contract.MeterKind;
import io.parkpulse.dashboard.efficiency.ParkModel;
import io.parkpulse.efficiency.counter.CounterReading;
import io.parkpulse.efficiency.evaluation.MeterInfo;
import io.parkpulse.storage.InfluxClient;
import io.parkpulse.storage.QuerySeries;
import io.parkpulse.storage.StorageSchema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the billing registers of a park's meters from InfluxDB: one query per meter kind for the whole park, grouped
 * by meter, so a month of a thousand enterprises is a handful of requests. Values come back as stored (primary side)
 * with the factor ingest applied, which the counter rules need to recover the meter's own register.
 */
public final class CounterReadingStore {

    private final InfluxClient influx;

    public CounterReadingStore(InfluxClient influx) {
        this.influx = influx;
    }

    /** Meter id → its readings in [fromMs, toMs), for the park's billing meters. */
    public Future<Map<String, List<CounterReading>>> read(ParkModel model, long fromMs, long toMs) {
        Set<MeterKind> kinds = new LinkedHashSet<>();
        Set<String> wanted = new java.util.HashSet<>();
        for (MeterInfo m : model.meters()) {
            kinds.add(model.kindOf(m.id()));
            wanted.add(m.id());
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
                    .append(" WHERE park = $park AND time >= ").append(fromMs).append("ms AND time < ").append(toMs)
                    .append("ms GROUP BY ").append(StorageSchema.TAG_METER).append(';');
        }
        return influx.query(q.toString(), Map.of("park", model.park().id())).map(answer -> {
            Map<String, List<CounterReading>> readings = new HashMap<>();
            for (QuerySeries s : QuerySeries.of(answer)) {
                String meter = s.tags().get(StorageSchema.TAG_METER);
                if (!wanted.contains(meter)) {
                    continue;
                }
                int value = 1;
                int factor = s.column(StorageSchema.FIELD_REGISTER_FACTOR);
                List<CounterReading> list = readings.computeIfAbsent(meter, k -> new ArrayList<>());
                JsonArray rows = s.rows();
                for (int i = 0; i < rows.size(); i++) {
                    JsonArray row = rows.getJsonArray(i);
                    Object v = row.getValue(value);
                    if (!(v instanceof Number n)) {
                        continue; // a point of this meter that holds other fields only
                    }
                    Object f = factor < 0 ? null : row.getValue(factor);
                    list.add(new CounterReading(((Number) row.getValue(0)).longValue(), n.doubleValue(),
                            f instanceof Number fn && fn.doubleValue() > 0 ? fn.doubleValue() : 1.0));
                }
            }
            return readings;
        });
    }
}
