package io.parkpulse.simulators.model;

import io.parkpulse.simulators.faults.FaultLog;
import io.parkpulse.simulators.faults.FaultRates;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything that shapes a simulation besides the park file.
 *
 * @param seed                 makes the simulation reproducible; the same seed and park give the same readings
 * @param calendar             working days and holidays
 * @param nbIot                how NB-IoT meters report
 * @param faults               fault rates
 * @param leaks                leaks to inject at given times
 * @param faultLog             where injected faults are recorded
 * @param outputs              receives each enterprise's monthly output
 * @param machineFaultsPerHour chance per hour that a machine breaks down (its own state machine, not a data fault)
 * @param meanMachineFault     mean repair time of a machine
 */
public record ModelSettings(long seed, WorkCalendar calendar, NbIotSettings nbIot, FaultRates faults, List<LeakSpec> leaks,
                            FaultLog faultLog, Consumer<EnterpriseMonth> outputs, double machineFaultsPerHour,
                            Duration meanMachineFault) {

    public ModelSettings {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(nbIot, "nbIot");
        Objects.requireNonNull(faults, "faults");
        leaks = List.copyOf(leaks);
        Objects.requireNonNull(faultLog, "faultLog");
        Objects.requireNonNull(outputs, "outputs");
        Objects.requireNonNull(meanMachineFault, "meanMachineFault");
    }

    /** The Chinese calendar, daily hourly NB-IoT uplinks, no faults, a machine breakdown every ~300 h lasting ~3 h. */
    public static ModelSettings of(long seed) {
        return new ModelSettings(seed, WorkCalendar.china(), NbIotSettings.DAILY_HOURLY, FaultRates.NONE, List.of(),
                FaultLog.discard(), m -> { }, 1.0 / 300, Duration.ofHours(3));
    }

    public ModelSettings withNbIot(NbIotSettings value) {
        return new ModelSettings(seed, calendar, value, faults, leaks, faultLog, outputs, machineFaultsPerHour, meanMachineFault);
    }

    public ModelSettings withFaults(FaultRates value) {
        return new ModelSettings(seed, calendar, nbIot, value, leaks, faultLog, outputs, machineFaultsPerHour, meanMachineFault);
    }

    public ModelSettings withLeaks(List<LeakSpec> value) {
        return new ModelSettings(seed, calendar, nbIot, faults, value, faultLog, outputs, machineFaultsPerHour, meanMachineFault);
    }

    public ModelSettings withFaultLog(FaultLog value) {
        return new ModelSettings(seed, calendar, nbIot, faults, leaks, value, outputs, machineFaultsPerHour, meanMachineFault);
    }

    public ModelSettings withOutputs(Consumer<EnterpriseMonth> value) {
        return new ModelSettings(seed, calendar, nbIot, faults, leaks, faultLog, value, machineFaultsPerHour, meanMachineFault);
    }

    public ModelSettings withCalendar(WorkCalendar value) {
        return new ModelSettings(seed, value, nbIot, faults, leaks, faultLog, outputs, machineFaultsPerHour, meanMachineFault);
    }
}
