package io.parkpulse.park;

import io.parkpulse.contract.EnterpriseId;
import io.parkpulse.contract.GatewayId;
import io.parkpulse.contract.MeterId;
import io.parkpulse.efficiency.policy.Policy;
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
 * @param policy   how its enterprises' efficiency is measured, compared and classed ({@link Policy#standard()} when
 *                 the file has no {@code policy:} section)
 */
public record Park(String id, String name, ZoneId timeZone, String revision, String source,
                   Map<EnterpriseId, Enterprise> enterprises, Map<GatewayId, Gateway> gateways, Map<MeterId, Meter> meters,
                   Policy policy) {

    /** A park under the standard policy. */
    public Park(String id, String name, ZoneId timeZone, String revision, String source,
                Map<EnterpriseId, Enterprise> enterprises, Map<GatewayId, Gateway> gateways, Map<MeterId, Meter> meters) {
        this(id, name, timeZone, revision, source, enterprises, gateways, meters, Policy.standard());
    }

    public Park {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(policy, "policy");
        enterprises = Collections.unmodifiableMap(new LinkedHashMap<>(enterprises));
        gateways = Collections.unmodifiableMap(new LinkedHashMap<>(gateways));
        meters = Collections.unmodifiableMap(new LinkedHashMap<>(meters));
    }

    public Optional<Meter> meter(MeterId meterId) {
        return Optional.ofNullable(meters.get(meterId));
    }

    public Optional<Enterprise> enterprise(EnterpriseId enterpriseId) {
        return Optional.ofNullable(enterprises.get(enterpriseId));
    }

    public boolean hasGateway(GatewayId gatewayId) {
        return gateways.containsKey(gatewayId);
    }
}
