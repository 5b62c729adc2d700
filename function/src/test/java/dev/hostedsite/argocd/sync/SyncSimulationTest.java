package dev.hostedsite.argocd.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.Compiler;
import dev.hostedsite.cli.Main;
import dev.hostedsite.graph.Layout;
import dev.hostedsite.graph.Manifest;
import dev.hostedsite.graph.ManifestSet;
import dev.hostedsite.graph.ObjectKey;
import dev.hostedsite.graph.Reference;
import dev.hostedsite.graph.References;
import dev.hostedsite.graph.WaveAssigner;
import dev.hostedsite.krm.Yaml;
import dev.hostedsite.testing.Repo;
import dev.hostedsite.testing.Sites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Proves that Argo CD can sync what we render: {@link SyncSimulator} (Argo CD's sync loop) applies a render to
 * a {@link SimulatedHub} (controllers that write the status the real ones write), judging health with the
 * shipped Lua checks. For every success fixture the first sync completes and the Application then converges
 * to Healthy; the wave table of 0.1 (NodePools before BareMetalHosts) stops at its NodePool wave; the hub
 * chain (catalog → Subscription → operator CR, L2Advertisement → LoadBalancer-published HostedCluster) holds
 * only in the shipped order; a StorageClass nothing creates holds the AgentServiceConfig's wave; each supported
 * Argo CD version's built-in checks are run; day-2 edits show what a second sync prunes, that
 * {@code Prune=confirm} holds the stateful and hub-wide objects and blocks later syncs until confirmed, and
 * that the hub singletons are never pruned.
 *
 * <p>What the simulation leaves out (see {@link SyncSimulator} and {@link SimulatedHub} for the details):
 * retries, self-heal, hooks beyond phase ordering, server-side apply and diffing, finalizers and the time
 * real controllers take (one tick per step), failures of real hardware, Agents that never register, and
 * HyperShift's own cleanup of a deleted HostedCluster, OLM's bundle unpacking, channels and upgrades. Timing is
 * counted in ticks, never measured.
 */
class SyncSimulationTest {
    private static final int FIRST_SYNC_TICKS = 200;

    /**
     * The StorageClasses a hub of the example has before the first sync: LVM Storage installed outside the
     * render, with device class {@code vg1} (the render's AgentServiceConfig asks for {@code lvms-vg1}; in these
     * fixtures nothing
     * in the render creates it).
     */
    static final Set<String> LVMS_BY_HAND = Set.of("lvms-vg1");

    /** No StorageClass before the sync: the render's LVMCluster makes LVMS create {@code lvms-<deviceClass>}. */
    static final Set<String> RENDER_CREATES_IT = Set.of();

    /**
     * What exists on the hub before the first sync of each success fixture, beyond what the render
     * references ({@link #hubFor}): its StorageClasses. A new success fixture must say what its hub has.
     */
    static final Map<String, Set<String>> STORAGE_CLASSES_BEFORE_SYNC = Map.ofEntries(
            Map.entry("acm-managed-cluster", LVMS_BY_HAND),
            Map.entry("bad-warn-autoscaling-max-above-hosts", LVMS_BY_HAND),
            Map.entry("bad-warn-bmc-credentials-block-scalar", LVMS_BY_HAND),
            Map.entry("bad-warn-bmc-credentials-control-char", LVMS_BY_HAND),
            Map.entry("bad-warn-bmc-credentials-not-utf8", LVMS_BY_HAND),
            Map.entry("bad-warn-bmc-credentials-trailing-newline", LVMS_BY_HAND),
            Map.entry("bad-warn-bmc-driver-ipmi", LVMS_BY_HAND),
            Map.entry("bad-warn-bmc-driver-redfish", LVMS_BY_HAND),
            Map.entry("bad-warn-bmc-ipv4-leading-zero", LVMS_BY_HAND),
            Map.entry("bad-warn-bmc-no-scheme-is-ipmi", LVMS_BY_HAND),
            Map.entry("bad-warn-capabilities-before-4-20", LVMS_BY_HAND),
            Map.entry("bad-warn-catalog-under-tag-mirror", LVMS_BY_HAND),
            Map.entry("bad-warn-etcd-storage-class-made-by-nothing", LVMS_BY_HAND),
            Map.entry("bad-warn-hosted-default-catalogs-not-mirrored", LVMS_BY_HAND),
            Map.entry("bad-warn-hub-api-address-outside-pools", LVMS_BY_HAND),
            Map.entry("bad-warn-hub-loadbalancer-without-metallb", LVMS_BY_HAND),
            Map.entry("bad-warn-hub-mce-not-in-any-catalog", LVMS_BY_HAND),
            Map.entry("bad-warn-machine-network-two-of-one-family", LVMS_BY_HAND),
            Map.entry("bad-warn-nmstate-interface-type-tie", LVMS_BY_HAND),
            Map.entry("bad-warn-nmstate-interface-type-unknown", LVMS_BY_HAND),
            Map.entry("bad-warn-nmstate-subnets-differ", LVMS_BY_HAND),
            Map.entry("bad-warn-nmstate-unknown-interface-key", LVMS_BY_HAND),
            Map.entry("bad-warn-nodeport-address-not-in-dns", LVMS_BY_HAND),
            Map.entry("bad-warn-olm-catalog-images-guest", LVMS_BY_HAND),
            Map.entry("bad-warn-operator-images-not-mirrored", RENDER_CREATES_IT),
            Map.entry("bad-warn-osimages-ca-with-http", LVMS_BY_HAND),
            Map.entry("bad-warn-provisioning-missing", LVMS_BY_HAND),
            Map.entry("bad-warn-replicas-above-hosts", LVMS_BY_HAND),
            Map.entry("bad-warn-root-device-hint-empty", LVMS_BY_HAND),
            Map.entry("bad-warn-selector-host-in-two-pools-enough-hosts", LVMS_BY_HAND),
            Map.entry("bad-warn-selector-host-without-pool", LVMS_BY_HAND),
            Map.entry("bad-warn-selector-pool-without-host", LVMS_BY_HAND),
            Map.entry("bad-warn-storage-class-made-by-nothing", LVMS_BY_HAND),
            Map.entry("bad-warn-tag-mirror", LVMS_BY_HAND),
            Map.entry("bad-warn-webserver-https-without-ca", RENDER_CREATES_IT),
            Map.entry("cluster-immutables-and-images", LVMS_BY_HAND),
            Map.entry("cluster-infra-id", LVMS_BY_HAND),
            Map.entry("cluster-services-verbatim", LVMS_BY_HAND),
            Map.entry("coreos-stream-fills-os-images", LVMS_BY_HAND),
            Map.entry("docs-dual-stack", LVMS_BY_HAND),
            Map.entry("etcd-rotation-backup-by-data", LVMS_BY_HAND),
            Map.entry("etcd-rotation-unchanged", LVMS_BY_HAND),
            Map.entry("etcd-rotation-with-backup", LVMS_BY_HAND),
            Map.entry("example-lab", LVMS_BY_HAND),
            Map.entry("hosts-per-cluster", LVMS_BY_HAND),
            Map.entry("hub-acm-owner", LVMS_BY_HAND),
            Map.entry("hub-baremetal-plumbing", RENDER_CREATES_IT),
            Map.entry("hub-operators-metallb", LVMS_BY_HAND),
            Map.entry("hub-storage-class-passthrough", LVMS_BY_HAND),
            Map.entry("metal-static-network", LVMS_BY_HAND),
            Map.entry("nodepool-arch-arm64", LVMS_BY_HAND),
            Map.entry("nodepools-mixed-arch", LVMS_BY_HAND),
            Map.entry("nodeport-tags-423", LVMS_BY_HAND),
            Map.entry("passthrough-local-documents", LVMS_BY_HAND),
            Map.entry("passthrough-lvmcluster-and-secrets", RENDER_CREATES_IT),
            Map.entry("pools-rollout-on-change", LVMS_BY_HAND),
            Map.entry("secrets-external", LVMS_BY_HAND),
            Map.entry("secrets-secretref", LVMS_BY_HAND),
            Map.entry("site-deleted-on-purpose", LVMS_BY_HAND),
            Map.entry("two-sites", LVMS_BY_HAND));
    private static final int CONVERGE_TICKS = 100;

    @TestFactory
    Stream<DynamicTest> everySuccessFixtureSyncsToCompletionAndConverges() throws IOException {
        List<Path> cases = new ArrayList<>();
        for (Path d : Repo.renderCases()) {
            Path expected = d.resolve("expected.yaml");
            if (Files.isRegularFile(expected) && !hasErrors(Yaml.readAll(Files.readString(expected)).get(0))) {
                cases.add(d);
            }
        }
        assertTrue(cases.size() >= 8, "success fixtures found: " + cases);
        assertEquals(new java.util.TreeSet<>(STORAGE_CLASSES_BEFORE_SYNC.keySet()),
                new java.util.TreeSet<>(cases.stream().map(d -> d.getFileName().toString()).toList()),
                "STORAGE_CLASSES_BEFORE_SYNC states the StorageClasses of exactly the success fixtures");
        return cases.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> {
            JsonNode list = Yaml.readAll(Files.readString(d.resolve("expected.yaml"))).get(0);
            List<ObjectNode> desired = deployed(d);
            assertFalse(desired.isEmpty(), "nothing rendered");
            SimulatedHub hub = hubFor(desired, STORAGE_CLASSES_BEFORE_SYNC.get(d.getFileName().toString()), Set.of());
            SyncSimulator argo = new SyncSimulator(hub, d.getFileName().toString());

            SyncSimulator.Outcome first = argo.sync(desired, SyncSimulator.Policy.AUTOMATED, FIRST_SYNC_TICKS);
            assertEquals("Succeeded", first.phase(), first.message());
            String unhealthy = argo.converge(CONVERGE_TICKS);
            if (warnsOfMissingHosts(list)) {
                // replicas above the declared hosts: the pool waits for hosts booted by hand, as warned.
                assertNotNull(unhealthy, "a pool without enough hosts cannot turn Healthy");
                assertTrue(unhealthy.startsWith("NodePool "), unhealthy);
            } else {
                assertNull(unhealthy, "not Healthy after " + CONVERGE_TICKS + " ticks: " + unhealthy);
                for (ObjectNode o : desired) {
                    assertNotNull(hub.get(ObjectKey.of(o)), "not on the hub: " + ObjectKey.of(o));
                }
            }
        }));
    }

    @Test
    void theWaveTableOf01DeadlocksAtItsNodePoolWave() {
        List<ObjectNode> desired = annotated(desired(Sites.compile(Sites.example())), "NodePool", WaveAssigner.WAVE, "9");
        SyncSimulator argo = new SyncSimulator(hubFor(desired), "old-table");
        SyncSimulator.Outcome outcome = argo.sync(desired, SyncSimulator.Policy.AUTOMATED, FIRST_SYNC_TICKS);

        assertEquals("Running", outcome.phase(), outcome.message());
        assertTrue(outcome.message().startsWith("sync did not finish in " + FIRST_SYNC_TICKS
                + " ticks: waiting at phase Sync, wave 9 for healthy state of NodePool clusters/hosted (Progressing: 0/3 nodes"),
                outcome.message());
        assertTrue(argo.tracked().stream().noneMatch(k -> k.kind().equals("BareMetalHost")),
                "the BareMetalHosts of wave 10 were never applied");
    }

    @Test
    void theShippedTableSyncsTheExampleWaveByWave() {
        List<ObjectNode> desired = desired(Sites.compile(Sites.example()));
        SimulatedHub hub = hubFor(desired);
        SyncSimulator argo = new SyncSimulator(hub, "lab");
        SyncSimulator.Outcome outcome = argo.sync(desired, SyncSimulator.Policy.AUTOMATED, FIRST_SYNC_TICKS);
        assertEquals("Succeeded", outcome.phase(), outcome.message());
        // The NodePool is applied last, after every BareMetalHost was provisioned.
        List<String> applied = hub.events().stream().filter(e -> e.contains(": applied ")).toList();
        assertTrue(applied.get(applied.size() - 1).endsWith("applied NodePool clusters/hosted"), applied.toString());
        assertNull(argo.converge(CONVERGE_TICKS));
        // Healthy once Available; the version history completes when the workers have joined.
        for (int i = 0; i < 3; i++) {
            hub.tick();
        }
        ObjectNode hc = hub.get(new ObjectKey("hypershift.openshift.io", "HostedCluster", "clusters", "hosted"));
        assertEquals("Completed", hc.path("status").path("version").path("history").get(0).path("state").asText());
    }

    @Test
    void aCustomResourceWithoutSkipDryRunFailsTheDryRunWhileItsCrdIsMissing() {
        List<ObjectNode> desired = annotated(desired(Sites.compile(Sites.example())), "HostedCluster",
                WaveAssigner.SYNC_OPTIONS, "Delete=confirm,Prune=confirm");
        SyncSimulator.Outcome outcome = new SyncSimulator(hubFor(desired), "lab")
                .sync(desired, SyncSimulator.Policy.AUTOMATED, FIRST_SYNC_TICKS);
        assertEquals("Failed", outcome.phase());
        assertEquals("one or more objects failed to apply (dry run): HostedCluster clusters/hosted: the server could"
                + " not find the requested resource", outcome.message());
    }

    // ---- the hub chain: catalog, Subscription, operator CR, MetalLB, HostedCluster ----

    @Test
    void anOperatorsCustomResourceInItsSubscriptionsWaveFailsForWantOfItsCrd() throws IOException {
        List<ObjectNode> desired = annotated(hubOperatorsMetallb(), "Subscription", WaveAssigner.WAVE, "5");
        SimulatedHub hub = hubFor(desired);
        SyncSimulator.Outcome outcome = new SyncSimulator(hub, "lab").sync(desired, SyncSimulator.Policy.AUTOMATED,
                FIRST_SYNC_TICKS);
        // Same wave: the CRDs arrive only with the CSVs the Subscriptions install, ticks later.
        assertEquals("Failed", outcome.phase(), outcome.message());
        assertTrue(outcome.message().startsWith("one or more objects failed to apply: MetalLB metallb-system/metallb"
                + " (the server could not find the requested resource (metallb.io/MetalLB))"), outcome.message());
        assertFalse(hub.hasApi("multicluster.openshift.io"), "the render subscribes the MCE operator: no CRD before its CSV");
    }

    @Test
    void aLoadBalancerPublishedClusterConvergesOnlyWithItsL2AdvertisementInAnEarlierWave() throws IOException {
        List<ObjectNode> shipped = hubOperatorsMetallb();
        SimulatedHub hub = hubFor(shipped);
        SyncSimulator argo = new SyncSimulator(hub, "lab");
        SyncSimulator.Outcome ok = argo.sync(shipped, SyncSimulator.Policy.AUTOMATED, FIRST_SYNC_TICKS);
        assertEquals("Succeeded", ok.phase(), ok.message());
        assertNull(argo.converge(CONVERGE_TICKS));
        assertTrue(hub.events().stream().anyMatch(e -> e.endsWith("installed operator metallb-operator")), hub.events().toString());

        List<ObjectNode> late = annotated(hubOperatorsMetallb(), "L2Advertisement", WaveAssigner.WAVE, "9");
        SyncSimulator.Outcome stuck = new SyncSimulator(hubFor(late), "lab").sync(late, SyncSimulator.Policy.AUTOMATED,
                FIRST_SYNC_TICKS);
        assertEquals("Running", stuck.phase(), stuck.message());
        assertTrue(stuck.message().startsWith("sync did not finish in " + FIRST_SYNC_TICKS + " ticks: waiting at phase"
                + " Sync, wave 8 for healthy state of HostedCluster clusters/hosted"), stuck.message());
        assertTrue(stuck.message().contains("APIServer load balancer is not provisioned"), stuck.message());
    }

    @Test
    void aCatalogTheHubCannotPullHoldsTheSyncAtItsWave() throws IOException {
        List<ObjectNode> desired = hubOperatorsMetallb().stream()
                .filter(o -> !o.path("kind").asText().equals("ImageDigestMirrorSet")).toList();
        SyncSimulator.Outcome outcome = new SyncSimulator(hubFor(desired), "lab").sync(desired,
                SyncSimulator.Policy.AUTOMATED, FIRST_SYNC_TICKS);
        assertEquals("Running", outcome.phase(), outcome.message());
        assertTrue(outcome.message().contains("wave 3 for healthy state of CatalogSource openshift-marketplace/"
                + "redhat-operators-disconnected (Progressing: Registry server connection is TRANSIENT_FAILURE"), outcome.message());
    }

    @Test
    void argoCdsSubscriptionHealthCallsAnUnhealthyCatalogDegraded() {
        ObjectNode sub = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        assertEquals("Progressing", Health.subscription(sub).status());
        ObjectNode status = sub.putObject("status");
        ObjectNode c = status.putArray("conditions").addObject().put("type", "CatalogSourcesUnhealthy").put("status", "True");
        assertEquals("Degraded", Health.subscription(sub).status());
        c.put("status", "False");
        status.put("state", "UpgradePending");
        assertEquals("Progressing", Health.subscription(sub).status());
        status.put("state", "AtLatestKnown");
        assertEquals("Healthy", Health.subscription(sub).status());
        status.put("state", "UpgradeFailed");
        assertEquals("Degraded", Health.subscription(sub).status());
    }

    // ---- what the real hub writes: storage, catalogs, Argo CD versions ----

    @Test
    void aStorageClassNothingCreatesHoldsTheAgentServiceConfigWaveAndTheMessageNamesIt() {
        // The example without its LVMCluster (spec.hub.storage): nothing in the render or on the hub makes lvms-vg1.
        ObjectNode site = Sites.example();
        ((ObjectNode) site.path("spec").path("hub")).remove("storage");
        List<ObjectNode> desired = desired(Sites.compile(site));
        assertTrue(desired.stream().noneMatch(o -> o.path("kind").asText().equals("LVMCluster")));
        SimulatedHub hub = hubFor(desired, Set.of(), Set.of());
        SyncSimulator.Outcome stuck = new SyncSimulator(hub, "lab").sync(desired, SyncSimulator.Policy.AUTOMATED, FIRST_SYNC_TICKS);
        assertEquals("Running", stuck.phase(), stuck.message());
        assertEquals("sync did not finish in " + FIRST_SYNC_TICKS + " ticks: waiting at phase Sync, wave 6 for healthy state of"
                + " AgentServiceConfig agent (Progressing: DeploymentsHealthy=False (DeploymentFailure): Deployment"
                + " assisted-service is not available; its volumes need StorageClass lvms-vg1)", stuck.message());
        assertEquals("Pending", hub.get(ObjectKey.core("PersistentVolumeClaim", "multicluster-engine", "postgres"))
                .path("status").path("phase").asText());
    }

    @Test
    void eachSupportedArgoCdVersionSyncsTheHubChainWithThePackagesChecks() throws IOException {
        for (String version : Health.ArgoCd.SUPPORTED) {
            List<ObjectNode> desired = hubOperatorsMetallb();
            SyncSimulator argo = new SyncSimulator(hubFor(desired), "lab", new Health.ArgoCd(version, true));
            SyncSimulator.Outcome outcome = argo.sync(desired, SyncSimulator.Policy.AUTOMATED, FIRST_SYNC_TICKS);
            assertEquals("Succeeded", outcome.phase(), version + ": " + outcome.message());
            assertNull(argo.converge(CONVERGE_TICKS), version);
        }
    }

    @Test
    void argoCd214sBuiltInSubscriptionCheckAppliesTheOperatorsCrsBeforeTheirCrds() throws IOException {
        // The package's CatalogSource check installed, its Subscription override not: 2.14's built-in calls an
        // UpgradePending Subscription Healthy, so wave 5 is applied before the InstallPlan created the CRDs.
        List<ObjectNode> desired = hubOperatorsMetallb();
        SimulatedHub hub = hubFor(desired);
        SyncSimulator.Outcome outcome = new SyncSimulator(hub, "lab", builtInSubscription("2.14"))
                .sync(desired, SyncSimulator.Policy.AUTOMATED, FIRST_SYNC_TICKS);
        assertEquals("Failed", outcome.phase(), outcome.message());
        assertTrue(outcome.message().startsWith("one or more objects failed to apply: MetalLB metallb-system/metallb (the"
                + " server could not find the requested resource (metallb.io/MetalLB))"), outcome.message());
    }

    @Test
    void aForeignCatalogThatCannotServeFailsTheSyncOnlyWithArgoCdsBuiltInSubscriptionCheck() throws IOException {
        for (boolean withPackage : List.of(false, true)) {
            List<ObjectNode> desired = hubOperatorsMetallb();
            SimulatedHub hub = hubFor(desired);
            // Left from an earlier install: a catalog of openshift-marketplace whose image the hub cannot reach.
            ObjectNode old = SimulatedHubTest.object("operators.coreos.com/v1alpha1", "CatalogSource", "openshift-marketplace", "old-catalog");
            old.putObject("spec").put("image", "registry.redhat.io/redhat/certified-operator-index:v4.19").put("sourceType", "grpc");
            hub.preexisting(old);
            Health.ArgoCd checks = withPackage ? Health.ArgoCd.DEFAULT : builtInSubscription("3");
            SyncSimulator.Outcome outcome = new SyncSimulator(hub, "lab", checks).sync(desired, SyncSimulator.Policy.AUTOMATED,
                    FIRST_SYNC_TICKS);
            if (withPackage) {
                assertEquals("Succeeded", outcome.phase(), outcome.message());
            } else {
                assertEquals("Failed", outcome.phase(), outcome.message());
                assertTrue(outcome.message().contains("Subscription") && outcome.message().contains("CatalogSourcesUnhealthy"),
                        outcome.message());
            }
        }
    }

    /** Argo CD {@code version} with the package's checks for every kind but Subscription (its built-in runs). */
    private static Health.ArgoCd builtInSubscription(String version) {
        return new Health.ArgoCd(version, true, Set.of("Subscription"));
    }

    // ---- ACM registration from Git: ManagedCluster after the HostedCluster, KlusterletAddonConfig after it ----

    @Test
    void aManagedClusterRegistersOnceItsControlPlaneIsAvailableAndItsAddOnConfigFollows() throws IOException {
        List<ObjectNode> desired = desired(Yaml.readAll(Files.readString(
                Repo.fixture("acm-managed-cluster").resolve("expected.yaml"))).get(0));
        SimulatedHub hub = hubFor(desired);
        SyncSimulator argo = new SyncSimulator(hub, "lab");
        SyncSimulator.Outcome ok = argo.sync(desired, SyncSimulator.Policy.AUTOMATED, FIRST_SYNC_TICKS);
        assertEquals("Succeeded", ok.phase(), ok.message());
        assertNull(argo.converge(CONVERGE_TICKS));
        ObjectKey mc = new ObjectKey("cluster.open-cluster-management.io", "ManagedCluster", null, "hosted");
        assertTrue(SimulatedHub.conditionTrue(hub.get(mc), "ManagedClusterConditionAvailable"), hub.get(mc).toString());
        List<String> events = hub.events();
        int applied = indexOf(events, "applied ManagedCluster hosted", "");
        int accepted = indexOf(events, "accepted ManagedCluster hosted", "");
        int addOns = indexOf(events, "applied KlusterletAddonConfig hosted/hosted", "");
        assertTrue(applied >= 0 && accepted > applied && addOns > accepted, events.toString());

        // In the ManagedCluster's wave, the KlusterletAddonConfig finds no namespace yet: ACM makes it on acceptance.
        List<ObjectNode> early = annotated(desired, "KlusterletAddonConfig", WaveAssigner.WAVE, "12");
        SyncSimulator.Outcome failed = new SyncSimulator(hubFor(early), "lab").sync(early,
                SyncSimulator.Policy.AUTOMATED, FIRST_SYNC_TICKS);
        assertEquals("Failed", failed.phase(), failed.message());
        assertTrue(failed.message().contains("KlusterletAddonConfig hosted/hosted (namespaces \"hosted\" not found)"),
                failed.message());
    }

    private static int indexOf(List<String> events, String what, String alsoContains) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).contains(what) && events.get(i).contains(alsoContains)) {
                return i;
            }
        }
        return -1;
    }

    private static List<ObjectNode> hubOperatorsMetallb() throws IOException {
        return desired(Yaml.readAll(Files.readString(Repo.fixture("hub-operators-metallb").resolve("expected.yaml"))).get(0));
    }

    // ---- day 2: a second sync after an edit ----

    @Test
    void removingAHostWaitsForConfirmationBeforeItsBareMetalHostIsPruned() {
        ObjectNode site = Sites.example();
        Synced lab = synced(site);
        ((com.fasterxml.jackson.databind.node.ArrayNode) Sites.cluster(site).get("hosts")).remove(2);
        List<ObjectNode> edited = desired(Sites.compile(site));

        SyncSimulator.Outcome held = lab.argo.sync(edited, SyncSimulator.Policy.AUTOMATED, FIRST_SYNC_TICKS);
        ObjectKey bmh = new ObjectKey("metal3.io", "BareMetalHost", "clusters-hosted", "hosted-worker2");
        assertEquals("Running", held.phase());
        assertEquals("Waiting for pruning confirmation of BareMetalHost clusters-hosted/hosted-worker2 (phase Sync, wave 1)",
                held.message());
        assertEquals(List.of(bmh), held.awaitingConfirmation());
        assertEquals(List.of(), held.pruned());
        assertFalse(lab.hub.get(bmh).path("metadata").has("deletionTimestamp"));

        SyncSimulator.Outcome confirmed = lab.argo.confirmPruning(FIRST_SYNC_TICKS);
        assertEquals("Succeeded", confirmed.phase(), confirmed.message());
        // Reverse wave order: the host (wave 10) first, its NMStateConfig (8), its BMC Secret (1) last.
        assertEquals(List.of(bmh,
                new ObjectKey("agent-install.openshift.io", "NMStateConfig", "clusters-hosted", "hosted-worker2"),
                ObjectKey.core("Secret", "clusters-hosted", "hosted-worker2-bmc-secret")), confirmed.pruned());
        assertNull(lab.argo.converge(CONVERGE_TICKS));
        for (int i = 0; i < 3; i++) {
            lab.hub.tick();
        }
        assertEquals(2, lab.hub.get(new ObjectKey("hypershift.openshift.io", "NodePool", "clusters", "hosted"))
                .path("status").path("replicas").asInt());
    }

    @Test
    void aSyncWaitingForPruneConfirmationStaysRunningAndBlocksLaterAutomatedSyncs() {
        ObjectNode site = Sites.example();
        Synced lab = synced(site);
        ((com.fasterxml.jackson.databind.node.ArrayNode) Sites.cluster(site).get("hosts")).remove(2);
        List<ObjectNode> removal = desired(Sites.compile(site));
        SyncSimulator.Outcome held = lab.argo.sync(removal, SyncSimulator.Policy.AUTOMATED, FIRST_SYNC_TICKS);
        assertEquals("Running", held.phase());

        // A later commit (a new label on a host) arrives while the operation waits: Argo CD starts no sync.
        ((ObjectNode) Sites.cluster(site).get("hosts").get(0)).with("labels").put("later", "commit");
        List<ObjectNode> later = desired(Sites.compile(site));
        for (int i = 0; i < 5; i++) {
            SyncSimulator.Outcome blocked = lab.argo.sync(later, SyncSimulator.Policy.AUTOMATED, FIRST_SYNC_TICKS);
            assertEquals("Running", blocked.phase());
            assertEquals("another operation is already in progress: " + held.message(), blocked.message());
            lab.hub.tick();
        }
        ObjectKey host = new ObjectKey("metal3.io", "BareMetalHost", "clusters-hosted", "hosted-worker0");
        String label = SimulatedHub.AGENT_LABEL_PREFIX + "later";
        assertFalse(lab.hub.get(host).path("metadata").path("annotations").has(label), "nothing of the later commit applied");

        // Confirmation resumes the waiting operation: the removal's revision, not the later commit.
        SyncSimulator.Outcome confirmed = lab.argo.confirmPruning(FIRST_SYNC_TICKS);
        assertEquals("Succeeded", confirmed.phase(), confirmed.message());
        assertTrue(confirmed.pruned().contains(new ObjectKey("metal3.io", "BareMetalHost", "clusters-hosted", "hosted-worker2")));
        assertFalse(lab.hub.get(host).path("metadata").path("annotations").has(label));
        // Only now the next automated sync runs, with the later commit.
        SyncSimulator.Outcome next = lab.argo.sync(later, SyncSimulator.Policy.AUTOMATED, FIRST_SYNC_TICKS);
        assertEquals("Succeeded", next.phase(), next.message());
        assertTrue(lab.hub.get(host).path("metadata").path("annotations").has(label), lab.hub.get(host).toString());
    }

    @Test
    void aRenderThatDropsTheHubNeverDeletesTheSingletonsAndWaitsBeforeTheHubOperators() {
        Synced lab = synced(Sites.example());
        Set<String> hub = Set.of("Image", "OperatorHub", "ImageDigestMirrorSet", "MultiClusterEngine", "AgentServiceConfig");
        List<ObjectNode> withoutHub = desired(Sites.compile(Sites.example())).stream()
                .filter(o -> !hub.contains(o.path("kind").asText())).toList();
        SyncSimulator.Outcome held = lab.argo.sync(withoutHub, SyncSimulator.Policy.AUTOMATED, FIRST_SYNC_TICKS);
        assertEquals("Running", held.phase(), held.message());
        assertTrue(held.message().startsWith("Waiting for pruning confirmation of "), held.message());
        // Reverse wave order: the AgentServiceConfig (wave 6) is the first protected prune.
        assertEquals(List.of(new ObjectKey("agent-install.openshift.io", "AgentServiceConfig", null, "agent")),
                held.awaitingConfirmation());
        assertNotNull(lab.hub.get(new ObjectKey("multicluster.openshift.io", "MultiClusterEngine", null, "multiclusterengine")));

        SyncSimulator.Outcome confirmed = lab.argo.confirmPruning(FIRST_SYNC_TICKS);
        assertEquals("Succeeded", confirmed.phase(), confirmed.message());
        for (String kind : List.of("Image", "OperatorHub")) {
            ObjectKey singleton = new ObjectKey("config.openshift.io", kind, null, "cluster");
            assertFalse(confirmed.pruned().contains(singleton), kind + " is never pruned (Prune=false)");
            assertNotNull(lab.hub.get(singleton));
        }
        assertTrue(confirmed.pruned().containsAll(List.of(
                new ObjectKey("multicluster.openshift.io", "MultiClusterEngine", null, "multiclusterengine"),
                new ObjectKey("agent-install.openshift.io", "AgentServiceConfig", null, "agent"),
                new ObjectKey("config.openshift.io", "ImageDigestMirrorSet", null, "hostedsite-mirrors"))),
                "pruned only after confirmation: " + confirmed.pruned());
    }

    @Test
    void movingAClusterToAnotherNamespaceDeletesNothingUntilConfirmed() {
        ObjectNode site = Sites.example();
        Synced lab = synced(site);
        Sites.cluster(site).put("namespace", "moved");
        List<ObjectNode> edited = desired(Sites.compile(site));

        SyncSimulator.Outcome held = lab.argo.sync(edited, SyncSimulator.Policy.AUTOMATED, FIRST_SYNC_TICKS);
        assertEquals("Running", held.phase());
        // Mirrored prune waves put the old NodePool (wave 11) first, with the new Namespaces of wave 0.
        assertTrue(held.message().startsWith("Waiting for pruning confirmation of NodePool clusters/hosted"), held.message());
        assertEquals(List.of(), held.pruned());
        ObjectKey oldCluster = new ObjectKey("hypershift.openshift.io", "HostedCluster", "clusters", "hosted");
        assertNotNull(lab.hub.get(oldCluster));
        assertFalse(lab.hub.get(oldCluster).path("metadata").has("deletionTimestamp"));
        assertTrue(lab.hub.events().stream().noneMatch(e -> e.contains("moved")), "nothing of the new namespace applied");

        SyncSimulator.Outcome confirmed = lab.argo.confirmPruning(FIRST_SYNC_TICKS);
        assertEquals("Succeeded", confirmed.phase(), confirmed.message());
        assertTrue(confirmed.pruned().contains(oldCluster));
        assertTrue(confirmed.pruned().contains(ObjectKey.core("Namespace", null, "clusters")));
        assertNull(lab.hub.get(oldCluster));
    }

    @Test
    void aNamespacePrunedWithoutConfirmationTakesItsProtectedObjectsAlong() {
        // Why Namespaces carry Prune=confirm: Prune=false on the HostedCluster alone does not save it.
        ObjectNode site = Sites.example();
        Synced lab = synced(site);
        for (ObjectKey k : lab.argo.tracked()) {
            ObjectNode live = lab.hub.get(k);
            String options = live.path("metadata").path("annotations").path(WaveAssigner.SYNC_OPTIONS).asText("");
            live.with("metadata").with("annotations").put(WaveAssigner.SYNC_OPTIONS,
                    k.kind().equals("Namespace") ? "" : options.replace("Prune=confirm", "Prune=false"));
        }
        Sites.cluster(site).put("namespace", "moved");
        SyncSimulator.Outcome outcome = lab.argo.sync(desired(Sites.compile(site)), SyncSimulator.Policy.AUTOMATED,
                FIRST_SYNC_TICKS);
        assertEquals("Succeeded", outcome.phase(), outcome.message());
        assertTrue(outcome.pruned().contains(ObjectKey.core("Namespace", null, "clusters")));
        assertFalse(outcome.pruned().contains(new ObjectKey("hypershift.openshift.io", "HostedCluster", "clusters", "hosted")));
        lab.hub.tick();
        assertNull(lab.hub.get(new ObjectKey("hypershift.openshift.io", "HostedCluster", "clusters", "hosted")),
                "the namespace took the HostedCluster with it");
    }

    @Test
    void renamingAPoolHoldsTheNewPoolUntilTheOldOneMayBePruned() {
        ObjectNode site = Sites.example();
        Synced lab = synced(site);
        ((ObjectNode) Sites.cluster(site).path("nodePools").get(0)).put("name", "workers");
        List<ObjectNode> edited = desired(Sites.compile(site));

        SyncSimulator.Outcome held = lab.argo.sync(edited, SyncSimulator.Policy.AUTOMATED, FIRST_SYNC_TICKS);
        assertEquals("Running", held.phase());
        assertEquals("Waiting for pruning confirmation of NodePool clusters/hosted (phase Sync, wave 11)", held.message());
        assertNull(lab.hub.get(new ObjectKey("hypershift.openshift.io", "NodePool", "clusters", "workers")));

        SyncSimulator.Outcome confirmed = lab.argo.confirmPruning(FIRST_SYNC_TICKS);
        assertEquals("Succeeded", confirmed.phase(), confirmed.message());
        assertEquals(List.of(new ObjectKey("hypershift.openshift.io", "NodePool", "clusters", "hosted")), confirmed.pruned());
        assertNull(lab.argo.converge(CONVERGE_TICKS), "the new pool takes over the released Agents");
    }

    // ---- one Application per cluster ----

    @Test
    void aFailingClusterHoldsBackOnlyItsOwnApplication() throws IOException {
        // two-sites: clusters site-a/alpha and site-b/beta. Beta's BMC Secrets are missing, so its
        // BareMetalHosts turn Degraded (metal3 cannot register them).
        JsonNode input = Yaml.readAll(Files.readString(Repo.fixture("two-sites").resolve("input.yaml"))).get(0);
        List<ObjectNode> items = new ArrayList<>();
        input.path("items").forEach(i -> items.add((ObjectNode) i));
        Compiler.Result r = Compiler.compile(items, null);
        java.util.Map<String, List<ObjectNode>> parts = new java.util.TreeMap<>();
        Set<ObjectKey> missing = new HashSet<>();
        for (Manifest m : r.generated()) {
            if (m.key().kind().equals("BareMetalHost") && m.key().name().startsWith("beta-")) {
                missing.add(ObjectKey.core("Secret", m.key().namespace(), m.body().path("spec").path("bmc").path("credentialsName").asText()));
            }
        }
        assertFalse(missing.isEmpty());
        for (Manifest m : r.generated()) {
            if (!m.localConfig() && !missing.contains(m.key())) {
                parts.computeIfAbsent(Layout.partOf(m), p -> new ArrayList<>()).add(Layout.withoutToolAnnotations(m.body()));
            }
        }
        assertEquals(Set.of("hub", "site-a/alpha", "site-b/beta"), parts.keySet());

        // One Application per part.
        SimulatedHub hub = hubFor(parts.values().stream().flatMap(List::stream).toList(), missing);
        SyncSimulator hubApp = new SyncSimulator(hub, "hub");
        assertEquals("Succeeded", hubApp.sync(parts.get("hub"), SyncSimulator.Policy.AUTOMATED, FIRST_SYNC_TICKS).phase());
        SyncSimulator beta = new SyncSimulator(hub, "beta");
        SyncSimulator.Outcome failed = beta.sync(parts.get("site-b/beta"), SyncSimulator.Policy.AUTOMATED, FIRST_SYNC_TICKS);
        assertEquals("Failed", failed.phase());
        assertTrue(failed.message().startsWith("one or more synchronization tasks completed unsuccessfully: BareMetalHost"),
                failed.message());
        SyncSimulator alpha = new SyncSimulator(hub, "alpha");
        SyncSimulator.Outcome ok = alpha.sync(parts.get("site-a/alpha"), SyncSimulator.Policy.AUTOMATED, FIRST_SYNC_TICKS);
        assertEquals("Succeeded", ok.phase(), ok.message());
        assertNull(alpha.converge(CONVERGE_TICKS));

        // The same render as one Application: beta's failure stops alpha's NodePool wave too.
        List<ObjectNode> all = parts.values().stream().flatMap(List::stream).toList();
        SimulatedHub shared = hubFor(all, missing);
        SyncSimulator.Outcome one = new SyncSimulator(shared, "both").sync(all, SyncSimulator.Policy.AUTOMATED, FIRST_SYNC_TICKS);
        assertEquals("Failed", one.phase());
        assertNull(shared.get(new ObjectKey("hypershift.openshift.io", "NodePool", "clusters", "alpha")),
                "alpha's NodePool (wave 11) is never applied");
    }

    // ---- helpers ----

    private record Synced(SimulatedHub hub, SyncSimulator argo) {
    }

    /** A hub on which the first sync of {@code site} completed and converged. */
    private static Synced synced(ObjectNode site) {
        List<ObjectNode> desired = desired(Sites.compile(site));
        SimulatedHub hub = hubFor(desired);
        SyncSimulator argo = new SyncSimulator(hub, "lab");
        SyncSimulator.Outcome first = argo.sync(desired, SyncSimulator.Policy.AUTOMATED, FIRST_SYNC_TICKS);
        assertEquals("Succeeded", first.phase(), first.message());
        assertNull(argo.converge(CONVERGE_TICKS));
        return new Synced(hub, argo);
    }

    /** {@code objects}, with the annotation {@code key: value} set on those of the given kind. */
    private static List<ObjectNode> annotated(List<ObjectNode> objects, String kind, String key, String value) {
        for (ObjectNode o : objects) {
            if (o.path("kind").asText().equals(kind)) {
                o.with("metadata").with("annotations").put(key, value);
            }
        }
        return objects;
    }

    /**
     * What the Argo CD plugin hands Argo CD ({@code hostedsite render .}, {@link Main#deployable}): the applied
     * generated objects and the passthrough items in their waves, without the kpt annotations.
     */
    static List<ObjectNode> desired(Compiler.Result r) {
        assertFalse(r.failed(), () -> Sites.errors(r).toString());
        List<ObjectNode> out = new ArrayList<>();
        r.deployable().forEach(o -> out.add(o.deepCopy()));
        return out;
    }

    /** What the plugin hands Argo CD for a fixture: its input.yaml rendered, the deployable stream. */
    static List<ObjectNode> deployed(Path fixture) throws IOException, dev.hostedsite.krm.ResourceList.NotAResourceList {
        dev.hostedsite.krm.ResourceList in = dev.hostedsite.krm.ResourceList.from(
                Yaml.readAll(Files.readString(fixture.resolve("input.yaml"))).get(0));
        return desired(Compiler.compile(in.items(), in.functionConfig()));
    }

    static List<ObjectNode> desired(JsonNode resourceList) {
        List<ObjectNode> items = new ArrayList<>();
        resourceList.path("items").forEach(i -> items.add((ObjectNode) i));
        return Main.deployable(items);
    }

    /**
     * A hub with what the render references but does not create: platform Namespaces, Secrets from
     * {@code secretRef}/{@code externalSecrets}. Secrets an ExternalSecret of the render produces are left to it.
     */
    static SimulatedHub hubFor(List<ObjectNode> desired) {
        return hubFor(desired, LVMS_BY_HAND, Set.of());
    }

    /**
     * {@link #hubFor(List)} on a hub with the given StorageClasses and without the given objects (Secrets that
     * should exist but do not).
     */
    static SimulatedHub hubFor(List<ObjectNode> desired, Set<String> storageClasses, Set<ObjectKey> absent) {
        SimulatedHub hub = new SimulatedHub();
        storageClasses.forEach(hub::storageClass);
        prepareOperators(hub, desired);
        Set<ObjectKey> rendered = new HashSet<>();
        desired.forEach(o -> {
            rendered.add(ObjectKey.of(o));
            References.producedSecret(o).ifPresent(rendered::add);
        });
        for (Reference r : References.of(List.copyOf(desired))) {
            ObjectKey k = r.to();
            if (!rendered.contains(k) && hub.get(k) == null) {
                ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", k.kind());
                o.putObject("metadata").put("name", k.name());
                if (k.namespace() != null) {
                    ((ObjectNode) o.get("metadata")).put("namespace", k.namespace());
                }
                hub.preexisting(o);
            }
        }
        if (!absent.isEmpty()) {
            absent.forEach(hub::delete);
            hub.tick();
        }
        return hub;
    }

    /**
     * What the render's warnings leave to the user, done by hand as they say: without a multicluster-engine
     * Subscription (no catalog lists the package) the MCE operator was installed by hand; without a
     * MultiClusterEngine in the render (spec.hub.multiclusterEngine.owner: acm) ACM's MultiClusterHub created one;
     * without a MetalLB in the render, LoadBalancer Services get their addresses from the hub's own load balancer.
     */
    private static void prepareOperators(SimulatedHub hub, List<ObjectNode> desired) {
        Set<String> kinds = new HashSet<>();
        Set<String> subscribed = new HashSet<>();
        for (ObjectNode o : desired) {
            kinds.add(o.path("kind").asText());
            if (o.path("kind").asText().equals("Subscription")) {
                subscribed.add(o.path("spec").path("name").asText());
            }
        }
        if (!subscribed.contains("multicluster-engine")) {
            hub.installedByHand("multicluster-engine");
        }
        if (!kinds.contains("MultiClusterEngine")) {
            ObjectNode mce = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    .put("apiVersion", "multicluster.openshift.io/v1").put("kind", "MultiClusterEngine");
            mce.putObject("metadata").put("name", "multiclusterengine");
            hub.preexisting(mce);
            hub.acmInstalled();
        }
        if (!kinds.contains("MetalLB")) {
            hub.loadBalancerByHand();
        }
    }

    /** {@link #hubFor(List)} without the given objects (Secrets that should exist but do not). */
    static SimulatedHub hubFor(List<ObjectNode> desired, Set<ObjectKey> absent) {
        return hubFor(desired, LVMS_BY_HAND, absent);
    }

    private static boolean hasErrors(JsonNode resourceList) {
        for (JsonNode r : resourceList.path("results")) {
            if (r.path("severity").asText().equals("error")) {
                return true;
            }
        }
        return false;
    }

    private static boolean warnsOfMissingHosts(JsonNode resourceList) {
        for (JsonNode r : resourceList.path("results")) {
            // replicas above the hosts; an autoscaled pool starts at min and may wait only when it scales past them
            if (r.path("message").asText().contains("it waits for agents booted by hand")
                    && r.path("field").path("path").asText().endsWith(".replicas")) {
                return true;
            }
        }
        return false;
    }
}
