package io.parkpulse.simulators.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkpulse.contract.DecodedTelemetry;
import io.parkpulse.contract.Limits;
import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.TelemetryDecoder;
import io.parkpulse.contract.TelemetryEncoder;
import io.parkpulse.contract.TelemetryMessage;
import io.parkpulse.contract.Value;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Park;
import io.parkpulse.park.ParkFileReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedParkTest {

    static final Park DEMO = new ParkFileReader().read(Path.of("..", "parks", "demo-park.yaml"));
    static final ZonedDateTime MONDAY_10AM = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, DEMO.timeZone());

    static List<Reading> readAll(SimulatedPark park, ZonedDateTime time) {
        List<Reading> readings = new ArrayList<>();
        for (String gateway : DEMO.gateways().keySet()) {
            for (SimulatedMeter meter : park.metersOf(gateway)) {
                readings.add(meter.read(time));
            }
        }
        return readings;
    }

    @Test
    void theSameSeedGivesTheSameReadings() {
        SimulatedPark a = new SimulatedPark(DEMO, 7);
        SimulatedPark b = new SimulatedPark(DEMO, 7);
        for (int step = 0; step < 5; step++) {
            ZonedDateTime t = MONDAY_10AM.plusMinutes(15L * step);
            assertThat(readAll(a, t)).isEqualTo(readAll(b, t));
        }
        assertThat(readAll(new SimulatedPark(DEMO, 8), MONDAY_10AM)).isNotEqualTo(readAll(new SimulatedPark(DEMO, 7), MONDAY_10AM));
    }

    @Test
    void everyMeterOfTheDemoParkSendsReadingsThePlatformAccepts() {
        SimulatedPark park = new SimulatedPark(DEMO, 1);
        TelemetryDecoder decoder = new TelemetryDecoder(Limits.DEFAULT, Clock.fixed(MONDAY_10AM.toInstant(), DEMO.timeZone()));
        for (int step = 0; step < 96; step++) {
            List<Reading> readings = readAll(park, MONDAY_10AM.minusHours(24).plusMinutes(15L * step));
            DecodedTelemetry decoded = decoder.decode(new TelemetryEncoder().encode(new TelemetryMessage(step, readings)));
            assertThat(decoded.rejections()).isEmpty();
            for (Reading r : decoded.readings()) {
                Meter meter = DEMO.meters().get(r.meter());
                for (Value v : r.values()) {
                    assertThat(meter.cannotReport(v.quantity())).as(r.meter() + " " + v.quantity()).isNull();
                }
            }
        }
        assertThat(readAll(park, MONDAY_10AM)).extracting(Reading::meter).containsExactlyInAnyOrderElementsOf(DEMO.meters().keySet());
    }

    @Test
    void energyRegisterAdvancesByTheReportedPowerOverTheInterval() {
        Meter main = DEMO.meters().get("E-HD-MAIN");
        ElectricityMeter meter = new ElectricityMeter(main, LoadProfile.DAY_SHIFT, new java.util.Random(3));
        Reading first = meter.read(MONDAY_10AM);
        Reading second = meter.read(MONDAY_10AM.plusMinutes(15));
        double ratio = main.ctRatio() * main.ptRatio();
        double primaryKwh = (value(second, Quantity.ENERGY_KWH) - value(first, Quantity.ENERGY_KWH)) * ratio;
        double primaryKw = value(second, Quantity.POWER_KW) * ratio;
        assertThat(primaryKwh).isCloseTo(primaryKw * 0.25, within(0.02 * ratio));
        assertThat(primaryKw).as("a 10 kV site of this size draws hundreds of kW").isBetween(100.0, 3_500.0);
    }

    @Test
    void dayShiftFactoriesIdleAtNightAndContinuousPlantsDoNot() {
        ZonedDateTime night = MONDAY_10AM.withHour(2);
        assertThat(LoadProfile.DAY_SHIFT.activity(night)).isLessThan(0.3);
        assertThat(LoadProfile.DAY_SHIFT.activity(MONDAY_10AM)).isEqualTo(1.0);
        assertThat(LoadProfile.CONTINUOUS.activity(night)).isGreaterThan(0.8);
        assertThat(LoadProfile.DAY_SHIFT.activity(MONDAY_10AM.plusDays(5))).as("Saturday").isLessThan(0.3);
    }

    static double value(Reading r, Quantity q) {
        return r.values().stream().filter(v -> v.quantity() == q).findFirst().orElseThrow().number();
    }
}
