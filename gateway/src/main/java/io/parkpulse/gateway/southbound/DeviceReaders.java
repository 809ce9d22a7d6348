package io.parkpulse.gateway.southbound;

import io.parkpulse.gateway.config.DeviceConfig;
import io.parkpulse.gateway.config.DeviceSettings;
import io.parkpulse.gateway.config.GatewayConfig;
import io.parkpulse.gateway.southbound.modbus.ModbusReader;
import io.parkpulse.gateway.southbound.serial.Cjt188Reader;
import io.parkpulse.gateway.southbound.serial.Dlt645Reader;
import java.util.function.Function;

/** Opens the reader a device's protocol needs, with the configured timeout and retries. */
public final class DeviceReaders {

    private DeviceReaders() {
    }

    public static Function<DeviceConfig, DeviceReader> forPolling(GatewayConfig.Polling polling) {
        return device -> open(device, polling);
    }

    public static DeviceReader open(DeviceConfig device, GatewayConfig.Polling polling) {
        DeviceSettings settings = device.settings();
        if (settings instanceof DeviceSettings.Modbus modbus) {
            return new ModbusReader(device.endpoint(), modbus, polling.timeout(), polling.retries());
        }
        if (settings instanceof DeviceSettings.Dlt645 dlt645) {
            return new Dlt645Reader(device.endpoint(), dlt645, polling.timeout(), polling.retries());
        }
        if (settings instanceof DeviceSettings.Cjt188 cjt188) {
            return new Cjt188Reader(device.endpoint(), cjt188, polling.timeout(), polling.retries());
        }
        throw new IllegalArgumentException(device.meter() + ": " + device.protocol().configName() + " meters are not polled");
    }
}
