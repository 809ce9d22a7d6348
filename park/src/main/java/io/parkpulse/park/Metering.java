package io.parkpulse.park;

/** Whether a meter keeps cumulative registers or only reports instantaneous values (a transducer). */
public enum Metering {
    CUMULATIVE,
    INSTANTANEOUS
}
