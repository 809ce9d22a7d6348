package io.parkpulse.simulators.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.contract.DecodedTelemetry;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.TelemetryDecoder;
import io.parkpulse.park.Park;
import io.parkpulse.park.ParkFileReader;
import io.parkpulse.simulators.Simulations;
import io.parkpulse.simulators.generator.DemoParkGenerator;
import io.parkpulse.simulators.model.ModelSettings;
import io.parkpulse.simulators.model.ParkModel;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HistoryThinningTest {

    static final Park DEMO = new ParkFileReader().read("demo-park.yaml", new DemoParkGenerator(2026).generate().text());
    static final long FROM = Simulations.localMidnight(LocalDate.of(2026, 10, 28));
    static final long UNTIL = Simulations.localMidnight(LocalDate.of(2026, 11, 1));
    static final long TO = Simulations.localMidnight(LocalDate.of(2026, 11, 2));

    static Map<String, List<Reading>> readings(boolean thinned) throws Exception {
        List<OutgoingMessage> messages = new ArrayList<>();
        ParkModel model = ParkModel.build(DEMO, ModelSettings.of(2026));
        SimulationRun run = new SimulationRun(model, RunSettings.between(FROM, TO, Duration.ofMinutes(15), 200), Pace.backfill(),
                messages::add, new RunStats());
        if (thinned) {
            int nbIot = model.gateways().indexOf("gw-nbiot");
            run.thinHistory(Duration.ofDays(1), UNTIL, DEMO.timeZone(), Set.of(nbIot));
        }
        run.run();
        TelemetryDecoder decoder = Simulations.decoderAt(TO);
        Map<String, List<Reading>> byMeter = new HashMap<>();
        for (OutgoingMessage m : messages) {
            DecodedTelemetry decoded = decoder.decode(m.payload());
            assertThat(decoded.rejections()).isEmpty();
            for (Reading r : decoded.readings()) {
                byMeter.computeIfAbsent(r.meter(), k -> new ArrayList<>()).add(r);
            }
        }
        return byMeter;
    }

    @Test
    void beforeTheBoundaryWiredMetersSendOneReadingADayAtLocalMidnightWithTheFullRunsRegisters() throws Exception {
        Map<String, List<Reading>> full = readings(false);
        Map<String, List<Reading>> thin = readings(true);
        List<Reading> main = thin.get("E-XY-MAIN");
        List<Long> beforeBoundary = main.stream().map(Reading::timeMs).filter(t -> t < UNTIL).toList();
        assertThat(beforeBoundary).containsExactly(FROM, FROM + 86_400_000L, FROM + 2 * 86_400_000L, FROM + 3 * 86_400_000L);
        assertThat(main.stream().filter(r -> r.timeMs() >= UNTIL).count()).as("15-minute readings from the boundary on").isEqualTo(96);
        Map<Long, Reading> fullByTime = new HashMap<>();
        full.get("E-XY-MAIN").forEach(r -> fullByTime.put(r.timeMs(), r));
        for (Reading r : main) {
            assertThat(r.values()).as("the same registers as a full-rate run at %s", r.timeMs()).isEqualTo(fullByTime.get(r.timeMs()).values());
        }
        assertThat(thin.get("W-PARK-INLET").stream().filter(r -> r.timeMs() < UNTIL)).hasSize(4);
        String nbMeter = DEMO.meters().values().stream().filter(m -> m.gateway().value().equals("gw-nbiot")).findFirst().orElseThrow()
                .id().value();
        assertThat(thin.get(nbMeter)).as("NB-IoT meters are not thinned").hasSameSizeAs(full.get(nbMeter));
    }
}
