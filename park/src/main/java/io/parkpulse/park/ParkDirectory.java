package io.parkpulse.park;

import io.parkpulse.config.ConfigFileError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The park files of one directory ({@code *.yaml}, {@code *.yml}), read at start and re-read when
 * they change, so parks are edited without restarting services.
 *
 * <p>At start every file must be valid. On reload a file that became invalid keeps its last good
 * version in force and its problems are returned, so one bad edit never stops a running park.
 *
 * <p>Not thread-safe: call from one thread (it does blocking file I/O); publish the returned
 * {@link ParkRegistry} to other threads.
 */
public final class ParkDirectory {

    /** What a reload found. */
    public record Reload(ParkRegistry registry, List<String> changes, List<ConfigFileError> errors) {
        public boolean changed() {
            return !changes.isEmpty();
        }
    }

    private record Loaded(long modified, long size, Park park) {
    }

    private final Path directory;
    private final ParkFileReader reader = new ParkFileReader();
    private final Map<Path, Loaded> loaded = new LinkedHashMap<>();
    private ParkRegistry registry;

    public ParkDirectory(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    public Path directory() {
        return directory;
    }

    /**
     * Reads every park file.
     *
     * @throws InvalidParkFileException listing every problem in every file, or naming the directory
     *                                  when it holds no park files
     */
    public ParkRegistry load() {
        List<ConfigFileError> errors = new ArrayList<>();
        Map<Path, Loaded> fresh = new LinkedHashMap<>();
        for (Path file : parkFiles()) {
            try {
                fresh.put(file, readFile(file));
            } catch (InvalidParkFileException e) {
                errors.addAll(e.errors());
            }
        }
        if (fresh.isEmpty() && errors.isEmpty()) {
            errors.add(new ConfigFileError(directory.toString(), 0, 0, "", "no park files (*.yaml) in this directory"));
        }
        errors.addAll(duplicateParkIds(fresh));
        if (!errors.isEmpty()) {
            throw new InvalidParkFileException(errors);
        }
        loaded.clear();
        loaded.putAll(fresh);
        registry = new ParkRegistry(fresh.values().stream().map(Loaded::park).toList());
        return registry;
    }

    /** Re-reads files that were added, changed or removed since the last load or reload. */
    public Reload reload() {
        if (registry == null) {
            throw new IllegalStateException("load() first");
        }
        List<String> changes = new ArrayList<>();
        List<ConfigFileError> errors = new ArrayList<>();
        Map<Path, Loaded> next = new LinkedHashMap<>();
        List<Path> files = parkFiles();
        for (Path file : files) {
            Loaded previous = loaded.get(file);
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (IOException e) {
                if (previous != null) {
                    next.put(file, previous);
                }
                continue;
            }
            if (previous != null && previous.modified == attributes.lastModifiedTime().toMillis() && previous.size == attributes.size()) {
                next.put(file, previous);
                continue;
            }
            try {
                Loaded fresh = readFile(file);
                next.put(file, fresh);
                changes.add((previous == null ? "added " : "updated ") + file.getFileName() + " (park " + fresh.park.id()
                        + (fresh.park.revision().isEmpty() ? "" : ", revision " + fresh.park.revision()) + ")");
            } catch (InvalidParkFileException e) {
                errors.addAll(e.errors());
                if (previous != null) {
                    next.put(file, previous);
                }
            }
        }
        for (Map.Entry<Path, Loaded> gone : loaded.entrySet()) {
            if (!files.contains(gone.getKey())) {
                changes.add("removed " + gone.getKey().getFileName() + " (park " + gone.getValue().park.id() + ")");
            }
        }
        List<ConfigFileError> duplicates = duplicateParkIds(next);
        if (!duplicates.isEmpty()) {
            // a second file claiming a park must not replace the first: keep everything as it was
            return new Reload(registry, List.of(), concat(errors, duplicates));
        }
        if (!changes.isEmpty()) {
            loaded.clear();
            loaded.putAll(next);
            registry = new ParkRegistry(next.values().stream().map(Loaded::park).toList());
        }
        return new Reload(registry, changes, errors);
    }

    private Loaded readFile(Path file) {
        try {
            BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
            Park park = reader.read(file);
            return new Loaded(before.lastModifiedTime().toMillis(), before.size(), park);
        } catch (IOException e) {
            throw new InvalidParkFileException(List.of(new ConfigFileError(file.toString(), 0, 0, "", "cannot read the file: " + e)));
        }
    }

    private List<Path> parkFiles() {
        if (!Files.isDirectory(directory)) {
            throw new InvalidParkFileException(List.of(new ConfigFileError(directory.toString(), 0, 0, "",
                    "the park directory does not exist")));
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> {
                String n = p.getFileName().toString();
                return (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.startsWith(".") && Files.isRegularFile(p);
            }).sorted().toList();
        } catch (IOException e) {
            throw new InvalidParkFileException(List.of(new ConfigFileError(directory.toString(), 0, 0, "", "cannot list: " + e)));
        }
    }

    private static List<ConfigFileError> duplicateParkIds(Map<Path, Loaded> files) {
        Map<String, Path> firstFile = new HashMap<>();
        List<ConfigFileError> errors = new ArrayList<>();
        for (Map.Entry<Path, Loaded> e : files.entrySet()) {
            Path earlier = firstFile.putIfAbsent(e.getValue().park.id(), e.getKey());
            if (earlier != null) {
                errors.add(new ConfigFileError(e.getKey().toString(), 0, 0, "park.id", "park \"" + e.getValue().park.id()
                        + "\" is already declared in " + earlier.getFileName() + "; one file per park"));
            }
        }
        return errors;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
