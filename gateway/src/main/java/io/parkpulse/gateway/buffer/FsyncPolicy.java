package io.parkpulse.gateway.buffer;

/** When the buffer forces what it wrote to the storage device. */
public enum FsyncPolicy {
    /**
     * force() after every append, before append returns: a power cut loses nothing that was appended.
     * Appends come one per poll cycle and message, so this costs well under a millisecond per cycle.
     */
    EVERY_APPEND,
    /**
     * Leave write-back to the OS. Survives a killed gateway (the page cache outlives the process) but a
     * power cut may lose the last seconds of appends, which recovery then truncates as a torn tail.
     */
    OS_DECIDES
}
