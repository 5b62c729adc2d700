package dev.hostedsite.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hostedsite.model.Cluster.Host;
import dev.hostedsite.model.Cluster;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Facts derived from a cluster's hosts that both the generator and the validator need. */
public final class Hosts {
    private Hosts() {}

    /**
     * The declared hosts that can join the pool: their labels match the pool's selector (all hosts when it has
     * none) and their architecture is the pool's.
     */
    public static List<Host> hostsFor(Cluster c, Cluster.NodePool p) {
        List<Host> out = new ArrayList<>();
        for (Host h : c.hosts()) {
            if (selects(p, h) && archOf(c, h).map(p.arch()::equals).orElse(false)) {
                out.add(h);
            }
        }
        return out;
    }

    private static boolean selects(Cluster.NodePool p, Host h) {
        return p.hostSelector() == null || matches(p.hostSelector(), h.labels());
    }

    /** NodePool arch names in the order that picks a cluster's primary architecture: the first one present. */
    public static final List<String> PRIMARY_ORDER = List.of("amd64", "arm64", "ppc64le", "s390x");

    /**
     * The architectures of a cluster's pools (NodePool arch names), independent of the order of {@code nodePools}:
     * the cluster's {@code primaryArchitecture} first when the previous render fixed it, then the others in
     * {@link #PRIMARY_ORDER} (unknown ones after, by name). The first is the cluster's primary architecture: its
     * InfraEnv has the name of the cluster, so neither reordering nor adding pools moves that name to another
     * architecture (InfraEnv cpuArchitecture is immutable: openshift/assisted-service
     * pkg/webhooks/agentinstall/v1beta1/infraenv_admission_hook.go, validateUpdate). For every site whose first
     * pool was amd64, or whose pools share one architecture, this is the order the first pool gave before.
     */
    public static List<String> architectures(Cluster c) {
        // the pinned primary may have no pool left: then it leads nothing, and no InfraEnv takes the cluster's name
        String pinned = c.primaryArchitecture();
        return c.nodePools().stream().map(Cluster.NodePool::arch).distinct()
                .sorted(Comparator.comparingInt((String a) -> a.equals(pinned) ? -1 : PRIMARY_ORDER.contains(a)
                        ? PRIMARY_ORDER.indexOf(a) : PRIMARY_ORDER.size()).thenComparing(a -> a)).toList();
    }

    /**
     * The architecture whose InfraEnv has the cluster's name: the one the previous render fixed
     * ({@code primaryArchitecture}, possibly with no pool left: then no InfraEnv has the cluster's name, and the
     * others keep theirs), else the first of {@link #architectures}.
     */
    public static String primaryArchitecture(Cluster c) {
        return c.primaryArchitecture() != null ? c.primaryArchitecture() : architectures(c).get(0);
    }

    /** Whether the cluster has pools of more than one architecture (one InfraEnv per architecture). */
    public static boolean mixed(Cluster c) {
        return architectures(c).size() > 1;
    }

    /**
     * The architecture a host boots (NodePool arch names): its own {@code arch}; else the one architecture of
     * the pools whose selector matches its labels; else, when no pool selects it, the cluster's primary one.
     * Empty when pools of different architectures select it and it declares none (the validator says so).
     */
    public static Optional<String> archOf(Cluster c, Host h) {
        if (h.arch() != null) {
            return Optional.of(h.arch());
        }
        List<String> arches = c.nodePools().stream().filter(p -> selects(p, h)).map(Cluster.NodePool::arch)
                .distinct().toList();
        if (arches.size() > 1) {
            return Optional.empty();
        }
        return Optional.of(arches.isEmpty() ? architectures(c).get(0) : arches.get(0));
    }

    /** Kubernetes LabelSelector semantics: every matchLabels entry and every matchExpressions requirement. */
    public static boolean matches(JsonNode selector, Map<String, String> labels) {
        var it = selector.path("matchLabels").fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode req : selector.path("matchExpressions")) {
            String key = req.path("key").asText();
            List<String> values = new ArrayList<>();
            req.path("values").forEach(v -> values.add(v.asText()));
            boolean has = labels.containsKey(key);
            boolean ok = switch (req.path("operator").asText()) {
                case "In" -> has && values.contains(labels.get(key));
                case "NotIn" -> !has || !values.contains(labels.get(key));
                case "Exists" -> has;
                case "DoesNotExist" -> !has;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** NodePool {@code arch} names (Go's) that InfraEnv and osImages spell differently (the kernel's). */
    public static final Map<String, String> KERNEL_ARCH_NAMES = Map.of("amd64", "x86_64", "arm64", "aarch64");

    /** The NodePool {@code arch} name of an InfraEnv/osImages CPU architecture name ({@code x86_64} → amd64). */
    public static String nodePoolArch(String cpuArchitecture) {
        return KERNEL_ARCH_NAMES.entrySet().stream().filter(e -> e.getValue().equals(cpuArchitecture))
                .map(Map.Entry::getKey).findFirst().orElse(cpuArchitecture);
    }

    /** NodePool {@code arch} to the CPU architecture names of InfraEnv and osImages. */
    public static String cpuArchitecture(String arch) {
        return KERNEL_ARCH_NAMES.getOrDefault(arch, arch);
    }

    /**
     * NIC name to MAC for an NMStateConfig: each ethernet interface's {@code mac-address}; an ethernet
     * interface without one is the boot NIC when it is the only ethernet interface. Interfaces whose MAC
     * cannot be known are left out (the validator reports them).
     */
    public static Map<String, String> interfaceMacs(Host h) {
        Map<String, String> out = new LinkedHashMap<>();
        List<JsonNode> ethernet = new ArrayList<>();
        for (JsonNode nic : h.network().path("interfaces")) {
            if ("ethernet".equals(nic.path("type").asText())) {
                ethernet.add(nic);
            }
        }
        for (JsonNode nic : ethernet) {
            String mac = nic.path("mac-address").asText(null);
            if (mac == null && ethernet.size() == 1) {
                mac = h.bootMACAddress();
            }
            if (mac != null) {
                out.put(nic.path("name").asText(), mac.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** Ethernet interfaces whose MAC {@link #interfaceMacs} cannot determine. */
    public static List<String> interfacesWithoutMac(Host h) {
        List<String> missing = new ArrayList<>();
        Map<String, String> known = interfaceMacs(h);
        for (JsonNode nic : h.network().path("interfaces")) {
            if ("ethernet".equals(nic.path("type").asText()) && !known.containsKey(nic.path("name").asText())) {
                missing.add(nic.path("name").asText());
            }
        }
        return missing;
    }
}
