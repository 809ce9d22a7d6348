package io.parkpulse.gateway.southbound.serial;

import io.parkpulse.gateway.config.Endpoint;
import io.parkpulse.protocols.dlt645.Dlt645Decoder;
import io.parkpulse.protocols.dlt645.Dlt645Frame;
import io.parkpulse.protocols.dlt645.MeterAddress;
import java.io.IOException;
import java.time.Duration;

/**
 * Finds the address of the only DL/T 645 meter on a converter's line: a read-address request (13) to the wildcard
 * address {@code AA…AA}, which any meter answers with its own address (93). With several meters on the line their
 * answers collide, so this is for commissioning one meter at a time.
 */
public final class Dlt645Discovery {

    private Dlt645Discovery() {
    }

    /**
     * The 12-digit address the meter on the line at {@code endpoint} answers with.
     *
     * @throws IOException when the converter cannot be reached, nothing valid answers within {@code timeout}, or the
     *                     answer is not a BCD address
     */
    public static String findAddress(Endpoint endpoint, Duration timeout) throws IOException {
        byte[] request = new Dlt645Frame(MeterAddress.WILDCARD, Dlt645Frame.READ_ADDRESS, new byte[0]).encode(4);
        try (FrameExchange exchange = new FrameExchange(endpoint, timeout)) {
            AddressReply scanner = new AddressReply();
            Dlt645Frame reply = exchange.ask(request, scanner);
            if (reply == null) {
                throw new IOException("no meter on converter " + endpoint + " answered a read of address within "
                        + timeout.toMillis() + " ms" + (scanner.firstRejection == null ? ""
                        : " (bytes refused: " + scanner.firstRejection + "; several meters answering at once?)"));
            }
            // the address is the reply's data; a meter that sends none still names itself in the address field
            byte[] wire = reply.data().length == 6 ? reply.data() : reply.address();
            try {
                return MeterAddress.fromWire(wire);
            } catch (IllegalArgumentException e) {
                throw new IOException("the meter on converter " + endpoint + " answered an unusable address: " + e.getMessage());
            }
        }
    }

    /** Waits for a normal reply to a read of address. */
    private static final class AddressReply implements FrameExchange.ReplyScanner<Dlt645Frame> {
        private final Dlt645Decoder decoder = new Dlt645Decoder();
        /** The first rejection tells what went wrong; the ones after it are mostly the rest of the same frame. */
        private String firstRejection;

        @Override
        public Dlt645Frame scan(byte[] bytes, int length) {
            decoder.append(bytes, 0, length);
            for (Dlt645Decoder.Result r = decoder.next(); r != null; r = decoder.next()) {
                if (r instanceof Dlt645Decoder.Rejected rejected) {
                    if (firstRejection == null) {
                        firstRejection = rejected.reason();
                    }
                } else if (r instanceof Dlt645Decoder.Decoded d && d.frame().isReply() && !d.frame().isAbnormal()
                        && d.frame().function() == Dlt645Frame.READ_ADDRESS) {
                    return d.frame();
                }
            }
            return null;
        }
    }
}
