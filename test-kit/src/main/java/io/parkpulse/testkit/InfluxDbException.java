package io.parkpulse.testkit;

/** An InfluxDB request failed; the message holds InfluxDB's own error text where there was one. */
public final class InfluxDbException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Status for a request that got no HTTP answer at all. */
    public static final int NO_RESPONSE = -1;

    private final int status;

    InfluxDbException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** HTTP status, or {@link #NO_RESPONSE} when InfluxDB was unreachable. */
    public int status() {
        return status;
    }
}
