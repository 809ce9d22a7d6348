package io.parkpulse.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A JVM that dies without closing its servers (Ctrl-C, a Surefire fork timeout) must not leave them
 * running: the fixture JVM starts both, is sent SIGTERM, and its children and directories must be gone.
 */
class ShutdownHookTest {

    @Test
    void terminatedJvmLeavesNoServerProcessOrDirectoryBehind() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Orphans.class.getName())
                .redirectErrorStream(true)
                .start();
        List<String> report;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("ORPHANS "));
            assertThat(line).as("fixture output").isNotNull();
            report = List.of(line.substring("ORPHANS ".length()).split(" "));

            jvm.destroy(); // SIGTERM: what Ctrl-C or a fork timeout delivers; shutdown hooks run
            assertThat(jvm.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            jvm.destroyForcibly();
        }

        long mosquittoPid = Long.parseLong(report.get(0));
        long influxdPid = Long.parseLong(report.get(1));
        assertThat(goneWithin10s(mosquittoPid)).as("mosquitto pid %d gone", mosquittoPid).isTrue();
        assertThat(goneWithin10s(influxdPid)).as("influxd pid %d gone", influxdPid).isTrue();
        assertThat(Path.of(report.get(2))).doesNotExist();
        assertThat(Path.of(report.get(3))).doesNotExist();
    }

    /** Orphans are reaped by init after the fixture JVM exits, so allow a moment for that. */
    private static boolean goneWithin10s(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Runs in the fixture JVM: starts both servers, reports them and waits to be terminated. */
    static final class Orphans {

        public static void main(String[] args) throws InterruptedException {
            LocalMosquitto broker = (LocalMosquitto) RealServices.mosquitto();
            LocalInfluxDb influx = (LocalInfluxDb) RealServices.influxDb();
            List<ProcessHandle> children = ProcessHandle.current().children().toList();
            long mosquitto = children.stream().filter(c -> c.info().command().orElse("").endsWith("mosquitto")).findFirst().orElseThrow().pid();
            long influxd = children.stream().filter(c -> c.info().command().orElse("").endsWith("influxd")).findFirst().orElseThrow().pid();
            System.out.println("ORPHANS " + mosquitto + " " + influxd + " " + broker.directory() + " " + influx.directory());
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
