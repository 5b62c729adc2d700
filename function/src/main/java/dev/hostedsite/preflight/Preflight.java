package dev.hostedsite.preflight;

import com.google.cloud.tools.jib.http.FailoverHttpClient;
import com.google.cloud.tools.jib.http.TrustedHttpClients;
import dev.hostedsite.model.Cluster;
import dev.hostedsite.model.SecretSource;
import dev.hostedsite.model.Site;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code hostedsite preflight PATH}: checks that the mirror registry and the web server a site names hold every
 * image and file its render makes the hub fetch ({@link Inventory}), contacting nothing else, with the site's CA
 * bundle and the credentials of its pull secret. Exit 0 only when every check is {@code present}.
 */
public final class Preflight {
    public static final String HELP = """
            Usage: hostedsite preflight PATH [--authfile FILE] [--web-ca FILE] [--trust site|site+system]
                                             [-o text|json] [--timeout SECONDS] [--parallel N]

            Before the first sync: asks the mirror registry (spec.hub.registry) and the RHCOS web server
            (spec.hub.osImages.webServer) of each HostedSite in PATH whether they hold everything the render
            makes the hub fetch, and contacts nothing else. Images are looked up where the hub pulls them
            (spec.hub.mirrors: digest mirrors, and tag mirrors with tags: true):
              every image   the manifest exists (an image index is read, too)
              releases      the payload carries every NodePool architecture (a mixed cluster needs the multi
                            payload), its io.openshift.release label is release.version, and the hypershift
                            image its release-manifests/image-references names is on the mirror and equals
                            controlPlaneOperatorImage (printed when that is not set)
              osImages      each ISO and rootfs URL answers with a size; the ISO's ISO 9660 volume label
                            (bytes 32768.., one ranged read) names the declared version
            spec.hub.registry.caBundle: each certificate is within its validity (the hub checks CAs' too).
            TLS trusts spec.hub.registry.caBundle only (--trust site+system adds the JDK's CAs); for an https
            web server, --web-ca FILE (PEM), else the registry CA. Credentials: the auths entry for the mirror
            in the first cluster pull secret given inline, or --authfile FILE (containers auth.json, as written
            by podman login); never printed.
            One line per check: FILE:LINE: STATUS: FIELD: CHECK: REFERENCE|URL: DETAIL; fix: WHAT TO DO
            with STATUS present, missing, unauthorized, mismatch or unreachable; then a summary.
            -o json prints the same as one JSON document for CI.
            Bounds: --timeout per request (default 10 s), --parallel requests (default 8), and the whole run
            stops after 6 timeouts.
            Exit codes: 0 all present, 1 anything else or input errors, 2 usage.
            """;

    /**
     * The command's options.
     *
     * @param authfile a containers auth.json, or null to use the site's pull secret
     * @param webCa a PEM bundle for an https web server, or null to use the registry CA
     * @param systemTrust whether the JDK's CAs are trusted besides the given bundles
     * @param json whether to print JSON
     * @param timeout per request
     * @param parallel how many items are checked at once
     */
    public record Options(Path authfile, Path webCa, boolean systemTrust, boolean json, Duration timeout, int parallel) {
        /** The option names that take a value ({@code -o} is {@code --output}). */
        public static final java.util.Set<String> NAMES = java.util.Set.of("--authfile", "--web-ca", "--trust",
                "--output", "--timeout", "--parallel");

        /** Options from their names and values; IllegalArgumentException says which value is wrong. */
        public static Options parse(java.util.Map<String, String> o) {
            String trust = o.getOrDefault("--trust", "site");
            String output = o.getOrDefault("--output", "text");
            if (!trust.equals("site") && !trust.equals("site+system")) {
                throw new IllegalArgumentException("--trust must be site or site+system, not '" + trust + "'");
            }
            if (!output.equals("text") && !output.equals("json")) {
                throw new IllegalArgumentException("-o must be text or json, not '" + output + "'");
            }
            return new Options(o.containsKey("--authfile") ? Path.of(o.get("--authfile")) : null,
                    o.containsKey("--web-ca") ? Path.of(o.get("--web-ca")) : null, trust.equals("site+system"),
                    output.equals("json"), Duration.ofMillis(positive(o, "--timeout", "10", 1000)),
                    (int) positive(o, "--parallel", "8", 1));
        }

        private static long positive(java.util.Map<String, String> o, String name, String fallback, int unit) {
            try {
                double v = Double.parseDouble(o.getOrDefault(name, fallback));
                if (v > 0 && v <= 3600) {
                    return Math.max(1, Math.round(v * unit));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(name + " must be a positive number, not '" + o.get(name) + "'");
        }
    }

    /** Where a field of {@code site} is written, for report lines. */
    public interface Locations {
        String where(Site site, String fieldPath);
    }

    private Preflight() {}

    /** Runs the checks of every site; prints the report on {@code out} and problems with the options on {@code err}. */
    public static int run(List<Site> sites, Options options, Locations locations, PrintStream out, PrintStream err)
            throws IOException {
        if (System.getProperty("jib.httpTimeout") == null) {
            // jib-core's per-request connect and read timeout (JibSystemProperties.HTTP_TIMEOUT, milliseconds)
            System.setProperty("jib.httpTimeout", Long.toString(options.timeout().toMillis()));
        }
        boolean passed = true;
        for (Site site : sites) {
            SiteTrust registryTrust;
            SiteTrust webTrust;
            try {
                registryTrust = SiteTrust.parse(site.hub().registry().caBundle(), options.systemTrust());
            } catch (SiteTrust.BadBundle e) {
                err.println(locations.where(site, "spec.hub.registry.caBundle") + ": error: spec.hub.registry.caBundle: "
                        + e.getMessage() + ": give the PEM of the CA that signed the mirror registry's certificate");
                return 1;
            }
            try {
                webTrust = options.webCa() == null ? registryTrust
                        : SiteTrust.parse(Files.readString(options.webCa()), options.systemTrust());
            } catch (SiteTrust.BadBundle e) {
                err.println(options.webCa() + ": " + e.getMessage());
                return 2;
            }
            MirrorCredentials credentials = options.authfile() != null
                    ? MirrorCredentials.parse(Files.readString(options.authfile()), options.authfile().toString())
                    : pullSecretCredentials(site);
            String registry = site.hub().registry().address();
            err.println("hostedsite preflight: site " + site.name() + ": mirror " + registry + " (trust "
                    + "spec.hub.registry.caBundle" + (options.systemTrust() ? " and the JDK's CAs" : "") + "; credentials: "
                    + (credentials.forRepository(registry + "/x").isPresent() ? "the " + registry + " entry of "
                    + credentials.origin() : "none for " + registry + " in " + credentials.origin()) + "), web server "
                    + site.hub().osImages().webServer() + (options.webCa() != null ? " (trust " + options.webCa() + ")" : ""));
            FailoverHttpClient http = TrustedHttpClients.of(registryTrust.sslContext(), e -> { });
            Checks checks = new Checks(site.hub(), new MirrorRegistry(http, credentials),
                    new WebServer(webTrust.sslContext(), options.timeout()));
            long start = System.nanoTime();
            List<Item> items = new ArrayList<>();
            items.add(new Item.Trust("spec.hub.registry.caBundle", registryTrust, "renew the CA and the mirror's"
                    + " certificate, and put the new CA into spec.hub.registry.caBundle"));
            items.addAll(Inventory.of(site));
            List<Outcome> outcomes = runAll(checks, items, options);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            http.shutDown();
            Report.FieldLocator locator = f -> locations.where(site, f);
            out.print(options.json() ? Report.json(site.name(), outcomes, locator)
                    : Report.text(site.name(), outcomes, locator, millis));
            passed &= Report.passed(outcomes);
        }
        return passed ? 0 : 1;
    }

    /** Each item's outcomes in item order; items still running at the deadline are reported unreachable. */
    static List<Outcome> runAll(Checks checks, List<Item> items, Options options) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.parallel()), r -> {
            Thread t = new Thread(r, "preflight");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<Outcome>>> futures = new ArrayList<>();
            items.forEach(i -> futures.add(pool.submit(() -> checks.run(i))));
            long deadline = System.nanoTime() + options.timeout().toNanos() * 6;
            List<Outcome> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                try {
                    out.addAll(futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    futures.get(i).cancel(true);
                    out.add(new Outcome(item, "deadline", Outcome.Status.UNREACHABLE, item.field(),
                            "not finished within the run's bound (6 x --timeout)", "make the server answer faster,"
                            + " or give a larger --timeout"));
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a preflight check failed unexpectedly", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The auths of the first cluster pull secret given inline ({@code value}, or {@code .dockerconfigjson} in
     * {@code stringData} or base64 {@code data}); none when every pull secret is a secretRef or externalSecret.
     */
    static MirrorCredentials pullSecretCredentials(Site site) {
        for (Cluster c : site.clusters()) {
            SecretSource s = c.pullSecret();
            if (s == null || !s.inline()) {
                continue;
            }
            String json = s.value();
            if (json == null && s.stringData() != null) {
                json = s.stringData().get(".dockerconfigjson");
            }
            if (json == null && s.data() != null && s.data().get(".dockerconfigjson") != null) {
                try {
                    json = new String(Base64.getDecoder().decode(s.data().get(".dockerconfigjson")), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    json = null;
                }
            }
            if (json != null) {
                return MirrorCredentials.parse(json, s.path());
            }
        }
        return MirrorCredentials.none("no inline pull secret (give --authfile)");
    }
}
