package dev.hostedsite.preflight;

import dev.hostedsite.model.ImageReference;
import java.util.Set;

/**
 * One thing a site's render makes the hub fetch: an image from the mirror registry or a file from the web server.
 * {@code field} is the HostedSite field path the reference comes from; {@code fix} says what to mirror or download
 * when the check fails.
 */
public sealed interface Item permits Item.Image, Item.File, Item.Trust {
    String field();

    String fix();

    /** What the role of an image is; releases get the payload checks. */
    enum Role { RELEASE, CONTROL_PLANE_OPERATOR, CATALOG, OLM_CATALOG }

    /**
     * An image the render writes.
     *
     * @param written the reference as the site writes it
     * @param pulled where the hub pulls it (the reference on the mirror registry, or rewritten by a mirror set)
     * @param arches for a release: the NodePool architectures ({@code amd64}, {@code arm64}, …) it must carry
     * @param version for a release: the declared {@code release.version}, or null
     * @param controlPlaneOperatorImage for a cluster release: the declared {@code controlPlaneOperatorImage}, or null
     */
    record Image(String field, Role role, ImageReference written, ImageReference pulled, Set<String> arches,
                 String version, String controlPlaneOperatorImage, String fix) implements Item {}

    /**
     * A CA bundle the hub trusts the mirror through ({@code spec.hub.registry.caBundle}): its certificates must be
     * within their validity, which the hub's Go TLS stack checks for CAs too (the JDK does not check trust anchors).
     */
    record Trust(String field, SiteTrust bundle, String fix) implements Item {}

    /** What a web server file is for. */
    enum FileRole { ISO, ROOTFS }

    /**
     * A file the hub's assisted-service downloads from the web server.
     *
     * @param url the URL the render writes into AgentServiceConfig {@code osImages}
     * @param version the RHCOS {@code version} the site declares for it
     * @param sha256 the expected checksum (lower-case hex), or null when no coreos stream metadata gives one
     */
    record File(String field, FileRole role, String url, String version, String sha256, String fix)
            implements Item {}
}
