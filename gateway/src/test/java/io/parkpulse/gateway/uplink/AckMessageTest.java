package io.parkpulse.gateway.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AckMessageTest {

    @Test
    void readsTheContractsExample() {
        assertThat(parse("{\"v\": 1, \"done\": [[1040, 1045], [1047, 1047]], \"at\": 1796613752123}"))
                .isEqualTo(new AckMessage.Done(List.of(new AckMessage.Range(1040, 1045), new AckMessage.Range(1047, 1047))));
    }

    @Test
    void ignoresUnknownFieldsAndAcceptsNoRanges() {
        assertThat(parse("{\"later\": {\"x\": [1, 2]}, \"v\": 1, \"done\": [], \"at\": 1, \"more\": null}"))
                .isEqualTo(new AckMessage.Done(List.of()));
    }

    @Test
    void anotherVersionIsIgnored() {
        assertThat(parse("{\"v\": 2, \"done\": {\"whatever\": true}}")).isEqualTo(new AckMessage.OtherVersion("2"));
    }

    @Test
    void malformedAcksSayWhy() {
        assertMalformed("", "not a JSON object");
        assertMalformed("{\"v\": 1, \"done\": [[1, 2]", "not JSON");
        assertMalformed("[1, 2]", "not a JSON object");
        assertMalformed("{\"done\": [[1, 2]]}", "v missing");
        assertMalformed("{\"v\": \"1\", \"done\": [[1, 2]]}", "v is not an integer");
        assertMalformed("{\"v\": 1}", "done missing");
        assertMalformed("{\"v\": 1, \"done\": 5}", "done is not an array");
        assertMalformed("{\"v\": 1, \"done\": [[5, 4]]}", "done[0] is not a range");
        assertMalformed("{\"v\": 1, \"done\": [[1, 2], [-1, 3]]}", "done[1] is not a range");
        assertMalformed("{\"v\": 1, \"done\": [[1]]}", "done[0] is not a pair");
        assertMalformed("{\"v\": 1, \"done\": [[1, 2, 3]]}", "more than two");
        assertMalformed("{\"v\": 1, \"done\": [[1.5, 2]]}", "whole numbers");
        assertMalformed("{\"v\": 1, \"done\": [[1, 99999999999999999999999]]}", "whole numbers");
        assertMalformed("{\"v\": 1, \"done\": [3]}", "not a [first, last] pair");
        assertMalformed("{\"v\": 1, \"done\": [], \"at\": \"now\"}", "at is not an integer");
        assertMalformed("{\"v\": 1, \"done\": []} {}", "text after");
        assertMalformed("{\"v\": 1, \"v\": 1, \"done\": []}", "v given twice");
        StringBuilder many = new StringBuilder("{\"v\": 1, \"done\": [");
        for (int i = 0; i <= AckMessage.MAX_RANGES; i++) {
            many.append(i == 0 ? "" : ",").append('[').append(2 * i).append(',').append(2 * i).append(']');
        }
        assertMalformed(many.append("]}").toString(), "more than 1000 ranges");
        assertThat(AckMessage.parse(null)).isInstanceOf(AckMessage.Malformed.class);
    }

    @Test
    void randomAndMangledInputNeverThrows() {
        Random random = new Random(17);
        byte[] valid = "{\"v\": 1, \"done\": [[1040, 1045], [1047, 1047]], \"at\": 1796613752123}".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 20_000; i++) {
            byte[] input;
            if (i % 2 == 0) {
                input = new byte[random.nextInt(80)];
                random.nextBytes(input);
            } else {
                input = valid.clone();
                input[random.nextInt(input.length)] = (byte) random.nextInt(256);
                input = java.util.Arrays.copyOf(input, random.nextInt(input.length + 1));
            }
            assertThat(AckMessage.parse(input)).isNotNull();
        }
    }

    private static AckMessage.Parsed parse(String json) {
        return AckMessage.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertMalformed(String json, String reason) {
        AckMessage.Parsed parsed = parse(json);
        assertThat(parsed).as(json).isInstanceOf(AckMessage.Malformed.class);
        assertThat(((AckMessage.Malformed) parsed).reason()).as(json).contains(reason);
    }
}
