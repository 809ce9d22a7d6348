package io.parkpulse.testkit;

/**
 * A real InfluxDB 1.x running for a test, on a port fixed for its whole life, plus blocking HTTP helpers
 * for assertions.
 *
 * <p>Lifecycle: created running; {@link #stop()} / {@link #kill()} / {@link #start()} may be called any
 * number of times for fault injection; {@link #close()} ends it for good. Acknowledged writes survive a
 * restart, even after {@code kill()}: InfluxDB replays its WAL from the same directory.
 *
 * <p>Thread-safety: implementations are thread-safe; lifecycle calls are serialised and the HTTP helpers
 * may run concurrently with each other and with lifecycle calls (they then fail with
 * {@link InfluxDbException} while the server is down).
 */
public interface InfluxDb extends AutoCloseable {

    /** {@code http://host:port}; the same across restarts. */
    String url();

    /** Graceful stop (SIGTERM), waits until the process has exited. Idempotent. */
    void stop();

    /** Crash (SIGKILL), waits until the process is gone. Idempotent. */
    void kill();

    /**
     * Starts InfluxDB again on the same port with the same data and waits until {@code /ping} answers.
     * No-op if it is running.
     *
     * @throws IllegalStateException if it cannot start (the message holds the command and the log's tail)
     *                               or was closed
     */
    void start();

    boolean isRunning();

    /** The last {@code maxLines} lines of the server's log. */
    String logTail(int maxLines);

    /** {@code CREATE DATABASE "db"}; succeeds if it exists. */
    void createDatabase(String db);

    /**
     * Writes line protocol with millisecond timestamps.
     *
     * @throws InfluxDbException with InfluxDB's error text on a non-2xx answer, or when it is unreachable
     */
    void write(String db, String lineProtocol);

    /**
     * Runs InfluxQL (several statements may be separated by {@code ;}) with {@code epoch=ms}, so
     * {@code time} comes back as epoch milliseconds.
     *
     * @throws InfluxDbException with InfluxDB's error text if the query or any statement fails
     */
    QueryResult query(String db, String influxql);

    /**
     * Runs a query yielding one number, such as {@code SELECT count(v) FROM m WHERE ...}, and returns it;
     * 0 when the query yields no series (InfluxDB's answer to counting nothing).
     *
     * @throws IllegalStateException if the result is more than one series, row or value column
     */
    long count(String db, String influxql);

    /** Stops the server and deletes its data. Idempotent. */
    @Override
    void close();
}
