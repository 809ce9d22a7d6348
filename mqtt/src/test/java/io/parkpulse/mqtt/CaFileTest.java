package io.parkpulse.mqtt;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a wrong CA file is told as; reading good ones is tested with real certificates in the gateway's TLS tests. */
class CaFileTest {

    @TempDir
    Path dir;

    @Test
    void anEmptyFileHoldsNoCertificate() throws Exception {
        Path empty = Files.writeString(dir.resolve("ca.pem"), "");

        assertThatThrownBy(() -> CaFile.socketFactory(empty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CA file " + empty + " holds no certificate; expected the CA's certificate(s) as PEM"
                        + " (-----BEGIN CERTIFICATE-----)");
    }

    @Test
    void aKeyOrTextInsteadOfCertificatesIsNamedWithThePath() throws Exception {
        Path key = Files.writeString(dir.resolve("server.key"),
                "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n");
        Path text = Files.writeString(dir.resolve("notes.txt"), "the CA is on the USB stick\n");

        assertThatThrownBy(() -> CaFile.certificates(key)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("CA file " + key + " is not a certificate file (")
                .hasMessageEndingWith("expected the CA's certificate(s) as PEM (-----BEGIN CERTIFICATE-----)");
        assertThatThrownBy(() -> CaFile.certificates(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("CA file " + text + " is not a certificate file (");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("missing.pem");

        assertThatThrownBy(() -> CaFile.certificates(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("CA file " + missing + " cannot be read: ");
    }
}
