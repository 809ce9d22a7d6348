package io.parkpulse.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schema in {@code docs/} is what gateway authors in other languages validate against; the
 * codec is what ingest enforces. These tests keep the two in agreement on the documented examples and
 * keep the schema's vocabulary identical to {@link Quantity}.
 */
class ContractSchemaTest {

    static final Path DOCS = Path.of("..", "docs");
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** The examples are stamped around 2026-11-22T08:00+08:00. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:05:00Z"), ZoneOffset.UTC);

    static Schema schema() throws IOException {
        JsonNode node = MAPPER.readTree(DOCS.resolve("telemetry.schema.json").toFile());
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(node);
    }

    static Stream<Path> examples(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(DOCS.resolve("examples"))) {
            List<Path> list = files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
            assertThat(list).as("examples starting with " + prefix).isNotEmpty();
            return list.stream();
        }
    }

    static Stream<Path> validExamples() throws IOException {
        return examples("telemetry-");
    }

    static Stream<Path> invalidExamples() throws IOException {
        return examples("invalid-");
    }

    @ParameterizedTest
    @MethodSource("validExamples")
    void validExamplesPassTheSchemaAndTheCodec(Path example) throws IOException {
        byte[] bytes = Files.readAllBytes(example);

        List<Error> errors = schema().validate(MAPPER.readTree(bytes));
        DecodedTelemetry decoded = new TelemetryDecoder(Limits.DEFAULT, CLOCK).decode(bytes);

        assertThat(errors).as("schema errors").isEmpty();
        assertThat(decoded.rejections()).as("codec rejections").isEmpty();
        assertThat(decoded.readings()).hasSize(MAPPER.readTree(bytes).get("readings").size());
    }

    @ParameterizedTest
    @MethodSource("invalidExamples")
    void invalidExamplesFailTheSchemaAndAreRejectedByTheCodec(Path example) throws IOException {
        byte[] bytes = Files.readAllBytes(example);

        List<Error> errors = schema().validate(MAPPER.readTree(bytes));
        DecodedTelemetry decoded = new TelemetryDecoder(Limits.DEFAULT, CLOCK).decode(bytes);

        assertThat(errors).as("schema errors").isNotEmpty();
        assertThat(decoded.rejections()).as("codec rejections").isNotEmpty()
                .allSatisfy(r -> assertThat(r.detail()).isNotBlank());
    }

    @Test
    void encodedMessagesPassTheSchema() throws IOException {
        TelemetryMessage message = new TelemetryMessage(3, List.of(
                new Reading("E-1", 1795305600000L, List.of(Value.of(Quantity.ENERGY_KWH, 10.5), Value.of(Quantity.POWER_FACTOR, -0.5))),
                new Reading("M-1", 1795305600000L, List.of(Value.of(EquipmentState.IDLE), Value.of(Quantity.OUTPUT_COUNT, 3)))));
        byte[] json = new TelemetryEncoder().encode(message);
        assertThat(schema().validate(MAPPER.readTree(json))).isEmpty();
    }

    @Test
    void schemaVocabularyMatchesTheQuantityEnum() throws IOException {
        JsonNode values = MAPPER.readTree(DOCS.resolve("telemetry.schema.json").toFile())
                .at("/$defs/reading/properties/values/properties");
        Set<String> schemaNames = new TreeSet<>();
        values.fieldNames().forEachRemaining(schemaNames::add);
        Set<String> enumNames = new TreeSet<>(Arrays.stream(Quantity.values()).map(Quantity::wireName).toList());
        assertThat(schemaNames).isEqualTo(enumNames);

        List<String> mismatches = new ArrayList<>();
        for (Quantity q : Quantity.values()) {
            JsonNode p = values.get(q.wireName());
            if (!q.isNumeric()) {
                List<String> states = new ArrayList<>();
                p.get("enum").forEach(n -> states.add(n.asText()));
                if (!states.equals(Arrays.stream(EquipmentState.values()).map(EquipmentState::wireName).toList())) {
                    mismatches.add(q + " states " + states);
                }
                continue;
            }
            if (!same(q.min(), p.get("minimum")) || !same(q.max(), p.get("maximum"))) {
                mismatches.add(q + " range");
            }
            if (!p.get("description").asText().contains("unit " + q.unit() + ";")) {
                mismatches.add(q + " unit");
            }
            if (!p.get("description").asText().contains(q.nature().name().toLowerCase())) {
                mismatches.add(q + " nature");
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void schemaStatesTheContractLimits() throws IOException {
        JsonNode root = MAPPER.readTree(DOCS.resolve("telemetry.schema.json").toFile());
        assertThat(root.at("/properties/readings/maxItems").asInt()).isEqualTo(Limits.DEFAULT.maxReadingsPerMessage());
        assertThat(root.at("/$defs/reading/properties/values/maxProperties").asInt()).isEqualTo(Limits.DEFAULT.maxValuesPerReading());
        assertThat(root.get("description").asText()).contains(String.valueOf(Limits.DEFAULT.maxMessageBytes()));
    }

    private static boolean same(Double expected, JsonNode actual) {
        return expected == null ? actual == null : actual != null && actual.asDouble() == expected;
    }
}
