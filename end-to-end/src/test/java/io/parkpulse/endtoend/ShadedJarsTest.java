package io.parkpulse.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The jars users run carry parkpulse-mqtt's fixed Paho classes, not Paho's own: {@code CountingInputStream} (a bulk
 * read instead of a synchronized byte-by-byte copy of every PUBLISH: a quarter of ingest's CPU under load) and
 * {@code MqttInputStream} (the socket read through a buffer instead of a system call per header byte). Checked on the
 * shaded jars themselves, which Maven packaged before this module's tests, not on a module's class path.
 */
class ShadedJarsTest {

    static final List<String> PATCHED = List.of("org/eclipse/paho/mqttv5/common/packet/util/CountingInputStream.class",
            "org/eclipse/paho/mqttv5/client/wire/MqttInputStream.class");

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "gateway", "dashboard-api", "simulators", "bench"})
    void everyRunnableJarThatSpeaksMqttCarriesTheFixedPahoClasses(String module) throws Exception {
        Path jar = jar(module);

        try (JarFile file = new JarFile(jar.toFile())) {
            for (String patched : PATCHED) {
                ZipEntry entry = file.getEntry(patched);
                assertThat(entry).as("%s carries %s", jar, patched).isNotNull();
                try (InputStream in = file.getInputStream(entry)) {
                    assertThat(in.readAllBytes()).as("%s in %s is parkpulse-mqtt's", patched, jar).isEqualTo(patchedBytes(patched));
                }
            }
        }
        try (URLClassLoader alone = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> loaded = alone.loadClass("org.eclipse.paho.mqttv5.common.packet.util.CountingInputStream");
            assertThat(loaded.getDeclaredMethod("read", byte[].class, int.class, int.class)).as("the bulk read").isNotNull();
            assertThat(alone.loadClass("org.eclipse.paho.mqttv5.client.wire.ReadAheadInputStream")).as("the read-ahead buffer").isNotNull();
        }
    }

    @Test
    void theToolsJarCarriesNoMqttClientAtAll() throws Exception {
        try (JarFile file = new JarFile(jar("tools").toFile())) {
            assertThat(file.stream().map(ZipEntry::getName).filter(n -> n.startsWith("org/eclipse/paho/")))
                    .as("the operations commands speak no MQTT; a Paho in their jar would need the fix too").isEmpty();
        }
    }

    static Path jar(String module) {
        Path jar = root().resolve(module).resolve("target").resolve("parkpulse-" + module + ".jar");
        assertThat(jar).as("%s's shaded jar (built by mvn package before these tests)", module).isRegularFile();
        return jar;
    }

    /** The class as parkpulse-mqtt compiled it: of the copies on this class path, the one not in Paho's own jar. */
    static byte[] patchedBytes(String patched) throws IOException {
        List<URL> copies = Collections.list(ShadedJarsTest.class.getClassLoader().getResources(patched));
        URL ours = copies.stream().filter(u -> !u.toString().contains("org.eclipse.paho.mqttv5.client")).findFirst()
                .orElseThrow(() -> new AssertionError("parkpulse-mqtt's " + patched + " is not on the class path: " + copies));
        try (InputStream in = ours.openStream()) {
            return in.readAllBytes();
        }
    }

    static Path root() {
        String root = System.getProperty("parkpulse.root");
        assertThat(root).as("system property parkpulse.root (set by end-to-end/pom.xml)").isNotBlank();
        Path path = Path.of(root).toAbsolutePath().normalize();
        assertThat(Files.isRegularFile(path.resolve("pom.xml"))).as(path + " is the project's root").isTrue();
        return path;
    }
}
