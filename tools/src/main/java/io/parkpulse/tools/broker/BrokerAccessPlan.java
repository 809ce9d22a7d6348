package io.parkpulse.tools.broker;

import io.parkpulse.contract.Channel;
import io.parkpulse.contract.Topics;
import io.parkpulse.park.Gateway;
import io.parkpulse.park.Park;
import io.parkpulse.park.ParkRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may connect to the broker and what each may touch, derived from the park files: one account per
 * gateway confined to its own topics, plus the platform's services. Every rule names a concrete topic
 * except the platform-wide ones of ingest and the dashboard; no {@code pattern} rules, so what a user
 * may do can be read off the ACL file without knowing Mosquitto's substitutions.
 */
public final class BrokerAccessPlan {

    public static final String INGEST_USER = "ingest";
    public static final String DASHBOARD_USER = "dashboard";
    public static final String SIMULATOR_USER = "simulator";
    /** The read-only account a person watches the traffic with (mosquitto_sub), never a service's. */
    public static final String MONITOR_USER = "operator-readonly";
    /** What ingest and the dashboard read their MQTT password from ({@code IngestConfig}, {@code LiveSettings}). */
    public static final String SERVICE_PASSWORD_ENV = "PARKPULSE_MQTT_PASSWORD";
    /** The {@code broker.password_env} of the shipped gateway example. */
    public static final String DEFAULT_GATEWAY_PASSWORD_ENV = "PARKPULSE_GATEWAY_PASSWORD";
    static final String ROLLUPS = io.parkpulse.contract.Topics.LIVE_ROLLUPS;

    private BrokerAccessPlan() {
    }

    /** {@code gw-{park}-{gateway}}. */
    public static String gatewayUser(String park, String gateway) {
        return "gw-" + park + "-" + gateway;
    }

    /**
     * The accounts for every gateway of every park in {@code parks}, ingest and the dashboard, and with
     * {@code withSimulator} one {@code simulator} account that may act as every gateway (a demo feed
     * publishes for a whole park over one connection; never give it to a real park).
     *
     * @throws IllegalArgumentException naming the park and gateway when an id cannot be a Mosquitto user
     *                                  name ({@code :} separates name and hash in the password file) or
     *                                  two gateways would get the same name
     */
    public static List<BrokerUser> users(ParkRegistry parks, boolean withSimulator, String gatewayPasswordEnv) {
        return users(parks, withSimulator, false, gatewayPasswordEnv);
    }

    /**
     * As {@link #users(ParkRegistry, boolean, String)}, and with {@code withMonitor} one {@code operator-readonly}
     * account that may read every park's readings, status, rejections and rollups and publish nothing.
     */
    public static List<BrokerUser> users(ParkRegistry parks, boolean withSimulator, boolean withMonitor, String gatewayPasswordEnv) {
        List<BrokerUser> users = new ArrayList<>();
        users.add(new BrokerUser(INGEST_USER, "ingest", SERVICE_PASSWORD_ENV, ingestRules()));
        users.add(new BrokerUser(DASHBOARD_USER, "dashboard", SERVICE_PASSWORD_ENV, List.of(AclRule.read(ROLLUPS))));
        List<AclRule> simulatorRules = new ArrayList<>();
        Map<String, String> claimedBy = new HashMap<>();
        for (Park park : parks.parks().stream().sorted(Comparator.comparing(Park::id)).toList()) {
            for (Gateway gateway : park.gateways().values().stream().sorted(Comparator.comparing(Gateway::id)).toList()) {
                String name = gatewayUser(park.id(), gateway.id().value());
                String where = "park \"" + park.id() + "\" gateway \"" + gateway.id() + "\"";
                if (name.contains(":")) {
                    throw new IllegalArgumentException(where + ": the MQTT user name " + name
                            + " would contain ':', which Mosquitto's password file cannot hold; rename the park or gateway");
                }
                String earlier = claimedBy.putIfAbsent(name, where);
                if (earlier != null) {
                    throw new IllegalArgumentException(where + " and " + earlier + " would both get the MQTT user name "
                            + name + "; rename one of them");
                }
                List<AclRule> rules = gatewayRules(park.id(), gateway.id().value());
                users.add(new BrokerUser(name, "gateway", gatewayPasswordEnv, rules));
                simulatorRules.addAll(rules);
            }
        }
        if (withSimulator) {
            users.add(new BrokerUser(SIMULATOR_USER, "simulator", SERVICE_PASSWORD_ENV, simulatorRules));
        }
        if (withMonitor) {
            users.add(new BrokerUser(MONITOR_USER, "monitor", SERVICE_PASSWORD_ENV,
                    List.of(AclRule.read(Topics.PREFIX + "#"), AclRule.read("live/v1/#"))));
        }
        return users;
    }

    static List<AclRule> gatewayRules(String park, String gateway) {
        return List.of(AclRule.write(Topics.telemetry(park, gateway)), AclRule.write(Topics.status(park, gateway)),
                AclRule.read(Topics.rejected(park, gateway)), AclRule.read(Topics.ack(park, gateway)));
    }

    /**
     * Mosquitto 2.0.11's acl_file checks read access per message at delivery, against the message's topic
     * (it grants every SUBSCRIBE, {@code $share/ingest/...} included), so these plain filters are what let
     * ingest's shared subscriptions receive — measured by {@code BrokerSecurityIntegrationTest}.
     */
    static List<AclRule> ingestRules() {
        return List.of(
                AclRule.read(Topics.PREFIX + "+/+/telemetry"),
                AclRule.read(Topics.PREFIX + "+/+/status"),
                AclRule.write(Topics.PREFIX + "+/+/rejected"),
                AclRule.write(Topics.allParks(Channel.ACK)),
                AclRule.write(ROLLUPS));
    }
}
