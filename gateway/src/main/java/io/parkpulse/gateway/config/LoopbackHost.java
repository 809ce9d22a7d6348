package io.parkpulse.gateway.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Whether an {@code http.host} keeps the HTTP server to this machine. */
public final class LoopbackHost {

    /** Where the HTTP server listens unless the file says otherwise. */
    public static final String DEFAULT = "127.0.0.1";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private LoopbackHost() {
    }

    /**
     * True for {@code localhost} and loopback IP literals ({@code 127.0.0.0/8}, {@code ::1}). Any other name counts
     * as not loopback: resolving it here would make the check depend on DNS, and a name is usually given to be reached.
     */
    public static boolean is(String host) {
        if (host == null) {
            return false;
        }
        String h = host.trim();
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!IPV4.matcher(h).matches() && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
