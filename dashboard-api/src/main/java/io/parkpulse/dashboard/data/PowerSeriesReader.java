package io.parkpulse.dashboard.data;

import io.parkpulse.efficiency.counter.BucketGrid;
import io.parkpulse.storage.InfluxClient;
import io.parkpulse.storage.QuerySeries;
import io.parkpulse.storage.StorageSchema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Mean power per step of a set of meters, summed: InfluxDB averages each meter's readings per step ({@code GROUP BY
 * time(step, offset), meter}), this adds the means of the meters asked for. A step none of them reported in is
 * {@code NaN}; a step only some reported in is the sum of those.
 *
 * <p>The statement is built only from constants of {@link StorageSchema}, the validated quantity, and numbers; the park
 * and enterprise ids are bound parameters.
 */
final class PowerSeriesReader {

    private final InfluxClient influx;

    PowerSeriesReader(InfluxClient influx) {
        this.influx = influx;
    }

    /**
     * @param enterprise narrows the statement to one enterprise's points, or {@code null} for the park's
     * @param meters     the meters whose means are added
     */
    Future<double[]> read(String park, String enterprise, Set<String> meters, SeriesQuantity quantity, BucketGrid grid) {
        double[] sums = new double[grid.size()];
        Arrays.fill(sums, Double.NaN);
        if (meters.isEmpty()) {
            return Future.succeededFuture(sums);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("park", park);
        StringBuilder q = new StringBuilder("SELECT mean(").append(InfluxClient.quoteIdentifier(quantity.id()))
                .append(") AS mean FROM ").append(InfluxClient.quoteIdentifier(StorageSchema.measurementOf(quantity.kind())))
                .append(" WHERE ").append(InfluxClient.quoteIdentifier(StorageSchema.TAG_PARK)).append(" = $park");
        if (enterprise != null) {
            q.append(" AND ").append(InfluxClient.quoteIdentifier(StorageSchema.TAG_ENTERPRISE)).append(" = $enterprise");
            params.put("enterprise", enterprise);
        }
        long offset = Math.floorMod(grid.fromMs(), grid.bucketMs());
        q.append(" AND time >= ").append(grid.fromMs()).append("ms AND time < ").append(grid.toMs()).append("ms")
                .append(" GROUP BY time(").append(grid.bucketMs()).append("ms, ").append(offset).append("ms), ")
                .append(InfluxClient.quoteIdentifier(StorageSchema.TAG_METER)).append(" fill(none)");
        return influx.query(q.toString(), params).map(answer -> {
            for (QuerySeries s : QuerySeries.of(answer)) {
                if (!meters.contains(s.tags().get(StorageSchema.TAG_METER))) {
                    continue;
                }
                int value = s.column("mean");
                for (int r = 0; r < s.rows().size(); r++) {
                    JsonArray row = s.rows().getJsonArray(r);
                    Number v = (Number) row.getValue(value);
                    int bucket = grid.bucketOf(((Number) row.getValue(0)).longValue());
                    if (v != null && bucket >= 0) {
                        sums[bucket] = Double.isNaN(sums[bucket]) ? v.doubleValue() : sums[bucket] + v.doubleValue();
                    }
                }
            }
            return sums;
        });
    }
}
