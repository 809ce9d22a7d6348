package io.parkpulse.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PointTest {

    @Test
    void writesAPlainPointWithSortedTags() {
        String line = Point.measurement("electricity").tag("park", "demo").tag("meter", "E-1").tag("enterprise", "ent-1")
                .field("energy_kwh", 1234.5).field("online", true).time(1795305600000L).toLine();
        assertThat(line).isEqualTo("electricity,enterprise=ent-1,meter=E-1,park=demo energy_kwh=1234.5,online=true 1795305600000");
    }

    @Test
    void escapesSeparatorsInNamesTagsAndFieldKeys() {
        String line = Point.measurement("m x,y").tag("k=1 2", "a b,c=d").field("f,1 =", "v").time(1).toLine();
        assertThat(line).isEqualTo("m\\ x\\,y,k\\=1\\ 2=a\\ b\\,c\\=d f\\,1\\ \\==\"v\" 1");
    }

    @Test
    void escapesQuotesAndBackslashesInStringFields() {
        String line = Point.measurement("m").tag("t", "x").field("s", "say \"hi\" \\ C:\\dir\n第二行").time(1).toLine();
        assertThat(line).isEqualTo("m,t=x s=\"say \\\"hi\\\" \\\\ C:\\\\dir\n第二行\" 1");
    }

    @Test
    void keepsBackslashesLiteralAndEscapesTheSeparatorAfterThem() {
        assertThat(Point.measurement("m").tag("t", "a\\ b\\,c\\=d\\e").field("f", 1.0).time(1).toLine())
                .isEqualTo("m,t=a\\\\ b\\\\,c\\\\=d\\e f=1.0 1");
    }

    @Test
    void keepsChineseTextAsIs() {
        assertThat(Point.measurement("m").tag("名称", "华东 精密").field("值", 1.0).time(1).toLine())
                .isEqualTo("m,名称=华东\\ 精密 值=1.0 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "line\nbreak", "cr\rhere", "ends\\", "two\\\\"})
    void refusesTagValuesThatCannotReadBackTheSame(String value) {
        assertThatThrownBy(() -> Point.measurement("m").tag("t", value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tag value of t");
    }

    @Test
    void refusesNonFiniteNumbersAndTheTimeKey() {
        assertThatThrownBy(() -> Point.measurement("m").field("f", Double.NaN)).hasMessageContaining("finite");
        assertThatThrownBy(() -> Point.measurement("m").field("f", Double.POSITIVE_INFINITY)).hasMessageContaining("finite");
        assertThatThrownBy(() -> Point.measurement("m").field("time", 1.0)).hasMessageContaining("\"time\"");
        assertThatThrownBy(() -> Point.measurement("#m")).hasMessageContaining("comment");
    }

    @Test
    void refusesIncompletePoints() {
        assertThatThrownBy(() -> Point.measurement("m").time(1).toLine()).hasMessageContaining("field");
        assertThatThrownBy(() -> Point.measurement("m").field("f", 1.0).toLine()).hasMessageContaining("time");
    }

    @Test
    void pointsOfASeriesShareItsEscapedTagsAndReadLikeAnyOther() {
        Series series = Series.of("electricity", java.util.Map.of("park", "demo", "meter", "E 1", "enterprise", "ent-1"));
        String fromSeries = series.point().field("energy_kwh", 1.5).time(7).toLine();
        String plain = Point.measurement("electricity").tag("park", "demo").tag("meter", "E 1").tag("enterprise", "ent-1")
                .field("energy_kwh", 1.5).time(7).toLine();
        assertThat(fromSeries).isEqualTo(plain).isEqualTo("electricity,enterprise=ent-1,meter=E\\ 1,park=demo energy_kwh=1.5 7");
        assertThatThrownBy(() -> series.point().tag("x", "y")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Series.of("m", java.util.Map.of("t", "ends\\"))).hasMessageContaining("ends with a backslash");
    }
}
