package io.parkpulse.park;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkpulse.contract.MeterId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParkDirectoryTest {

    @TempDir
    Path dir;

    static String park(String id, String meter) {
        return ParkFileReaderTest.VALID.replace("id: p1", "id: " + id).replace("id: E-1", "id: " + meter);
    }

    /** Writes a file and moves its modification time on, so a reload within the same millisecond still sees the change. */
    void write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        long before = Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() : 0;
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Math.max(before + 1000, System.currentTimeMillis())));
    }

    @Test
    void loadsEveryParkFile() throws IOException {
        write("a.yaml", park("park-a", "E-1"));
        write("b.yml", park("park-b", "E-2"));
        write("notes.txt", "not a park");

        ParkRegistry registry = new ParkDirectory(dir).load();

        assertThat(registry.parks()).extracting(Park::id).containsExactly("park-a", "park-b");
        assertThat(registry.meterCount()).isEqualTo(2);
    }

    @Test
    void refusesToStartWithAnInvalidFile() throws IOException {
        write("a.yaml", park("park-a", "E-1"));
        write("b.yaml", park("park-b", "E-2").replace("kind: electricity", "kind: x"));

        assertThatThrownBy(() -> new ParkDirectory(dir).load())
                .isInstanceOf(InvalidParkFileException.class)
                .hasMessageContaining("b.yaml:15:11: meters[0].kind");
    }

    @Test
    void refusesAnEmptyOrMissingDirectory() {
        assertThatThrownBy(() -> new ParkDirectory(dir).load()).hasMessageContaining("no park files");
        assertThatThrownBy(() -> new ParkDirectory(dir.resolve("missing")).load()).hasMessageContaining("does not exist");
    }

    @Test
    void refusesTwoFilesForOnePark() throws IOException {
        write("a.yaml", park("same", "E-1"));
        write("b.yaml", park("same", "E-2"));
        assertThatThrownBy(() -> new ParkDirectory(dir).load()).hasMessageContaining("park \"same\" is already declared in a.yaml");
    }

    @Test
    void reloadPicksUpAddedChangedAndRemovedFiles() throws IOException {
        write("a.yaml", park("park-a", "E-1"));
        write("b.yaml", park("park-b", "E-2"));
        ParkDirectory directory = new ParkDirectory(dir);
        directory.load();

        assertThat(directory.reload().changed()).isFalse();

        write("a.yaml", park("park-a", "E-9"));
        write("c.yaml", park("park-c", "E-3"));
        Files.delete(dir.resolve("b.yaml"));
        ParkDirectory.Reload reload = directory.reload();

        assertThat(reload.errors()).isEmpty();
        assertThat(reload.changes()).containsExactlyInAnyOrder("updated a.yaml (park park-a)", "added c.yaml (park park-c)",
                "removed b.yaml (park park-b)");
        assertThat(reload.registry().parks()).extracting(Park::id).containsExactly("park-a", "park-c");
        assertThat(reload.registry().park("park-a").orElseThrow().meter(MeterId.of("E-9"))).isPresent();
    }

    @Test
    void aBadEditKeepsTheLastGoodVersionInForce() throws IOException {
        write("a.yaml", park("park-a", "E-1"));
        ParkDirectory directory = new ParkDirectory(dir);
        ParkRegistry before = directory.load();

        write("a.yaml", park("park-a", "E-1").replace("ct_ratio: 40", "ct_ratio: -40"));
        ParkDirectory.Reload reload = directory.reload();

        assertThat(reload.changed()).isFalse();
        assertThat(reload.errors()).singleElement().asString().contains("a.yaml:18:15: meters[0].ct_ratio: must be greater than 0");
        assertThat(reload.registry()).isSameAs(before);

        write("a.yaml", park("park-a", "E-7"));
        assertThat(directory.reload().registry().park("park-a").orElseThrow().meter(MeterId.of("E-7"))).isPresent();
    }

    @Test
    void aSecondFileClaimingAParkChangesNothing() throws IOException {
        write("a.yaml", park("park-a", "E-1"));
        ParkDirectory directory = new ParkDirectory(dir);
        ParkRegistry before = directory.load();

        write("z.yaml", park("park-a", "E-2"));
        ParkDirectory.Reload reload = directory.reload();

        assertThat(reload.registry()).isSameAs(before);
        assertThat(reload.errors()).singleElement().asString().contains("already declared in a.yaml");
    }
}
