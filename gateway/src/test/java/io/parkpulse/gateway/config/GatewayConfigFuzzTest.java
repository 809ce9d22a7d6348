package io.parkpulse.gateway.config;

import io.parkpulse.testkit.fuzz.YamlInputs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the gateway configuration reader with {@link YamlInputs#INPUTS} mutations of {@code gateway.example.yaml}
 * (system property {@code parkpulse.fuzz.inputs}): each input is read or refused by
 * {@link InvalidGatewayConfigException} listing at least one problem, each with a message; nothing else escapes.
 */
class GatewayConfigFuzzTest {

    static final Path EXAMPLE = Path.of("gateway.example.yaml");
    static final Map<String, String> ENV = Map.of("PARKPULSE_GATEWAY_PASSWORD", "s3cret", "PARKPULSE_ONENET_TOKEN", "tok",
            // the example binds beyond loopback and takes CTWing and Huawei pushes: their tokens, made per run
            "PARKPULSE_GATEWAY_STATUS_TOKEN", java.util.UUID.randomUUID().toString(),
            "PARKPULSE_CTWING_TOKEN", java.util.UUID.randomUUID().toString(), "PARKPULSE_HUAWEI_TOKEN", java.util.UUID.randomUUID().toString());

    @Test
    void mutatedConfigurationsAreReadOrRefusedWithReasons() throws IOException {
        String sample = Files.readString(EXAMPLE);
        GatewayConfigReader reader = new GatewayConfigReader(ENV::get, ProfileCatalog.builtIn());
        Path base = EXAMPLE.toAbsolutePath().getParent();
        reader.read("gateway.example.yaml", sample, base);
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        qt().withExamples(YamlInputs.EXAMPLES).withShrinkCycles(200).forAll(YamlInputs.mutated(sample)).checkAssert(text -> {
            try {
                reader.read("fuzz.yaml", text, base);
                accepted.incrementAndGet();
            } catch (InvalidGatewayConfigException e) {
                assertThat(e.errors()).as("the problems listed").isNotEmpty();
                e.errors().forEach(error -> assertThat(error.message()).as("message of %s", error).isNotBlank());
                rejected.incrementAndGet();
            }
        });
        System.out.printf("fuzz GatewayConfigReader: %d inputs, %d rejected with a reason, %d accepted, 0 escaped%n",
                rejected.get() + accepted.get(), rejected.get(), accepted.get());
    }
}
