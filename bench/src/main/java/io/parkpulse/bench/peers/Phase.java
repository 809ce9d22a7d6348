package io.parkpulse.bench.peers;

/** Whether the process under test is measured on its first readings or after storing a warm-up first. */
public enum Phase {
    /** A fresh process, measured on the first readings it stores. */
    COLD,
    /** A fresh process that first stores the warm-up readings (not measured), then the measured ones. */
    WARM;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
