package io.parkpulse.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.Node;

/** Every problem of a YAML file comes back with its file, line, column and field, and reading goes on past it. */
class YamlMappingTest {

    private final List<ConfigFileError> errors = new ArrayList<>();

    private YamlMapping read(String text) {
        Node root = YamlMapping.compose("site.yaml", text, 10_000, errors);
        return root == null ? null : YamlMapping.of(root, "", YamlMapping.collecting("site.yaml", errors));
    }

    @Test
    void aWrongValueIsReportedAtItsLineColumnAndFieldAndTheRestIsStillRead() {
        YamlMapping site = read("""
                name: North
                area_mu: -3
                meters: 12
                """);

        assertThat(site.requiredText("name")).isEqualTo("North");
        assertThat(site.requiredNumber("area_mu", YamlMapping.POSITIVE)).isNull();
        assertThat(site.requiredNumber("meters", YamlMapping.POSITIVE)).isEqualTo(12.0);
        assertThat(errors).extracting(ConfigFileError::toString)
                .containsExactly("site.yaml:2:10: area_mu: must be greater than 0, got -3");
    }

    @Test
    void anUnknownKeyGetsTheNearestAllowedOneAsAHint() {
        YamlMapping site = read("""
                name: North
                timezone: Asia/Shanghai
                """);

        site.allowOnly(Set.of("name", "time_zone"));

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.field()).isEqualTo("timezone");
            assertThat(e.message()).contains("did you mean \"time_zone\"?");
        });
    }

    @Test
    void nestedFieldsAndListElementsCarryTheirPath() {
        YamlMapping site = read("""
                meters:
                  - id: m-1
                  - id: 7
                    kind: [electricity]
                """);
        List<String> ids = new ArrayList<>();

        YamlMapping.eachElement(site.get("meters"), site.child("meters"), YamlMapping.collecting("site.yaml", errors), (node, path) -> {
            YamlMapping meter = YamlMapping.of(node, path, YamlMapping.collecting("site.yaml", errors));
            ids.add(meter.requiredText("id"));
            meter.optionalText("kind", "electricity");
        });

        assertThat(ids).containsExactly("m-1", "7");
        assertThat(errors).extracting(ConfigFileError::toString).singleElement().asString()
                .startsWith("site.yaml:4:11: meters[1].kind: ");
    }

    @Test
    void aKeyWrittenTwiceIsReportedWhereItIsRepeated() {
        YamlMapping site = read("name: a\nname: b\n");

        assertThat(site.requiredText("name")).isEqualTo("a");
        assertThat(errors).extracting(ConfigFileError::toString).containsExactly("site.yaml:2:1: name: appears twice; keep one");
    }

    @Test
    void brokenOrEmptyYamlIsRefusedWithItsPlace() {
        assertThat(read("name: [unclosed\n")).isNull();
        assertThat(read("")).isNull();

        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).line()).isEqualTo(2);
        assertThat(errors.get(0).message()).startsWith("not valid YAML");
        assertThat(errors.get(1).message()).isEqualTo("the file is empty");
    }

    @Test
    void aProblemOfTheWholeFileReadsWithoutLineOrField() {
        assertThat(new ConfigFileError("parks/a.yaml", 0, 0, "", "the file is empty")).hasToString("parks/a.yaml: the file is empty");
        assertThat(new ConfigFileError("parks/a.yaml", 3, 0, "id", "missing")).hasToString("parks/a.yaml:3: id: missing");
    }
}
