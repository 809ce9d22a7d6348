package io.parkpulse.park;

import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One park as its park file declares it: enterprises, gateways and meters, in file order. Immutable.
 *
 * @param id       park id, a topic level and storage tag
 * @param name     display name
 * @param timeZone where days and months begin for this park's reports
 * @param revision the operator's revision label of the file, or empty
 * @param source   the file it was read from, for messages
 */
public record Park(String id, String name, ZoneId timeZone, String revision, String source,
                   Map<String, Enterprise> enterprises, Map<String, Gateway> gateways, Map<String, Meter> meters) {

    public Park {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timeZone, "timeZone");
        enterprises = Collections.unmodifiableMap(new LinkedHashMap<>(enterprises));
        gateways = Collections.unmodifiableMap(new LinkedHashMap<>(gateways));
        meters = Collections.unmodifiableMap(new LinkedHashMap<>(meters));
    }

    public Optional<Meter> meter(String meterId) {
        return Optional.ofNullable(meters.get(meterId));
    }

    public Optional<Enterprise> enterprise(String enterpriseId) {
        return Optional.ofNullable(enterprises.get(enterpriseId));
    }

    public boolean hasGateway(String gatewayId) {
        return gateways.containsKey(gatewayId);
    }
}
