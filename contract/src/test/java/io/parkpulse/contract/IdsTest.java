package io.parkpulse.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "E-HD-MAIN", "gw.01", "DLT645:123456789012", "x_y", "0"})
    void acceptsIds(String id) {
        assertThat(Ids.isValid(id)).isTrue();
        assertThat(Ids.problem(id)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-a", ".a", "a/b", "a b", "a+b", "a#", "华东", "é"})
    void refusesOthers(String id) {
        assertThat(Ids.isValid(id)).isFalse();
        assertThat(Ids.problem(id)).isNotNull();
    }

    @Test
    void theFastCheckAgreesWithTheDocumentedSyntax() {
        qt().withExamples(20_000).forAll(strings().ascii().ofLengthBetween(0, 70)).checkAssert(s ->
                assertThat(Ids.isValid(s)).as(s).isEqualTo(Ids.syntax().matcher(s).matches()));
        assertThat(Ids.isValid("a".repeat(64))).isTrue();
        assertThat(Ids.isValid("a".repeat(65))).isFalse();
    }
}
