package io.parkpulse.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.RealServicesTest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves the line-protocol encoding against the real InfluxDB: text with spaces, commas, equals
 * signs, quotes, backslashes and Chinese written as tags and fields reads back exactly, through
 * InfluxQL queries with bound parameters.
 */
@RealServicesTest
class LineProtocolRoundTripTest {

    static final List<String> AWKWARD = List.of(
            "plain",
            "with space",
            "with,comma",
            "with=equals",
            "say \"quoted\"",
            "C:\\dir\\file",
            "华东精密机械有限公司",
            "空格 与,逗号=等号",
            "mixed \\ \"all\" ,= 混合",
            "back\\,slash\\=before\\ separators",
            "two\\\\, backslashes",
            "trailing space ",
            " leading");

    Vertx vertx;
    InfluxClient client;

    @BeforeEach
    void connect(InfluxDb influx) {
        vertx = Vertx.vertx();
        client = new InfluxClient(vertx, InfluxConfig.of(influx.url(), "roundtrip"));
        await(client.createDatabase());
    }

    @AfterEach
    void close() {
        client.close();
        await(vertx.close());
    }

    @Test
    void awkwardTagValuesAndStringFieldsReadBackExactly() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < AWKWARD.size(); i++) {
            String text = AWKWARD.get(i);
            body.append(Point.measurement("m e,a=s").tag("k e,y=", text).tag("idx", "i" + i)
                    .field("s t,r=", text).field("n", i).time(1795305600000L + i).toLine()).append('\n');
        }
        await(client.write(Buffer.buffer(body.toString())));

        JsonObject tags = await(client.query("SHOW TAG VALUES FROM \"m e,a=s\" WITH KEY = \"k e,y=\""));
        TreeSet<String> tagValues = new TreeSet<>();
        rows(tags).forEach(row -> tagValues.add(row.getString(1)));
        assertThat(tagValues).isEqualTo(new TreeSet<>(AWKWARD));

        for (int i = 0; i < AWKWARD.size(); i++) {
            String text = AWKWARD.get(i);
            JsonObject result = await(client.query("SELECT \"s t,r=\", n FROM \"m e,a=s\" WHERE \"k e,y=\" = $v",
                    Map.of("v", text)));
            List<JsonArray> rows = rows(result);
            assertThat(rows).as("rows for tag " + text).hasSize(1);
            assertThat(rows.get(0).getLong(0)).isEqualTo(1795305600000L + i);
            assertThat(rows.get(0).getString(1)).isEqualTo(text);
            assertThat(rows.get(0).getDouble(2)).isEqualTo(i);
        }
    }

    @Test
    void stringFieldsMayHoldLineBreaks() {
        String text = "第一行\n\"second\" \\ line";
        await(client.write(Buffer.buffer(Point.measurement("notes").tag("t", "x").field("text", text).time(5).toLine())));
        List<JsonArray> rows = rows(await(client.query("SELECT text FROM notes")));
        assertThat(rows.get(0).getString(1)).isEqualTo(text);
    }

    @Test
    void writingTheSamePointTwiceKeepsOnePoint() {
        String line = Point.measurement("electricity").tag("park", "p").tag("meter", "E-1").field("energy_kwh", 10.5).time(7).toLine();
        await(client.write(Buffer.buffer(line)));
        await(client.write(Buffer.buffer(line + "\n" + line)));
        List<JsonArray> rows = rows(await(client.query("SELECT energy_kwh FROM electricity")));
        assertThat(rows).hasSize(1);
    }

    static List<JsonArray> rows(JsonObject result) {
        List<JsonArray> rows = new ArrayList<>();
        JsonArray series = result.getJsonArray("results").getJsonObject(0).getJsonArray("series");
        if (series != null) {
            for (Object s : series) {
                ((JsonObject) s).getJsonArray("values").forEach(v -> rows.add((JsonArray) v));
            }
        }
        return rows;
    }

    static <T> T await(io.vertx.core.Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().orTimeout(Duration.ofSeconds(15).toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS).join();
    }
}
