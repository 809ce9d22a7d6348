package io.parkpulse.simulators.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.contract.DecodedTelemetry;
import io.parkpulse.contract.GatewayId;
import io.parkpulse.contract.MeterId;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.RejectReason;
import io.parkpulse.contract.TelemetryDecoder;
import io.parkpulse.contract.Value;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Park;
import io.parkpulse.simulators.Simulations;
import io.parkpulse.simulators.faults.FaultEvent;
import io.parkpulse.simulators.faults.FaultRates;
import io.parkpulse.simulators.faults.FaultType;
import io.parkpulse.simulators.model.ModelSettings;
import io.parkpulse.simulators.model.ParkModel;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DryRunTest {

    static final Park DEMO = Simulations.demoPark();
    static final Park GENERATED = Simulations.generatedPark(25, 4);
    static final long FROM = Simulations.localMidnight(LocalDate.of(2026, 11, 18));
    static final long TO = FROM + Duration.ofDays(1).toMillis();

    static byte[] dayOfMessages(Park park, long seed, FaultRates faults) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ParkModel model = ParkModel.build(park, ModelSettings.of(seed).withFaults(faults));
        new SimulationRun(model, RunSettings.between(FROM, TO, Duration.ofMinutes(15), 200), Pace.backfill(),
                new DryRunSink(out, park.id(), park.timeZone(), new RunStats()), new RunStats()).run();
        return out.toByteArray();
    }

    @Test
    void theSameSeedGivesByteIdenticalMessagesAndAnotherSeedDifferentOnes() throws Exception {
        for (Park park : List.of(DEMO, GENERATED)) {
            byte[] first = dayOfMessages(park, 7, FaultRates.REALISTIC);
            assertThat(first.length).isGreaterThan(100_000);
            assertThat(dayOfMessages(park, 7, FaultRates.REALISTIC)).as(park.id()).isEqualTo(first);
            assertThat(dayOfMessages(park, 8, FaultRates.REALISTIC)).as(park.id()).isNotEqualTo(first);
        }
    }

    @Test
    void everyReadingDecodesWithoutRejectionAndIsOneItsMeterMayReport() throws Exception {
        for (Park park : List.of(DEMO, GENERATED)) {
            ParkModel model = ParkModel.build(park, ModelSettings.of(1));
            List<OutgoingMessage> messages = Simulations.dryRun(model, FROM, TO, Duration.ofMinutes(15), 200);
            TelemetryDecoder decoder = Simulations.decoderAt(TO);
            Set<String> seen = new HashSet<>();
            long readings = 0;
            for (OutgoingMessage m : messages) {
                assertThat(m.payload().length).isLessThanOrEqualTo(256 * 1024);
                DecodedTelemetry decoded = decoder.decode(m.payload());
                assertThat(decoded.rejections()).as(park.id() + " message " + m.seq() + " of " + m.gatewayId()).isEmpty();
                assertThat(decoded.readings()).hasSize(m.readings()).hasSizeLessThanOrEqualTo(200);
                for (Reading r : decoded.readings()) {
                    Meter meter = park.meters().get(MeterId.of(r.meter()));
                    assertThat(meter).as(r.meter()).isNotNull();
                    assertThat(meter.gateway()).as(r.meter()).isEqualTo(GatewayId.of(m.gatewayId()));
                    for (Value v : r.values()) {
                        assertThat(meter.cannotReport(v.quantity())).as(r.meter() + " " + v.quantity()).isNull();
                    }
                    seen.add(r.meter());
                    readings++;
                }
            }
            assertThat(seen).as(park.id() + ": every meter reported")
                    .isEqualTo(park.meters().keySet().stream().map(MeterId::value).collect(Collectors.toSet()));
            long nb = park.meters().values().stream().filter(x -> x.gateway().value().contains("nbiot")).count();
            assertThat(readings).as(park.id()).isEqualTo((park.meters().size() - nb) * 96 + nb * 24);
        }
    }

    @Test
    void aRunEndingAtAMonthsEndReportsThatMonthComplete() throws Exception {
        List<io.parkpulse.simulators.model.EnterpriseMonth> months = new ArrayList<>();
        ParkModel model = ParkModel.build(DEMO, ModelSettings.of(1).withOutputs(months::add));
        long from = Simulations.localMidnight(LocalDate.of(2026, 10, 15));
        long to = Simulations.localMidnight(LocalDate.of(2026, 12, 1));
        Simulations.dryRun(model, from, to, Duration.ofHours(1), 1000);
        assertThat(months).hasSize(2 * DEMO.enterprises().size());
        assertThat(months).filteredOn(m -> m.month().getMonthValue() == 10).allSatisfy(m -> assertThat(m.complete()).isFalse());
        assertThat(months).filteredOn(m -> m.month().getMonthValue() == 11).allSatisfy(m -> assertThat(m.complete()).isTrue());
    }

    /** With faults on, messages not logged as corrupted still decode cleanly; corrupted and duplicated ones are what the log says. */
    @Test
    void injectedMessageFaultsAreWhatTheFaultLogSays() throws Exception {
        List<FaultEvent> faults = new ArrayList<>();
        FaultRates rates = FaultRates.NONE.with("duplicate=0.05").with("malformed=0.05").with("clock_skew=300").with("gap=30");
        ParkModel model = ParkModel.build(GENERATED, ModelSettings.of(2).withFaults(rates).withFaultLog(faults::add));
        List<OutgoingMessage> messages = Simulations.dryRun(model, FROM, TO, Duration.ofMinutes(15), 100);
        // readings may lie up to the largest skew ahead of true time
        TelemetryDecoder decoder = Simulations.decoderAt(TO + Duration.ofHours(2).toMillis());

        Set<String> malformed = keys(faults, FaultType.MALFORMED_PAYLOAD);
        Set<String> duplicated = keys(faults, FaultType.DUPLICATE_MESSAGE);
        assertThat(malformed).isNotEmpty();
        assertThat(duplicated).isNotEmpty();
        Set<String> published = new HashSet<>();
        int skewed = 0;
        for (OutgoingMessage m : messages) {
            String key = m.gatewayId() + "#" + m.seq();
            DecodedTelemetry decoded = decoder.decode(m.payload());
            if (malformed.contains(key)) {
                assertThat(decoded.wholeMessageRejected()).isTrue();
                assertThat(decoded.rejections().get(0).reason()).isEqualTo(RejectReason.MALFORMED_JSON);
            } else {
                assertThat(decoded.rejections()).as(key).isEmpty();
                for (Reading r : decoded.readings()) {
                    if (r.timeMs() % 60_000 != 0) {
                        throw new AssertionError("skews are whole minutes");
                    }
                    if (r.timeMs() % 900_000 != 0 && !r.meter().contains("-NB")) {
                        skewed++;
                    }
                }
            }
            if (!published.add(key)) {
                assertThat(duplicated).as("published twice: " + key).contains(key);
                assertThat(m.copy()).isTrue();
            }
        }
        assertThat(published).containsAll(duplicated);
        assertThat(skewed).as("readings off the 15-minute grid come from skewed gateways").isPositive();
        assertThat(faults).filteredOn(f -> f.type() == FaultType.CLOCK_SKEW).isNotEmpty()
                .allSatisfy(f -> assertThat(Math.abs(((Number) f.details().get("offset_ms")).longValue())).isBetween(60_000L, 5_400_000L));
    }

    private static Set<String> keys(List<FaultEvent> faults, FaultType type) {
        Set<String> keys = new HashSet<>();
        for (FaultEvent f : faults) {
            if (f.type() == type) {
                keys.add(f.gateway() + "#" + f.details().get("seq"));
            }
        }
        return keys;
    }
}
