package dev.hostedsite.adopt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hostedsite.diag.Diagnostic;
import dev.hostedsite.diag.ObjectRef;
import java.util.List;

/**
 * What {@link Adoption#adopt} made of a hub's objects.
 *
 * @param site a full HostedSite object ({@code apiVersion}, {@code kind}, {@code metadata.name}, {@code spec}) whose
 *     render reproduces the adopted objects; never holds a Secret's value
 * @param keptAsIs the objects the contract cannot express, cleaned of live noise, to be written beside
 *     {@code site.yaml} as passthrough items (never a Secret)
 * @param ledger what became of each object (and of the fields worth naming): which site field, kept, referenced,
 *     dropped; in input order
 * @param diagnostics user-facing findings: input the import cannot read, values the render would change (with their
 *     consequence), and the errors of rendering the imported site
 */
public record Adopted(ObjectNode site, List<ObjectNode> keptAsIs, List<Adopted.Entry> ledger,
                      List<Diagnostic> diagnostics) {

    /** What became of an object or one of its fields. */
    public enum Disposition {
        /** read into a HostedSite field; the render writes it back */
        SITE_FIELD,
        /** written beside the site as a passthrough item, unchanged */
        KEPT_AS_IS,
        /** a Secret: the site references it by name ({@code secretRef}, {@code externalSecrets}) or an ExternalSecret produces it; its value is never read into the site */
        SECRET_REFERENCED,
        /** written by the hub's controllers or the API server (status, managedFields, defaults): not part of the site */
        SERVER_OWNED,
        /** left out: the render would not write it and nothing needs it (the consequence is in the note) */
        DROPPED
    }

    /**
     * One line of the ledger.
     *
     * @param object the object
     * @param manifestPath a dot path in the object ({@code spec.infraID}), or {@code ""} for the object as a whole
     * @param siteField the HostedSite field it became ({@code spec.clusters[0].infraID}), or null
     * @param disposition what became of it
     * @param note why, in one sentence (never a secret value)
     */
    public record Entry(ObjectRef object, String manifestPath, String siteField, Disposition disposition,
                        String note) {}
}
