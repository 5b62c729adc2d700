package dev.hostedsite.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fully qualified container image reference, {@code registry/path[:tag][@digest]}: the one parser of image
 * references in the function (catalog images, release image, annotation images, mirror matching).
 *
 * <p>The grammar is the distribution reference grammar (github.com/distribution/reference, {@code regexp.go}):
 * registry host of DNS labels or a bracketed IPv6 address with an optional port; path components of lower-case
 * alphanumerics joined by {@code .}, {@code _}, {@code __} or runs of {@code -}; a tag of at most 128 word
 * characters, dots and dashes; a digest {@code algorithm:hex} (at least 32 hex digits). The name (registry and
 * path) is at most 255 characters. Unlike the Docker CLI nothing is filled in: the first component must be a
 * registry, which {@code normalize.go}'s {@code splitDockerDomain} recognises by a dot, a colon or the name
 * {@code localhost}; {@code redhat-operator-index:v4.19} or {@code library/busybox} would mean docker.io, which a
 * disconnected hub never reaches.
 *
 * @param registry {@code host} or {@code host:port}, as written
 * @param path the repository path below the registry, never empty
 * @param tag the tag, or null
 * @param digest {@code algorithm:hex}, or null
 */
public record ImageReference(String registry, String path, String tag, String digest) {
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String HOST = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[a-fA-F0-9:]+\\])";
    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final Pattern REFERENCE = Pattern.compile("(" + HOST + "(?::[0-9]+)?)/(" + PATH_COMPONENT
            + "(?:/" + PATH_COMPONENT + ")*)(?::([\\w][\\w.-]{0,127}))?"
            + "(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?");
    private static final int NAME_TOTAL_LENGTH_MAX = 255;

    /** Parses {@code text}; empty when it is not a fully qualified reference with a tag or a digest. */
    public static Optional<ImageReference> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = REFERENCE.matcher(text);
        if (!m.matches() || (m.group(3) == null && m.group(4) == null)) {
            return Optional.empty();
        }
        String registry = m.group(1);
        if (!registry.contains(".") && !registry.contains(":") && !registry.equals("localhost")) {
            return Optional.empty();
        }
        if (registry.length() + 1 + m.group(2).length() > NAME_TOTAL_LENGTH_MAX) {
            return Optional.empty();
        }
        return Optional.of(new ImageReference(registry, m.group(2), m.group(3), m.group(4)));
    }

    /** {@code registry/path}: what mirror sources and registries.conf prefixes are matched against. */
    public String repository() {
        return registry + "/" + path;
    }

    /** Pulled by digest: a digest given beside a tag decides which image is pulled. */
    public boolean byDigest() {
        return digest != null;
    }

    /**
     * Whether this image lies under {@code scope} ({@code host[:port][/namespace…][/repo]}): the repository equals
     * it or continues it after a {@code /}. That is containers-registries.conf(5)'s prefix match
     * (containers/image {@code docs/containers-registries.conf.5.md}, "Choosing a [[registry]] TOML table"),
     * which ImageDigestMirrorSet and ImageTagMirrorSet sources follow (openshift/api
     * {@code config/v1/types_image_digest_mirror_set.go}), on path-segment boundaries only: {@code example.com}
     * does not cover {@code example.com:5000/x}, nor {@code quay.io/foo} {@code quay.io/foobar}.
     */
    public boolean under(String scope) {
        String repo = repository();
        return repo.equals(scope) || repo.startsWith(scope + "/");
    }

    /**
     * This image with the {@code scope} it lies {@link #under} replaced by {@code replacement}, as a mirror rewrites
     * it; empty when the result is no image reference (a repository mirrored to a bare host has no path left).
     */
    public Optional<ImageReference> moved(String scope, String replacement) {
        return parse(replacement + repository().substring(scope.length()) + suffix());
    }

    /** Where this repository sits: {@code registry/a/b} for {@code registry/a/b/c}, the registry for {@code registry/c}. */
    public String namespace() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? registry : registry + "/" + path.substring(0, slash);
    }

    private String suffix() {
        return (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }

    @Override
    public String toString() {
        return repository() + suffix();
    }
}
