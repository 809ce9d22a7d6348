package io.parkpulse.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.parkpulse.contract.SeqRanges.Range;
import io.parkpulse.testkit.fuzz.FuzzInputs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ack payload, written and read in one place; the cases of the gateway's and the simulators' former readers included. */
class AcknowledgementTest {

    private static final String EXAMPLE = "{\"v\": 1, \"done\": [[1040, 1045], [1047, 1047]], \"at\": 1796613752123}";

    private static Acknowledgement.Decoded decode(String json) {
        return Acknowledgement.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Range> accepted(String json) {
        Acknowledgement.Decoded d = decode(json);
        assertThat(d).as(json).isInstanceOf(Acknowledgement.Accepted.class);
        return d.ack().done();
    }

    @Test
    void encodesTheContractExample() {
        Acknowledgement ack = new Acknowledgement(List.of(new Range(1040, 1045), new Range(1047, 1047)), 1796613752123L);
        assertThat(new String(ack.toJson(), StandardCharsets.UTF_8))
                .isEqualTo("{\"v\":1,\"done\":[[1040,1045],[1047,1047]],\"at\":1796613752123}");
    }

    @Test
    void decodesTheContractExample() {
        Acknowledgement.Decoded d = decode(EXAMPLE);
        assertThat(d.ok()).isTrue();
        assertThat(d.problem()).isNull();
        assertThat(d.ack()).isEqualTo(new Acknowledgement(List.of(new Range(1040, 1045), new Range(1047, 1047)), 1796613752123L));
    }

    @Test
    void coversTheSeqsOfItsRangesOnly() {
        Acknowledgement ack = decode(EXAMPLE).ack();
        assertThat(List.of(1040L, 1044L, 1045L, 1047L)).allMatch(ack::covers);
        assertThat(List.of(1039L, 1046L, 1048L)).noneMatch(ack::covers);
    }

    @Test
    void ignoresUnknownFieldsWhereverTheyStand() {
        assertThat(accepted("{\"later\": {\"x\": [1, 2]}, \"done\": [[7, 7]], \"v\": 1, \"at\": 1, \"more\": null}"))
                .containsExactly(new Range(7, 7));
    }

    @Test
    void roundTrips() {
        Acknowledgement ack = new Acknowledgement(SeqRanges.of(List.of(0L, 1L, 2L, 9L, Long.MAX_VALUE)), 7);
        assertThat(Acknowledgement.decode(ack.toJson()).ack()).isEqualTo(ack);
    }

    /** Applying an ack is a set union: ranges a sender did not sort or merge name the same seqs, so they are read. */
    @Test
    void toleratesUnsortedOverlappingAndUnmergedRangesAndMergesThem() {
        assertThat(accepted("{\"v\":1,\"done\":[[5,6],[1,2]],\"at\":1}")).containsExactly(new Range(1, 2), new Range(5, 6));
        assertThat(accepted("{\"v\":1,\"done\":[[1,5],[5,6]],\"at\":1}")).containsExactly(new Range(1, 6));
        assertThat(accepted("{\"v\":1,\"done\":[[1,5],[6,6]],\"at\":1}")).containsExactly(new Range(1, 6));
        assertThat(accepted("{\"v\":1,\"done\":[[3,3],[1,9],[3,3]],\"at\":1}")).containsExactly(new Range(1, 9));
    }

    @Test
    void theDocumentedUnsortedExampleIsReadAsItsUnion() throws java.io.IOException {
        byte[] json = java.nio.file.Files.readAllBytes(ContractSchemaTest.DOCS.resolve("examples/ack-unsorted-overlapping-read-as-union.json"));
        assertThat(Acknowledgement.decode(json).ack().done()).containsExactly(new Range(1040, 1047));
    }

    @Test
    void anotherVersionIsIgnoredWhateverTheRestHolds() {
        assertThat(decode("{\"v\": 2, \"done\": {\"whatever\": true}}")).isEqualTo(new Acknowledgement.OtherVersion("2"));
        assertThat(decode("{\"done\":[[0,99]],\"v\":2}")).isEqualTo(new Acknowledgement.OtherVersion("2"));
        assertThat(decode("{\"v\":99999999999999999999}")).isEqualTo(new Acknowledgement.OtherVersion("99999999999999999999"));
        assertThat(decode("{\"v\": 2}").problem()).isEqualTo("v: 2 is not version 1");
        assertThat(decode("{\"v\": 2}").ok()).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            ''                                                  | payload: empty
            null                                                | payload: not a JSON object
            []                                                  | payload: not a JSON object
            [1, 2]                                              | payload: not a JSON object
            {"v":1,"done":[[1,2]],"at":1} {}                    | payload: more after the JSON object
            {"done":[[1,2]],"at":1}                             | v: missing
            {"v":"1","done":[[1,2]],"at":1}                     | v: not an integer
            {"v":{"x":1},"done":[[1,2]],"at":1}                 | v: not an integer
            {"v":1.0,"done":[[1,2]],"at":1}                     | v: not an integer
            {"v":1,"v":1,"done":[[1,2]],"at":1}                 | v: given twice
            {"v":1,"at":1}                                      | done: missing
            {"v":1,"done":[],"at":1}                            | done: empty (at least one range)
            {"v":1,"done":5,"at":1}                             | done: not an array
            {"v":1,"done":{"1":2},"at":1}                       | done: not an array
            {"v":1,"done":[[1,2]],"done":[[3,4]],"at":1}        | done: given twice
            {"v":1,"done":[[1,2]]}                              | at: missing
            {"v":1,"done":[[1,2]],"at":1.5}                     | at: not a 64-bit integer
            {"v":1,"done":[[1,2]],"at":"now"}                   | at: not a 64-bit integer
            {"v":1,"done":[[1,2]],"at":1,"at":2}                | at: given twice
            {"v":1,"done":[1,2],"at":1}                         | done[0]: not a [first, last] array
            {"v":1,"done":[[1,2],3],"at":1}                     | done[1]: not a [first, last] array
            {"v":1,"done":[[]],"at":1}                          | done[0]: first is missing
            {"v":1,"done":[[1]],"at":1}                         | done[0]: last is missing
            {"v":1,"done":[[1,2,3]],"at":1}                     | done[0]: more than two elements
            {"v":1,"done":[[1.5,2]],"at":1}                     | done[0]: first is not a 64-bit integer
            {"v":1,"done":[[1,"2"]],"at":1}                     | done[0]: last is not a 64-bit integer
            {"v":1,"done":[[1,2.0]],"at":1}                     | done[0]: last is not a 64-bit integer
            {"v":1,"done":[[1,2e3]],"at":1}                     | done[0]: last is not a 64-bit integer
            {"v":1,"done":[[1,99999999999999999999]],"at":1}    | done[0]: last is not a 64-bit integer
            {"v":1,"done":[[-1,1]],"at":1}                      | done[0]: first -1 is negative
            {"v":1,"done":[[1,2],[-1,3]],"at":1}                | done[1]: first -1 is negative
            {"v":1,"done":[[2,1]],"at":1}                       | done[0]: first 2 > last 1
            {"v":1,"done":[[1,1],[3,3],[5,5],[12,10]],"at":1}   | done[3]: first 12 > last 10
            {"v":1,"done":[[5,2]]}                              | done[0]: first 5 > last 2
            """)
    void rejectsWholeWhatIsAmbiguousSayingWhereAndWhat(String json, String reason) {
        Acknowledgement.Decoded d = decode(json);
        assertThat(d).as(json).isEqualTo(new Acknowledgement.Rejected(reason));
        assertThat(d.ok()).isFalse();
        assertThat(d.ack()).isNull();
    }

    @Test
    void rejectsWhatIsNotJsonSayingSo() {
        assertThat(decode("not json").problem()).startsWith("payload: not JSON: Unrecognized token 'not'");
        assertThat(decode("{").problem()).startsWith("payload: not JSON: Unexpected end-of-input");
        assertThat(decode("{\"v\": 1, \"done\": [[1, 2]").problem()).startsWith("payload: not JSON: Unexpected end-of-input");
        assertThat(Acknowledgement.decode(new byte[] {(byte) 0xff, 0x00, 0x7b}).problem()).startsWith("payload: not JSON: ");
        assertThat(Acknowledgement.decode(null)).isEqualTo(new Acknowledgement.Rejected("payload: empty"));
    }

    @Test
    void rejectsMoreThanAThousandRangesAndOversizedPayloads() {
        assertThat(accepted(withRanges(1_000))).hasSize(1_000);
        assertThat(decode(withRanges(1_001)).problem()).isEqualTo("done: more than 1000 ranges");
        String padded = "{\"v\":1,\"done\":[[1,1]],\"at\":1,\"pad\":\"" + "x".repeat(AckDecoder.MAX_BYTES) + "\"}";
        assertThat(decode(padded).problem()).isEqualTo("payload: " + padded.length() + " bytes, more than 262144");
    }

    private static String withRanges(int n) {
        StringBuilder json = new StringBuilder("{\"v\":1,\"at\":1,\"done\":[");
        for (int i = 0; i < n; i++) {
            json.append(i == 0 ? "" : ",").append('[').append(i * 2).append(',').append(i * 2).append(']');
        }
        return json + "]}";
    }

    @Test
    void ingestCanOnlyWriteSortedMergedRanges() {
        assertThatThrownBy(() -> new Acknowledgement(List.of(), 1)).hasMessage("done must hold 1 to 1000 ranges, not 0");
        assertThatThrownBy(() -> new Acknowledgement(List.of(new Range(5, 6), new Range(1, 2)), 1))
                .hasMessage("done must be sorted, non-overlapping and merged where adjacent: [Range[first=5, last=6], Range[first=1, last=2]]");
        assertThatThrownBy(() -> new Acknowledgement(List.of(new Range(1, 5), new Range(6, 6)), 1))
                .hasMessageStartingWith("done must be sorted, non-overlapping and merged where adjacent");
        List<Range> tooMany = SeqRanges.of(java.util.stream.LongStream.range(0, 1_001).map(i -> i * 2).boxed().toList());
        assertThatThrownBy(() -> new Acknowledgement(tooMany, 1)).hasMessage("done must hold 1 to 1000 ranges, not 1001");
    }

    /** A receiver must never crash on an ack: mangled payloads are read or rejected with a reason, nothing escapes. */
    @Test
    void mangledPayloadsAreReadOrRejectedWithAReason() {
        qt().withExamples(FuzzInputs.EXAMPLES).forAll(FuzzInputs.mutatedJson(List.of(EXAMPLE, withRanges(3),
                "{\"v\": 2, \"done\": {\"whatever\": true}}"))).checkAssert(input -> {
                    Acknowledgement.Decoded d = Acknowledgement.decode(input);
                    assertThat(d.ok() ? d.ack() : d.problem()).isNotNull();
                    assertThat(d.problem()).isNotEqualTo("");
                });
        qt().withExamples(FuzzInputs.EXAMPLES).forAll(FuzzInputs.mutatedBytes(List.of(EXAMPLE.getBytes(StandardCharsets.UTF_8))))
                .checkAssert(input -> assertThat(Acknowledgement.decode(input)).isNotNull());
    }

    @Test
    void theAckTopicIsBesideTheTelemetryTopic() {
        assertThat(Topics.ack("demo-park", "gw-01")).isEqualTo("dp/v1/demo-park/gw-01/ack");
        assertThat(Topics.ack("demo-park", "gw-south")).isEqualTo("dp/v1/demo-park/gw-south/ack");
        assertThat(Topics.parse("dp/v1/demo-park/gw-01/ack")).contains(new Topics.Address("demo-park", "gw-01", Channel.ACK));
        assertThat(Topics.allParks(Channel.ACK)).isEqualTo("dp/v1/+/+/ack");
    }
}
