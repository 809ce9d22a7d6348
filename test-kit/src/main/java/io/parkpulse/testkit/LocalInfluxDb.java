package io.parkpulse.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * InfluxDB 1.x run from a local {@code influxd} as a child process, serving HTTP on {@code 127.0.0.1}
 * and keeping config, meta, data, WAL and log in {@code <java.io.tmpdir>/parkpulse-influxdb-*}.
 *
 * <p>Thread-safe: lifecycle methods are serialised; the HTTP helpers may be called concurrently.
 */
public final class LocalInfluxDb extends ManagedInfluxDb {

    static final String HOST = "127.0.0.1";

    private final LocalServer server;

    private LocalInfluxDb(LocalServer server) {
        super(server, Recipe.url(server.ports()[0]));
        this.server = server;
    }

    /**
     * Starts {@code influxd} on free ports and returns once {@code /ping} answers.
     *
     * @throws IllegalStateException if it does not start; the message holds the command and the log's tail
     */
    public static LocalInfluxDb launch(Path influxd) {
        return new LocalInfluxDb(LocalServer.launch("influxdb", 2, new Recipe(influxd)));
    }







    /** Holds {@code influxdb.conf}, {@code meta/}, {@code data/}, {@code wal/} and the log. */
    public Path directory() {
        return server.directory();
    }






    @Override
    public String toString() {
        return "LocalInfluxDb[" + url() + ", " + directory() + "]";
    }

    private static final class Recipe implements LocalServer.Recipe {

        private final Path influxd;

        Recipe(Path influxd) {
            this.influxd = influxd;
        }

        static String url(int httpPort) {
            return "http://" + HOST + ":" + httpPort;
        }

        @Override
        public List<String> prepare(Path dir, int[] ports) throws IOException {
            Path conf = dir.resolve("influxdb.conf");
            Files.writeString(conf, config(dir, ports[0], ports[1]), StandardCharsets.UTF_8);
            return List.of(influxd.toString(), "run", "-config", conf.toString());
        }

        /**
         * Ports: [0] HTTP, [1] the RPC/backup listener, whose default 127.0.0.1:8088 would clash between
         * two instances. Everything that writes in the background (monitor, CQs, subscriptions) is off
         * so tests see only their own data.
         */
        private static String config(Path dir, int httpPort, int rpcPort) {
            return String.join("\n",
                    "# written by parkpulse-test-kit",
                    // upstream's key is reporting-disabled; Debian's patched 1.6 build renamed it reporting-enabled
                    // (default false). Each build silently ignores the other's key.
                    "reporting-disabled = true",
                    "reporting-enabled = false",
                    "bind-address = \"" + HOST + ":" + rpcPort + "\"",
                    "[meta]",
                    "  dir = " + quoted(dir.resolve("meta")),
                    "[data]",
                    "  dir = " + quoted(dir.resolve("data")),
                    "  wal-dir = " + quoted(dir.resolve("wal")),
                    "  query-log-enabled = false",
                    "[http]",
                    "  bind-address = \"" + HOST + ":" + httpPort + "\"",
                    "  log-enabled = false",
                    "  max-row-limit = 0",
                    "[monitor]",
                    "  store-enabled = false",
                    "[subscriber]",
                    "  enabled = false",
                    "[continuous_queries]",
                    "  enabled = false",
                    "[logging]",
                    "  level = \"warn\"",
                    "  suppress-logo = true",
                    "");
        }

        private static String quoted(Path path) {
            return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }

        @Override
        public boolean isReady(int[] ports) {
            return InfluxHttp.ping(url(ports[0]));
        }

        @Override
        public String url(int[] ports) {
            return url(ports[0]);
        }

        @Override
        public void environment(Map<String, String> env) {
            // INFLUXDB_* variables override the config file: a developer's own settings must not leak in
            env.keySet().removeIf(name -> name.startsWith("INFLUXDB_"));
        }
    }
}
