package io.parkpulse.testkit;

/** An {@link InfluxDb} whose query helpers talk HTTP to its URL, however it is run. */
abstract class ManagedInfluxDb extends ManagedServer implements InfluxDb {

    private final String url;
    private final InfluxHttp http;

    ManagedInfluxDb(ServerControl control, String url) {
        super(control);
        this.url = url;
        this.http = new InfluxHttp(url);
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public void createDatabase(String db) {
        http.createDatabase(db);
    }

    @Override
    public void write(String db, String lineProtocol) {
        http.write(db, lineProtocol);
    }

    @Override
    public QueryResult query(String db, String influxql) {
        return http.query(db, influxql);
    }

    @Override
    public long count(String db, String influxql) {
        return http.count(db, influxql);
    }
}
