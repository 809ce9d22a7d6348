package io.parkpulse.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed ids are valid by construction, print and serialise as their text, and are never equal across kinds. */
class TypedIdsTest {

    @Test
    void anIdThatIsNotOneIsRefusedNamingItsKindAndValue() {
        assertThatThrownBy(() -> MeterId.of("E 1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("meter id \"E 1\" must start with a letter or digit and contain only letters, digits and . _ : -");
        assertThatThrownBy(() -> GatewayId.of("")).hasMessage("gateway id must not be empty");
        assertThatThrownBy(() -> EnterpriseId.of("x".repeat(65))).hasMessage("enterprise id is 65 characters long; at most 64 are allowed");
    }

    @Test
    void textFromOutsideIsParsedWithoutThrowing() {
        assertThat(MeterId.parse("E-1")).contains(MeterId.of("E-1"));
        assertThat(MeterId.parse("E/1")).isEmpty();
        assertThat(GatewayId.parse(null)).isEmpty();
    }

    @Test
    void anIdPrintsAndSerialisesAsItsValue() throws Exception {
        assertThat("meter " + MeterId.of("E-1")).isEqualTo("meter E-1");
        assertThat(new ObjectMapper().writeValueAsString(Map.of("id", EnterpriseId.of("ent-a")))).isEqualTo("{\"id\":\"ent-a\"}");
    }

    @Test
    void idsOfDifferentKindsWithTheSameTextAreNotEqual() {
        Object meter = MeterId.of("x-1");
        Object gateway = GatewayId.of("x-1");
        assertThat(meter).isNotEqualTo(gateway);
        assertThat(MeterId.of("x-1")).isEqualTo(MeterId.of("x-1")).isLessThan(MeterId.of("x-2"));
    }
}
