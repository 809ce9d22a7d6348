package io.parkpulse.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of a process, from {@code /proc/<pid>/status} (Linux). */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    /** {@code VmRSS} in bytes, or -1 when the process is gone or /proc cannot be read. */
    public static double residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Double.parseDouble(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process is gone or /proc is not there
        }
        return -1;
    }
}
