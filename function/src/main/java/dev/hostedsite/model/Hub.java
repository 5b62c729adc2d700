package dev.hostedsite.model;

import java.util.List;

/**
 * The hub of a site. {@code disableDefaultSources}: whether the {@code cluster} OperatorHub turns the default
 * catalog sources off; {@code operators}: the {@code hub.operators} entries as written (defaults are added by
 * {@code kinds/HubOperatorDefaults}); {@code metallb}: null when the site gives no {@code hub.metallb};
 * {@code mceOwner}: {@code self} (the render emits the MultiClusterEngine) or {@code acm} (ACM's MultiClusterHub owns it);
 * {@code provisioning}: {@code hub.provisioning} ({@code patch}, {@code create}, {@code external}) or null when not given;
 * {@code storage}: {@code hub.storage}, never null ({@link Storage#NONE} when not given);
 * {@code mirrorSetName}: the name of the ImageDigestMirrorSet and ImageTagMirrorSet ({@code hub.mirrorSetName},
 * default {@code hostedsite-mirrors});
 * {@code registriesConf}: {@code hub.registriesConf}, the registries.conf text written verbatim into
 * {@code custom-registries} instead of the one generated from the mirrors, or null (generated).
 */
public record Hub(String mceNamespace, Registry registry, List<Mirror> mirrors, List<Catalog> catalogs,
                  OsImages osImages, AgentStorage agentServiceConfig, boolean disableDefaultSources,
                  List<Operator> operators, MetalLb metallb, String mceOwner, String provisioning, Storage storage,
                  String mirrorSetName, String registriesConf) {

    public static final String PROVISIONING_PATCH = "patch";
    public static final String PROVISIONING_CREATE = "create";
    public static final String PROVISIONING_EXTERNAL = "external";

    public static final String OWNER_SELF = "self";
    public static final String OWNER_ACM = "acm";

    /** True when this render emits the MultiClusterEngine (the hub is not an ACM hub). */
    public boolean emitsMultiClusterEngine() {
        return OWNER_SELF.equals(mceOwner);
    }

    public record Registry(String host, Integer port, String caBundle) {
        /** How images on the registry are addressed: {@code host} or {@code host:port}. */
        public String address() {
            return port == null ? host : host + ":" + port;
        }

        /** The key OpenShift's image config expects in {@code registry-config}: {@code host..port}. */
        public String trustKey() {
            return port == null ? host : host + ".." + port;
        }
    }

    public record Mirror(String source, List<String> mirrors, boolean tags) {
        /**
         * True when this source serves every image under {@code repository} (a registry, or a registry and a path):
         * the source is the repository itself or a prefix of it ending at a path boundary, as
         * containers-registries.conf(5) matches a {@code [[registry]]} prefix.
         */
        public boolean covers(String repository) {
            return repository.equals(source) || repository.startsWith(source + "/");
        }
    }

    /** True when some {@code hub.mirrors} source serves every image under {@code repository}. */
    public boolean mirrorsRepository(String repository) {
        return mirrors.stream().anyMatch(m -> m.covers(repository));
    }

    /** This hub with its mirrors in another order ({@code transition.MirrorOrder}). */
    public Hub withMirrors(List<Mirror> ordered) {
        return new Hub(mceNamespace, registry, ordered, catalogs, osImages, agentServiceConfig, disableDefaultSources,
                operators, metallb, mceOwner, provisioning, storage, mirrorSetName, registriesConf);
    }

    public record Catalog(String name, String source, String image, String displayName, List<String> packages) {}

    /**
     * One operator to install through OLM. {@code path} is its field path ({@code spec.hub.operators[i]}), or the
     * HostedSite field that made the render add it by default. {@code namespace} and {@code installMode}
     * ({@code OwnNamespace} | {@code AllNamespaces}) are resolved; {@code channel} is null for the package's
     * default channel; {@code startingCSV} may be null.
     */
    public record Operator(String path, String pkg, String channel, String catalog, String namespace,
                           String installPlanApproval, String startingCSV, String installMode) {}

    /** {@code hub.metallb}: the address pools MetalLB hands out to LoadBalancer Services. */
    public record MetalLb(List<AddressPool> addressPools) {}

    /** One IPAddressPool: each address is a CIDR or a {@code first-last} range. */
    public record AddressPool(String path, String name, List<String> addresses) {}

    /**
     * {@code hub.osImages}: {@code images} as given, or filled from the coreos stream metadata when the site gives
     * {@code coreosStream} without {@code images}; {@code downloads}: what the web server must hold, from that stream
     * (empty without one); {@code caBundle}: PEM of the CA of an https {@code webServer}, or null.
     */
    public record OsImages(String webServer, List<OsImage> images, List<Download> downloads, String caBundle) {
        public OsImages(String webServer, List<OsImage> images) {
            this(webServer, images, List.of(), null);
        }

        /** True when the web server is reached over TLS. */
        public boolean https() {
            return webServer != null && webServer.regionMatches(true, 0, "https://", 0, 8);
        }
    }

    /**
     * One file for the web server: {@code source} (the URL the coreos stream metadata gives) with {@code sha256}
     * (lower-case hex) saved as {@code file} under the web root, for the osImages entry at {@code path}.
     */
    public record Download(String path, String source, String sha256, String file) {}

    public record OsImage(String openshiftVersion, String version, String cpuArchitecture, String iso, String rootfs) {}

    public record AgentStorage(String storageClassName, String databaseStorage, String filesystemStorage,
                               String imageStorage) {}

    /**
     * {@code hub.storage}: {@code lvms} is null when the site gives none; {@code externalStorageClasses} are the
     * StorageClasses that exist on the hub from outside the repository.
     */
    public record Storage(Lvms lvms, List<String> externalStorageClasses) {
        public static final Storage NONE = new Storage(null, List.of());
    }

    /**
     * {@code hub.storage.lvms}: the LVMCluster {@code name} and its device classes, each the
     * {@code spec.storage.deviceClasses} entry as written (lvm.topolvm.io/v1alpha1 field names).
     */
    public record Lvms(String name, List<com.fasterxml.jackson.databind.JsonNode> deviceClasses) {}
}
