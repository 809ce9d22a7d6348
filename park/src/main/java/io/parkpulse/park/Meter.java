package io.parkpulse.park;

import io.parkpulse.contract.EnterpriseId;
import io.parkpulse.contract.GatewayId;
import io.parkpulse.contract.MeterId;
import io.parkpulse.contract.MeterKind;
import io.parkpulse.contract.Quantity;
import java.util.Objects;

/**
 * A meter as the park file declares it.
 *
 * @param id         stable id, as gateways name it in readings
 * @param name       what it measures, for people
 * @param kind       what it measures
 * @param enterprise the enterprise it bills, or {@code null} for a park-level meter (main incomer, park water inlet)
 * @param gateway    the gateway whose readings for it are accepted
 * @param metering   cumulative registers or instantaneous values only
 * @param ctRatio    current-transformer ratio (electricity), 1 when connected directly
 * @param ptRatio    voltage-transformer ratio (electricity), 1 when connected directly
 * @param multiplier scale of the register for other kinds (pulse weight, counter scale)
 * @param counter    role, register modulus, maximum rate, reading interval and declared events
 */
public record Meter(MeterId id, String name, MeterKind kind, EnterpriseId enterprise, GatewayId gateway, Metering metering,
                    double ctRatio, double ptRatio, double multiplier, CounterDeclaration counter) {

    /** A main meter without counter declarations. */
    public Meter(MeterId id, String name, MeterKind kind, EnterpriseId enterprise, GatewayId gateway, Metering metering,
                 double ctRatio, double ptRatio, double multiplier) {
        this(id, name, kind, enterprise, gateway, metering, ctRatio, ptRatio, multiplier, CounterDeclaration.DEFAULT);
    }

    public Meter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(metering, "metering");
        Objects.requireNonNull(counter, "counter");
    }

    public boolean isParkLevel() {
        return enterprise == null;
    }

    /** The factor that turns this meter's register value of {@code quantity} into the primary-side value. */
    public double factorFor(Quantity quantity) {
        return switch (quantity.scaling()) {
            case NONE -> 1.0;
            case CT -> ctRatio;
            case PT -> ptRatio;
            case CT_PT -> ctRatio * ptRatio;
            case MULTIPLIER -> multiplier;
        };
    }

    /** Why this meter cannot report {@code quantity}, or {@code null} when it can. */
    public String cannotReport(Quantity quantity) {
        if (!quantity.kinds().contains(kind)) {
            return "meter " + id + " is a " + kind + " meter; " + quantity + " is not measured by " + kind + " meters";
        }
        if (metering == Metering.INSTANTANEOUS && quantity.isCumulative()) {
            return "meter " + id + " is declared instantaneous; " + quantity + " is a cumulative register";
        }
        return null;
    }
}
