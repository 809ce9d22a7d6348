package io.parkpulse.gateway.config;

import io.parkpulse.protocols.cjt188.Cjt188Field;
import io.parkpulse.protocols.cjt188.DiOrder;
import io.parkpulse.protocols.dlt645.DataIdentifier;
import io.parkpulse.protocols.modbus.RegisterValue;
import io.parkpulse.protocols.nbiot.PayloadField;
import io.parkpulse.protocols.nbiot.PayloadFormat;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/** The protocol-specific part of a device's configuration. */
public sealed interface DeviceSettings {

    /** The device's points, whatever their source type. */
    List<? extends PointConfig<?>> points();

    /** The same device with only the points of importance {@code minimum} or more (buffer nearly full). */
    DeviceSettings keepingAtLeast(Importance minimum);

    private static <S> List<PointConfig<S>> atLeast(List<PointConfig<S>> points, Importance minimum) {
        return points.stream().filter(p -> p.importance().compareTo(minimum) >= 0).toList();
    }

    /** A Modbus TCP device (or a Modbus RTU meter behind a gateway), addressed by unit id 0…247. */
    record Modbus(int unitId, List<PointConfig<RegisterValue>> points) implements DeviceSettings {
        public Modbus {
            points = List.copyOf(points);
        }

        @Override
        public Modbus keepingAtLeast(Importance minimum) {
            return new Modbus(unitId, atLeast(points, minimum));
        }
    }

    /**
     * A DL/T 645-2007 meter behind a serial-to-TCP converter; address is its 12 decimal digits; its clock (the time of a
     * maximum demand) runs in {@code clockZone}.
     */
    record Dlt645(String address, List<PointConfig<DataIdentifier>> points, ZoneId clockZone) implements DeviceSettings {
        /** Where Chinese meters' clocks run unless the configuration says otherwise. */
        public static final ZoneId DEFAULT_CLOCK_ZONE = ZoneId.of("Asia/Shanghai");

        public Dlt645 {
            points = List.copyOf(points);
            Objects.requireNonNull(clockZone, "clockZone");
        }

        /** A meter whose clock runs on Beijing time. */
        public Dlt645(String address, List<PointConfig<DataIdentifier>> points) {
            this(address, points, DEFAULT_CLOCK_ZONE);
        }

        @Override
        public Dlt645 keepingAtLeast(Importance minimum) {
            return new Dlt645(address, atLeast(points, minimum), clockZone);
        }
    }

    /**
     * A CJ/T 188 meter behind a serial-to-TCP converter: 14 hexadecimal address digits as printed
     * (highest first), meter type (0x10 cold water …), and the byte order its firmware wants for DI 901F.
     */
    record Cjt188(String address, int meterType, DiOrder diOrder, List<PointConfig<Cjt188Field>> points)
            implements DeviceSettings {
        public Cjt188 {
            points = List.copyOf(points);
        }

        @Override
        public Cjt188 keepingAtLeast(Importance minimum) {
            return new Cjt188(address, meterType, diOrder, atLeast(points, minimum));
        }
    }

    /**
     * An NB-IoT meter: the id the carrier platform knows it by (CTWing/Huawei deviceId, OneNET dev_id)
     * and/or its IMEI, and the layout of its application payload.
     */
    record NbIot(String deviceId, String imei, PayloadFormat format, List<PointConfig<PayloadField>> points)
            implements DeviceSettings {
        public NbIot {
            points = List.copyOf(points);
        }

        @Override
        public NbIot keepingAtLeast(Importance minimum) {
            return new NbIot(deviceId, imei, format, atLeast(points, minimum));
        }
    }
}
