package io.parkpulse.dashboard.auth;

import io.parkpulse.config.ConfigFileError;
import io.parkpulse.config.YamlMapping;
import io.parkpulse.contract.Ids;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The accounts that may log in, from the users file ({@code PARKPULSE_API_USERS_FILE}, docs/accounts.md): username,
 * role, parks or park and enterprise, and an Argon2id password hash. Immutable; read it again to pick up changes.
 */
public final class Users {

    /** Letters, digits and {@code . _ @ -}: a name that is safe in logs, JSON and token claims. */
    public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    static final int MAX_FILE_CHARS = 4 * 1024 * 1024;
    private static final List<String> KEYS = List.of("username", "name", "role", "parks", "park", "enterprise", "password_hash");

    /**
     * Checked against when the username is unknown, so that a wrong username costs the same time as a wrong password
     * and the answer's timing does not tell which accounts exist. The hash of random bytes made at start: no text in
     * the code matches it.
     */
    private static final String DECOY = new PasswordHasher().hash(randomText());

    private final Map<String, User> byName;

    private static String randomText() {
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private Users(Map<String, User> byName) {
        this.byName = Map.copyOf(byName);
    }

    public static Users of(List<User> users) {
        Map<String, User> byName = new LinkedHashMap<>();
        for (User u : users) {
            if (byName.putIfAbsent(u.username(), u) != null) {
                throw new IllegalArgumentException("user " + u.username() + " is listed twice");
            }
        }
        return new Users(byName);
    }

    public Optional<User> find(String username) {
        return Optional.ofNullable(username == null ? null : byName.get(username));
    }

    public int size() {
        return byName.size();
    }

    /**
     * The user whose username and password these are, or empty; the same Argon2id work either way. Slow (tens of
     * milliseconds) by design: call it off the event loop.
     */
    public Optional<User> authenticate(String username, CharSequence password) {
        User user = find(username).orElse(null);
        boolean matches = PasswordHasher.verify(password == null ? "" : password, user == null ? DECOY : user.passwordHash());
        return matches && user != null ? Optional.of(user) : Optional.empty();
    }

    /**
     * Reads a users file.
     *
     * @throws IllegalArgumentException listing every problem as {@code file:line:column: field: message}
     */
    public static Users read(Path file) {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the users file " + file + ": " + e.getMessage());
        }
        return parse(name, text);
    }

    /** Reads users file text; {@code name} is used in error messages. */
    public static Users parse(String name, String text) {
        List<ConfigFileError> errors = new ArrayList<>();
        Node root = YamlMapping.compose(name, text, MAX_FILE_CHARS, errors);
        Map<String, User> byName = new LinkedHashMap<>();
        if (root != null) {
            YamlMapping.Problems problems = YamlMapping.collecting(name, errors);
            YamlMapping top = YamlMapping.of(root, "", problems);
            if (top != null) {
                top.allowOnly(List.of("users"));
                YamlMapping.eachElement(top.require("users"), "users", problems, (element, at) -> {
                    User user = user(element, at, problems);
                    if (user != null && byName.putIfAbsent(user.username(), user) != null) {
                        problems.at(element, at + ".username", "\"" + user.username() + "\" is listed twice");
                    }
                });
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.size() + (errors.size() == 1 ? " problem" : " problems")
                    + " in the users file:\n" + errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n")));
        }
        return new Users(byName);
    }

    private static User user(Node node, String path, YamlMapping.Problems sink) {
        YamlMapping.CountingProblems problems = new YamlMapping.CountingProblems(sink);
        YamlMapping u = YamlMapping.of(node, path, problems);
        if (u == null) {
            return null;
        }
        u.allowOnly(KEYS);
        String username = u.requiredText("username");
        if (username != null && !USERNAME.matcher(username).matches()) {
            problems.at(u.get("username"), u.child("username"), "must be 1 to 64 letters, digits or . _ @ -, starting with a letter or digit");
        }
        String display = u.optionalText("name", username);
        String roleText = u.requiredText("role");
        Caller.Role role = roleText == null ? null : Caller.Role.byId(roleText);
        if (roleText != null && role == null) {
            problems.at(u.get("role"), u.child("role"), "must be admin, operator or enterprise, got \"" + roleText + "\"");
        }
        String hash = u.requiredText("password_hash");
        String hashProblem = hash == null ? null : PasswordHasher.problem(hash);
        if (hashProblem != null) {
            problems.at(u.get("password_hash"), u.child("password_hash"), hashProblem); // the value itself is never echoed
        }
        List<String> parks = new ArrayList<>();
        String park = null;
        String enterprise = null;
        if (role == Caller.Role.OPERATOR) {
            YamlMapping.eachElement(u.require("parks"), u.child("parks"), problems, (element, at) -> {
                String id = YamlMapping.textOf(element, at, problems);
                if (id != null && !id.equals(Caller.ANY_PARK) && !Ids.isValid(id)) {
                    problems.at(element, at, "must be a park id or *");
                } else if (id != null) {
                    parks.add(id);
                }
            });
            if (u.has("parks") && parks.isEmpty() && problems.count() == 0) {
                problems.at(u.get("parks"), u.child("parks"), "lists no park; an operator reads at least one (* for every park)");
            }
            notAllowed(u, problems, "park", "an operator lists its parks under parks:");
            notAllowed(u, problems, "enterprise", "an operator sees whole parks; leave enterprise out");
        } else if (role == Caller.Role.ENTERPRISE) {
            park = u.requiredText("park");
            if (park != null && !Ids.isValid(park)) {
                problems.at(u.get("park"), u.child("park"), "must be a park id");
            }
            enterprise = u.requiredText("enterprise");
            if (enterprise != null && !Ids.isValid(enterprise)) {
                problems.at(u.get("enterprise"), u.child("enterprise"), "must be an enterprise id");
            }
            notAllowed(u, problems, "parks", "an enterprise belongs to one park; write park:");
        } else if (role == Caller.Role.ADMIN) {
            notAllowed(u, problems, "parks", "an administrator reads every park");
            notAllowed(u, problems, "park", "an administrator reads every park");
            notAllowed(u, problems, "enterprise", "an administrator sees whole parks");
        }
        if (problems.count() > 0 || username == null || role == null) {
            return null;
        }
        Caller access = switch (role) {
            case ADMIN -> Caller.admin(username);
            case OPERATOR -> Caller.operator(username, parks);
            case ENTERPRISE -> Caller.enterprise(username, park, enterprise);
        };
        return new User(username, display, access, hash);
    }

    private static void notAllowed(YamlMapping u, YamlMapping.Problems problems, String key, String why) {
        if (u.has(key)) {
            problems.at(u.get(key), u.child(key), why);
        }
    }

    @Override
    public String toString() {
        return "Users" + byName.values();
    }
}
