package io.parkpulse.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

/**
 * How a ParkPulse command line reports what its user can fix: a bad option or configuration file becomes one message
 * on stderr and exit code {@value #USAGE}; an environment failure (a broker it cannot reach, a file it cannot read or
 * write) one message and
 * exit code {@value #FAILED}; never a stack trace. Programming errors still show theirs.
 */
public final class CommandErrors {

    /** Exit code for a bad command line or configuration file. */
    public static final int USAGE = 2;
    /** Exit code for an environment failure: broker, database, files. */
    public static final int FAILED = 1;

    private CommandErrors() {
    }

    /**
     * Runs {@code body} and returns its exit code, or the code of the error a user can fix.
     *
     * @param command how the user called it, e.g. {@code parkpulse-tools broker-config}, to start the message with
     */
    public static int call(String command, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (IllegalArgumentException | InvalidConfigException e) {
            System.err.println(command + ": " + e.getMessage());
            return USAGE;
        } catch (IllegalStateException | UncheckedIOException e) {
            System.err.println(command + ": " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            // a file's exceptions often say only its path: name the kind of failure too
            System.err.println(command + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return FAILED;
        }
    }
}
