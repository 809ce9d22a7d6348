package io.parkpulse.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one server binary as a child process in its own temporary directory, on ports chosen at the
 * first start and kept for every restart, so a client's URL stays valid across stop/start.
 *
 * <p>Thread-safe: every method is synchronized, so a test thread and a client thread may stop and
 * query the same server.
 */
final class LocalServer implements ServerControl {

    /** What differs between servers: config, command line and readiness check. */
    interface Recipe {

        /** Writes the server's config for these ports into {@code dir} and returns the command line to run. */
        List<String> prepare(Path dir, int[] ports) throws IOException;

        /** One quick check, false until the server answers requests. */
        boolean isReady(int[] ports);

        /** The URL clients use, for the log line. */
        String url(int[] ports);

        /** Adjusts the child's environment; by default inherits this JVM's. */
        default void environment(Map<String, String> env) {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(LocalServer.class);
    private static final int ATTEMPTS = 3;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final int LOG_LINES_IN_ERRORS = 40;
    private static final long POLL_MILLIS = 10;
    private static final long RETRY_PAUSE_MILLIS = 200;

    private enum Outcome { READY, EXITED, TIMED_OUT }

    private final String name;
    private final int portCount;
    private final Recipe recipe;
    private final Path dir;
    private final Path logFile;
    private int[] ports;
    private ChildProcess process;
    private boolean closed;

    private LocalServer(String name, int portCount, Recipe recipe, Path dir) {
        this.name = name;
        this.portCount = portCount;
        this.recipe = recipe;
        this.dir = dir;
        this.logFile = dir.resolve(name + ".log");
    }

    /**
     * Creates {@code <tmp>/parkpulse-<name>-*} and starts the server there, retrying on fresh ports when
     * the child exits early (typically: another process took the port between picking and binding).
     */
    static LocalServer launch(String name, int portCount, Recipe recipe) {
        LocalServer server = new LocalServer(name, portCount, recipe, TempDir.create("parkpulse-" + name + "-"));
        try {
            server.run(true);
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    synchronized int[] ports() {
        return ports.clone();
    }

    Path directory() {
        return dir;
    }

    Path logFile() {
        return logFile;
    }

    /** Starts the server again on the same ports and data directory; no-op if it is running. */
    @Override
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException(name + " was closed; it cannot be started again");
        }
        if (isRunning()) {
            return;
        }
        run(false);
    }

    /** Graceful: SIGTERM, up to 10 s to save state and exit, then SIGKILL. Idempotent. */
    @Override
    public synchronized void stop() {
        if (process != null) {
            process.stop(STOP_GRACE);
        }
    }

    /** Crash: SIGKILL and wait for the process to be gone. Idempotent. */
    @Override
    public synchronized void kill() {
        if (process != null && process.isAlive()) {
            process.kill();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public String logTail(int maxLines) {
        return LogTail.of(logFile, maxLines);
    }

    /** Stops the server and deletes its directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stop();
        } finally {
            TempDir.deleteQuietly(dir);
        }
    }

    private void run(boolean freshPorts) {
        String failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (freshPorts || ports == null) {
                ports = FreePorts.pick(portCount);
            }
            long started = System.nanoTime();
            process = spawn();
            Outcome outcome = awaitReady();
            if (outcome == Outcome.READY) {
                LOG.info("{} ready at {} (pid {}, data dir {}, {} ms)", name, recipe.url(ports), process.pid(), dir,
                        (System.nanoTime() - started) / 1_000_000);
                return;
            }
            if (outcome == Outcome.TIMED_OUT) {
                process.kill();
                throw failure("did not become ready within " + READY_TIMEOUT.toSeconds() + " s");
            }
            failure = "exited with code " + process.exitValue() + " during startup (attempt " + attempt + " of "
                    + ATTEMPTS + ")";
            if (attempt < ATTEMPTS) {
                LOG.warn("{} {}; retrying on {} ports", name, failure, freshPorts ? "fresh" : "the same");
                if (!freshPorts) {
                    pause(RETRY_PAUSE_MILLIS); // the port is fixed on a restart: give whoever holds it a moment
                }
            }
        }
        throw failure(failure);
    }

    private ChildProcess spawn() {
        try {
            List<String> command = recipe.prepare(dir, ports);
            return ChildProcess.spawn(command, dir, logFile, recipe::environment);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " in " + dir, e);
        }
    }

    private Outcome awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                return Outcome.EXITED;
            }
            if (recipe.isReady(ports)) {
                // a stranger on a just-picked port could answer the probe while our child dies on bind
                return process.isAlive() ? Outcome.READY : Outcome.EXITED;
            }
            if (System.nanoTime() > deadline) {
                return Outcome.TIMED_OUT;
            }
            pause(POLL_MILLIS);
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.kill();
            throw new IllegalStateException("interrupted while starting " + name, e);
        }
    }

    private IllegalStateException failure(String what) {
        return new IllegalStateException(name + " " + what + ".\nCommand: " + process.commandLine()
                + "\nLast lines of " + logFile + ":\n" + logTail(LOG_LINES_IN_ERRORS));
    }
}
