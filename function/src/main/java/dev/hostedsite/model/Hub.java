package dev.hostedsite.model;

import java.util.List;

public record Hub(String mceNamespace, Registry registry, List<Mirror> mirrors, List<Catalog> catalogs,
                  OsImages osImages, AgentStorage agentServiceConfig) {

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

    public record Mirror(String source, List<String> mirrors, boolean tags) {}

    public record Catalog(String name, String source, String image, String displayName, List<String> packages) {}

    public record OsImages(String webServer, List<OsImage> images) {}

    public record OsImage(String openshiftVersion, String version, String cpuArchitecture, String iso, String rootfs) {}

    public record AgentStorage(String storageClassName, String databaseStorage, String filesystemStorage,
                               String imageStorage) {}
}
