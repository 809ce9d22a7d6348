package io.parkpulse.gateway.southbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Value;
import io.parkpulse.emulators.Dlt645Emulator;
import io.parkpulse.emulators.MeterDisplays;
import io.parkpulse.gateway.config.DeviceConfig;
import io.parkpulse.gateway.config.DeviceSettings;
import io.parkpulse.gateway.config.Endpoint;
import io.parkpulse.gateway.config.GatewayConfig;
import io.parkpulse.gateway.config.Importance;
import io.parkpulse.gateway.config.PointConfig;
import io.parkpulse.gateway.config.Protocol;
import io.parkpulse.protocols.dlt645.DataIdentifier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceReadersTest {

    /** Many converters take one TCP connection only: the meters of a line must share it. */
    @Test
    void metersBehindOneConverterShareOneConnection() throws Exception {
        MeterDisplays displays = new MeterDisplays();
        for (int i = 1; i <= 3; i++) {
            displays.show("E-" + i, Quantity.ENERGY_KWH, 100 + i);
        }
        try (Dlt645Emulator converter = new Dlt645Emulator(0, displays,
                Map.of("000000000001", "E-1", "000000000002", "E-2", "000000000003", "E-3"));
             DeviceReaders readers = new DeviceReaders(new GatewayConfig.Polling(Duration.ofMinutes(1), Duration.ofSeconds(1), 0, 100))) {
            Endpoint line = new Endpoint("127.0.0.1", converter.port());
            for (int round = 0; round < 2; round++) {
                for (int i = 1; i <= 3; i++) {
                    DeviceSettings.Dlt645 settings = new DeviceSettings.Dlt645("00000000000" + i,
                            List.of(new PointConfig<>(Quantity.ENERGY_KWH, Importance.HIGH, DataIdentifier.FORWARD_ACTIVE_ENERGY)));
                    try (DeviceReader reader = readers.apply(new DeviceConfig("E-" + i, Protocol.DLT645, line, Duration.ofMinutes(1), settings))) {
                        assertThat(reader.read().values()).containsExactly(Value.of(Quantity.ENERGY_KWH, 100 + i));
                    }
                }
            }
            assertThat(converter.connectionsAccepted()).isEqualTo(1);
        }
    }
}
