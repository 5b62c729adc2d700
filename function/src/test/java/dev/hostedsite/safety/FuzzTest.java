package dev.hostedsite.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.cli.Main;
import dev.hostedsite.graph.ManifestSet;
import dev.hostedsite.graph.ReferenceChecker;
import dev.hostedsite.input.BmcAddressRules;
import dev.hostedsite.input.NmstateRules;
import dev.hostedsite.input.PullableImages;
import dev.hostedsite.input.SecretDataRules;
import dev.hostedsite.input.SiteBinder;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.model.Hub;
import dev.hostedsite.model.ImageReference;
import dev.hostedsite.testing.ExampleSite;
import dev.hostedsite.testing.Run;
import dev.hostedsite.testing.UpstreamSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutation fuzzer over the example site (in turn: the example, the example with the optional cluster
 * additions etcdStorageClass, capabilities, controlPlaneOperatorImage, olmCatalogImages, the example with
 * hub.operators, hub.metallb and hub.operatorHub, the example with the hub's bare-metal plumbing (hub.storage.lvms,
 * hub.provisioning, hub.osImages.caBundle over https, the operators' own mirrors), and the nodepools-mixed-arch
 * site, which uses every NodePool
 * field; every other case also with the optional host fields of {@link #addOptionalFields}): each case applies
 * one to three mutations (delete, duplicate,
 * retype, swap, perturb a string or number) to the HostedSite's tree and renders it in-process. Asserts: never an
 * internal error or a stack trace; every successful render's objects validate against the upstream schemas and
 * pass the ReferenceChecker, every image they reference is one the site's hub can pull, BareMetalHosts and
 * Secrets pass the admission rules of baremetal-operator and the API server, and every NMStateConfig's document
 * passes nmstate's API rules ({@code NmstateRules}); every failure has an
 * error result with a field path.
 * Longer runs: {@code mvn -B -o test -Dtest=FuzzTest -Dfuzz.count=100000 -Dfuzz.seed=12345}.
 */
class FuzzTest {
    static final long SEED = Long.getLong("fuzz.seed", 20251125L);
    static final int COUNT = Integer.getInteger("fuzz.count", 2000);
    private static final String[] INSERTS = {"", " ", "-", ".", ":", "/", "@", "_", "A", "0", "9", "\u00e9", "\u0000",
            "\t", "\n", "::", "//", "*", "&", "#", "'", "\"", "{", "[", "%", "\u2028", "\uD83D\uDE00", "..", "/0", ":99999",
            "=", "\r", "]", "%25", "+https", "/dev/", "0x"};

    private record Slot(JsonNode parent, String field, int index) {
        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode v) {
            if (field != null) {
                ((ObjectNode) parent).set(field, v);
            } else {
                ((ArrayNode) parent).set(index, v);
            }
        }

        void remove() {
            if (field != null) {
                ((ObjectNode) parent).remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }

        String path() {
            return field != null ? field : "[" + index + "]";
        }
    }

    @Test
    void mutationsNeverCrashAndSuccessesAreValid() {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int ok = 0;
        int rejected = 0;
        long start = System.nanoTime();
        for (int i = 0; i < COUNT && failures.size() < 10; i++) {
            ObjectNode rl = base(i);
            ObjectNode site = ExampleSite.site(rl);
            if (i % 2 == 1) {
                addOptionalFields(site);
            }
            StringBuilder what = new StringBuilder();
            int n = 1 + random.nextInt(3);
            for (int m = 0; m < n; m++) {
                mutate(site, random, what);
            }
            String problem = check(Yaml.write(rl));
            if (problem == null) {
                continue;
            }
            if (problem.equals("ok")) {
                ok++;
            } else if (problem.equals("rejected")) {
                rejected++;
            } else {
                failures.add("case " + i + " (seed " + SEED + ") " + what + ": " + problem);
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("FuzzTest: seed %d, %d cases in %d ms: %d rendered, %d rejected, %d failures%n", SEED, COUNT, ms,
                ok, rejected, failures.size());
        assertEquals(List.of(), failures);
    }

    /** The fuzzer's starting points render cleanly, with and without the optional fields: mutations start from valid sites. */
    /**
     * The fuzzer's starting points, in turn: the example, with the cluster additions, with the hub prerequisites,
     * with the hub's bare-metal plumbing, every NodePool field.
     */
    private static ObjectNode base(int i) {
        return switch (i % 5) {
            case 0 -> ExampleSite.resourceList();
            case 1 -> ExampleSite.resourceListWithAdditions();
            case 2 -> ExampleSite.resourceListWithHubOperators();
            case 3 -> ExampleSite.resourceListWithHubPlumbing();
            default -> ExampleSite.nodePoolsResourceList();
        };
    }

    @Test
    void startingPointsRender() {
        for (int i = 0; i < 10; i++) {
            ObjectNode rl = base(i);
            if (i >= 5) {
                addOptionalFields(ExampleSite.site(rl));
            }
            String stdin = Yaml.write(rl);
            assertEquals("ok", check(stdin), () -> "starting point: " + Run.of(stdin).stdout().lines()
                    .filter(l -> l.contains("message:") && !l.contains("inline") && !l.contains("catalog") && !l.contains("LoadBalancer")).toList());
        }
    }

    /**
     * Optional fields the example leaves out, so that mutations reach them too: a node hostname, base64 BMC
     * credentials, every kind of root device hint, an IPv6 BMC address with a +https driver, the cluster's
     * {@code networking.machineNetwork} and a static dual-stack nmstate document with a bond, a VLAN, routes and DNS.
     */
    static void addOptionalFields(ObjectNode site) {
        ObjectNode cluster = (ObjectNode) site.path("spec").path("clusters").get(0);
        cluster.with("networking").putArray("machineNetwork").add("192.168.122.0/24").add("fd00:122::/64");
        ObjectNode withNetwork = (ObjectNode) cluster.path("hosts").get(1);
        withNetwork.set("network", yaml("""
                interfaces:
                - {name: eno1, type: ethernet, state: up, mac-address: "52:54:00:10:00:01"}
                - {name: eno2, type: ethernet, state: up, mac-address: "52:54:00:10:01:01"}
                - name: bond0
                  type: bond
                  state: up
                  mtu: 9000
                  link-aggregation: {mode: active-backup, options: {miimon: "100"}, port: [eno1, eno2]}
                  ipv4: {enabled: false}
                - name: bond0.120
                  type: vlan
                  vlan: {base-iface: bond0, id: 120}
                  ipv4: {enabled: true, dhcp: false, address: [{ip: 192.168.122.31, prefix-length: 24}]}
                  ipv6: {enabled: true, dhcp: false, autoconf: false, address: [{ip: "fd00:122::31", prefix-length: 64}]}
                dns-resolver: {config: {server: [192.168.122.1]}}
                routes:
                  config:
                  - {destination: 0.0.0.0/0, next-hop-address: 192.168.122.1, next-hop-interface: bond0.120}
                """));
        // the boot NIC carries the host's bootMACAddress, as the static network needs
        ((ObjectNode) withNetwork.path("network").path("interfaces").get(0)).put("mac-address",
                withNetwork.path("bootMACAddress").asText());
        JsonNode hosts = site.path("spec").path("clusters").get(0).path("hosts");
        ObjectNode h1 = (ObjectNode) hosts.get(1);
        h1.put("hostname", "node-1.example.krnl.es");
        h1.set("rootDeviceHints", Yaml.object().put("deviceName", "/dev/disk/by-path/pci-0000:01:00.0-scsi-0:2:0:0")
                .put("hctl", "0:0:0:0").put("minSizeGigabytes", 120).put("rotational", false).put("serialNumber", "S3Z9")
                .put("model", "PERC").put("vendor", "DELL").put("wwn", "0x5000c500a0b1c2d3"));
        ((ObjectNode) h1.path("bmc")).set("credentials", Yaml.object().set("data",
                Yaml.object().put("username", "YWRtaW4=").put("password", "bGFiLXBhc3N3\nb3Jk")));
        ((ObjectNode) hosts.get(2).path("bmc")).put("address",
                "idrac-virtualmedia+https://[fd00:126::2]:443/redfish/v1/Systems/System.Embedded.1");
    }

    private static JsonNode yaml(String text) {
        try {
            return Yaml.readAll(text).get(0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What an admission rule of the API server or baremetal-operator would refuse in a rendered object. */
    static List<String> admissionProblems(JsonNode item) {
        List<String> out = new ArrayList<>();
        String id = item.path("kind").asText() + " " + item.path("metadata").path("name").asText();
        if ("BareMetalHost".equals(item.path("kind").asText())) {
            String address = item.path("spec").path("bmc").path("address").asText();
            if (!BmcAddressRules.admitted(address)) {
                out.add(id + ": baremetal-operator refuses bmc.address " + address);
            }
            String device = item.path("spec").path("rootDeviceHints").path("deviceName").asText("/dev/sda");
            if (!device.isEmpty() && !device.matches("/dev/(disk/by-path/)?[^/]+")) {
                out.add(id + ": the webhook refuses rootDeviceHints.deviceName " + device);
            }
        }
        if ("Secret".equals(item.path("kind").asText())) {
            item.path("data").fields().forEachRemaining(e -> {
                if (SecretDataRules.decode(e.getValue().asText()).isEmpty()) {
                    out.add(id + ": the API server cannot decode data." + e.getKey());
                }
            });
        }
        return out;
    }

    /** "ok", "rejected", or what is wrong. */
    private static String check(String stdin) {
        Run run = Run.of(stdin);
        if (run.exit() != Main.OK && run.exit() != Main.INPUT_ERROR) {
            return "exit " + run.exit() + ": " + run.stderr();
        }
        if (run.stderr().contains("Exception") || run.stderr().contains("\tat ")) {
            return "stack trace: " + run.stderr();
        }
        JsonNode out;
        try {
            out = Yaml.readAll(run.stdout()).get(0);
        } catch (Exception e) {
            return "unreadable output: " + e.getMessage();
        }
        if (run.exit() == Main.INPUT_ERROR) {
            for (JsonNode r : out.path("results")) {
                if (r.path("severity").asText().equals("error") && r.path("field").path("path").asText().length() > 0) {
                    return "rejected";
                }
            }
            return "failure without an error result pointing at a field: " + out.path("results");
        }
        List<String> problems = new ArrayList<>();
        List<JsonNode> generated = new ArrayList<>();
        List<JsonNode> passthrough = new ArrayList<>();
        Set<String> externalSecrets = new TreeSet<>();
        for (JsonNode item : out.path("items")) {
            problems.addAll(UpstreamSchemas.validate(item));
            boolean local = "true".equals(item.path("metadata").path("annotations").path("config.kubernetes.io/local-config").asText());
            if (ManifestSet.isGenerated((ObjectNode) item)) {
                if (!local) {
                    generated.add(item);
                }
            } else {
                passthrough.add(item);
                item.path("spec").path("externalSecrets").forEach(e -> externalSecrets.add(e.asText()));
            }
        }
        ReferenceChecker.check(generated, passthrough, externalSecrets).forEach(d -> problems.add(d.oneLine()));
        problems.addAll(unpullable(generated, passthrough));
        generated.forEach(item -> problems.addAll(admissionProblems(item)));
        generated.stream().filter(o -> o.path("kind").asText().equals("NMStateConfig"))
                .forEach(o -> problems.addAll(NmstateRules.errors(o.path("spec").path("config"), "NMStateConfig "
                        + o.path("metadata").path("name").asText() + " spec.config")));
        return problems.isEmpty() ? "ok" : "rendered, but: " + problems;
    }

    /** Image references in the rendered objects that the site's hub could not pull (PullableImages must have refused). */
    private static List<String> unpullable(List<JsonNode> generated, List<JsonNode> passthrough) {
        Hub hub = passthrough.stream().filter(Compiler::isHostedSite).findFirst()
                .map(s -> SiteBinder.bind(s, null).hub()).orElseThrow();
        List<String> images = new ArrayList<>();
        for (JsonNode o : generated) {
            switch (o.path("kind").asText()) {
                case "HostedCluster", "NodePool" -> images.add(o.path("spec").path("release").path("image").asText());
                case "CatalogSource" -> images.add(o.path("spec").path("image").asText());
                default -> { }
            }
            o.path("metadata").path("annotations").fields().forEachRemaining(a -> {
                if (a.getKey().endsWith("-image")) {
                    images.add(a.getValue().asText());
                }
            });
        }
        return images.stream().filter(i -> ImageReference.parse(i).flatMap(r -> PullableImages.pulledFrom(hub, r)).isEmpty())
                .map(i -> "unpullable image written: " + i).toList();
    }

    private static void mutate(ObjectNode site, Random random, StringBuilder what) {
        List<Slot> slots = new ArrayList<>();
        collect(site.path("spec"), slots);
        Slot s = slots.get(random.nextInt(slots.size()));
        JsonNode v = s.get();
        int kind = random.nextInt(6);
        what.append(" [").append(s.path()).append(' ');
        switch (kind) {
            case 0 -> {
                what.append("delete");
                s.remove();
            }
            case 1 -> {
                what.append("duplicate");
                if (s.field() == null) {
                    ((ArrayNode) s.parent()).add(v.deepCopy());
                } else {
                    ((ObjectNode) s.parent()).set(s.field() + (random.nextBoolean() ? "s" : ""), v.deepCopy());
                }
            }
            case 2 -> {
                what.append("retype");
                s.set(retype(v, random));
            }
            case 3 -> {
                List<Slot> scalars = slots.stream().filter(x -> x.get() != null && x.get().isValueNode()).toList();
                Slot other = scalars.get(random.nextInt(scalars.size()));
                what.append("swap with ").append(other.path());
                JsonNode ov = other.get();
                other.set(v.deepCopy());
                s.set(ov.deepCopy());
            }
            default -> {
                what.append("perturb");
                s.set(perturb(v, random));
            }
        }
        what.append(']');
    }

    private static void collect(JsonNode node, List<Slot> out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String f : names) {
                out.add(new Slot(node, f, -1));
                collect(node.get(f), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new Slot(node, null, i));
                collect(node.get(i), out);
            }
        }
    }

    private static JsonNode retype(JsonNode v, Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> Yaml.NODES.textNode(v.isValueNode() ? v.asText() : "x");
            case 1 -> Yaml.NODES.numberNode(random.nextInt(70000) - 100);
            case 2 -> Yaml.NODES.booleanNode(random.nextBoolean());
            case 3 -> Yaml.NODES.arrayNode().add(v.deepCopy());
            case 4 -> Yaml.object().set("value", v.deepCopy());
            default -> Yaml.NODES.nullNode();
        };
    }

    private static JsonNode perturb(JsonNode v, Random random) {
        if (v.isTextual()) {
            String t = v.asText();
            int at = t.isEmpty() ? 0 : random.nextInt(t.length() + 1);
            return Yaml.NODES.textNode(switch (random.nextInt(6)) {
                case 0 -> t.substring(0, at) + INSERTS[random.nextInt(INSERTS.length)] + t.substring(at);
                case 1 -> t.isEmpty() ? t : t.substring(0, Math.min(at, t.length() - 1)) + t.substring(Math.min(at + 1, t.length()));
                case 2 -> t.toUpperCase(java.util.Locale.ROOT);
                case 3 -> t.substring(0, at);
                case 4 -> t + t;
                default -> " " + t + " ";
            });
        }
        if (v.isNumber()) {
            long[] values = {0, -1, 1, v.asLong() + 1, -v.asLong(), Integer.MAX_VALUE, Long.MAX_VALUE};
            return random.nextInt(8) == 0 ? Yaml.NODES.numberNode(v.asDouble() + 0.5)
                    : Yaml.NODES.numberNode(values[random.nextInt(values.length)]);
        }
        if (v.isBoolean()) {
            return Yaml.NODES.booleanNode(!v.asBoolean());
        }
        return retype(v, random);
    }
}
