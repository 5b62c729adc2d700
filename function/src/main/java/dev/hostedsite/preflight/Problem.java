package dev.hostedsite.preflight;

import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.http.ResponseException;
import java.net.ConnectException;
import java.util.List;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.net.ssl.SSLException;

/** Why a request failed, as a report status and a sentence; built from the exception a client threw. */
record Problem(Outcome.Status status, String detail) {

    /** Classifies {@code e}: refused credentials, a missing manifest or blob, or no answer (TLS, network, time). */
    static Problem of(Throwable e, String server) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RegistryUnauthorizedException) {
                return new Problem(Outcome.Status.UNAUTHORIZED, server + " refused the credentials (401/403)");
            }
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
                return new Problem(Outcome.Status.UNREACHABLE, "TLS: a certificate of " + server
                        + " is out of its validity period: " + t.getMessage());
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return new Problem(Outcome.Status.UNREACHABLE, "TLS: " + server + "'s certificate is not trusted or"
                        + " does not name the host: " + rootMessage(t));
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return new Problem(Outcome.Status.UNREACHABLE, "cannot connect to " + server + ": "
                        + (t.getMessage() != null ? t.getMessage() : t instanceof ConnectException
                        ? "connection refused" : "unknown host"));
            }
            if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
                return new Problem(Outcome.Status.UNREACHABLE, server + " did not answer in time");
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ResponseException r && r.getStatusCode() == 404) {
                return new Problem(Outcome.Status.MISSING, "not on " + server + " (404)");
            }
        }
        // jib-core turns the registry's error codes (distribution registry API, "Errors") into its message
        String text = String.valueOf(e.getMessage());
        for (String code : List.of("MANIFEST_UNKNOWN", "NAME_UNKNOWN", "BLOB_UNKNOWN", "manifest unknown",
                "repository name not known", "blob unknown")) {
            if (text.contains(code)) {
                return new Problem(Outcome.Status.MISSING, "not on " + server + " (" + code + ")");
            }
        }
        return new Problem(Outcome.Status.UNREACHABLE, server + ": " + e.getClass().getSimpleName() + ": " + text);
    }

    private static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null) {
            r = r.getCause();
        }
        return r.getMessage();
    }
}
