package dev.hostedsite.preflight;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates a preflight trusts: a PEM bundle (the site's {@code spec.hub.registry.caBundle}, or a file given
 * with {@code --web-ca}), plus, only when asked, the JDK's default trust store.
 *
 * @param certificates the bundle's CA certificates, in bundle order
 * @param system whether the JDK's default trusted CAs are added
 */
public record SiteTrust(List<X509Certificate> certificates, boolean system) {

    /** A bundle that holds no certificate, or a certificate that does not parse. */
    public static final class BadBundle extends Exception {
        BadBundle(String message) {
            super(message);
        }
    }

    /** Parses a PEM bundle of one or more {@code CERTIFICATE} blocks. */
    public static SiteTrust parse(String pem, boolean system) throws BadBundle {
        if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new BadBundle("holds no PEM certificate");
        }
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            List<X509Certificate> out = new ArrayList<>();
            for (var c : cf.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                out.add((X509Certificate) c);
            }
            return new SiteTrust(List.copyOf(out), system);
        } catch (GeneralSecurityException e) {
            throw new BadBundle("a certificate does not parse: " + e.getMessage());
        }
    }

    /** The bundle's certificates no longer (or not yet) valid at {@code now}: a TLS client refuses chains through them. */
    public List<X509Certificate> outOfDate(Instant now) {
        return certificates.stream()
                .filter(c -> now.isAfter(c.getNotAfter().toInstant()) || now.isBefore(c.getNotBefore().toInstant()))
                .toList();
    }

    /** An SSLContext whose trust anchors are exactly these certificates (and the JDK's, when {@link #system}). */
    public SSLContext sslContext() {
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (X509Certificate c : certificates) {
                ks.setCertificateEntry("site-" + i++, c);
            }
            if (system) {
                TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                defaults.init((KeyStore) null);
                for (TrustManager tm : defaults.getTrustManagers()) {
                    if (tm instanceof X509TrustManager x) {
                        for (X509Certificate c : x.getAcceptedIssuers()) {
                            ks.setCertificateEntry("system-" + i++, c);
                        }
                    }
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build a trust store from parsed certificates", e);
        }
    }
}
