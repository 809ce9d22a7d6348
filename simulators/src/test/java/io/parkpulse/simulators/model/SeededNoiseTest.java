package io.parkpulse.simulators.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeededNoiseTest {

    @Test
    void isAPureFunctionOfItsInputsWithTheExpectedMoments() {
        long key = SeededNoise.key(42, "E-HD-MAIN");
        assertThat(SeededNoise.key(42, "E-HD-MAIN")).isEqualTo(key);
        assertThat(SeededNoise.key(43, "E-HD-MAIN")).isNotEqualTo(key);
        double sum = 0;
        double squares = 0;
        double centred = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            double u = SeededNoise.uniform(key, 1, i);
            assertThat(u).isGreaterThanOrEqualTo(0).isLessThan(1);
            double g = SeededNoise.gaussian(key, 2, i);
            sum += g;
            squares += g * g;
            centred += SeededNoise.centred(key, 3, i);
        }
        assertThat(sum / n).isCloseTo(0, within(0.01));
        assertThat(squares / n).isCloseTo(1, within(0.02));
        assertThat(centred / n).isCloseTo(0, within(0.01));
        assertThat(SeededNoise.uniform(key, 1, 7)).isEqualTo(SeededNoise.uniform(key, 1, 7));
    }
}
