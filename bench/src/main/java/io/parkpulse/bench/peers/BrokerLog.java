package io.parkpulse.bench.peers;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Mosquitto's log, written with {@code log_type subscribe}: a line {@code <time>: <client id> <qos> <filter>} once a
 * subscription is in place. The broker handles one packet at a time and logs after adding the subscription, so a
 * message published after the line is seen reaches the subscriber. One readiness check for every subscriber: ingest,
 * Node-RED and {@code mosquitto_sub} alike.
 */
final class BrokerLog {

    private final Path file;

    BrokerLog(Path file) {
        this.file = file;
    }

    /** Where the log ends now: subscriptions are looked for from here on. */
    long mark() throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    /**
     * Waits until the log shows {@code clientId} subscribed to {@code filter} after {@code from}.
     *
     * @param failure asked while waiting: a reason to give up (the subscriber exited), or null
     * @throws IllegalStateException on a failure or after {@code timeout}
     */
    void awaitSubscription(long from, String clientId, String filter, Duration timeout, Supplier<String> failure)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!subscribed(from, clientId, filter)) {
            String why = failure.get();
            if (why != null) {
                throw new IllegalStateException(clientId + " did not subscribe: " + why);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(clientId + " not subscribed to " + filter + " after " + timeout.toSeconds()
                        + " s (is log_type subscribe in the broker's configuration? log: " + file + ")");
            }
            Thread.sleep(50);
        }
    }

    private boolean subscribed(long from, String clientId, String filter) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            if (log.length() <= from) {
                return false;
            }
            log.seek(from);
            byte[] tail = new byte[(int) Math.min(Integer.MAX_VALUE, log.length() - from)];
            log.readFully(tail);
            return isSubscription(new String(tail, StandardCharsets.UTF_8), clientId, filter);
        }
    }

    /** Whether the text holds a subscribe line of {@code clientId} to {@code filter}, at any QoS. */
    static boolean isSubscription(String text, String clientId, String filter) {
        for (String line : text.split("\n")) {
            String[] words = line.strip().split(" ");
            if (words.length == 4 && words[0].endsWith(":") && words[1].equals(clientId) && words[2].matches("[0-2]")
                    && words[3].equals(filter)) {
                return true;
            }
        }
        return false;
    }
}
