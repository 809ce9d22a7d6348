package io.parkpulse.simulators.model;

/**
 * A meter's cumulative register: an exact running total that a display shows truncated to a fixed
 * number of decimals and that rolls over at a modulus, as DL/T 645 (XXXXXX.XX kWh) and CJ/T 188
 * (XXXXXX.XX m³) registers do. Truncation (not rounding) keeps displayed values monotonic and
 * below the modulus.
 *
 * <p>Not thread-safe; the simulation thread owns it.
 */
public final class Register {

    /** DL/T 645 energy and CJ/T 188 volume registers: six integer digits. */
    public static final double SIX_DIGITS = 1_000_000;
    /** Pulse totalisers counting in small units: eight digits. */
    public static final double EIGHT_DIGITS = 100_000_000;
    /** PLC production counters (32-bit, shown as nine digits). */
    public static final double NINE_DIGITS = 1_000_000_000;

    private final double modulus;
    private final double scale;
    private double value;

    public Register(double modulus, int decimals, double initial) {
        if (!(modulus > 0) || decimals < 0 || initial < 0 || initial >= modulus) {
            throw new IllegalArgumentException("register: modulus " + modulus + ", decimals " + decimals + ", initial " + initial);
        }
        this.modulus = modulus;
        this.scale = Math.pow(10, decimals);
        this.value = initial;
    }

    /**
     * Adds a non-negative amount in register units.
     *
     * @return whether the register rolled over
     */
    public boolean advance(double amount) {
        if (!(amount >= 0)) {
            throw new IllegalArgumentException("a register only advances; got " + amount);
        }
        value += amount;
        if (value >= modulus) {
            value %= modulus;
            return true;
        }
        return false;
    }

    /** What the display shows now. */
    public double reading() {
        return Math.floor(value * scale) / scale;
    }

    public double modulus() {
        return modulus;
    }

    /** Replaces the register (a new meter): it starts from {@code value}. */
    public void reset(double newValue) {
        if (newValue < 0 || newValue >= modulus) {
            throw new IllegalArgumentException("register value " + newValue + " outside [0, " + modulus + ")");
        }
        value = newValue;
    }
}
