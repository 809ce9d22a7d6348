package io.parkpulse.protocols.cjt188;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * What a water meter answers to a read of metering data (DI 901F), with both flows converted to m³.
 *
 * @param serial           SER, the request's sequence number as the meter echoed it
 * @param currentFlowM3    current cumulative flow 当前累积流量, m³
 * @param settlementFlowM3 cumulative flow on the settlement day 结算日累积流量, m³
 * @param meterClock       the meter's real-time clock (local time of the meter); empty when it sent all zeros, as
 *                         meters without a set clock do
 * @param status           the status bytes ST
 */
public record MeteringData(int serial, double currentFlowM3, double settlementFlowM3,
                           Optional<LocalDateTime> meterClock, MeterStatus status) {

    public MeteringData {
        if (serial < 0 || serial > 0xFF) {
            throw new IllegalArgumentException("SER is one byte, got " + serial);
        }
        Objects.requireNonNull(meterClock, "meterClock");
        Objects.requireNonNull(status, "status");
    }
}
