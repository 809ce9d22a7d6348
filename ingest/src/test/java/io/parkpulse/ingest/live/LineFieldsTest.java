package io.parkpulse.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.storage.Point;
import org.junit.jupiter.api.Test;

class LineFieldsTest {

    @Test
    void readsANumberFieldAnywhereAmongTheFields() {
        String line = "electricity,enterprise=ent-1,meter=E-1,park=p energy_kwh=402000.0,power_kw=1650.0,voltage_v=10020.0 1795305540000";
        assertThat(LineFields.number(line, "power_kw")).isEqualTo(1650.0);
        assertThat(LineFields.number(line, "energy_kwh")).isEqualTo(402000.0);
        assertThat(LineFields.number(line, "voltage_v")).isEqualTo(10020.0);
        assertThat(LineFields.number(line, "flow_m3h")).isNull();
        assertThat(LineFields.number(line, "power")).as("a prefix of a key is not the key").isNull();
    }

    @Test
    void followsTheEscapingThatPointWrites() {
        String line = Point.measurement("equipment").tag("meter", "M 1,=x").tag("park", "p")
                .field("state", "run, \"fast\" power_kw=9").field("power_kw", 12.5).field("odd key=", 3.0).time(5).toLine();
        assertThat(LineFields.number(line, "power_kw")).isEqualTo(12.5);
        assertThat(LineFields.number(line, "odd key=")).isEqualTo(3.0);
        assertThat(LineFields.number(line, "state")).as("a string is not a number").isNull();
    }

    @Test
    void readsAStringFieldUnescaped() {
        String line = Point.measurement("equipment").tag("meter", "M-1").tag("park", "p")
                .field("note", "a \"b\" c\\d, e=f").field("state", "fault").field("power_kw", 1.5).time(5).toLine();
        assertThat(LineFields.string(line, "state")).isEqualTo("fault");
        assertThat(LineFields.string(line, "note")).isEqualTo("a \"b\" c\\d, e=f");
        assertThat(LineFields.string(line, "power_kw")).as("a number is not a string").isNull();
        assertThat(LineFields.string(line, "mode")).isNull();
        assertThat(LineFields.string("m,a=b state=\"\" 1", "state")).isEmpty();
    }

    @Test
    void integersBooleansAndExponentsAreHandled() {
        assertThat(LineFields.number("m,a=b flow_m3h=1.0E-4 1", "flow_m3h")).isEqualTo(1.0E-4);
        assertThat(LineFields.number("m,a=b n=7i,online=true 1", "n")).isEqualTo(7.0);
        assertThat(LineFields.number("m,a=b n=7i,online=true 1", "online")).isNull();
        assertThat(LineFields.number("not a line", "n")).isNull();
        assertThat(LineFields.number("", "n")).isNull();
    }
}
