package io.parkpulse.storage;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One series of an InfluxQL answer ({@code results[].series[]}): its measurement, group-by tags, columns and rows.
 * Times are epoch milliseconds ({@link InfluxClient} asks for {@code epoch=ms}).
 */
public record QuerySeries(String name, Map<String, String> tags, List<String> columns, JsonArray rows) {

    /** Every series of every statement in {@code answer}, in order. */
    public static List<QuerySeries> of(JsonObject answer) {
        List<QuerySeries> all = new ArrayList<>();
        JsonArray results = answer.getJsonArray("results", new JsonArray());
        for (int r = 0; r < results.size(); r++) {
            JsonArray series = results.getJsonObject(r).getJsonArray("series", new JsonArray());
            for (int s = 0; s < series.size(); s++) {
                JsonObject one = series.getJsonObject(s);
                Map<String, String> tags = new java.util.LinkedHashMap<>();
                one.getJsonObject("tags", new JsonObject()).forEach(e -> tags.put(e.getKey(), String.valueOf(e.getValue())));
                List<String> columns = one.getJsonArray("columns", new JsonArray()).stream().map(String::valueOf).toList();
                all.add(new QuerySeries(one.getString("name"), tags, columns, one.getJsonArray("values", new JsonArray())));
            }
        }
        return all;
    }

    /** Index of {@code column}, or -1. */
    public int column(String column) {
        return columns.indexOf(column);
    }
}
