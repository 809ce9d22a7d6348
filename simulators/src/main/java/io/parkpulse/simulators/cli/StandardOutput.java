package io.parkpulse.simulators.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Standard output for writers that close what they write to: closing flushes and leaves stdout open. */
final class StandardOutput {

    private StandardOutput() {
    }

    static OutputStream keptOpen() {
        return new FilterOutputStream(System.out) {
            @Override
            public void write(byte[] b, int off, int len) {
                System.out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // stdout stays open
            }
        };
    }
}
