package io.parkpulse.chaos;

import java.nio.file.Path;

/** The deployables the suite runs as processes, with the JVM flags they ship with (ingest/jvm.options, gateway/jvm.options). */
public record Jars(Path ingest, Path ingestJvmOptions, Path gateway, Path gatewayJvmOptions) {

    /** From the system properties the build sets for the tests (see chaos/pom.xml). */
    public static Jars fromSystemProperties() {
        return new Jars(Path.of(required("parkpulse.ingest.jar")), Path.of(required("parkpulse.ingest.jvm.options")),
                Path.of(required("parkpulse.gateway.jar")),
                Path.of(required("parkpulse.gateway.jvm.options")));
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (Maven sets it from chaos/pom.xml)");
        }
        return value;
    }
}
