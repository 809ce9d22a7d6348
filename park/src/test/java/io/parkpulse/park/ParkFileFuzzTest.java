package io.parkpulse.park;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.parkpulse.testkit.fuzz.YamlInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the park file reader with {@link YamlInputs#INPUTS} mutations of the demo park (system property
 * {@code parkpulse.fuzz.inputs}): each input is read or refused by {@link InvalidParkFileException} listing at least
 * one problem, each with a message; nothing else escapes.
 */
class ParkFileFuzzTest {

    static final Path DEMO_PARK = Path.of("../test-kit/parks/demo-park.yaml");

    @Test
    void mutatedParkFilesAreReadOrRefusedWithReasons() throws IOException {
        String sample = Files.readString(DEMO_PARK);
        ParkFileReader reader = new ParkFileReader();
        reader.read("demo-park.yaml", sample);
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        qt().withExamples(YamlInputs.EXAMPLES).withShrinkCycles(200).forAll(YamlInputs.mutated(sample)).checkAssert(text -> {
            try {
                reader.read("fuzz.yaml", text);
                accepted.incrementAndGet();
            } catch (InvalidParkFileException e) {
                assertThat(e.errors()).as("the problems listed").isNotEmpty();
                e.errors().forEach(error -> assertThat(error.message()).as("message of %s", error).isNotBlank());
                rejected.incrementAndGet();
            }
        });
        System.out.printf("fuzz ParkFileReader: %d inputs, %d rejected with a reason, %d accepted, 0 escaped%n",
                rejected.get() + accepted.get(), rejected.get(), accepted.get());
    }
}
