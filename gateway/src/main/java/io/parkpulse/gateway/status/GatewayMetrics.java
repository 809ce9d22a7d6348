package io.parkpulse.gateway.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parkpulse.contract.Rejection;
import io.parkpulse.contract.RejectionReport;
import io.parkpulse.gateway.config.DeviceConfig;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's counters and gauges (Micrometer; scraped at {@code /metrics}) and the per-device health the
 * status page shows. One place names every metric, so docs/gateway.md can list them.
 */
public final class GatewayMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayMetrics.class);

    private final MeterRegistry registry;
    private final Map<String, DeviceHealth> devices = new LinkedHashMap<>();
    private final Counter readingsBuffered;
    private final Counter messagesPublished;
    private final Counter readingsPublished;
    private final Counter readingsDropped;
    private final Counter pointsShed;
    private final Counter rejectionReports;
    private final Counter noSubscriber;
    private final Counter resends;
    private final Counter acksReceived;
    private final RateLimitedLog ackLog = new RateLimitedLog(10, 60_000);
    private final RateLimitedLog rejectionLog = new RateLimitedLog(10, 60_000);

    public GatewayMetrics(MeterRegistry registry, Collection<DeviceConfig> configured) {
        this.registry = registry;
        for (DeviceConfig d : configured) {
            devices.put(d.meter(), new DeviceHealth(d.meter(), d.protocol().configName(),
                    d.endpoint() == null ? "nbiot" : d.endpoint().toString()));
        }
        readingsBuffered = Counter.builder("parkpulse.gateway.readings.buffered").description("readings put into the store-and-forward buffer").register(registry);
        messagesPublished = Counter.builder("parkpulse.gateway.messages.published").description("telemetry messages acknowledged by the broker").register(registry);
        readingsPublished = Counter.builder("parkpulse.gateway.readings.published").description("readings in messages acknowledged by the broker").register(registry);
        readingsDropped = Counter.builder("parkpulse.gateway.readings.dropped").description("readings lost because the buffer was full").register(registry);
        pointsShed = Counter.builder("parkpulse.gateway.points.shed").description("point reads skipped because the buffer was nearly full").register(registry);
        noSubscriber = Counter.builder("parkpulse.gateway.publish.no.subscriber").description("publishes the broker acknowledged with 'no matching subscribers'; the message stayed in the buffer").register(registry);
        resends = Counter.builder("parkpulse.gateway.messages.resent").description("messages sent again because the platform had not confirmed them in time").register(registry);
        acksReceived = Counter.builder("parkpulse.gateway.acks.received").description("end-to-end acks received from the platform (version 1, readable)").register(registry);
        rejectionReports = Counter.builder("parkpulse.gateway.rejection.reports").description("rejection reports received from the platform").register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Registers a gauge reading {@code value} (buffer depth, connection state …). */
    public void gauge(String name, String description, Supplier<Number> value) {
        io.micrometer.core.instrument.Gauge.builder(name, value).description(description).register(registry);
    }

    public DeviceHealth device(String meter) {
        return devices.get(meter);
    }

    public List<DeviceHealth.Snapshot> devices() {
        return devices.values().stream().map(DeviceHealth::snapshot).toList();
    }

    public void readSucceeded(String meter, long atMs, int values, List<String> problems) {
        device(meter).succeeded(atMs, values, problems);
        registry.counter("parkpulse.gateway.reads", "meter", meter, "outcome", problems.isEmpty() ? "ok" : "partial").increment();
        if (!problems.isEmpty()) {
            registry.counter("parkpulse.gateway.point.errors", "meter", meter).increment(problems.size());
        }
    }

    public void readFailed(String meter, long atMs, String error) {
        device(meter).failed(atMs, error);
        registry.counter("parkpulse.gateway.reads", "meter", meter, "outcome", "failed").increment();
    }

    public void buffered(int readings) {
        readingsBuffered.increment(readings);
    }

    public void published(int readings) {
        messagesPublished.increment();
        readingsPublished.increment(readings);
    }

    public void noSubscriber() {
        noSubscriber.increment();
    }

    public void resent() {
        resends.increment();
    }

    public void ackReceived() {
        acksReceived.increment();
    }

    /** An ack that was not used: {@code reason} {@code malformed} or {@code unknown_version}; logged at a bounded rate. */
    public void ackIgnored(String reason, String logLine) {
        registry.counter("parkpulse.gateway.acks.ignored", "reason", reason).increment();
        ackLog.warn(LOG, logLine);
    }

    public void dropped(long readings) {
        readingsDropped.increment(readings);
    }

    public void shed(int points) {
        pointsShed.increment(points);
    }

    public double droppedTotal() {
        return readingsDropped.count();
    }

    /** Counts a rejection report by reason and logs it at a bounded rate. */
    public void rejected(RejectionReport report) {
        rejectionReports.increment();
        if (report == null) {
            registry.counter("parkpulse.gateway.rejections", "reason", "unreadable_report").increment();
            rejectionLog.warn(LOG, "the platform sent a rejection report that cannot be read");
            return;
        }
        for (Rejection r : report.rejections()) {
            registry.counter("parkpulse.gateway.rejections", "reason", r.reason().code()).increment();
        }
        if (report.omitted() > 0) {
            registry.counter("parkpulse.gateway.rejections", "reason", "omitted").increment(report.omitted());
        }
        rejectionLog.warn(LOG, "the platform rejected part of message " + report.seq() + ": "
                + report.rejections().stream().limit(3).map(r -> r.reason().code() + " at " + r.path() + " (" + r.detail() + ")").toList()
                + (report.rejections().size() > 3 ? " and " + (report.rejections().size() - 3 + report.omitted()) + " more" : ""));
    }

    /** Logs at most {@code perWindow} lines per window and says how many it held back. */
    static final class RateLimitedLog {
        private final int perWindow;
        private final long windowMs;
        private long windowStart;
        private int inWindow;
        private int suppressed;

        RateLimitedLog(int perWindow, long windowMs) {
            this.perWindow = perWindow;
            this.windowMs = windowMs;
        }

        synchronized void warn(Logger log, String message) {
            long now = System.currentTimeMillis();
            if (now - windowStart >= windowMs) {
                if (suppressed > 0) {
                    log.warn("{} more such messages were not logged", suppressed);
                }
                windowStart = now;
                inWindow = 0;
                suppressed = 0;
            }
            if (inWindow++ < perWindow) {
                log.warn(message);
            } else {
                suppressed++;
            }
        }
    }
}
