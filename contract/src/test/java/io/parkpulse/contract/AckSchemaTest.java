package io.parkpulse.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code docs/ack.schema.json} and {@link Acknowledgement}'s codec agree on the documented examples. */
class AckSchemaTest {

    static Schema schema() throws IOException {
        JsonNode node = ContractSchemaTest.MAPPER.readTree(ContractSchemaTest.DOCS.resolve("ack.schema.json").toFile());
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(node);
    }

    static Stream<Path> goodExamples() throws IOException {
        return ContractSchemaTest.examples("ack-");
    }

    static Stream<Path> badExamples() throws IOException {
        return ContractSchemaTest.examples("bad-ack-");
    }

    @ParameterizedTest
    @MethodSource("goodExamples")
    void goodExamplesPassSchemaAndDecoder(Path example) throws IOException {
        byte[] json = Files.readAllBytes(example);
        assertThat(schema().validate(ContractSchemaTest.MAPPER.readTree(json))).isEmpty();
        assertThat(Acknowledgement.decode(json).problem()).isNull();
    }

    @ParameterizedTest
    @MethodSource("badExamples")
    void badExamplesFailSchemaAndDecoder(Path example) throws IOException {
        byte[] json = Files.readAllBytes(example);
        assertThat(schema().validate(ContractSchemaTest.MAPPER.readTree(json))).isNotEmpty();
        assertThat(Acknowledgement.decode(json).ok()).isFalse();
    }

    @Test
    void whatIngestEncodesPassesTheSchema() throws IOException {
        Acknowledgement ack = new Acknowledgement(SeqRanges.of(List.of(3L, 4L, 5L, 9L)), 1796613752123L);
        assertThat(schema().validate(ContractSchemaTest.MAPPER.readTree(ack.toJson()))).isEmpty();
    }
}
