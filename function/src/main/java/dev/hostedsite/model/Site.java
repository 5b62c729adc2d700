package dev.hostedsite.model;

import dev.hostedsite.diag.ObjectRef;
import dev.hostedsite.diag.SourceFile;
import java.util.List;
import java.util.Set;

/** One HostedSite after binding and defaulting: every field the generators read is set. */
public record Site(String name, String baseDomain, Hub hub, List<Cluster> clusters,
                   Set<String> externalSecrets, ObjectRef ref, SourceFile file) {}
