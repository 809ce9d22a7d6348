package io.parkpulse.ingest.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Park files for tests. */
public final class TestParks {

    private TestParks() {
    }

    /** Writes a park with one enterprise, one gateway {@code gw-1} and meters {@code E-0000 .. E-(n-1)}. */
    public static Path writeLoadPark(Path directory, String parkId, int meters) throws IOException {
        StringBuilder yaml = new StringBuilder("""
                schema_version: 1
                park:
                  id: %s
                  name: 负载测试园区
                  time_zone: Asia/Shanghai
                enterprises:
                  - id: ent-1
                    name: 测试企业
                    industry: C3484
                    land_mu: 30
                gateways:
                  - id: gw-1
                  - id: gw-2
                meters:
                """.formatted(parkId));
        for (int i = 0; i < meters; i++) {
            yaml.append("  - id: ").append(meterId(i)).append("\n    kind: electricity\n    enterprise: ent-1\n    gateway: gw-1\n");
        }
        Files.createDirectories(directory);
        return Files.writeString(directory.resolve(parkId + ".yaml"), yaml);
    }

    public static String meterId(int i) {
        return String.format("E-%04d", i);
    }

    /** Copies the repository's demo park into {@code directory}. */
    public static Path copyDemoPark(Path directory) throws IOException {
        Files.createDirectories(directory);
        return Files.copy(Path.of("..", "test-kit", "parks", "demo-park.yaml"), directory.resolve("demo-park.yaml"), StandardCopyOption.REPLACE_EXISTING);
    }
}
