package io.parkpulse.dashboard.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    /** Cheap parameters: the format and logic are the same at any cost. */
    static final PasswordHasher CHEAP = new PasswordHasher(1024, 1, 1);

    @Test
    void a_hash_is_a_phc_string_that_verifies_its_password_only() {
        String hash = CHEAP.hash("correct horse 电池");
        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=1024,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(Base64.getDecoder().decode(hash.split("\\$")[4])).hasSize(16);
        assertThat(PasswordHasher.verify("correct horse 电池", hash)).isTrue();
        assertThat(PasswordHasher.verify("correct horse 电", hash)).isFalse();
        assertThat(PasswordHasher.verify("", hash)).isFalse();
        assertThat(PasswordHasher.problem(hash)).isNull();
    }

    @Test
    void the_same_password_gets_a_new_salt_every_time() {
        String a = CHEAP.hash("same");
        String b = CHEAP.hash("same");
        assertThat(a).isNotEqualTo(b);
        assertThat(a.split("\\$")[4]).isNotEqualTo(b.split("\\$")[4]);
        assertThat(PasswordHasher.verify("same", a)).isTrue();
        assertThat(PasswordHasher.verify("same", b)).isTrue();
    }

    @Test
    void the_default_cost_is_argon2id_at_19_mib() {
        String hash = new PasswordHasher().hash("pw");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(PasswordHasher.verify("pw", hash)).isTrue();
    }

    @Test
    void a_hash_from_the_reference_implementation_verifies() {
        // printf %s 'demo password' | argon2 saltsaltsaltsalt -id -t 2 -k 19456 -p 1 -l 32 -e   (Debian's argon2, libargon2)
        String reference = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$VV7GTScfEe/HdTVPLc61nnc3dMXPVieeZcwfJWiaFuU";
        assertThat(PasswordHasher.verify("demo password", reference)).isTrue();
        assertThat(PasswordHasher.verify("demo passwore", reference)).isFalse();
    }

    @Test
    void a_hash_with_other_parameters_verifies_with_its_own() {
        // RFC 9106-style parameters written by another tool: each hash carries its own cost
        String hash = new PasswordHasher(2048, 3, 2).hash("interop");
        assertThat(hash).contains("$m=2048,t=3,p=2$");
        assertThat(PasswordHasher.verify("interop", hash)).isTrue();
    }

    @Test
    void a_tampered_hash_never_matches() {
        String hash = CHEAP.hash("secret");
        String[] parts = hash.split("\\$");
        String otherSalt = "$argon2id$v=19$m=1024,t=1,p=1$" + flip(parts[4]) + "$" + parts[5];
        String otherHash = "$argon2id$v=19$m=1024,t=1,p=1$" + parts[4] + "$" + flip(parts[5]);
        String otherCost = "$argon2id$v=19$m=1024,t=2,p=1$" + parts[4] + "$" + parts[5];
        String argon2i = hash.replace("$argon2id$", "$argon2i$");
        String shortHash = "$argon2id$v=19$m=1024,t=1,p=1$" + parts[4] + "$" + parts[5].substring(0, 22);
        for (String tampered : new String[] {otherSalt, otherHash, otherCost, argon2i, shortHash}) {
            assertThat(PasswordHasher.verify("secret", tampered)).as(tampered).isFalse();
        }
        assertThat(PasswordHasher.problem(argon2i)).contains("PHC form");
    }

    @Test
    void malformed_or_hostile_hashes_are_no_match_and_cost_nothing() {
        assertThat(PasswordHasher.verify("x", null)).isFalse();
        assertThat(PasswordHasher.verify("x", "secret")).isFalse();
        assertThat(PasswordHasher.verify("x", "$argon2id$v=19$m=1024,t=1,p=1$!!!!!!!!!!!!!!!!!!!!!!$" + "A".repeat(43))).isFalse();
        // 4 GiB of memory: refused before any work, so a users file cannot exhaust the server
        String huge = "$argon2id$v=19$m=4194304,t=1,p=1$" + "A".repeat(22) + "$" + "A".repeat(43);
        assertThat(PasswordHasher.problem(huge)).contains("out of range");
        assertThat(PasswordHasher.verify("x", huge)).isFalse();
    }

    @Test
    void passwords_out_of_bounds_are_refused_with_a_reason() {
        assertThatThrownBy(() -> CHEAP.hash("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> CHEAP.hash("x".repeat(1025))).hasMessageContaining("longer than 1024");
        assertThat(PasswordHasher.verify("x".repeat(5000), CHEAP.hash("x"))).isFalse();
    }

    @Test
    void the_comparison_looks_at_every_byte_whatever_differs() {
        // no early exit: the answer is built from all bytes, so differing at the first or last byte costs the same
        byte[] a = new byte[32];
        for (int position : new int[] {0, 15, 31}) {
            byte[] b = a.clone();
            b[position] = 1;
            assertThat(PasswordHasher.sameBytes(a, b)).isFalse();
        }
        assertThat(PasswordHasher.sameBytes(a, a.clone())).isTrue();
        assertThat(PasswordHasher.sameBytes(a, new byte[31])).isFalse();
        assertThat(PasswordHasher.sameBytes(new byte[0], new byte[0])).isTrue();
    }

    @Test
    void a_hash_never_holds_the_password() {
        String password = "visible-password";
        String hash = CHEAP.hash(password);
        assertThat(hash).doesNotContain(password);
        assertThat(hash).doesNotContain(Base64.getEncoder().withoutPadding().encodeToString(password.getBytes()));
    }

    private static String flip(String base64) {
        char c = base64.charAt(1);
        return base64.charAt(0) + String.valueOf(c == 'A' ? 'B' : 'A') + base64.substring(2);
    }
}
