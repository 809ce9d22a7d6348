package io.parkpulse.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Starting, killing and asking a deployable that runs as a child JVM of the suite. */
final class Processes {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Every child started, so none outlives the suite: Ctrl-C, a test timeout or a failed start-up included. */
    private static final Set<Process> CHILDREN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> CHILDREN.forEach(Process::destroyForcibly), "chaos-reaper"));
    }

    private Processes() {
    }

    /**
     * {@code java <jvmArgs> -jar <jar> <args>}, output appended to {@code log}. The child gets this environment
     * without any {@code PARKPULSE_*} variable of the caller's shell (a developer's share group or credentials must
     * not change what is measured), plus {@code environment}.
     */
    static Process startJar(Path jar, List<String> jvmArgs, List<String> args, Map<String, String> environment, Path log)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build the jars first (mvn -DskipTests package)");
        }
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("PARKPULSE_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        CHILDREN.add(process);
        process.onExit().thenRun(() -> CHILDREN.remove(process));
        process.getOutputStream().close();
        return process;
    }

    /** SIGKILL, as a crash or a power cut: no shutdown hook, nothing flushed. Returns once the process is gone. */
    static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("process " + process.pid() + " survived SIGKILL");
        }
    }

    /** SIGTERM, then SIGKILL after 20 s. */
    static void stop(Process process) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill(process);
            }
        }
    }

    /** The body of a GET, or null when the server does not answer 200. */
    static String get(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The last characters of a log, for failure messages. */
    static String tail(Path log, int chars) {
        try {
            String text = Files.readString(log);
            return text.substring(Math.max(0, text.length() - chars));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
