package dev.hostedsite.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.krm.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The example site's ResourceList (fixtures/render/example-lab/input.yaml), and others, as fresh trees to edit: the same
 * site with its hub prerequisites wired (fixtures/hub/hub-operators-metallb), and the NodePool site
 * (fixtures/render/nodepools-mixed-arch).
 */
public final class ExampleSite {
    private static final ObjectNode RESOURCE_LIST = load("example-lab");
    /** The example with every optional cluster setting of the additions (fixtures/render/cluster-immutables-and-images). */
    private static final ObjectNode WITH_ADDITIONS = load("cluster-immutables-and-images");
    private static final ObjectNode WITH_HUB_OPERATORS = load("hub-operators-metallb");
    private static final ObjectNode NODE_POOLS = load("nodepools-mixed-arch");
    /** The wired hub plus hub.storage.lvms, hub.provisioning: create and an https web server with its CA. */
    private static final ObjectNode WITH_HUB_PLUMBING = load("hub-baremetal-plumbing");

    private ExampleSite() {}

    private static ObjectNode load(String fixture) {
        try {
            return (ObjectNode) Yaml.readAll(Files.readString(Repo.fixture(fixture).resolve("input.yaml"))).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode resourceList() {
        return RESOURCE_LIST.deepCopy();
    }

    /** Like {@link #resourceList()}, with etcdStorageClass, capabilities, controlPlaneOperatorImage, olmCatalogImages. */
    public static ObjectNode resourceListWithAdditions() {
        return WITH_ADDITIONS.deepCopy();
    }

    /** The example with hub.operators, hub.metallb and hub.operatorHub set, as a fresh tree. */
    public static ObjectNode resourceListWithHubOperators() {
        return WITH_HUB_OPERATORS.deepCopy();
    }

    /** The hub's bare-metal plumbing (fixtures/hub/hub-baremetal-plumbing), as a fresh tree. */
    public static ObjectNode resourceListWithHubPlumbing() {
        return WITH_HUB_PLUMBING.deepCopy();
    }

    /**
     * The fixture nodepools-mixed-arch as a fresh tree: the example hub with pools of two architectures, labels,
     * taints, autoscaling, a pool on its own release, node configuration and tuning.
     */
    public static ObjectNode nodePoolsResourceList() {
        return NODE_POOLS.deepCopy();
    }

    /** The HostedSite item of a ResourceList made by {@link #resourceList()}. */
    public static ObjectNode site(ObjectNode resourceList) {
        for (var item : resourceList.path("items")) {
            if ("HostedSite".equals(item.path("kind").asText())) {
                return (ObjectNode) item;
            }
        }
        throw new IllegalArgumentException("no HostedSite");
    }

    public static ObjectNode cluster(ObjectNode resourceList) {
        return (ObjectNode) site(resourceList).path("spec").path("clusters").get(0);
    }

    public static ObjectNode host(ObjectNode resourceList, int i) {
        return (ObjectNode) cluster(resourceList).path("hosts").get(i);
    }
}
