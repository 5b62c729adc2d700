package com.google.cloud.tools.jib.http;

import com.google.api.client.http.apache.v2.ApacheHttpTransport;
import javax.net.ssl.SSLContext;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;

/**
 * A jib-core {@link FailoverHttpClient} that trusts exactly the given {@link SSLContext} (hostnames verified),
 * never falls back to plain HTTP or to unverified TLS, and does not retry.
 *
 * <p>Why this class lives in jib-core's package: jib-core 0.27.3 takes its trust store only from the JVM-wide
 * default ({@code FailoverHttpClient.getSecureHttpTransport} builds Apache HttpClient with
 * {@code SSLConnectionSocketFactory.getSystemSocketFactory()}); the constructor that accepts transport factories is
 * package-private (GoogleContainerTools/jib {@code jib-core/src/main/java/com/google/cloud/tools/jib/http/FailoverHttpClient.java},
 * tag v0.27.3). Calling it from here keeps the site's CA per client instead of replacing the process's default
 * SSLContext. Re-check this bridge when upgrading jib-core.
 */
public final class TrustedHttpClients {
    private TrustedHttpClients() {}

    /** A client whose HTTPS connections trust {@code trust} only; {@code logger} receives jib's log events. */
    public static FailoverHttpClient of(SSLContext trust,
                                        java.util.function.Consumer<com.google.cloud.tools.jib.api.LogEvent> logger) {
        return new FailoverHttpClient(false, false, logger,
                () -> new ApacheHttpTransport(ApacheHttpTransport.newDefaultHttpClientBuilder()
                        .setSSLSocketFactory(new SSLConnectionSocketFactory(trust)).build()),
                () -> {
                    throw new IllegalStateException("insecure registry access is never enabled");
                },
                false);
    }
}
