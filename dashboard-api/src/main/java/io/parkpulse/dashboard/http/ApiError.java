package io.parkpulse.dashboard.http;

/**
 * A request the API refuses, with the HTTP status and a message that says what was wrong and where. Thrown by route
 * handlers and turned into {@code {"error": ..., "field": ...}} by the router's failure handler.
 */
public final class ApiError extends RuntimeException {

    private final int status;
    private final String field;
    private final String zh;

    public ApiError(int status, String field, String message) {
        this(status, field, message, null);
    }

    /** @param zh the message in Chinese, answered as {@code error_zh} beside the English {@code error} */
    public ApiError(int status, String field, String message, String zh) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
        this.zh = zh;
    }

    public static ApiError badRequest(String field, String message) {
        return new ApiError(400, field, message);
    }

    public static ApiError forbidden(String message) {
        return new ApiError(403, null, message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, null, message);
    }

    public int status() {
        return status;
    }

    /** The message in Chinese, or {@code null} where there is none yet. */
    public String zh() {
        return zh;
    }

    /** The query parameter, path parameter or body field at fault, or {@code null}. */
    public String field() {
        return field;
    }
}
