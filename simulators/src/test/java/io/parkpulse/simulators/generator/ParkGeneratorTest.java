package io.parkpulse.simulators.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.contract.GatewayId;
import io.parkpulse.contract.MeterId;
import io.parkpulse.contract.MeterKind;
import io.parkpulse.park.Enterprise;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Park;
import io.parkpulse.park.ParkFileReader;
import io.parkpulse.simulators.Simulations;
import io.parkpulse.simulators.model.ElectricalRating;
import io.parkpulse.simulators.model.Industry;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ParkGeneratorTest {

    static String generate(int enterprises, long seed) {
        return ParkFileWriter.write(generator(enterprises, seed).generate());
    }

    static ParkGenerator generator(int enterprises, long seed) {
        return new ParkGenerator(new ParkGenerator.Settings("gen-park", "生成园区", Simulations.SHANGHAI, seed, enterprises, 0));
    }

    @Test
    void theSameSeedWritesTheSameFileByteForByteAndAnotherSeedAnotherFile() {
        assertThat(generate(40, 11)).isEqualTo(generate(40, 11));
        assertThat(generate(40, 12)).isNotEqualTo(generate(40, 11));
    }

    @Test
    void theFileLoadsWithTheParkReaderAndHoldsWhatTheGeneratorMeant() {
        GeneratedPark generated = generator(60, 3).generate();
        Park read = new ParkFileReader().read("gen-park.yaml", ParkFileWriter.write(generated));
        Park meant = generated.toPark();
        assertThat(read.id()).isEqualTo("gen-park");
        assertThat(read.timeZone()).isEqualTo(Simulations.SHANGHAI);
        assertThat(read.enterprises()).isEqualTo(meant.enterprises());
        assertThat(read.gateways()).isEqualTo(meant.gateways());
        assertThat(read.meters()).isEqualTo(meant.meters());
    }

    @Test
    void enterprisesSpanTheCatalogueWithTheirMetersSizedAndGrouped() {
        Park park = Simulations.generatedPark(60, 5);
        assertThat(park.enterprises()).hasSize(60);
        assertThat(park.enterprises().values().stream().map(e -> e.industry().code()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(Industry.CATALOGUE.stream().map(Industry::code).toList());

        Map<String, List<Meter>> byEnterprise = park.meters().values().stream().filter(m -> !m.isParkLevel())
                .collect(Collectors.groupingBy(m -> m.enterprise().value()));
        for (Enterprise e : park.enterprises().values()) {
            Industry industry = Industry.of(e.industry());
            List<Meter> meters = byEnterprise.get(e.id().value());
            List<Meter> electricity = meters.stream().filter(m -> m.kind() == MeterKind.ELECTRICITY).toList();
            assertThat(electricity).as(e.id().value()).hasSizeBetween(2, 4).anyMatch(m -> m.id().value().endsWith("-MAIN"));
            assertThat(meters.stream().filter(m -> m.kind() == MeterKind.WATER && m.gateway().value().contains("nbiot"))).as(e.id().value()).hasSize(1);
            assertThat(meters.stream().filter(m -> m.kind() == MeterKind.GAS)).hasSize(industry.usesGas() ? 1 : 0);
            assertThat(meters.stream().filter(m -> m.kind() == MeterKind.STEAM)).hasSize(industry.usesSteam() ? 1 : 0);
            long machines = meters.stream().filter(m -> m.kind() == MeterKind.EQUIPMENT).count();
            assertThat(machines).as(e.id().value()).isBetween((long) industry.machinesMin(), (long) industry.machinesMax());
            meters.stream().filter(m -> m.kind() == MeterKind.EQUIPMENT)
                    .forEach(m -> assertThat(m.multiplier()).isEqualTo(industry.counterMultiplier()));
            assertThat(e.landMu()).isBetween(industry.landMuMin(), industry.landMuMax());
            for (Meter m : electricity) {
                assertThat(m.ptRatio()).as(m.id() + ": 10 kV (PT 100) or 0.4 kV").isIn(1.0, 100.0);
                if (m.ptRatio() > 1) {
                    assertThat(m.ctRatio()).as(m.id() + ": a 10 kV meter sits on a CT").isGreaterThan(1);
                }
            }
        }
        assertThat(park.meters().get(MeterId.of("E-PARK-INCOMER")).isParkLevel()).isTrue();
        assertThat(park.meters().get(MeterId.of("E-PARK-INCOMER")).ptRatio()).isEqualTo(1100);
        assertThat(ElectricalRating.ratedKw(park.meters().get(MeterId.of("E-PARK-INCOMER")))).isGreaterThan(10_000);
        assertThat(park.meters().get(MeterId.of("W-PARK-INLET")).isParkLevel()).isTrue();
    }

    @Test
    void gatewaysCarryAboutFiftyWiredMetersEachPlusTheNbIotGateway() {
        Park park = Simulations.generatedPark(120, 9);
        Map<String, Long> perGateway = park.meters().values().stream().collect(Collectors.groupingBy(m -> m.gateway().value(), Collectors.counting()));
        assertThat(park.gateways()).containsKey(GatewayId.of(ParkGenerator.NBIOT_GATEWAY));
        perGateway.forEach((gateway, count) -> {
            if (!gateway.contains("nbiot")) {
                assertThat(count).as(gateway).isLessThanOrEqualTo(ParkGenerator.METERS_PER_GATEWAY);
            }
        });
        long wired = park.meters().values().stream().filter(m -> !m.gateway().value().contains("nbiot")).count();
        assertThat(park.gateways().size() - 1).as("wired gateways for " + wired + " wired meters")
                .isBetween((int) Math.ceil(wired / 50.0), (int) Math.ceil(wired / 35.0));
        // an enterprise's wired meters share one gateway
        park.meters().values().stream().filter(m -> !m.isParkLevel() && !m.gateway().value().contains("nbiot"))
                .collect(Collectors.groupingBy(Meter::enterprise, Collectors.mapping(Meter::gateway, Collectors.toSet())))
                .forEach((e, gateways) -> assertThat(gateways).as(e.value()).hasSize(1));
    }

    @Test
    void generatingByMeterCountStopsOnceThereAreEnough() {
        GeneratedPark park = new ParkGenerator(new ParkGenerator.Settings("big", "大园区", Simulations.SHANGHAI, 1, 0, 2_000)).generate();
        assertThat(park.meters().size()).isBetween(2_000, 2_012);
    }
}
