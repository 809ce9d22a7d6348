package io.parkpulse.testkit.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A Dockerfile read with a small line parser: comments and line continuations as the builder treats them,
 * instructions grouped by stage. Enough to check the instructions this project uses without a Docker engine.
 */
final class Dockerfile {

    static final Set<String> KNOWN = Set.of("FROM", "RUN", "COPY", "ENV", "ARG", "USER", "WORKDIR", "EXPOSE",
            "HEALTHCHECK", "ENTRYPOINT", "CMD", "LABEL", "VOLUME", "STOPSIGNAL", "SHELL");

    /** One instruction: keyword in upper case, its arguments, and the line it starts on (1-based). */
    record Instruction(String keyword, String arguments, int line) {
    }

    /** A build stage: its base image, its name (or null) and its instructions after FROM. */
    record Stage(String base, String name, int line, List<Instruction> instructions) {

        List<Instruction> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
        }
    }

    final Path file;
    final List<Instruction> instructions;

    private Dockerfile(Path file, List<Instruction> instructions) {
        this.file = file;
        this.instructions = instructions;
    }

    static Dockerfile read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Instruction> out = new ArrayList<>();
        StringBuilder current = null;
        int start = 0;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current == null)) {
                continue; // comments (parser directives too) and blank lines; a comment inside a continuation is skipped as by the builder
            }
            boolean continues = trimmed.endsWith("\\");
            String text = continues ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed;
            if (current == null) {
                current = new StringBuilder(text);
                start = n + 1;
            } else {
                current.append(' ').append(text);
            }
            if (!continues) {
                out.add(instruction(file, current.toString(), start));
                current = null;
            }
        }
        if (current != null) {
            throw new IllegalArgumentException(file + ":" + start + ": the last instruction ends with a line continuation");
        }
        return new Dockerfile(file, out);
    }

    private static Instruction instruction(Path file, String text, int line) {
        int space = text.indexOf(' ');
        String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
        String arguments = space < 0 ? "" : text.substring(space + 1).strip();
        if (!KNOWN.contains(keyword)) {
            throw new IllegalArgumentException(file + ":" + line + ": unknown instruction " + keyword);
        }
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException(file + ":" + line + ": " + keyword + " without arguments");
        }
        return new Instruction(keyword, arguments, line);
    }

    /** The stages by name (unnamed stages by their index), in order. */
    Map<String, Stage> stages() {
        Map<String, Stage> stages = new LinkedHashMap<>();
        Stage current = null;
        for (Instruction i : instructions) {
            if (i.keyword().equals("FROM")) {
                String[] words = i.arguments().split("\\s+");
                String name = words.length == 3 && words[1].equalsIgnoreCase("AS") ? words[2] : null;
                if (words.length != 1 && name == null) {
                    throw new IllegalArgumentException(file + ":" + i.line() + ": FROM must be `FROM image[:tag] [AS name]`");
                }
                current = new Stage(words[0], name, i.line(), new ArrayList<>());
                stages.put(name != null ? name : String.valueOf(stages.size()), current);
            } else if (current == null) {
                throw new IllegalArgumentException(file + ":" + i.line() + ": " + i.keyword() + " before the first FROM");
            } else {
                current.instructions().add(i);
            }
        }
        return stages;
    }

    /**
     * The stage's instructions including those of the stages it is built FROM, base first: what a target
     * inherits (USER, HEALTHCHECK, ENV) comes from there.
     */
    List<Instruction> effective(String stageName) {
        Map<String, Stage> stages = stages();
        Stage stage = stages.get(stageName);
        if (stage == null) {
            throw new IllegalArgumentException(file + ": no stage named " + stageName);
        }
        List<Instruction> own = new ArrayList<>(stage.instructions());
        if (stages.containsKey(stage.base()) && !stage.base().equals(stageName)) {
            List<Instruction> inherited = new ArrayList<>(effective(stage.base()));
            inherited.addAll(own);
            return inherited;
        }
        return own;
    }
}
