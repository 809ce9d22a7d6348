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
    void readsItsFieldsBackAsTheyWereGivenWithoutParsingText() {
        Point point = Point.measurement("electricity").tag("park", "p").field("power_kw", 1650.0).field("energy_kwh", 402_000.0)
                .field("state", "a \"b\" c\\d, e=f").field("online", true).field("odd key=", 3.0).time(5);

        assertThat(point.number("power_kw")).hasValue(1650.0);
        assertThat(point.number("odd key=")).hasValue(3.0);
        assertThat(point.number("power")).as("a prefix of a key is not the key").isEmpty();
        assertThat(point.number("state")).as("a string is not a number").isEmpty();
        assertThat(point.number("online")).as("a boolean is not a number").isEmpty();
        assertThat(point.text("state")).hasValue("a \"b\" c\\d, e=f");
        assertThat(point.text("power_kw")).as("a number is not a string").isEmpty();
        assertThat(point.text("mode")).isEmpty();
        assertThat(point.timeMs()).isEqualTo(5);
    }

    @Test
    void rendersManyFieldsIntoABodyTheSameAsItsOwnLine() {
        Point point = Point.measurement("m").tag("t", "x").time(9);
        for (int i = 0; i < 10; i++) {
            point.field("f" + i, i * 1.5);
        }
        StringBuilder body = new StringBuilder("first line\n");

        point.appendTo(body).append('\n');

        assertThat(body.toString()).isEqualTo("first line\n" + point.toLine() + "\n");
        assertThat(point.toLine()).startsWith("m,t=x f0=0.0,f1=1.5,").endsWith(",f9=13.5 9");
        assertThat(point.number("f9")).hasValue(13.5);
    }

    @Test
    void aPointOfASeriesRendersTheSeriesKeyWrittenOnce() {
        Series series = Series.of("water", java.util.Map.of("park", "demo park", "meter", "W-1"));

        assertThat(series.point().field("flow_m3h", 1.0E-4).time(3).toLine()).isEqualTo("water,meter=W-1,park=demo\\ park flow_m3h=1.0E-4 3");
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
