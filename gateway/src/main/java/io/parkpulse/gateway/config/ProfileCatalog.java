package io.parkpulse.gateway.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Register maps of common meter models, so a device entry says {@code profile: eastron-sdm630} instead of
 * listing registers. Built-in profiles are resources {@code profiles/<name>.yaml} listed in
 * {@code profiles/index.txt}; a site may add its own directory of {@code <name>.yaml} files, which win.
 */
public final class ProfileCatalog {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final Path siteDirectory;

    private ProfileCatalog(Path siteDirectory) {
        this.siteDirectory = siteDirectory;
    }

    public static ProfileCatalog builtIn() {
        return new ProfileCatalog(null);
    }

    /** The built-in profiles plus those in {@code directory}. */
    public static ProfileCatalog withSiteDirectory(Path directory) {
        return new ProfileCatalog(directory);
    }

    /** A profile: its name (for error messages) and YAML text. */
    public record Profile(String name, String text) {
    }

    public Optional<Profile> find(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        if (siteDirectory != null) {
            Path file = siteDirectory.resolve(name + ".yaml");
            if (Files.isReadable(file)) {
                try {
                    return Optional.of(new Profile(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read profile " + file, e);
                }
            }
        }
        return resource("profiles/" + name + ".yaml").map(text -> new Profile("profile " + name, text));
    }

    /** Names of every profile known, for "did you mean" messages. */
    public List<String> names() {
        TreeSet<String> names = new TreeSet<>();
        resource("profiles/index.txt").ifPresent(text -> text.lines().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add));
        if (siteDirectory != null && Files.isDirectory(siteDirectory)) {
            try (var files = Files.list(siteDirectory)) {
                files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                        .forEach(f -> names.add(f.substring(0, f.length() - 5)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list profiles in " + siteDirectory, e);
            }
        }
        return List.copyOf(names);
    }

    private static Optional<String> resource(String path) {
        try (InputStream in = ProfileCatalog.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in " + path, e);
        }
    }
}
