package dev.hostedsite.graph;

import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.diag.ObjectRef;
import dev.hostedsite.kinds.catalog.FieldMap;
import dev.hostedsite.model.Site;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each generated object comes from: the HostedSite that generated it first and its {@link Manifest#origin}.
 * With {@link FieldMap} it turns a field of a generated object into the HostedSite field a user edits, so that a
 * finding about a generated object (a dangling reference, a Subscription without its OperatorGroup) names the
 * site's file, and the CLI its line and column. A generic pass: it knows no kind; the field map does.
 */
public final class Origins {
    /** The HostedSite and the site field path an object is built from. */
    public record Origin(Site site, String path) {}

    /** No object known: locates nothing. */
    public static final Origins NONE = new Origins(Map.of());

    private final Map<ObjectKey, Origin> byKey;

    Origins(Map<ObjectKey, Origin> byKey) {
        this.byKey = Collections.unmodifiableMap(byKey);
    }

    /** Where the object with this identity comes from, if it is generated and its origin is known. */
    public Optional<Origin> of(ObjectKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /**
     * The HostedSite field path that the field {@code manifestPath} of the generated object {@code key} comes
     * from ({@link FieldMap#siteField}); empty when the object's origin is unknown.
     */
    public Optional<String> siteField(ObjectKey key, String manifestPath) {
        return of(key).flatMap(o -> FieldMap.siteField(key.kind(), o.path(), manifestPath));
    }

    /**
     * The diagnostics, each one about a generated object and without a file given the file of the HostedSite the
     * object comes from, pointing at the site field its field comes from ({@code SourceFile.field}). Others are
     * returned unchanged, in the same order.
     */
    public List<Diagnostic> locate(List<Diagnostic> diagnostics) {
        List<Diagnostic> out = new ArrayList<>(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            out.add(locate(d));
        }
        return out;
    }

    private Diagnostic locate(Diagnostic d) {
        if (d.file() != null || d.resource() == null) {
            return d;
        }
        ObjectKey key = keyOf(d.resource());
        Optional<Origin> origin = of(key);
        if (origin.isEmpty() || origin.get().site().file() == null) {
            return d;
        }
        String field = FieldMap.siteField(key.kind(), origin.get().path(), d.fieldPath()).orElseThrow();
        return d.withFile(origin.get().site().file().atField(field));
    }

    static ObjectKey keyOf(ObjectRef ref) {
        String apiVersion = ref.apiVersion() == null ? "" : ref.apiVersion();
        int slash = apiVersion.indexOf('/');
        return new ObjectKey(slash < 0 ? "" : apiVersion.substring(0, slash), ref.kind() == null ? "" : ref.kind(),
                ref.namespace(), ref.name() == null ? "" : ref.name());
    }
}
