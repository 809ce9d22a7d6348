package io.parkpulse.simulators.mqtt;

import io.parkpulse.config.ConfigFileError;
import io.parkpulse.config.InvalidConfigException;
import io.parkpulse.config.YamlMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The MQTT account of each gateway a simulator plays, so that every simulated gateway connects as itself and
 * the broker's ACL confines it to its own topics, as it does a real gateway. Read from the YAML file
 * {@code parkpulse-tools broker-config --simulator-credentials} writes:
 * <pre>
 * demo-park:
 *   gw-north: {username: gw-demo-park-gw-north, password: "…"}
 * </pre>
 */
public final class GatewayAccounts {

    private static final int MAX_CHARS = 1_000_000;

    /** One gateway's user name and password. */
    public record Account(String username, String password) {
        @Override
        public String toString() {
            return "Account[" + username + "]";
        }
    }

    private final String file;
    private final Map<String, Map<String, Account>> byPark;

    private GatewayAccounts(String file, Map<String, Map<String, Account>> byPark) {
        this.file = file;
        this.byPark = byPark;
    }

    /** @throws InvalidConfigException naming every problem by line and field */
    public static GatewayAccounts read(Path path) {
        String name = path.toString();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gateway credentials " + name + ": " + e.getMessage(), e);
        }
        List<ConfigFileError> errors = new ArrayList<>();
        YamlMapping.Problems problems = YamlMapping.collecting(name, errors);
        Map<String, Map<String, Account>> byPark = new LinkedHashMap<>();
        Node root = YamlMapping.compose(name, text, MAX_CHARS, errors);
        YamlMapping parks = root == null ? null : YamlMapping.of(root, "", problems);
        if (parks != null) {
            for (String park : parks.keys()) {
                YamlMapping gateways = YamlMapping.of(parks.get(park), park, problems);
                if (gateways == null) {
                    continue;
                }
                Map<String, Account> accounts = new LinkedHashMap<>();
                for (String gateway : gateways.keys()) {
                    YamlMapping account = YamlMapping.of(gateways.get(gateway), gateways.child(gateway), problems);
                    if (account == null) {
                        continue;
                    }
                    account.allowOnly(List.of("username", "password"));
                    String username = account.requiredText("username");
                    String password = account.requiredText("password");
                    if (username != null && password != null) {
                        accounts.put(gateway, new Account(username, password));
                    }
                }
                byPark.put(park, accounts);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidConfigException("the gateway credentials", errors);
        }
        return new GatewayAccounts(name, byPark);
    }

    /** @throws IllegalArgumentException naming the file, park and gateway when the file has no account for it */
    public Account of(String park, String gateway) {
        Map<String, Account> accounts = byPark.get(park);
        if (accounts == null) {
            throw new IllegalArgumentException(file + ": no accounts for park " + park + "; it has parks " + byPark.keySet()
                    + " (generate it again with parkpulse-tools broker-config --simulator-credentials)");
        }
        Account account = accounts.get(gateway);
        if (account == null) {
            throw new IllegalArgumentException(file + ": park " + park + " has no account for gateway " + gateway + "; it has "
                    + accounts.keySet() + " (generate it again with parkpulse-tools broker-config --simulator-credentials)");
        }
        return account;
    }
}
