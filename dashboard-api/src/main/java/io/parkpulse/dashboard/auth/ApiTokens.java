package io.parkpulse.dashboard.auth;

import io.parkpulse.contract.Ids;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The API's bearer tokens, known only by their SHA-256: the file (docs/dashboard-api.md#tokens) never holds a token
 * itself, so it can be read by operations staff and copied between machines without handing out access.
 */
public final class ApiTokens {

    private final Map<String, Caller> byHash;

    private ApiTokens(Map<String, Caller> byHash) {
        this.byHash = Map.copyOf(byHash);
    }

    /** The caller a presented token stands for. */
    public Optional<Caller> caller(String token) {
        if (token == null || token.length() < 16 || token.length() > 256) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(sha256(token)));
    }

    public int size() {
        return byHash.size();
    }

    /** Hex SHA-256 of a token, as the tokens file stores it. */
    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    public static ApiTokens of(Map<String, Caller> byHash) {
        return new ApiTokens(byHash);
    }

    /**
     * Reads a tokens file: {@code tokens:} a list of {@code {name, sha256, role: admin|operator|enterprise, park (or
     * parks: [..] for an operator of several), enterprise}}.
     *
     * @throws IllegalArgumentException listing every problem with its entry
     */
    public static ApiTokens read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the API tokens file " + file + ": " + e.getMessage());
        }
        Object root;
        try {
            root = new Yaml(new LoaderOptions()).load(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("tokens") instanceof List<?> entries)) {
            throw new IllegalArgumentException(file + ": expected \"tokens:\" with a list of tokens");
        }
        Map<String, Caller> byHash = new ConcurrentHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = file + ": tokens[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> e)) {
                problems.add(where + ": must be a mapping");
                continue;
            }
            String name = text(e.get("name"));
            String hash = text(e.get("sha256"));
            String role = text(e.get("role"));
            List<String> parks = parks(e.get("park"), e.get("parks"));
            String enterprise = text(e.get("enterprise"));
            int before = problems.size();
            if (name == null) {
                problems.add(where + ".name: required");
            }
            if (hash == null || !hash.matches("[0-9a-f]{64}")) {
                problems.add(where + ".sha256: required, the 64 lowercase hex digits of the token's SHA-256 "
                        + "(printf %s \"$TOKEN\" | sha256sum)");
            } else if (byHash.containsKey(hash)) {
                problems.add(where + ".sha256: the same token is listed twice");
            }
            Caller.Role r = Caller.Role.byId(role);
            if (r != Caller.Role.ADMIN && (parks == null || parks.isEmpty()
                    || !parks.stream().allMatch(p -> p.equals(Caller.ANY_PARK) || Ids.isValid(p)))) {
                problems.add(where + ".park: required, a park id or * (an operator may list several under parks:)");
            }
            if (r == null) {
                problems.add(where + ".role: must be operator or enterprise, or admin for every park");
            } else if (r == Caller.Role.ENTERPRISE && (enterprise == null || !Ids.isValid(enterprise))) {
                problems.add(where + ".enterprise: required for the enterprise role, an enterprise id");
            } else if (r == Caller.Role.ENTERPRISE && parks != null && (parks.size() != 1 || parks.contains(Caller.ANY_PARK))) {
                problems.add(where + ".park: an enterprise belongs to one park");
            } else if (r != Caller.Role.ENTERPRISE && enterprise != null) {
                problems.add(where + ".enterprise: an operator sees the whole park; leave enterprise out");
            } else if (r == Caller.Role.ADMIN && parks != null && !parks.equals(List.of(Caller.ANY_PARK))) {
                problems.add(where + ".park: an administrator reads every park; leave park out or write *");
            }
            if (problems.size() == before) {
                byHash.put(hash, switch (r) {
                    case ADMIN -> Caller.admin(name);
                    case OPERATOR -> Caller.operator(name, parks);
                    case ENTERPRISE -> Caller.enterprise(name, parks.get(0), enterprise);
                });
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new ApiTokens(byHash);
    }

    /** {@code park: id} or {@code parks: [ids]}; {@code null} when neither is given. */
    private static List<String> parks(Object one, Object several) {
        if (several instanceof List<?> list) {
            return list.stream().map(ApiTokens::text).map(t -> t == null ? "" : t).toList();
        }
        String park = text(several != null ? several : one);
        return park == null ? null : List.of(park);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString().trim().isEmpty() ? null : value.toString().trim();
    }
}
