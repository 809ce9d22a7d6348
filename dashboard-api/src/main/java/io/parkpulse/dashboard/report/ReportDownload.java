package io.parkpulse.dashboard.report;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * A report file written on a worker thread, and how every report route sends it: as an attachment of its format's
 * content type, never cached (it holds an enterprise's figures).
 *
 * @param fileName the attachment's name
 * @param bytes    the file
 */
record ReportDownload(String fileName, byte[] bytes) {

    /** Sends the file once written, or fails the request with what went wrong. */
    static void send(RoutingContext rc, ReportFormat format, Future<ReportDownload> file) {
        file.onSuccess(done -> {
            if (!rc.response().ended()) {
                rc.response().putHeader("Content-Type", format.contentType())
                        .putHeader("Content-Disposition", "attachment; filename=\"" + done.fileName() + "\"")
                        .putHeader("Cache-Control", "no-store")
                        .end(Buffer.buffer(done.bytes()));
            }
        }).onFailure(rc::fail);
    }
}
