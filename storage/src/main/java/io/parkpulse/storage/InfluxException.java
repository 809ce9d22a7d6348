package io.parkpulse.storage;

/**
 * A failed InfluxDB request, classified so a writer knows whether to retry, split the batch, or
 * create the database first.
 */
public final class InfluxException extends RuntimeException {

    /** What went wrong, from the writer's point of view. */
    public enum Kind {
        /** Not reachable, timed out, or a server error: the same request may succeed later. */
        UNAVAILABLE(true),
        /** Authentication or authorisation refused: retrying helps only after the configuration is fixed. */
        UNAUTHORIZED(true),
        /** The database does not exist (yet). */
        DATABASE_NOT_FOUND(true),
        /** The server refused some of the data itself (e.g. a field type conflict): retrying the same points cannot help. */
        BAD_DATA(false),
        /** The request body was too large: split it. */
        TOO_LARGE(false),
        /** An InfluxQL statement failed: bad syntax or semantics. */
        QUERY_FAILED(false);

        private final boolean retriable;

        Kind(boolean retriable) {
            this.retriable = retriable;
        }

        public boolean retriable() {
            return retriable;
        }
    }

    private final Kind kind;
    private final int status;

    public InfluxException(Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when no response came. */
    public int status() {
        return status;
    }
}
