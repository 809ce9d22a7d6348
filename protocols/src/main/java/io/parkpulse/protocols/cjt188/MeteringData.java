package io.parkpulse.protocols.cjt188;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * What a water or gas meter answers to a read of metering data (DI 901F), with both flows converted to m³.
 *
 * @param serial           SER, the request's sequence number as the meter echoed it
 * @param currentFlowM3    current cumulative flow 当前累积流量, m³
 * @param settlementFlowM3 cumulative flow on the settlement day 结算日累积流量, m³
 * @param meterClock       the meter's real-time clock (local time of the meter); empty when it sent all zeros, as
 *                         meters without a set clock do, or when the clock could not be read ({@code clockProblem})
 * @param status           the status bytes ST
 * @param clockProblem     why the clock the meter sent is not a time it can have meant (bytes not BCD, no such date,
 *                         a year outside 2000–2099 — another byte order, say); the flows stand regardless, the clock
 *                         is never guessed
 */
public record MeteringData(int serial, double currentFlowM3, double settlementFlowM3,
                           Optional<LocalDateTime> meterClock, MeterStatus status, Optional<String> clockProblem) {

    /** Data whose clock was read, or not set. */
    public MeteringData(int serial, double currentFlowM3, double settlementFlowM3, Optional<LocalDateTime> meterClock,
                        MeterStatus status) {
        this(serial, currentFlowM3, settlementFlowM3, meterClock, status, Optional.empty());
    }

    public MeteringData {
        ReplyFields.checkCommon(serial, meterClock, status, clockProblem);
    }
}
