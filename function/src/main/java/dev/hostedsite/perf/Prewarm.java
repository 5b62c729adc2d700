package dev.hostedsite.perf;

import dev.hostedsite.input.SchemaValidator;
import java.security.cert.CertificateFactory;

/** EXPERIMENT */
public final class Prewarm {
    private Prewarm() {}

    public static void start() {
        Thread t = new Thread(() -> {
            try {
                SchemaValidator.get();
                CertificateFactory.getInstance("X.509");
            } catch (Throwable e) {
                // the main thread meets the same problem and reports it
            }
        }, "hostedsite-prewarm");
        t.setDaemon(true);
        t.start();
    }
}
