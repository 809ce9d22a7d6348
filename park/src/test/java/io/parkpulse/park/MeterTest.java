package io.parkpulse.park;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.contract.EnterpriseId;
import io.parkpulse.contract.GatewayId;
import io.parkpulse.contract.MeterId;
import io.parkpulse.contract.MeterKind;
import io.parkpulse.contract.Quantity;
import org.junit.jupiter.api.Test;

class MeterTest {

    final Meter ctPt = new Meter(MeterId.of("E-1"), "E-1", MeterKind.ELECTRICITY, EnterpriseId.of("ent"), GatewayId.of("gw"), Metering.CUMULATIVE, 40, 100, 1);
    final Meter transducer = new Meter(MeterId.of("E-2"), "E-2", MeterKind.ELECTRICITY, EnterpriseId.of("ent"), GatewayId.of("gw"), Metering.INSTANTANEOUS, 60, 1, 1);
    final Meter gas = new Meter(MeterId.of("G-1"), "G-1", MeterKind.GAS, EnterpriseId.of("ent"), GatewayId.of("gw"), Metering.CUMULATIVE, 1, 1, 0.01);

    @Test
    void scalesEachQuantityByTheRightRatio() {
        assertThat(ctPt.factorFor(Quantity.ENERGY_KWH)).isEqualTo(4000);
        assertThat(ctPt.factorFor(Quantity.POWER_KW)).isEqualTo(4000);
        assertThat(ctPt.factorFor(Quantity.CURRENT_A)).isEqualTo(40);
        assertThat(ctPt.factorFor(Quantity.VOLTAGE_V)).isEqualTo(100);
        assertThat(ctPt.factorFor(Quantity.FREQUENCY_HZ)).isEqualTo(1);
        assertThat(gas.factorFor(Quantity.GAS_M3)).isEqualTo(0.01);
        assertThat(gas.factorFor(Quantity.TEMPERATURE_C)).isEqualTo(1);
    }

    @Test
    void refusesQuantitiesOfOtherKinds() {
        assertThat(gas.cannotReport(Quantity.GAS_M3)).isNull();
        assertThat(gas.cannotReport(Quantity.ENERGY_KWH)).isEqualTo("meter G-1 is a gas meter; energy_kwh is not measured by gas meters");
    }

    @Test
    void refusesRegistersFromAnInstantaneousMeter() {
        assertThat(transducer.cannotReport(Quantity.POWER_KW)).isNull();
        assertThat(transducer.cannotReport(Quantity.ENERGY_KWH)).contains("declared instantaneous");
    }
}
