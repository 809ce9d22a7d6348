package io.parkpulse.testkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.parkpulse.testkit.deploy.Dockerfile.Instruction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The production deployment (docker-compose.yml, Dockerfile, deploy/compose/, .env.example) checked
 * without a Docker engine, which CI does not have: the compose file against the official Compose
 * Specification schema (vendored as deploy/compose-spec.schema.json), then what a schema cannot see —
 * files it names exist, every variable is documented with the same default, every service has a health
 * check, state lives in named volumes — and the Dockerfile with a line parser.
 *
 * <p>It lives in the test kit because the kit is the project's knowledge of the Mosquitto and InfluxDB the
 * stack runs; no other module has a reason to read files at the repository's top.
 */
class DeploymentFilesTest {

    /** Services whose data must outlive the container, and where it is. */
    private static final Map<String, String> STATE = Map.of(
            "mosquitto", "/mosquitto/data",
            "influxdb", "/var/lib/influxdb",
            "gateway", "/var/lib/parkpulse/gateway",
            "grafana", "/var/lib/grafana");

    /** Bind-mounted files made on the deployment host, never committed: they must be ignored by git instead. */
    private static final Set<String> GENERATED = Set.of("./deploy/compose/mosquitto/generated", "./deploy/compose/secrets/");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path root;
    private static Map<String, Object> compose;
    private static Map<String, String> envExample;

    @BeforeAll
    static void load() throws IOException {
        root = repositoryRoot();
        compose = yaml(root.resolve("docker-compose.yml"));
        envExample = ComposeVariables.readEnvFile(root.resolve(".env.example"));
    }

    @Test
    void composeFileFollowsTheComposeSpecification() throws IOException {
        List<Error> errors = composeSchema().validate(JSON.valueToTree(interpolated(compose, envExample)));
        assertThat(errors).as("docker-compose.yml against deploy/compose-spec.schema.json").isEmpty();
    }

    @Test
    void theSchemaCheckCatchesAMistake() throws IOException {
        Map<String, Object> broken = yaml(root.resolve("docker-compose.yml"));
        service(broken, "ingest-1").put("healthcheck", Map.of("test", List.of("CMD", "true"), "intervall", "5s"));
        service(broken, "influxdb").put("ports", "8086:8086");
        List<Error> errors = composeSchema().validate(JSON.valueToTree(interpolated(broken, envExample)));
        assertThat(errors).extracting(Error::toString).anySatisfy(e -> assertThat(e).contains("intervall"))
                .anySatisfy(e -> assertThat(e).contains("ports"));
    }

    @Test
    void everyVariableIsInTheEnvExampleWithTheSameDefault() {
        Map<String, ComposeVariables.Reference> references = new LinkedHashMap<>();
        strings(compose, "docker-compose.yml", (where, value) -> {
            for (ComposeVariables.Reference r : ComposeVariables.references(value, where)) {
                ComposeVariables.Reference earlier = references.putIfAbsent(r.name(), r);
                if (earlier != null && r.defaultValue() != null && earlier.defaultValue() != null) {
                    assertThat(r.defaultValue()).as(where + ": ${" + r.name() + "} default, as elsewhere in the file").isEqualTo(earlier.defaultValue());
                }
            }
        });
        assertThat(references).isNotEmpty();
        List<String> problems = new ArrayList<>();
        references.forEach((name, r) -> {
            String documented = envExample.get(name);
            if (documented == null) {
                problems.add(name + " is read by docker-compose.yml but missing from .env.example");
            } else if (r.defaultValue() != null && !documented.equals(r.defaultValue())) {
                problems.add(name + ": .env.example says `" + documented + "`, docker-compose.yml defaults to `" + r.defaultValue() + "`");
            } else if (r.defaultValue() == null && !documented.isEmpty()) {
                // empty, not a placeholder word: compose's ${VAR:?} refuses an empty secret, a placeholder would run
                problems.add(name + " has no default in docker-compose.yml: .env.example must leave it empty, not give a value");
            }
        });
        new TreeSet<>(envExample.keySet()).stream().filter(name -> !references.containsKey(name))
                .forEach(name -> problems.add(name + " is in .env.example but docker-compose.yml never reads it"));
        assertThat(problems).isEmpty();
    }

    @Test
    void secretsAreNeverGivenADefault() {
        strings(compose, "docker-compose.yml", (where, value) -> {
            for (ComposeVariables.Reference r : ComposeVariables.references(value, where)) {
                if (r.name().endsWith("_PASSWORD") || r.name().endsWith("_SECRET")) {
                    assertThat(r.required()).as(where + ": ${" + r.name() + "} must be required (:?), never defaulted").isTrue();
                }
            }
        });
    }

    @Test
    void everyServiceHasAHealthCheck() {
        services(compose).forEach((name, service) -> {
            Object healthcheck = service.get("healthcheck");
            assertThat(healthcheck).as("service " + name + " healthcheck").isInstanceOf(Map.class);
            Map<?, ?> check = (Map<?, ?>) healthcheck;
            assertThat(check.get("disable")).as("service " + name + " healthcheck disabled").isNotEqualTo(Boolean.TRUE);
            assertThat(check.get("test")).as("service " + name + " healthcheck test").isInstanceOf(List.class);
            List<?> test = (List<?>) check.get("test");
            assertThat(test.get(0)).as("service " + name + " healthcheck test form").isIn("CMD", "CMD-SHELL");
        });
    }

    @Test
    void everyStatefulServiceKeepsItsDataInANamedVolume() {
        Map<String, Object> volumes = map(compose.get("volumes"));
        Set<String> used = new TreeSet<>();
        services(compose).forEach((name, service) -> {
            for (Object mount : list(service.get("volumes"))) {
                String[] parts = String.valueOf(mount).split(":");
                if (!parts[0].startsWith(".") && !parts[0].startsWith("/")) {
                    assertThat(volumes).as("service " + name + " mounts volume " + parts[0]).containsKey(parts[0]);
                    used.add(parts[0]);
                }
            }
        });
        STATE.forEach((name, path) -> assertThat(list(services(compose).get(name).get("volumes")))
                .as("service " + name + " keeps " + path + " in a named volume")
                .anySatisfy(m -> assertThat(String.valueOf(m)).matches("[a-z0-9-]+:" + path + "(:rw)?")));
        assertThat(used).as("every declared volume is mounted").containsExactlyInAnyOrderElementsOf(
                volumes.keySet());
    }

    @Test
    void everyFileTheComposeFileNamesExistsOrIsGeneratedAndIgnored() throws IOException {
        List<String> sources = new ArrayList<>();
        services(compose).forEach((name, service) -> list(service.get("volumes")).stream().map(String::valueOf)
                .filter(m -> m.startsWith("./")).forEach(m -> sources.add(m.split(":")[0])));
        services(compose).values().forEach(service -> list(service.get("env_file") instanceof String one ? List.of(one) : service.get("env_file"))
                .forEach(file -> sources.add(ComposeVariables.interpolate(String.valueOf(file), envExample))));
        ((Map<?, ?>) compose.get("secrets")).values().forEach(s -> sources.add(String.valueOf(((Map<?, ?>) s).get("file"))));
        String ignored = Files.readString(root.resolve("deploy/compose/.gitignore"));
        for (String source : sources) {
            String generatedUnder = GENERATED.stream().filter(source::startsWith).findFirst().orElse(null);
            if (generatedUnder == null) {
                assertThat(root.resolve(source)).as("docker-compose.yml mounts " + source).exists();
            } else {
                String relative = generatedUnder.substring("./deploy/compose/".length());
                assertThat(ignored).as(source + " is made on the host: deploy/compose/.gitignore must keep it out of git")
                        .contains(relative.endsWith("/") ? relative : relative + "/");
            }
        }
        assertThat(sources).isNotEmpty();
    }

    @Test
    void everyBuildNamesAnExistingDockerfileAndStage() throws IOException {
        int builds = 0;
        for (Map.Entry<String, Map<String, Object>> e : services(compose).entrySet()) {
            if (!(e.getValue().get("build") instanceof Map<?, ?> build)) {
                assertThat(e.getValue().get("image")).as("service " + e.getKey() + " has a build or an image").isNotNull();
                continue;
            }
            Path context = root.resolve(String.valueOf(build.get("context")));
            Path file = context.resolve(String.valueOf(build.get("dockerfile") == null ? "Dockerfile" : build.get("dockerfile")));
            assertThat(file).as("service " + e.getKey() + " Dockerfile").isRegularFile();
            assertThat(Dockerfile.read(file).stages()).as("service " + e.getKey() + " build target").containsKey(String.valueOf(build.get("target")));
            builds++;
        }
        assertThat(builds).isEqualTo(6);
    }

    @Test
    void everyImageRunsItsShadedJarAsAnUnprivilegedUserWithAHealthCheckUnlessItRunsAndExits() throws IOException {
        Dockerfile dockerfile = Dockerfile.read(root.resolve("Dockerfile"));
        dockerfile.stages().values().stream().filter(stage -> !dockerfile.stages().containsKey(stage.base())).forEach(stage -> assertThat(stage.base())
                .as(stage.name() + " (Dockerfile:" + stage.line() + ") base image pinned to a tag").matches("[^:]+:[^:]+").doesNotEndWith(":latest"));
        for (String module : List.of("ingest", "dashboard-api", "gateway", "simulators", "tools")) {
            List<Instruction> effective = dockerfile.effective(module);
            boolean oneShot = module.equals("tools"); // runs a command and exits
            String jar = "parkpulse-" + module + ".jar";
            assertThat(root.resolve(module).resolve("pom.xml")).content().as(module + "/pom.xml builds the shaded jar").contains("<main.class>");
            assertThat(dockerfile.stages().get(module).all("COPY")).as(module + " copies its jar from the build stage")
                    .anySatisfy(c -> assertThat(c.arguments()).isEqualTo("--from=build /src/" + module + "/target/" + jar + " /opt/parkpulse/" + jar));
            assertThat(last(effective, "USER")).as(module + " runs as").isNotNull()
                    .satisfies(u -> assertThat(u.arguments()).isNotIn("root", "0", "0:0"));
            Instruction health = last(effective, "HEALTHCHECK");
            assertThat(health).as(module + " HEALTHCHECK").isNotNull();
            if (oneShot) {
                assertThat(health.arguments()).as(module + " runs and exits: says it has no health to check").isEqualTo("NONE");
            } else {
                assertThat(health.arguments()).as(module + " HEALTHCHECK").contains(" CMD ");
            }
            List<Object> entrypoint = list(JSON.readValue(last(effective, "ENTRYPOINT").arguments(), List.class));
            assertThat(entrypoint).as(module + " ENTRYPOINT (exec form)").startsWith("java").contains("-jar", "/opt/parkpulse/" + jar);
            assertThat(effective).as(module + " sets its JVM flags").anySatisfy(i -> assertThat(i.keyword() + " " + i.arguments()).startsWith("ENV JDK_JAVA_OPTIONS="));
        }
        // what COPY takes from the build context must be there
        for (Instruction copy : dockerfile.instructions) {
            if (copy.keyword().equals("COPY") && !copy.arguments().startsWith("--from=")) {
                String[] words = copy.arguments().split("\\s+");
                for (int i = 0; i < words.length - 1; i++) {
                    assertThat(root.resolve(words[i])).as("Dockerfile:" + copy.line() + " copies " + words[i]).exists();
                }
            }
        }
    }

    @Test
    void theDockerfileParserRejectsWhatTheBuilderWould() throws IOException {
        Path file = Files.createTempFile("Dockerfile", "");
        try {
            Files.writeString(file, "FROM debian:12\nRUN echo \\\n  continued\nCOPPY a b\n");
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Dockerfile.read(file));
            assertThat(unknown).hasMessageContaining(":4: unknown instruction COPPY");
            Files.writeString(file, "USER nobody\nFROM debian:12\n");
            IllegalArgumentException beforeFrom = assertThrows(IllegalArgumentException.class, () -> Dockerfile.read(file).stages());
            assertThat(beforeFrom).hasMessageContaining(":1: USER before the first FROM");
            Files.writeString(file, "FROM debian:12 AS base\n# a comment\nRUN a \\\n  # inside\n  b\nFROM base AS app\nUSER app\n");
            Dockerfile parsed = Dockerfile.read(file);
            assertThat(parsed.stages().get("base").all("RUN")).singleElement().extracting(Instruction::arguments).isEqualTo("a b");
            assertThat(parsed.effective("app")).extracting(Instruction::keyword).containsExactly("RUN", "USER");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void theBrokerRefusesAnonymousClientsAndReadsTheGeneratedAccountsAndAcls() throws IOException {
        List<String> lines = Files.readAllLines(root.resolve("deploy/compose/mosquitto/mosquitto.conf")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(lines).contains("allow_anonymous false", "password_file /mosquitto/config/generated/passwords",
                "acl_file /mosquitto/config/generated/acl", "persistence_location /mosquitto/data/",
                "user mosquitto"); // without it a root-started broker may not write its data (docs/broker.md)
        assertThat(list(services(compose).get("mosquitto").get("volumes")))
                .contains("./deploy/compose/mosquitto/generated:/mosquitto/config/generated:ro");
    }

    @Test
    void grafanaIsProvisionedWithTheInfluxDbSourceAndTheParkDashboard() throws IOException {
        Map<String, Object> datasources = yaml(root.resolve("deploy/compose/grafana/provisioning/datasources/influxdb.yaml"));
        Map<String, Object> source = map(list(datasources.get("datasources")).get(0));
        assertThat(source).containsEntry("type", "influxdb").containsEntry("url", "http://influxdb:8086");
        Map<String, Object> grafanaEnvironment = map(services(compose).get("grafana").get("environment"));
        strings(datasources, "datasources/influxdb.yaml", (where, value) -> ComposeVariables.references(value, where)
                .forEach(r -> assertThat(grafanaEnvironment).as(where + " reads $" + r.name()).containsKey(r.name())));
        assertThat(list(services(compose).get("grafana").get("profiles"))).containsExactly("grafana");

        JsonNode dashboard = JSON.readTree(root.resolve("deploy/compose/grafana/dashboards/park.json").toFile());
        assertThat(dashboard.path("panels")).hasSizeGreaterThanOrEqualTo(3);
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText()).isEqualTo(source.get("uid"));
            assertThat(panel.path("targets")).isNotEmpty().allSatisfy(t -> assertThat(t.path("query").asText()).matches("(?s)SELECT .* FROM .*\\$timeFilter.*"));
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static Schema composeSchema() throws IOException {
        JsonNode schema = JSON.readTree(root.resolve("deploy/compose-spec.schema.json").toFile());
        withoutDraft4Ids(schema);
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(schema);
    }

    /**
     * The vendored schema declares draft 2019-09 but still names its parts with draft-4 {@code "id": "#/…"}
     * strings, which 2019-09 does not define (so they are mere annotations) and the validator refuses as an
     * unsupported keyword. Removing them changes nothing that is validated; a property named id (an object) stays.
     */
    private static void withoutDraft4Ids(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object && object.path("id").isTextual()) {
            object.remove("id");
        }
        node.forEach(DeploymentFilesTest::withoutDraft4Ids);
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("test-kit"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docker-compose.yml above " + Path.of("").toAbsolutePath());
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object loaded = new Yaml(options).load(Files.readString(file));
        return map(loaded);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(Map<String, Object> composeFile) {
        return (Map<String, Map<String, Object>>) composeFile.get("services");
    }

    private static Map<String, Object> service(Map<String, Object> composeFile, String name) {
        return services(composeFile).get(name);
    }

    private static Instruction last(List<Instruction> instructions, String keyword) {
        Instruction found = null;
        for (Instruction i : instructions) {
            if (i.keyword().equals(keyword)) {
                found = i;
            }
        }
        return found;
    }

    /** Calls back with every string value in the tree (not the keys), with a path saying where it is. */
    private static void strings(Object node, String where, BiConsumer<String, String> action) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> strings(v, where + "." + k, action));
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                strings(l.get(i), where + "[" + i + "]", action);
            }
        } else if (node instanceof String s) {
            action.accept(where, s);
        }
    }

    /** The tree with every string interpolated as Compose does before it validates. */
    private static Object interpolated(Object node, Map<String, String> env) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), interpolated(v, env)));
            return out;
        }
        if (node instanceof List<?> l) {
            return l.stream().map(v -> interpolated(v, env)).toList();
        }
        return node instanceof String s ? ComposeVariables.interpolate(s, env) : node;
    }
}
