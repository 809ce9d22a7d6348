package io.parkpulse.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Creates and deletes the per-server temporary directories under {@code java.io.tmpdir}. */
final class TempDir {

    private TempDir() {
    }

    /** Creates {@code <java.io.tmpdir>/<prefix>NNN}; the {@link Reaper} deletes it if nobody closes it. */
    static Path create(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix).toAbsolutePath();
            Reaper.watch(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory " + prefix + "*", e);
        }
    }

    /** Deletes the directory tree; a file that cannot be deleted is left behind rather than failing a test's cleanup. */
    static void deleteQuietly(Path dir) {
        Reaper.forget(dir);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            tree.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // a leftover file in java.io.tmpdir is harmless
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // same: cleanup must not mask the test's own outcome
        }
    }
}
