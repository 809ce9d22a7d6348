package io.parkpulse.dashboard.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Salted slow password hashes: Argon2id (Bouncy Castle) in the PHC string form
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>} (unpadded standard Base64), so a users file can
 * be checked by any Argon2 library and the cost can be raised later without invalidating existing hashes: each hash
 * carries its own parameters.
 *
 * <p>The default cost (m = 19 MiB, t = 2, p = 1) is OWASP's recommended minimum for Argon2id and took 55–100 ms per
 * verification on this project's 2-core machine (docs/accounts.md#cost). Hashing is CPU- and memory-heavy: call it
 * off the event loop.
 */
public final class PasswordHasher {

    public static final int DEFAULT_MEMORY_KIB = 19 * 1024;
    public static final int DEFAULT_ITERATIONS = 2;
    public static final int DEFAULT_PARALLELISM = 1;
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    /** A hash asking for more than this could be used to exhaust the server's memory; none we make comes close. */
    static final int MAX_MEMORY_KIB = 256 * 1024;
    static final int MAX_ITERATIONS = 20;
    static final int MAX_PASSWORD_CHARS = 1024;

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{22,128})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher() {
        this(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
    }

    /** A hasher with its own cost, for tests that need it cheap and operators that want it dearer. */
    public PasswordHasher(int memoryKib, int iterations, int parallelism) {
        if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB || iterations < 1 || iterations > MAX_ITERATIONS
                || parallelism < 1 || parallelism > 16) {
            throw new IllegalArgumentException("Argon2id cost out of range: m=" + memoryKib + " KiB, t=" + iterations
                    + ", p=" + parallelism);
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    /** A new PHC string for {@code password}, with a fresh random 16-byte salt. */
    public String hash(CharSequence password) {
        checkLength(password);
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(hash);
    }

    /**
     * Whether {@code password} matches the PHC string {@code phc}, compared in constant time. A malformed or tampered
     * string is simply no match.
     */
    public static boolean verify(CharSequence password, String phc) {
        Parsed p = parse(phc);
        if (p == null || password == null || password.length() > MAX_PASSWORD_CHARS) {
            return false;
        }
        byte[] actual = argon2(password, p.salt, p.memoryKib, p.iterations, p.parallelism, p.hash.length);
        return sameBytes(actual, p.hash);
    }

    /** Why {@code phc} is not a hash this class can check, or {@code null} when it is one. */
    public static String problem(String phc) {
        if (phc == null || !PHC.matcher(phc).matches()) {
            return "must be an Argon2id hash in PHC form $argon2id$v=19$m=…,t=…,p=…$salt$hash "
                    + "(make one with parkpulse-tools password-hash, docs/accounts.md)";
        }
        return parse(phc) == null ? "the Argon2id parameters or Base64 parts are out of range" : null;
    }

    /** Equal arrays, in time that depends only on the lengths: no early exit at the first differing byte. */
    static boolean sameBytes(byte[] a, byte[] b) {
        int difference = a.length ^ b.length;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            difference |= a[i] ^ b[i];
        }
        return difference == 0;
    }

    private record Parsed(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {
    }

    private static Parsed parse(String phc) {
        if (phc == null) {
            return null;
        }
        Matcher m = PHC.matcher(phc);
        if (!m.matches()) {
            return null;
        }
        int memory = Integer.parseInt(m.group(1));
        int iterations = Integer.parseInt(m.group(2));
        int parallelism = Integer.parseInt(m.group(3));
        if (parallelism < 1 || parallelism > 16 || memory < 8 * parallelism || memory > MAX_MEMORY_KIB || iterations < 1
                || iterations > MAX_ITERATIONS) {
            return null;
        }
        try {
            byte[] salt = B64_DECODER.decode(m.group(4));
            byte[] hash = B64_DECODER.decode(m.group(5));
            return salt.length >= 8 && hash.length >= 16 ? new Parsed(memory, iterations, parallelism, salt, hash) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] argon2(CharSequence password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(parallelism).withSalt(salt).build());
        byte[] secret = utf8(password);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(secret, out);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        return out;
    }

    private static byte[] utf8(CharSequence password) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return bytes;
    }

    private static void checkLength(CharSequence password) {
        if (password == null || password.length() == 0) {
            throw new IllegalArgumentException("the password is empty");
        }
        if (password.length() > MAX_PASSWORD_CHARS) {
            throw new IllegalArgumentException("the password is longer than " + MAX_PASSWORD_CHARS + " characters");
        }
    }
}
