package io.parkpulse.storage;

import static io.parkpulse.storage.LineProtocolRoundTripTest.await;
import static io.parkpulse.storage.LineProtocolRoundTripTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.parkpulse.testkit.InfluxDb;
import io.parkpulse.testkit.RealServicesTest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a real InfluxDB: success, and each kind of failure a writer must tell apart. */
@RealServicesTest
class InfluxClientTest {

    Vertx vertx;
    InfluxDb influx;

    @BeforeEach
    void start(InfluxDb influx) {
        this.influx = influx;
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    InfluxClient client(String db) {
        return new InfluxClient(vertx, InfluxConfig.of(influx.url(), db));
    }

    static InfluxException failureOf(Future<?> future) {
        Throwable t = catchThrowable(() -> await(future));
        assertThat(t).isInstanceOf(CompletionException.class);
        assertThat(t.getCause()).isInstanceOf(InfluxException.class);
        return (InfluxException) t.getCause();
    }

    @Test
    void pingsCreatesWritesAndQueries() {
        InfluxClient client = client("db1");
        await(client.ping());
        await(client.createDatabase());
        await(client.createDatabase());
        await(client.write(Buffer.buffer("water,park=p,meter=W-1 volume_m3=12.5 1000\nwater,park=p,meter=W-1 volume_m3=13 2000")));

        assertThat(rows(await(client.query("SELECT volume_m3 FROM water WHERE meter = $m", Map.of("m", "W-1"))))).hasSize(2);
    }

    @Test
    void aLargeAnswerIsReadOnAWorkerAndAFailedStatementSaysWhy() {
        InfluxClient client = client("db3");
        await(client.createDatabase());
        await(client.write(Buffer.buffer("water,park=p,meter=W-1 volume_m3=12.5 1000\nwater,park=p,meter=W-1 volume_m3=13 2000")));
        String thread = await(client.queryAndRead("SELECT volume_m3 FROM water WHERE meter = $m", Map.of("m", "W-1"),
                answer -> rows(answer).size() + " rows on " + (io.vertx.core.Context.isOnWorkerThread() ? "a worker" : "another thread")));
        assertThat(thread).isEqualTo("2 rows on a worker");
        assertThat(failureOf(client.queryAndRead("SELECT volume_m3 FROM water WHERE", Map.of(), answer -> answer)).getMessage())
                .as("refused with HTTP 400").contains("error parsing query");
        assertThat(failureOf(client.queryAndRead("SELECT volume_m3 FROM \"no_such_policy\".water", Map.of(), answer -> answer))
                .getMessage()).as("answered 200 with the statement's error").contains("query failed", "no_such_policy");
    }

    @Test
    void boundParametersAreNeverInfluxQl() {
        InfluxClient client = client("db2");
        await(client.createDatabase());
        await(client.write(Buffer.buffer("water,park=p,meter=W-1 volume_m3=1 1000")));

        String injection = "W-1' OR meter =~ /.*/ OR meter = '";
        assertThat(rows(await(client.query("SELECT volume_m3 FROM water WHERE meter = $m", Map.of("m", injection))))).isEmpty();
    }

    @Test
    void aParameterInfluxDbCannotBindIsRefusedBeforeAnythingIsSent() {
        record MeterNumber(String value) {
        }
        assertThatThrownBy(() -> await(client("db2").query("SELECT * FROM water WHERE meter = $m", Map.of("m", new MeterNumber("W-1")))))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("query parameter $m is a MeterNumber; InfluxDB binds only text, numbers and booleans");
        java.util.Map<String, Object> none = new java.util.HashMap<>();
        none.put("m", null);
        assertThatThrownBy(() -> await(client("db2").queryRaw("SELECT * FROM water WHERE meter = $m", none)))
                .hasRootCauseMessage("query parameter $m has no value; InfluxDB binds only text, numbers and booleans");
    }

    @Test
    void aMissingDatabaseIsToldApart() {
        InfluxException e = failureOf(client("never_created").write(Buffer.buffer("m,t=x f=1 1")));
        assertThat(e.kind()).isEqualTo(InfluxException.Kind.DATABASE_NOT_FOUND);
        assertThat(e.kind().retriable()).isTrue();
    }

    @Test
    void badDataIsNotRetriableAndSaysWhy() {
        InfluxClient client = client("db3");
        await(client.createDatabase());
        await(client.write(Buffer.buffer("m,t=x f=1 1")));

        InfluxException conflict = failureOf(client.write(Buffer.buffer("m,t=x f=\"text\" 2")));
        assertThat(conflict.kind()).isEqualTo(InfluxException.Kind.BAD_DATA);
        assertThat(conflict.kind().retriable()).isFalse();
        assertThat(conflict.getMessage()).contains("field type conflict");

        InfluxException garbage = failureOf(client.write(Buffer.buffer("this is not line protocol")));
        assertThat(garbage.kind()).isEqualTo(InfluxException.Kind.BAD_DATA);
        assertThat(garbage.getMessage()).contains("unable to parse");
    }

    @Test
    void aBadQuerySaysWhy() {
        InfluxClient client = client("db4");
        await(client.createDatabase());
        InfluxException e = failureOf(client.query("SELEKT nothing"));
        assertThat(e.kind()).isEqualTo(InfluxException.Kind.QUERY_FAILED);
        assertThat(e.getMessage()).contains("SELEKT");
    }

    @Test
    void aStoppedServerIsUnavailableAndComesBack() {
        InfluxClient client = client("db5");
        await(client.createDatabase());
        influx.stop();

        InfluxException e = failureOf(client.write(Buffer.buffer("m,t=x f=1 1")));
        assertThat(e.kind()).isEqualTo(InfluxException.Kind.UNAVAILABLE);
        assertThat(e.status()).isZero();
        assertThat(failureOf(client.ping()).kind()).isEqualTo(InfluxException.Kind.UNAVAILABLE);

        influx.start();
        await(client.write(Buffer.buffer("m,t=x f=1 1")));
        assertThat(rows(await(client.query("SELECT f FROM m")))).hasSize(1);
    }
}
