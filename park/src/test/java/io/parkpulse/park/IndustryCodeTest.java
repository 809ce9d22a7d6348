package io.parkpulse.park;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IndustryCodeTest {

    @ParameterizedTest
    @CsvSource({"3011,C3011,C,30", "C3011,C3011,C,30", "4620,D4620,D,46", "6513,I6513,I,65", "01,A01,A,01", "13,C13,C,13",
            "43,C43,C,43", "44,D44,D,44", "97,T97,T,97", "" + "914,S914,S,91"})
    void derivesTheSectionFromTheDivision(String text, String code, char section, String division) {
        IndustryCode parsed = IndustryCode.parse(text);
        assertThat(parsed.code()).isEqualTo(code);
        assertThat(parsed.section()).isEqualTo(section);
        assertThat(parsed.division()).isEqualTo(division);
    }

    @Test
    void withAndWithoutTheLetterAreTheSameCode() {
        assertThat(IndustryCode.parse("3011")).isEqualTo(IndustryCode.parse("C3011")).hasSameHashCodeAs(IndustryCode.parse("C3011"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "C", "3", "30111", "c3011", "X3011", "00", "98", "C30.1"})
    void refusesWhatIsNotACode(String text) {
        assertThatThrownBy(() -> IndustryCode.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(text);
    }

    @Test
    void refusesALetterThatContradictsTheDivision() {
        assertThatThrownBy(() -> IndustryCode.parse("A3011")).hasMessageContaining("belongs to section C");
    }
}
