package io.parkpulse.ingest.support;

import io.parkpulse.ingest.IngestMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Ingest as a separate JVM, so a test can kill it the way production dies: SIGKILL, no shutdown hook,
 * nothing flushed.
 */
public final class IngestProcess implements AutoCloseable {

    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    public IngestProcess(Map<String, String> environment, Path log) {
        this.environment = environment;
        this.log = log;
    }

    public IngestProcess start() throws IOException {
        subscribedMarker = Files.exists(log) ? count(Files.readString(log)) : 0;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // the flags ingest ships with (ingest/jvm.options; tests run in the module's directory)
        String flags = "@" + Path.of("jvm.options").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, flags, "-cp", classpath, IngestMain.class.getName()));
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = builder.start();
        return this;
    }

    /** Waits until this process logged that its subscriptions were granted (or fails with the log). */
    public IngestProcess awaitReady() throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        long subscribedBefore = subscribedMarker;
        while (System.currentTimeMillis() < deadline) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (count(text) > subscribedBefore) {
                return this;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("ingest exited with " + process.exitValue() + ":\n" + text);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("ingest not ready after 60 s:\n" + Files.readString(log));
    }

    private long subscribedMarker;

    private static long count(String text) {
        return text.lines().filter(line -> line.contains("subscribed to [")).count();
    }

    /** SIGKILL: no shutdown hook runs, nothing in flight is flushed or acknowledged. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
