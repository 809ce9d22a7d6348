package io.parkpulse.protocols.cjt188;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * What a heat meter (meter type 20H–29H) answers to a read of metering data (DI 901F), each value converted from the
 * unit byte the meter sent: heat to GJ, power to kW, flow rate to m³/h, the circulated volume to m³.
 *
 * @param serial             SER, the request's sequence number as the meter echoed it
 * @param settlementHeatGj   heat on the settlement day 结算日热量, GJ
 * @param currentHeatGj      current cumulative heat 当前热量, GJ
 * @param heatPowerKw        thermal power 热功率, kW
 * @param flowRateM3h        flow rate 流量, m³/h
 * @param cumulativeFlowM3   cumulative circulated flow 累积流量, m³
 * @param supplyTemperatureC supply water temperature 供水温度, °C
 * @param returnTemperatureC return water temperature 回水温度, °C
 * @param workingHours       cumulative working time 累计工作时间, whole hours
 * @param meterClock         the meter's real-time clock; empty when it sent all zeros or could not be read
 *                           ({@code clockProblem})
 * @param status             the status bytes ST
 * @param clockProblem       why the clock the meter sent is not a time it can have meant (as for
 *                           {@link MeteringData#clockProblem()}); the values stand regardless
 */
public record HeatMeteringData(int serial, double settlementHeatGj, double currentHeatGj, double heatPowerKw,
                               double flowRateM3h, double cumulativeFlowM3, double supplyTemperatureC,
                               double returnTemperatureC, long workingHours, Optional<LocalDateTime> meterClock,
                               MeterStatus status, Optional<String> clockProblem) {

    /** Data whose clock was read, or not set. */
    public HeatMeteringData(int serial, double settlementHeatGj, double currentHeatGj, double heatPowerKw,
                            double flowRateM3h, double cumulativeFlowM3, double supplyTemperatureC,
                            double returnTemperatureC, long workingHours, Optional<LocalDateTime> meterClock,
                            MeterStatus status) {
        this(serial, settlementHeatGj, currentHeatGj, heatPowerKw, flowRateM3h, cumulativeFlowM3, supplyTemperatureC,
                returnTemperatureC, workingHours, meterClock, status, Optional.empty());
    }

    public HeatMeteringData {
        ReplyFields.checkCommon(serial, meterClock, status, clockProblem);
    }
}
