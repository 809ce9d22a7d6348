package io.parkpulse.simulators.cli;

import io.parkpulse.park.InvalidParkFileException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

/**
 * Runs a command's body and turns the errors a user can fix (a bad option, a bad park file, an
 * unreachable broker, an unwritable file) into one message on stderr and an exit code, instead of a
 * stack trace. Programming errors still show their stack trace.
 */
final class ReportedErrors {

    /** Exit code for a bad command line or park file. */
    static final int USAGE = 2;
    /** Exit code for an environment failure: broker, files. */
    static final int FAILED = 1;

    private ReportedErrors() {
    }

    static int call(String command, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (IllegalArgumentException | InvalidParkFileException e) {
            System.err.println("parkpulse-simulators " + command + ": " + e.getMessage());
            return USAGE;
        } catch (IllegalStateException | UncheckedIOException e) {
            System.err.println("parkpulse-simulators " + command + ": " + e.getMessage());
            return FAILED;
        }
    }
}
