package io.parkpulse.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A file of CA certificates (PEM blocks, or one DER certificate) that a TLS client trusts instead of the JVM's
 * default CAs, such as a gateway's {@code broker.ca_file}. Read up front so that a wrong file is named when the
 * configuration is checked, not found at the first handshake: a file without certificates would otherwise give
 * an empty trust store and every connection would fail with "the trustAnchors parameter must be non-empty".
 */
public final class CaFile {

    private static final String EXPECTED = "expected the CA's certificate(s) as PEM (-----BEGIN CERTIFICATE-----)";

    private CaFile() {
    }

    /**
     * The certificates in {@code file}.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static List<X509Certificate> certificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("CA file " + file + " holds no certificate; " + EXPECTED);
            }
            return certificates;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("CA file " + file + " is not a certificate file (" + e.getMessage() + "); "
                    + EXPECTED, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("CA file " + file + " cannot be read: " + e, e);
        }
    }

    /**
     * Sockets for TLS connections that trust the certificates in {@code file} only. Host names are still checked
     * against the server's certificate: Paho does that ({@code MqttConnectionOptions.isHttpsHostnameVerificationEnabled},
     * on by default).
     *
     * @throws IllegalArgumentException as {@link #certificates}
     */
    public static SSLSocketFactory socketFactory(Path file) {
        List<X509Certificate> certificates = certificates(file);
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("ca-" + i, certificates.get(i));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            // an in-memory store of parsed certificates: only a JVM without TLS support gets here
            throw new IllegalStateException("cannot set up TLS trusting " + file + ": " + e, e);
        }
    }
}
