package io.parkpulse.config;

import java.io.StringReader;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed, position-aware access to a YAML mapping, for every ParkPulse YAML file (park files, gateway configurations, users and tokens files). Every problem is
 * reported to the sink with the node's line and column and the field's path; the accessors then
 * return {@code null} so reading can go on and collect the other problems too.
 */
public final class YamlMapping {

    /** Receives problems; knows the file name. */
    public interface Problems {
        void at(Node node, String field, String message);
    }

    /** Passes problems on and counts them, so a reader can tell whether its part was clean. */
    public static final class CountingProblems implements Problems {
        private final Problems sink;
        private int count;

        public CountingProblems(Problems sink) {
            this.sink = sink;
        }

        @Override
        public void at(Node node, String field, String message) {
            count++;
            sink.at(node, field, message);
        }

        public int count() {
            return count;
        }
    }

    private final Node node;
    private final String path;
    private final Problems problems;
    private final Map<String, Node> values = new LinkedHashMap<>();

    private YamlMapping(Node node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** The mapping at {@code node}, or {@code null} (reported) when it is not one. */
    public static YamlMapping of(Node node, String path, Problems problems) {
        if (!(node instanceof MappingNode mapping)) {
            problems.at(node, path, "must be a mapping of key: value, got " + describe(node));
            return null;
        }
        YamlMapping result = new YamlMapping(node, path, problems);
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problems.at(tuple.getKeyNode(), path, "keys must be plain text");
                continue;
            }
            if (result.values.containsKey(key.getValue())) {
                problems.at(key, result.child(key.getValue()), "appears twice; keep one");
                continue;
            }
            result.values.put(key.getValue(), tuple.getValueNode());
        }
        return result;
    }

    /** A problem sink that collects {@link ConfigFileError}s of file {@code name}, with line and column. */
    public static Problems collecting(String name, List<ConfigFileError> errors) {
        return (node, field, message) -> {
            Mark mark = node == null ? null : node.getStartMark();
            errors.add(new ConfigFileError(name, mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
                    field, message));
        };
    }

    /**
     * The YAML node tree of {@code text}, or {@code null} with the reason added to {@code errors}: not YAML,
     * empty, duplicate keys, alias bombs, larger than {@code maxChars}.
     */
    public static Node compose(String name, String text, int maxChars, List<ConfigFileError> errors) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(20);
            options.setCodePointLimit(maxChars);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            errors.add(new ConfigFileError(name, mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1, "", "not valid YAML: " + e.getProblem()));
            return null;
        } catch (YAMLException e) {
            errors.add(new ConfigFileError(name, 0, 0, "", "not valid YAML: " + e.getMessage()));
            return null;
        }
        if (root == null) {
            errors.add(new ConfigFileError(name, 0, 0, "", "the file is empty"));
        }
        return root;
    }

    /** Each element of the sequence at {@code node}, with its path; reports anything that is not a sequence. */
    public static void eachElement(Node node, String path, Problems problems, ElementReader reader) {
        if (node == null) {
            return;
        }
        if (!(node instanceof SequenceNode sequence)) {
            problems.at(node, path, "must be a list (lines starting with \"- \"), got " + describe(node));
            return;
        }
        List<Node> elements = sequence.getValue();
        for (int i = 0; i < elements.size(); i++) {
            reader.read(elements.get(i), path + "[" + i + "]");
        }
    }

    public interface ElementReader {
        void read(Node element, String path);
    }

    public String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Reports keys outside {@code allowed}, suggesting the nearest allowed one. */
    public void allowOnly(Collection<String> allowed) {
        for (Map.Entry<String, Node> e : values.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                String hint = nearest(e.getKey(), allowed);
                problems.at(e.getValue(), child(e.getKey()), "unknown key"
                        + (hint == null ? "" : "; did you mean \"" + hint + "\"?")
                        + " (allowed: " + String.join(", ", allowed) + ")");
            }
        }
    }

    /** The keys of this mapping, in file order. */
    public java.util.Set<String> keys() {
        return values.keySet();
    }

    /** Text of a scalar that is not under a key (a list element); {@code null} when it is not text (reported). */
    public static String textOf(Node node, String path, Problems problems) {
        return new YamlMapping(node, path, problems).text(node, path);
    }

    /** A number that is not under a key; {@code null} when it is not one or breaks {@code rule} (reported). */
    public static Double numberOf(Node node, String path, Problems problems, NumberRule rule) {
        return new YamlMapping(node, path, problems).number(node, path, rule);
    }

    /** The number under {@code key}, checked by {@code rule}; {@code null} when wrong (reported). */
    public Double numberAt(String key, NumberRule rule) {
        return number(values.get(key), child(key), rule);
    }

    public Node get(String key) {
        return values.get(key);
    }

    public boolean has(String key) {
        return values.containsKey(key) && !isNull(values.get(key));
    }

    /** The value at {@code key}; reports it missing when absent or null. */
    public Node require(String key) {
        Node value = values.get(key);
        if (value == null || isNull(value)) {
            problems.at(value == null ? node : value, child(key), "is required");
            return null;
        }
        return value;
    }

    public String requiredText(String key) {
        Node value = require(key);
        return value == null ? null : text(value, child(key));
    }

    public String optionalText(String key, String fallback) {
        if (!has(key)) {
            return fallback;
        }
        String text = text(values.get(key), child(key));
        return text == null ? fallback : text;
    }

    /** A number at {@code key} checked by {@code rule}; {@code fallback} when absent. */
    public Double optionalNumber(String key, Double fallback, NumberRule rule) {
        if (!has(key)) {
            return fallback;
        }
        return number(values.get(key), child(key), rule);
    }

    public Double requiredNumber(String key, NumberRule rule) {
        Node value = require(key);
        return value == null ? null : number(value, child(key), rule);
    }

    /** Checks a number and says what is wrong with it, or returns null when it is fine. */
    public interface NumberRule {
        String problem(double value);
    }

    public static final NumberRule POSITIVE = v -> v > 0 ? null : "must be greater than 0";
    public static final NumberRule NOT_NEGATIVE = v -> v >= 0 ? null : "must not be negative";

    private Double number(Node value, String field, NumberRule rule) {
        if (!(value instanceof ScalarNode scalar)) {
            problems.at(value, field, "must be a number, got " + describe(value));
            return null;
        }
        if (scalar.getValue().toLowerCase(java.util.Locale.ROOT).matches("[-+]?\\.(inf|nan)")) {
            problems.at(value, field, "must be a finite number, got " + scalar.getValue());
            return null;
        }
        double parsed;
        try {
            parsed = Double.parseDouble(scalar.getValue().replace("_", ""));
        } catch (NumberFormatException e) {
            problems.at(value, field, "must be a number, got \"" + scalar.getValue() + "\"");
            return null;
        }
        if (!Double.isFinite(parsed)) {
            problems.at(value, field, "must be a finite number, got " + scalar.getValue());
            return null;
        }
        String problem = rule.problem(parsed);
        if (problem != null) {
            problems.at(value, field, problem + ", got " + scalar.getValue());
            return null;
        }
        return parsed;
    }

    private String text(Node value, String field) {
        if (!(value instanceof ScalarNode scalar)) {
            problems.at(value, field, "must be text, got " + describe(value));
            return null;
        }
        String text = scalar.getValue().trim();
        if (text.isEmpty()) {
            problems.at(value, field, "must not be empty");
            return null;
        }
        return text;
    }

    /** Reads the value at {@code key} through {@code parser}, reporting its IllegalArgumentException text. */
    public <T> T parsed(String key, Parser<T> parser, boolean required, T fallback) {
        if (!has(key)) {
            if (required) {
                require(key);
                return null;
            }
            return fallback;
        }
        String text = text(values.get(key), child(key));
        if (text == null) {
            return null;
        }
        try {
            return parser.parse(text);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            problems.at(values.get(key), child(key), e.getMessage());
            return null;
        }
    }

    public interface Parser<T> {
        T parse(String text);
    }

    public static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    public static String describe(Node node) {
        if (node == null) {
            return "nothing";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(node)) {
            return "nothing (null)";
        }
        return "\"" + ((ScalarNode) node).getValue() + "\"";
    }

    /** The allowed key closest to {@code key} by edit distance, when it is close enough to be a typo. */
    public static String nearest(String key, Collection<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            int d = editDistance(key.toLowerCase(), candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 4) ? best : null;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

}
