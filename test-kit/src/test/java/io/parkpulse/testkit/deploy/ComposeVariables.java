package io.parkpulse.testkit.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose's variable interpolation, as far as this project uses it: {@code $$} is a literal dollar,
 * {@code ${NAME}}, {@code ${NAME:-default}} and {@code ${NAME:?message}} read the environment (here: an
 * env file). Bare {@code $NAME} is refused so every reference is visible in one form.
 */
final class ComposeVariables {

    /** One reference: the variable, its default (null when none) and whether it is required. */
    record Reference(String name, String defaultValue, boolean required) {
    }

    private static final Pattern REFERENCE = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:-|:\\?)([^}]*))?}|\\$([A-Za-z_{])");

    private ComposeVariables() {
    }

    /** The references in one string; a bare $NAME or an unclosed ${ is an error naming where. */
    static List<Reference> references(String value, String where) {
        List<Reference> found = new java.util.ArrayList<>();
        Matcher m = REFERENCE.matcher(value);
        while (m.find()) {
            if (m.group().equals("$$")) {
                continue;
            }
            if (m.group(4) != null) {
                throw new IllegalArgumentException(where + ": `" + value + "` has a bare or malformed $ reference; write ${NAME} or $$ for a literal $");
            }
            String operator = m.group(2);
            found.add(new Reference(m.group(1), ":-".equals(operator) ? m.group(3) : null, ":?".equals(operator)));
        }
        return found;
    }

    /** The value with every reference replaced from env (its default when absent) and $$ made $. */
    static String interpolate(String value, Map<String, String> env) {
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) {
                replacement = "$";
            } else {
                String set = env.get(m.group(1));
                replacement = set != null && !set.isEmpty() ? set : ":-".equals(m.group(2)) ? m.group(3) : "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** An env file as Compose reads it: NAME=value lines, # comments, surrounding quotes removed. */
    static Map<String, String> readEnvFile(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(file + ":" + (n + 1) + ": expected NAME=value, got `" + line + "`");
            }
            String name = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            if (env.put(name, value) != null) {
                throw new IllegalArgumentException(file + ":" + (n + 1) + ": " + name + " is set twice");
            }
        }
        return env;
    }
}
