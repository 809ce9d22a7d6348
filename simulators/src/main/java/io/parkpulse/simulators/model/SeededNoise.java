package io.parkpulse.simulators.model;

/**
 * Stateless pseudo-randomness: every number is a pure function of (entity key, stream, index), so a
 * simulation gives the same values whatever order, thread or start time it computes them in.
 * SplitMix64's finaliser does the mixing (Steele, Lea, Flood: "Fast splittable pseudorandom number
 * generators", OOPSLA 2014).
 *
 * <p>Thread-safe (no state).
 */
public final class SeededNoise {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long ODD = 0xD1B54A32D192ED03L;
    private static final double TO_UNIT = 0x1.0p-53;

    private SeededNoise() {
    }

    /** SplitMix64's finaliser: a bijection that scrambles every input bit into every output bit. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The key of an entity (enterprise, meter, gateway) under a seed: FNV-1a of the id, mixed with the seed. */
    public static long key(long seed, String id) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001B3L;
        }
        return mix(h ^ mix(seed + GOLDEN));
    }

    /** 64 random bits for (key, stream, index). */
    public static long bits(long key, long stream, long index) {
        return mix(mix(key ^ (stream * ODD)) + index * GOLDEN);
    }

    /** Uniform in [0, 1). */
    public static double uniform(long key, long stream, long index) {
        return (bits(key, stream, index) >>> 11) * TO_UNIT;
    }

    /** Uniform in [from, to). */
    public static double between(long key, long stream, long index, double from, double to) {
        return from + (to - from) * uniform(key, stream, index);
    }

    /** Cheap centred noise in (−1, 1), triangular (standard deviation 0.41): jitter on measured values. */
    public static double centred(long key, long stream, long index) {
        long b = bits(key, stream, index);
        return ((b >>> 40) + ((b >>> 16) & 0xFFFFFF)) * 0x1.0p-24 - 1;
    }

    /** Standard normal (Box–Muller on two independent uniforms). */
    public static double gaussian(long key, long stream, long index) {
        double u1 = 1.0 - uniform(key, stream, 2 * index);
        double u2 = uniform(key, stream, 2 * index + 1);
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Exponentially distributed with the given mean. */
    public static double exponential(long key, long stream, long index, double mean) {
        return -mean * Math.log(1.0 - uniform(key, stream, index));
    }
}
