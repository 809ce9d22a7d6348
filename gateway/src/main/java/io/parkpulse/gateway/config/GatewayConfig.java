package io.parkpulse.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The whole gateway configuration file, validated (docs/gateway.md). */
public record GatewayConfig(String park, String gatewayId, Broker broker, Acks acks, Polling polling, Buffer buffer, Http http,
                            NbIotIntake nbiot, List<DeviceConfig> devices) {

    public GatewayConfig {
        devices = List.copyOf(devices);
    }

    /**
     * The MQTT broker. The password is never in the file: {@code password_env} names the environment
     * variable holding it. {@code caFile} set means TLS with that trust anchor.
     */
    public record Broker(String url, String username, String password, Path caFile) {
        @Override
        public String toString() {
            return "Broker[url=" + url + ", username=" + username + ", secretGiven=" + (password != null)
                    + ", caFile=" + caFile + "]";
        }
    }

    /**
     * End-to-end acknowledgements (docs/gateway.md, "Acknowledgements"). {@code endToEnd} keeps every message until the
     * platform confirms its seq on the {@code ack} topic and resends it after {@code resendAfter}, doubling per attempt up
     * to {@code resendMax}, with at most {@code maxUnconfirmed} messages sent and unconfirmed at a time; false forgets a
     * message at the broker's PUBACK (an ingest without acks).
     */
    public record Acks(boolean endToEnd, Duration resendAfter, Duration resendMax, int maxUnconfirmed) {
        public static final Acks DEFAULT = new Acks(true, Duration.ofSeconds(30), Duration.ofMinutes(5), 1000);
        public static final Acks BROKER_ONLY = new Acks(false, DEFAULT.resendAfter, DEFAULT.resendMax, DEFAULT.maxUnconfirmed);
    }

    /** Poll timing; {@code interval} is the default for devices that set none. */
    public record Polling(Duration interval, Duration timeout, int retries, int readingsPerMessage) {
    }

    /** The on-disk store-and-forward buffer. */
    public record Buffer(Path directory, long maxBytes, FullPolicy whenFull) {
    }

    /**
     * The HTTP server for the status page, metrics and NB-IoT carrier pushes. {@code statusToken} (from the
     * environment, may be null) is the bearer token {@code /status} and {@code /metrics} ask for; the reader
     * refuses a non-loopback {@code host} without one.
     */
    public record Http(String host, int port, String statusToken) {
        @Override
        public String toString() {
            return "Http[host=" + host + ", port=" + port + ", statusTokenGiven=" + (statusToken != null) + "]";
        }
    }

    /**
     * NB-IoT intake: the CoAP UDP port (-1 = off, 0 = any free port) and each carrier's push secret (from the
     * environment; null = not configured): OneNET's signing token, and the shared tokens CTWing and Huawei pushes
     * must carry.
     */
    public record NbIotIntake(int coapPort, String onenetToken, String ctwingToken, String huaweiToken) {
        @Override
        public String toString() {
            return "NbIotIntake[coapPort=" + coapPort + ", onenetTokenGiven=" + (onenetToken != null)
                    + ", ctwingTokenGiven=" + (ctwingToken != null) + ", huaweiTokenGiven=" + (huaweiToken != null) + "]";
        }
    }
}
