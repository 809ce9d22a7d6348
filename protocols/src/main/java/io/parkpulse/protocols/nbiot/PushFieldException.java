package io.parkpulse.protocols.nbiot;

/** A field of a push body that is missing or of the wrong kind; the parsers turn it into a {@link PushResult.Malformed}. */
final class PushFieldException extends Exception {

    PushFieldException(String path, String problem) {
        super(path + ": " + problem, null, false, false);
    }
}
