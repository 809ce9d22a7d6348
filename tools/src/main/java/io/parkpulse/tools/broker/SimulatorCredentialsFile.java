package io.parkpulse.tools.broker;

import io.parkpulse.park.Gateway;
import io.parkpulse.park.Park;
import io.parkpulse.park.ParkRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;

/**
 * Every gateway's account in one owner-only YAML file, for a simulator that plays the gateways of a park
 * ({@code parkpulse-simulators run --credentials}): each simulated gateway connects as itself, so the broker's
 * ACL confines it as it would the real one. Demo and tests only; a real gateway gets only its own env file.
 */
final class SimulatorCredentialsFile {

    private SimulatorCredentialsFile() {
    }

    static void write(Path target, ParkRegistry parks, Map<String, String> passwords) {
        StringBuilder yaml = new StringBuilder("""
                # Written by parkpulse-tools broker-config --simulator-credentials: the MQTT account of every gateway,
                # for a simulator that plays them (parkpulse-simulators run --credentials). Plain passwords: keep it
                # owner-only and out of any repository.
                """);
        for (Park park : parks.parks().stream().sorted(Comparator.comparing(Park::id)).toList()) {
            yaml.append(quote(park.id())).append(":\n");
            for (Gateway gateway : park.gateways().values().stream().sorted(Comparator.comparing(Gateway::id)).toList()) {
                String user = BrokerAccessPlan.gatewayUser(park.id(), gateway.id().value());
                yaml.append("  ").append(quote(gateway.id().value())).append(": {username: ").append(quote(user))
                        .append(", password: ").append(quote(passwords.get(user))).append("}\n");
            }
        }
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Credentials.OwnerOnly.writeAtomically(target, yaml.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the simulator's credentials " + target + ": " + e.getMessage(), e);
        }
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
