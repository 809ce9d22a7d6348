package io.parkpulse.gateway.southbound;

import io.parkpulse.gateway.config.DeviceConfig;
import io.parkpulse.gateway.config.DeviceSettings;
import io.parkpulse.gateway.config.Endpoint;
import io.parkpulse.gateway.config.GatewayConfig;
import io.parkpulse.gateway.southbound.modbus.ModbusReader;
import io.parkpulse.gateway.southbound.serial.SerialBus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Opens the reader a device's protocol needs, with the configured timeout and retries. Meters behind one
 * serial-to-TCP converter share its {@link SerialBus} (one connection); each Modbus device has its own
 * connection (Modbus TCP gateways serve several).
 */
public final class DeviceReaders implements Function<DeviceConfig, DeviceReader>, AutoCloseable {

    private final GatewayConfig.Polling polling;
    private final Map<Endpoint, SerialBus> buses = new ConcurrentHashMap<>();

    public DeviceReaders(GatewayConfig.Polling polling) {
        this.polling = polling;
    }

    @Override
    public DeviceReader apply(DeviceConfig device) {
        DeviceSettings settings = device.settings();
        if (settings instanceof DeviceSettings.Modbus modbus) {
            return new ModbusReader(device.endpoint(), modbus, polling.timeout(), polling.retries());
        }
        if (settings instanceof DeviceSettings.Dlt645 dlt645) {
            return bus(device.endpoint()).dlt645(dlt645);
        }
        if (settings instanceof DeviceSettings.Cjt188 cjt188) {
            return bus(device.endpoint()).cjt188(cjt188);
        }
        throw new IllegalArgumentException(device.meter() + ": " + device.protocol().configName() + " meters are not polled");
    }

    private SerialBus bus(Endpoint endpoint) {
        return buses.computeIfAbsent(endpoint, e -> new SerialBus(e, polling.timeout(), polling.retries()));
    }

    @Override
    public void close() {
        buses.values().forEach(SerialBus::close);
        buses.clear();
    }
}
