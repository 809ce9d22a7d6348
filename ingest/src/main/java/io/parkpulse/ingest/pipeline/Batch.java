package io.parkpulse.ingest.pipeline;

import java.util.ArrayList;
import java.util.List;

/** Whole messages whose points go to InfluxDB in one write. A message is never split across batches. */
record Batch(List<PreparedMessage> messages, List<PreparedPoint> points) {

    static Batch of(List<PreparedMessage> messages) {
        List<PreparedPoint> points = new ArrayList<>();
        for (PreparedMessage m : messages) {
            points.addAll(m.points());
        }
        return new Batch(List.copyOf(messages), points);
    }
}
