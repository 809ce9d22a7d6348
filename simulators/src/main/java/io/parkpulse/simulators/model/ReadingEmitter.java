package io.parkpulse.simulators.model;

import io.parkpulse.contract.Reading;

/** Receives the readings a simulation step produces, with the index of the gateway that sends them. */
@FunctionalInterface
public interface ReadingEmitter {
    void emit(int gateway, Reading reading);
}
