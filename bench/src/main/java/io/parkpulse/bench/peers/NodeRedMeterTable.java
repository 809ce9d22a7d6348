package io.parkpulse.bench.peers;

import io.parkpulse.contract.MeterKind;
import io.parkpulse.contract.Quantity;
import io.parkpulse.park.Enterprise;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Park;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the Node-RED flow's function needs to write the points ingest writes, from the park files: per park and meter
 * its kind, enterprise, industry, ratios and register factor; per quantity which ratio scales it (the wire
 * vocabulary). A Node-RED user would keep such a table in global context; the flow's settings load it from this file.
 */
final class NodeRedMeterTable {

    private NodeRedMeterTable() {
    }

    static JsonObject of(List<Park> parks) {
        JsonObject scaling = new JsonObject();
        for (Quantity q : Quantity.values()) {
            if (q.scaling() != Quantity.Scaling.NONE) {
                scaling.put(q.wireName(), q.scaling().name().toLowerCase(Locale.ROOT));
            }
        }
        JsonObject byPark = new JsonObject();
        for (Park park : parks) {
            JsonObject meters = new JsonObject();
            for (Meter meter : park.meters().values()) {
                JsonObject m = new JsonObject().put("kind", meter.kind().wireName()).put("ct", meter.ctRatio()).put("pt", meter.ptRatio())
                        .put("multiplier", meter.multiplier()).put("registerFactor", registerFactor(meter));
                if (!meter.isParkLevel()) {
                    Enterprise enterprise = park.enterprises().get(meter.enterprise());
                    m.put("enterprise", enterprise.id().value()).put("industry", enterprise.industry().code());
                }
                meters.put(meter.id().value(), m);
            }
            byPark.put(park.id(), meters);
        }
        return new JsonObject().put("scaling", scaling).put("parks", byPark);
    }

    /** As ingest writes it: CT × PT for electricity, the multiplier otherwise. */
    private static double registerFactor(Meter meter) {
        return meter.kind() == MeterKind.ELECTRICITY ? meter.ctRatio() * meter.ptRatio() : meter.multiplier();
    }

    static Path write(List<Park> parks, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, of(parks).encode());
    }
}
