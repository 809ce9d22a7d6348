package io.parkpulse.endtoend;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Puts the gateway tests' park file (test resources) into a park directory for ingest. */
public final class TestParkFiles {

    public static final String PARK = "gw-test-park";
    public static final String GATEWAY = "gw-test";

    private TestParkFiles() {
    }

    public static void copyInto(Path directory) throws IOException {
        try (InputStream in = TestParkFiles.class.getResourceAsStream("/parks/gateway-test-park.yaml")) {
            Files.copy(in, directory.resolve("gateway-test-park.yaml"));
        }
    }
}
