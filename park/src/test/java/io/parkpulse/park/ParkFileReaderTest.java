package io.parkpulse.park;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.parkpulse.config.ConfigFileError;
import io.parkpulse.contract.EnterpriseId;
import io.parkpulse.contract.GatewayId;
import io.parkpulse.contract.MeterId;
import io.parkpulse.contract.MeterKind;
import io.parkpulse.contract.Quantity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParkFileReaderTest {

    static final Path DEMO = Path.of("..", "test-kit", "parks", "demo-park.yaml");
    final ParkFileReader reader = new ParkFileReader();

    static final String VALID = """
            schema_version: 1
            park:
              id: p1
              name: 测试园区
              time_zone: Asia/Shanghai
            enterprises:
              - id: ent-1
                name: 甲公司
                industry: "3011"
                land_mu: 10.5
            gateways:
              - id: gw-1
            meters:
              - id: E-1
                kind: electricity
                enterprise: ent-1
                gateway: gw-1
                ct_ratio: 40
                pt_ratio: 100
            """;

    List<String> errorsOf(String yaml) {
        InvalidParkFileException e = catchThrowableOfType(InvalidParkFileException.class, () -> reader.read("park.yaml", yaml));
        assertThat(e).as("expected the file to be rejected").isNotNull();
        return e.errors().stream().map(ConfigFileError::toString).toList();
    }

    @Test
    void readsTheDemoPark() {
        Park park = reader.read(DEMO);

        assertThat(park.id()).isEqualTo("demo-park");
        assertThat(park.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(park.enterprises()).hasSize(9);
        assertThat(park.gateways()).containsOnlyKeys(GatewayId.of("gw-north"), GatewayId.of("gw-south"), GatewayId.of("gw-nbiot"));
        assertThat(park.enterprise(EnterpriseId.of("ent-xinyuan-cement")).orElseThrow().industry().code()).isEqualTo("C3011");
        Meter main = park.meter(MeterId.of("E-HD-MAIN")).orElseThrow();
        assertThat(main.factorFor(Quantity.ENERGY_KWH)).isEqualTo(4000.0);
        assertThat(main.factorFor(Quantity.CURRENT_A)).isEqualTo(40.0);
        assertThat(main.factorFor(Quantity.VOLTAGE_V)).isEqualTo(100.0);
        assertThat(main.factorFor(Quantity.POWER_FACTOR)).isEqualTo(1.0);
        assertThat(park.meter(MeterId.of("W-PARK-INLET")).orElseThrow().isParkLevel()).isTrue();
        assertThat(park.meter(MeterId.of("E-QY-BLOWER")).orElseThrow().metering()).isEqualTo(Metering.INSTANTANEOUS);
        assertThat(park.meter(MeterId.of("G-LY-01")).orElseThrow().factorFor(Quantity.GAS_M3)).isEqualTo(0.01);
        assertThat(park.enterprise(EnterpriseId.of("ent-zhiyun-software")).orElseThrow().landMu()).isZero();
        assertThat(park.meters().values()).allSatisfy(m -> assertThat(park.hasGateway(m.gateway())).isTrue());
        assertThat(park.gateways().get(GatewayId.of("gw-nbiot")).uplinkInterval()).isEqualTo(java.time.Duration.ofDays(1));
        assertThat(park.gateways().get(GatewayId.of("gw-north")).uplinkInterval()).as("sends as it reads").isNull();
    }

    @Test
    void readsAMinimalFileWithDefaults() {
        Park park = reader.read("park.yaml", VALID);
        Meter meter = park.meter(MeterId.of("E-1")).orElseThrow();
        assertThat(meter.name()).isEqualTo("E-1");
        assertThat(meter.metering()).isEqualTo(Metering.CUMULATIVE);
        assertThat(meter.kind()).isEqualTo(MeterKind.ELECTRICITY);
        assertThat(park.gateways().get(GatewayId.of("gw-1")).name()).isEqualTo("gw-1");
        assertThat(park.revision()).isEmpty();
    }

    @Nested
    class ErrorsNameFileLineAndField {
        @Test
        void aWrongMeterKind() {
            assertThat(errorsOf(VALID.replace("kind: electricity", "kind: electric")))
                    .containsExactly("park.yaml:15:11: meters[0].kind: \"electric\" is not a meter kind; expected one of "
                            + "electricity, water, gas, steam, heat, equipment");
        }

        @Test
        void aMissingRequiredField() {
            assertThat(errorsOf(VALID.replace("    land_mu: 10.5\n", "")))
                    .containsExactly("park.yaml:7:5: enterprises[0].land_mu: is required");
        }

        @Test
        void aNumberThatIsText() {
            assertThat(errorsOf(VALID.replace("land_mu: 10.5", "land_mu: 10.5 mu")))
                    .containsExactly("park.yaml:10:14: enterprises[0].land_mu: must be a number, got \"10.5 mu\"");
        }

        @Test
        void aMisspelledKeyGetsASuggestion() {
            assertThat(errorsOf(VALID.replace("ct_ratio: 40", "ct_raito: 40")).get(0))
                    .startsWith("park.yaml:18:15: meters[0].ct_raito: unknown key; did you mean \"ct_ratio\"?");
        }

        @Test
        void aReferenceToAnUnknownEnterpriseGetsASuggestion() {
            assertThat(errorsOf(VALID.replace("enterprise: ent-1", "enterprise: ent-2")))
                    .containsExactly("park.yaml:16:17: meters[0].enterprise: \"ent-2\" is not listed under enterprises; did you mean \"ent-1\"?");
        }

        @Test
        void anUplinkIntervalThatIsNotADurationOfAtMostADay() {
            assertThat(errorsOf(VALID.replace("  - id: gw-1\n", "  - id: gw-1\n    uplink_interval: daily\n")))
                    .singleElement().asString().contains("gateways[0].uplink_interval: \"daily\" is not a duration such as PT15M or PT1H");
            assertThat(errorsOf(VALID.replace("  - id: gw-1\n", "  - id: gw-1\n    uplink_interval: P2D\n")))
                    .singleElement().asString().contains("P2D must be more than 0 and at most a day (P1D)");
        }

        @Test
        void anUnknownGateway() {
            assertThat(errorsOf(VALID.replace("gateway: gw-1", "gateway: gw-9")))
                    .singleElement().asString().contains("meters[0].gateway: \"gw-9\" is not listed under gateways");
        }

        @Test
        void anInvalidTimeZone() {
            assertThat(errorsOf(VALID.replace("Asia/Shanghai", "Beijing")))
                    .containsExactly("park.yaml:5:14: park.time_zone: \"Beijing\" is not a time-zone id; use a region id such as Asia/Shanghai");
        }

        @Test
        void anIndustryCodeThatDoesNotExist() {
            assertThat(errorsOf(VALID.replace("\"3011\"", "D3011")))
                    .containsExactly("park.yaml:9:15: enterprises[0].industry: \"D3011\": division 30 belongs to section C, not D");
        }

        @Test
        void anIdThatCannotBeATopicLevel() {
            assertThat(errorsOf(VALID.replace("id: gw-1", "id: gw/1")).get(0))
                    .startsWith("park.yaml:12:9: gateways[0].id: id \"gw/1\" must start with a letter or digit");
        }

        @Test
        void duplicateIdsAndDuplicateKeys() {
            String twice = VALID + """
                  - id: E-1
                    kind: water
                    gateway: gw-1
                    gateway: gw-1
                """;
            assertThat(errorsOf(twice)).containsExactly(
                    "park.yaml:23:5: meters[1].gateway: appears twice; keep one",
                    "park.yaml:20:9: meters[1].id: meter id \"E-1\" is already used above");
        }

        @Test
        void transformerRatiosBelongToElectricityMeters() {
            String water = VALID + """
                  - id: W-1
                    kind: water
                    gateway: gw-1
                    ct_ratio: 40
                """;
            assertThat(errorsOf(water)).containsExactly("park.yaml:23:15: meters[1].ct_ratio: only electricity meters have ct_ratio; use multiplier");
            assertThat(errorsOf(VALID.replace("ct_ratio: 40", "multiplier: 40"))).singleElement().asString()
                    .contains("meters[0].multiplier: electricity meters take ct_ratio and pt_ratio instead");
        }

        @Test
        void ratiosMustBePositive() {
            assertThat(errorsOf(VALID.replace("pt_ratio: 100", "pt_ratio: 0")))
                    .containsExactly("park.yaml:19:15: meters[0].pt_ratio: must be greater than 0, got 0");
            assertThat(errorsOf(VALID.replace("land_mu: 10.5", "land_mu: -1"))).singleElement().asString()
                    .contains("must not be negative");
            assertThat(errorsOf(VALID.replace("pt_ratio: 100", "pt_ratio: .nan"))).singleElement().asString()
                    .contains("must be a finite number");
        }

        @Test
        void everyProblemIsReportedNotJustTheFirst() {
            String broken = VALID.replace("kind: electricity", "kind: electric")
                    .replace("land_mu: 10.5", "land_mu: lots")
                    .replace("Asia/Shanghai", "Mars/Olympus");
            assertThat(errorsOf(broken)).hasSize(3);
        }

        @Test
        void aListWhereAMappingBelongs() {
            assertThat(errorsOf(VALID.replace("park:\n  id: p1\n  name: 测试园区\n  time_zone: Asia/Shanghai", "park: [p1]"))).isNotEmpty()
                    .first().asString().contains("park: must be a mapping");
        }

        @Test
        void theWrongSchemaVersion() {
            assertThat(errorsOf(VALID.replace("schema_version: 1", "schema_version: 2")))
                    .containsExactly("park.yaml:1:17: schema_version: this ParkPulse reads schema_version 1, got 2");
        }

        @Test
        void unknownTopLevelSections() {
            assertThat(errorsOf(VALID + "polcy: {}\n").get(0)).contains("polcy: unknown key");
        }
    }

    @Nested
    class UnreadableFiles {
        @Test
        void yamlSyntaxErrorsNameTheLine() {
            assertThat(errorsOf("park:\n  id: [unclosed\n")).singleElement().asString()
                    .startsWith("park.yaml:3:1: not valid YAML");
        }

        @Test
        void emptyFiles() {
            assertThat(errorsOf("")).containsExactly("park.yaml: the file is empty");
        }

        @Test
        void nonUtf8Files(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("latin1.yaml");
            Files.write(file, VALID.replace("测试园区", "Parc élevé").getBytes(StandardCharsets.ISO_8859_1));
            assertThatThrownBy(() -> reader.read(file)).hasMessageContaining("latin1.yaml: the file is not UTF-8 text");
        }

        @Test
        void missingFiles(@TempDir Path dir) {
            assertThatThrownBy(() -> reader.read(dir.resolve("nope.yaml"))).hasMessageContaining("nope.yaml: cannot read the file");
        }

        @Test
        void aliasBombsAreRefused() {
            String bomb = "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                    + "d: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n";
            assertThat(errorsOf(bomb)).isNotEmpty();
        }
    }
}
