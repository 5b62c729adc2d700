#!/usr/bin/env python3
"""Writes the hostile-input corpus: fixtures/hostile-input/<topic>/bad-<topic>-<what>/input.yaml, deterministically
(plus valid cases of other features, e.g. fixtures/render/secrets-*, fixtures/loop/etcd-rotation-*).

Each case is the example-lab ResourceList (fixtures/render/example-lab/input.yaml) with one defect, or a raw text
for defects a YAML tree cannot carry (malformed YAML, duplicate keys, alias bombs). Run it from anywhere:

    python3 tools/make-corpus.py            # rewrite every case's input.yaml
    python3 tools/make-corpus.py --check    # write nothing; exit 1 naming every committed input that differs
    mvn -B -o test -Dtest=FixturesTest -Dfixtures.update=true   # then regenerate expected.yaml, and REVIEW

Cases named bad-warn-* are inputs the design accepts with a warning (exit 0). Size bombs (documents above the
parser's size limit) are not committed: YamlLimitsTest builds them in memory.
"""
import copy
import os
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "fixtures")
BASE = yaml.safe_load(open(os.path.join(FIXTURES, "render", "example-lab", "input.yaml"), encoding="utf-8"))


class Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def _str(dumper, s):
    style = "|" if "\n" in s else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", s, style=style)


Dumper.add_representer(str, _str)


def dump(doc):
    return yaml.dump(doc, Dumper=Dumper, sort_keys=False, width=4096, allow_unicode=True)


def base():
    return copy.deepcopy(BASE)


def site(doc, i=1):
    return doc["items"][i]


def spec(doc):
    return site(doc)["spec"]


def hub(doc):
    return spec(doc)["hub"]


def cluster(doc, i=0):
    return spec(doc)["clusters"][i]


def host(doc, i=0):
    return cluster(doc)["hosts"][i]


CASES = {}


def case(name):
    def register(fn):
        assert name not in CASES, name
        CASES[name] = fn
        return fn
    return register


def edit(name, fn):
    """A case made by editing the example tree in place."""
    def make():
        d = base()
        fn(d)
        return dump(d)
    case(name)(make)


def raw(name, text):
    case(name)(lambda: text)


def text_edit(name, old, new):
    """A case made by replacing text once in the dumped example (for what a tree cannot hold)."""
    def make():
        t = dump(base())
        assert t.count(old) >= 1, (name, old)
        return t.replace(old, new, 1)
    case(name)(make)


def setter(path, value):
    def fn(d):
        obj, key = _walk(d, path)
        obj[key] = value
    return fn


def deleter(path):
    def fn(d):
        obj, key = _walk(d, path)
        del obj[key]
    return fn


def _walk(d, path):
    """path like 'spec.clusters.0.release.image' under the HostedSite."""
    obj = site(d)
    parts = path.split(".")
    for p in parts[:-1]:
        obj = obj[int(p)] if isinstance(obj, list) else obj[p]
    last = parts[-1]
    return obj, int(last) if isinstance(obj, list) else last


C0 = "spec.clusters.0"
H0 = C0 + ".hosts.0"

# ---- malformed YAML and documents that are not a ResourceList -------------------------------------------
raw("bad-yaml-unclosed-quote", 'apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n- kind: "HostedSite\n')
raw("bad-yaml-tab-indent", "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n\t- kind: HostedSite\n")
raw("bad-yaml-mapping-in-scalar", "apiVersion: config.kubernetes.io/v1\nkind: ResourceList: items\n")
raw("bad-yaml-unclosed-flow", "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems: [ {kind: HostedSite\n")
raw("bad-yaml-undefined-alias", "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems: *nothing\n")
raw("bad-yaml-two-documents", "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems: []\n---\n"
    "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems: []\n")
raw("bad-yaml-scalar-document", "just a line of text\n")
raw("bad-yaml-list-document", "- apiVersion: hostedsite.dev/v1alpha1\n  kind: HostedSite\n")
case("bad-yaml-bare-hostedsite")(lambda: dump(site(base())))
raw("bad-yaml-items-not-a-list", "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems: {kind: HostedSite}\n")
raw("bad-yaml-item-not-an-object", "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n- HostedSite\n")
raw("bad-yaml-python-tag", "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n"
    "- !!python/object/apply:os.system [\"echo pwned\"]\n")
text_edit("bad-yaml-duplicate-key-in-site", "    baseDomain: example.krnl.es\n",
          "    baseDomain: example.krnl.es\n    baseDomain: other.krnl.es\n")
text_edit("bad-yaml-duplicate-key-in-cluster", "      etcdStorageSize", "      etcdStorageSize")  # placeholder, replaced below
del CASES["bad-yaml-duplicate-key-in-cluster"]
text_edit("bad-yaml-duplicate-key-in-cluster", "      release:\n", "      fips: false\n      fips: true\n      release:\n")
text_edit("bad-yaml-duplicate-key-top", "kind: ResourceList\n", "kind: ResourceList\nkind: ResourceList\n")


@case("bad-yaml-alias-bomb")
def _alias_bomb():
    lines = ["apiVersion: config.kubernetes.io/v1", "kind: ResourceList", "items: []", "lol:",
             "  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        refs = ", ".join(["*a%d" % (i - 1)] * 9)
        lines.append("  a%d: &a%d [%s]" % (i, i, refs))
    return "\n".join(lines) + "\n"


@case("bad-yaml-alias-bomb-in-site")
def _alias_bomb_site():
    t = dump(base())
    bomb = "    labels:\n      x: &x0 [a, a, a, a, a, a, a, a]\n"
    for i in range(1, 8):
        bomb += "      x%d: &x%d [%s]\n" % (i, i, ", ".join(["*x%d" % (i - 1) if i > 1 else "*x0"] * 8))
    return t.replace("  metadata:\n    name: lab\n", "  metadata:\n    name: lab\n" + bomb, 1)


@case("bad-yaml-deep-nesting")
def _deep():
    depth = 200
    return ("apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n"
            "  metadata: {name: deep}\n  data: " + "[" * depth + "]" * depth + "\n")


@case("bad-yaml-deep-nesting-in-network")
def _deep_network():
    d = base()
    n = {}
    cur = n
    for _ in range(80):
        cur["x"] = {}
        cur = cur["x"]
    host(d)["network"] = {"interfaces": [{"name": "enp1s0", "type": "ethernet", "state": "up"}], "deep": n}
    return dump(d)


# ---- wrong types -------------------------------------------------------------------------------------------
edit("bad-type-spec-string", setter("spec", "lab"))
edit("bad-type-clusters-object", setter("spec.clusters", {"name": "hosted"}))
edit("bad-type-hub-list", setter("spec.hub", ["registry"]))
edit("bad-type-registry-port-string", setter("spec.hub.registry.port", "5000/tcp"))
edit("bad-type-registry-port-zero", setter("spec.hub.registry.port", 0))
edit("bad-type-registry-port-too-big", setter("spec.hub.registry.port", 70000))
edit("bad-type-replicas-string", setter(C0 + ".nodePools.0.replicas", "three"))
edit("bad-type-replicas-negative", setter(C0 + ".nodePools.0.replicas", -1))
edit("bad-type-replicas-fraction", setter(C0 + ".nodePools.0.replicas", 1.5))
edit("bad-type-fips-string", setter(C0 + ".fips", "yes"))
edit("bad-type-hosts-object", setter(C0 + ".hosts", {"name": "worker0"}))
edit("bad-type-mirrors-string", setter("spec.hub.mirrors.0.mirrors", "registry.example.krnl.es:5000/openshift/release"))
edit("bad-type-label-value-number", setter(H0 + ".labels", {"pool": "hosted", "rack": 7}))
edit("bad-type-release-list", setter(C0 + ".release", ["image"]))
edit("bad-type-site-name-number", setter("metadata.name", 42))
edit("bad-type-pull-secret-string", setter(C0 + ".pullSecret", "{\"auths\":{}}"))
edit("bad-type-openshift-version-number", setter("spec.hub.osImages.images.0.openshiftVersion", 4.19))
edit("bad-type-tags-string", setter("spec.hub.mirrors.2.tags", "false"))
edit("bad-type-network-string", setter(H0 + ".network", "dhcp"))

# ---- unknown fields (with "did you mean") ------------------------------------------------------------------
def rename(path, new):
    def fn(d):
        obj, key = _walk(d, path)
        obj[new] = obj.pop(key)
    return fn


edit("bad-unknown-field-basedomain", rename("spec.baseDomain", "baseDomian"))
edit("bad-unknown-field-release", rename(C0 + ".release", "relase"))
edit("bad-unknown-field-bootmac", rename(H0 + ".bootMACAddress", "bootMacAddress"))
edit("bad-unknown-field-bmc-address", rename(H0 + ".bmc.address", "adress"))
edit("bad-unknown-field-hub-registry", rename("spec.hub.registry", "registries"))
edit("bad-unknown-field-top-level", lambda d: site(d).update({"status": {"ready": True}}))
edit("bad-unknown-field-secret", rename(C0 + ".pullSecret.value", "valu"))
edit("bad-unknown-field-unrelated", lambda d: cluster(d).update({"flavour": "large"}))

# ---- missing required fields --------------------------------------------------------------------------------
edit("bad-missing-basedomain", deleter("spec.baseDomain"))
edit("bad-missing-release-image", deleter(C0 + ".release.image"))
edit("bad-missing-pull-secret", deleter(C0 + ".pullSecret"))
edit("bad-missing-etcd-key", deleter(C0 + ".etcdEncryptionKey"))
edit("bad-missing-ssh-key", deleter(C0 + ".sshAuthorizedKey"))
edit("bad-missing-ca-bundle", deleter("spec.hub.registry.caBundle"))
edit("bad-missing-host-bmc", deleter(H0 + ".bmc"))
edit("bad-missing-boot-mac", deleter(H0 + ".bootMACAddress"))
edit("bad-missing-site-name", deleter("metadata.name"))
edit("bad-empty-clusters", setter("spec.clusters", []))
edit("bad-empty-mirrors", setter("spec.hub.mirrors", []))
edit("bad-empty-secret-source", setter(C0 + ".pullSecret", {}))
# sshKey and sshAuthorizedKey together are allowed only with a secretRef sshKey (issue 20): an inline one is refused
edit("bad-both-ssh-forms", lambda d: cluster(d).update({"sshKey": {"value": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOtherOtherOtherOtherOtherOtherOtherOtherOther0 other@example.invalid"}}))
edit("bad-secret-two-forms", lambda d: cluster(d)["pullSecret"].update({"secretRef": {"name": "pull"}}))

# ---- names ------------------------------------------------------------------------------------------------
edit("bad-name-site-uppercase", setter("metadata.name", "Lab"))
edit("bad-name-cluster-underscore", setter(C0 + ".name", "hosted_one"))
edit("bad-name-cluster-too-long", setter(C0 + ".name", "h" * 64))
edit("bad-name-host-dot", setter(H0 + ".name", "worker0.lab"))
edit("bad-name-namespace-uppercase", setter(C0 + ".namespace", "Clusters"))
edit("bad-name-nodepool-trailing-dash", setter(C0 + ".nodePools.0.name", "hosted-"))
edit("bad-name-catalog-space", setter("spec.hub.catalogs.0.name", "redhat operators"))
edit("bad-name-control-plane-namespace-too-long",
     lambda d: cluster(d).update({"namespace": "n" * 40, "name": "c" * 30}))
edit("bad-name-basedomain-uppercase", setter("spec.baseDomain", "Example.krnl.es"))
edit("bad-name-duplicate-host", setter(C0 + ".hosts.1.name", "worker0"))
edit("bad-name-duplicate-nodepool",
     lambda d: cluster(d)["nodePools"].append(copy.deepcopy(cluster(d)["nodePools"][0])))
edit("bad-name-control-character", setter(C0 + ".name", "hosted\u0007"))
edit("bad-name-empty", setter(C0 + ".name", ""))


def second_cluster(d, name="other", mac_base="52:54:00:20:00:0"):
    c = copy.deepcopy(cluster(d))
    c["name"] = name
    c["apiServer"]["hostname"] = "api.%s.example.krnl.es" % name
    c["nodePools"][0]["name"] = name
    for i, h in enumerate(c["hosts"]):
        h["bootMACAddress"] = mac_base + str(i)
        h["name"] = "%s-worker%d" % (name, i)
        for nic in h.get("network", {}).get("interfaces", []):
            for a in nic.get("ipv4", {}).get("address", []):
                a["ip"] = "192.168.122.%d" % (42 + i)  # a node address of its own: no static address twice in a site
    spec(d)["clusters"].append(c)
    return c


edit("bad-name-duplicate-cluster", lambda d: second_cluster(d, name="hosted"))

# ---- networks -----------------------------------------------------------------------------------------------
edit("bad-cidr-no-prefix", setter(C0 + ".networking.clusterNetwork", ["10.132.0.0", "fd01::/48"]))
edit("bad-cidr-octet-too-big", setter(C0 + ".networking.clusterNetwork", ["300.132.0.0/14", "fd01::/48"]))
edit("bad-cidr-prefix-too-long", setter(C0 + ".networking.serviceNetwork", ["172.31.0.0/33", "fd02::/112"]))
edit("bad-cidr-host-bits", setter(C0 + ".networking.clusterNetwork", ["10.132.0.1/14", "fd01::/48"]))
edit("bad-cidr-overlap", setter(C0 + ".networking.serviceNetwork", ["10.133.0.0/16", "fd02::/112"]))
edit("bad-cidr-overlap-ipv6", setter(C0 + ".networking.serviceNetwork", ["172.31.0.0/16", "fd01:0:0:1::/112"]))
edit("bad-cidr-family-mix", lambda d: cluster(d).update(
    {"networking": {"clusterNetwork": ["10.132.0.0/14"], "serviceNetwork": ["fd02::/112"]}}))
edit("bad-cidr-dual-stack-order", setter(C0 + ".networking.serviceNetwork", ["fd02::/112", "172.31.0.0/16"]))
edit("bad-cidr-two-ipv4", setter(C0 + ".networking.clusterNetwork", ["10.132.0.0/14", "10.200.0.0/14"]))
edit("bad-cidr-ipv6-syntax", setter(C0 + ".networking.clusterNetwork", ["10.132.0.0/14", "fd01:::/48"]))
edit("bad-cidr-hostname", setter(C0 + ".networking.clusterNetwork", ["pods.example/14"]))
edit("bad-dns-address-invalid", setter(C0 + ".dns.apiAddresses", ["192.168.122.300"]))
edit("bad-dns-address-hostname", setter(C0 + ".dns.apiAddresses", ["api.example.krnl.es"]))
edit("bad-nodeport-without-address", setter(C0 + ".apiServer", {"publishing": "NodePort"}))
edit("bad-nodeport-port-out-of-range",
     setter(C0 + ".apiServer", {"publishing": "NodePort", "address": "192.168.122.20", "port": 6443}))
edit("bad-enum-publishing", setter(C0 + ".apiServer.publishing", "Loadbalancer"))


def _ssh_secret_name_with_secret_ref(d):
    """clusters[].sshKeySecretName names the Secret the render writes; a secretRef sshKey writes none (issue 20)."""
    c = cluster(d)
    c.pop("sshAuthorizedKey", None)
    c["sshKey"] = {"secretRef": {"name": "ssh"}}
    c["sshKeySecretName"] = "hosted-ssh-key"


edit("bad-ssh-key-secret-name-with-secret-ref", _ssh_secret_name_with_secret_ref)
# apiServer.services (issue 20): the APIServer entry disagrees with apiServer, and a Route carries a nodePort
edit("bad-services-disagree-with-publishing", setter(C0 + ".apiServer", {
    "publishing": "NodePort", "address": "192.168.122.20", "port": 30443, "services": [
        {"service": "APIServer", "servicePublishingStrategy": {"type": "NodePort", "nodePort": {"address": "192.168.122.21"}}},
        {"service": "OAuthServer", "servicePublishingStrategy": {"type": "Route", "nodePort": {"address": "192.168.122.20"}}}]}))
edit("bad-enum-network-type", setter(C0 + ".networking.networkType", "OVN"))

# ---- MACs ----------------------------------------------------------------------------------------------------
edit("bad-mac-short", setter(H0 + ".bootMACAddress", "52:54:00:10:00"))
edit("bad-mac-dashes", setter(H0 + ".bootMACAddress", "52-54-00-10-00-00"))
edit("bad-mac-not-hex", setter(H0 + ".bootMACAddress", "52:54:00:10:00:zz"))
edit("bad-mac-integer", setter(H0 + ".bootMACAddress", 525400100000))
edit("bad-mac-duplicate-in-cluster", setter(C0 + ".hosts.1.bootMACAddress", "52:54:00:10:00:00"))
edit("bad-mac-duplicate-ignoring-case", lambda d: (
    host(d, 0).update({"bootMACAddress": "52:54:00:AA:00:00"}), host(d, 1).update({"bootMACAddress": "52:54:00:aa:00:00"})))
edit("bad-mac-duplicate-across-clusters", lambda d: second_cluster(d, mac_base="52:54:00:10:00:0"))


def second_site(d, name="lab2", mutate=None):
    s = copy.deepcopy(site(d))
    s["metadata"]["name"] = name
    for a in ("config.kubernetes.io/path", "internal.config.kubernetes.io/path"):
        s["metadata"]["annotations"][a] = name + ".yaml"
    c = s["spec"]["clusters"][0]
    c["name"] = "other"
    c["nodePools"][0]["name"] = "other"
    c["apiServer"]["hostname"] = "api.other.example.krnl.es"
    for i, h in enumerate(c["hosts"]):
        h["bootMACAddress"] = "52:54:00:30:00:0" + str(i)
    if mutate:
        mutate(s)
    d["items"].append(s)


edit("bad-mac-duplicate-across-sites", lambda d: second_site(d, mutate=lambda s: s["spec"]["clusters"][0]["hosts"][2]
                                                              .update({"bootMACAddress": "52:54:00:10:00:02"})))
edit("bad-sites-disagree-agent-storage", lambda d: second_site(
    d, mutate=lambda s: s["spec"]["hub"]["agentServiceConfig"].update({"databaseStorage": "20Gi"})))
def registry_port_5001(s):
    """The second site's registry on another port, its images moved with it (so they stay pullable)."""
    s["spec"]["hub"]["registry"]["port"] = 5001
    for holder in (s["spec"]["hub"]["catalogs"][0], s["spec"]["clusters"][0]["release"]):
        holder["image"] = holder["image"].replace(":5000/", ":5001/")


edit("bad-sites-disagree-registry-port", lambda d: second_site(d, mutate=registry_port_5001))
edit("bad-sites-same-cluster", lambda d: second_site(
    d, mutate=lambda s: s["spec"]["clusters"][0].update(
        {"name": "hosted", "apiServer": copy.deepcopy(cluster(d)["apiServer"])})))

# ---- URLs, BMC, registry -------------------------------------------------------------------------------------
edit("bad-bmc-no-scheme", setter(H0 + ".bmc.address", "192.168.126.1:9000/redfish/v1/Systems/1"))
edit("bad-bmc-unknown-driver", setter(H0 + ".bmc.address", "redfsh-virtualmedia://192.168.126.1/redfish/v1/Systems/1"))
edit("bad-bmc-https-scheme", setter(H0 + ".bmc.address", "https://192.168.126.1/redfish/v1/Systems/1"))
edit("bad-bmc-spaces", setter(H0 + ".bmc.address", "redfish-virtualmedia://bmc host/redfish"))
edit("bad-bmc-empty", setter(H0 + ".bmc.address", ""))
edit("bad-webserver-ftp", setter("spec.hub.osImages.webServer", "ftp://registry.example.krnl.es/images"))
edit("bad-webserver-no-scheme", setter("spec.hub.osImages.webServer", "registry.example.krnl.es:8080/images"))
edit("bad-registry-host-with-scheme", setter("spec.hub.registry.host", "https://registry.example.krnl.es"))
edit("bad-registry-host-with-port", setter("spec.hub.registry.host", "registry.example.krnl.es:5000"))

# ---- PEM --------------------------------------------------------------------------------------------------------
edit("bad-pem-not-pem", setter("spec.hub.registry.caBundle", "paste the CA here\n"))
edit("bad-pem-truncated", lambda d: hub(d)["registry"].update(
    {"caBundle": "\n".join(hub(d)["registry"]["caBundle"].split("\n")[:5]) + "\n-----END CERTIFICATE-----\n"}))
edit("bad-pem-garbage-body", setter("spec.hub.registry.caBundle",
                                     "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n"))
edit("bad-pem-private-key", setter("spec.hub.registry.caBundle",
                                    "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n"))

# ---- release and OS images --------------------------------------------------------------------------------------
IMG = "registry.example.krnl.es:5000/openshift/release-images"
edit("bad-release-tag", setter(C0 + ".release.image", IMG + ":4.19.3-x86_64"))
edit("bad-release-short-digest", setter(C0 + ".release.image", IMG + "@sha256:3c4d6a9c"))
edit("bad-release-uppercase-digest", setter(C0 + ".release.image", IMG + "@sha256:" + "3C4D" * 16))
edit("bad-release-sha512", setter(C0 + ".release.image", IMG + "@sha512:" + "ab" * 64))
edit("bad-release-version-format", setter(C0 + ".release.version", "4.19"))
edit("bad-osimages-not-covering-release", setter(C0 + ".release.version", "4.20.1"))
edit("bad-osimages-not-covering-arch", lambda d: cluster(d)["nodePools"][0].update({"arch": "arm64"}))
def pool_arch(arch, kernel_arch, selector=True):
    """The example's pool on another arch, with an RHCOS image for it; without hostSelector its platform.agent is empty."""
    def fn(d):
        pool = cluster(d)["nodePools"][0]
        pool["arch"] = arch
        if not selector:
            del pool["hostSelector"]
        img = copy.deepcopy(hub(d)["osImages"]["images"][0])
        img.update({k: img[k].replace("x86_64", kernel_arch) for k in ("iso", "rootfs")})
        img["cpuArchitecture"] = kernel_arch
        hub(d)["osImages"]["images"].append(img)
    return fn


edit("nodepool-arch-arm64", pool_arch("arm64", "aarch64", selector=False))
edit("bad-nodepool-arch-s390x", pool_arch("s390x", "s390x"))

edit("bad-osimages-duplicate", lambda d: hub(d)["osImages"]["images"].append(copy.deepcopy(hub(d)["osImages"]["images"][0])))
edit("bad-enum-cpu-architecture", setter("spec.hub.osImages.images.0.cpuArchitecture", "amd64"))
edit("bad-enum-nodepool-arch", setter(C0 + ".nodePools.0.arch", "x86_64"))
edit("bad-nodepools-mixed-arch", lambda d: cluster(d)["nodePools"].append({"name": "arm", "arch": "arm64", "replicas": 0}))

# ---- NodePools as platform teams run them (issue 13) ------------------------------------------------------------
P0 = C0 + ".nodePools.0"
DIGEST_418 = IMG + "@sha256:" + "5b3f9d1c" * 8
ARM_ISO = {"openshiftVersion": "4.19", "version": "419.96.202505081234-0", "cpuArchitecture": "aarch64",
           "iso": "rhcos-419.96.202505081234-0-live.aarch64.iso",
           "rootfs": "rhcos-419.96.202505081234-0-live-rootfs.aarch64.img"}


def pool(d, i=0):
    return cluster(d)["nodePools"][i]


def with_arm_pool(d, multi=True, selector=True, host_arch=None):
    """The example plus an arm64 pool, its aarch64 osImage and one arm host (labelled pool: arm)."""
    hub(d)["osImages"]["images"].append(dict(ARM_ISO))
    arm = {"name": "arm", "arch": "arm64", "replicas": 1}
    if selector:
        arm["hostSelector"] = {"matchLabels": {"pool": "arm"}}
    cluster(d)["nodePools"].append(arm)
    h = copy.deepcopy(host(d, 1))
    h.update({"name": "arm0", "bootMACAddress": "52:54:00:10:00:a0", "labels": {"pool": "arm"}})
    if host_arch:
        h["arch"] = host_arch
    cluster(d)["hosts"].append(h)
    if multi:
        cluster(d)["release"]["architecture"] = "multi"


edit("bad-pool-taint-key", lambda d: pool(d).update({"taints": [{"key": "dedicated to/infra", "effect": "NoSchedule"}]}))
edit("bad-pool-taint-value", lambda d: pool(d).update(
    {"taints": [{"key": "example.com/dedicated", "value": "-infra-", "effect": "NoSchedule"}]}))
edit("bad-enum-taint-effect", lambda d: pool(d).update({"taints": [{"key": "dedicated", "effect": "NoEvict"}]}))
edit("bad-pool-taint-duplicate", lambda d: pool(d).update(
    {"taints": [{"key": "dedicated", "value": "a", "effect": "NoSchedule"}, {"key": "dedicated", "effect": "NoSchedule"}]}))
edit("bad-pool-node-label-key", lambda d: pool(d).update({"nodeLabels": {"-infra": "true"}}))
edit("bad-pool-node-label-value", lambda d: pool(d).update({"nodeLabels": {"tier": "front end"}}))
edit("bad-pool-autoscaling-min-above-max", lambda d: pool(d).update({"autoscaling": {"min": 3, "max": 2}}))
edit("bad-pool-autoscaling-with-replicas", lambda d: pool(d).update({"replicas": 2, "autoscaling": {"min": 1, "max": 3}}))
edit("bad-pool-autoscaling-from-zero", lambda d: pool(d).update({"autoscaling": {"min": 0, "max": 2}}))
edit("bad-warn-autoscaling-max-above-hosts", lambda d: pool(d).update({"autoscaling": {"min": 1, "max": 5}}))
edit("bad-unknown-field-autoscaling", lambda d: pool(d).update({"autoScaling": {"min": 1, "max": 3}}))
edit("bad-pool-release-newer-than-cluster", lambda d: pool(d).update(
    {"release": {"image": DIGEST_418, "version": "4.19.4"}}))
edit("bad-pool-release-too-far-behind", lambda d: (pool(d).update({"release": {"image": DIGEST_418, "version": "4.15.9"}}),
                                                   hub(d)["osImages"]["images"].append(dict(hub(d)["osImages"]["images"][0], openshiftVersion="4.15"))))
edit("bad-pool-release-without-cluster-version", lambda d: (pool(d).update(
    {"release": {"image": DIGEST_418, "version": "4.19.3"}}), cluster(d)["release"].pop("version")))
edit("bad-pool-release-without-version", lambda d: pool(d).update({"release": {"image": DIGEST_418}}))
edit("bad-pool-release-not-pullable", lambda d: pool(d).update(
    {"release": {"image": "quay.io/example/ocp-release@sha256:" + "5b3f9d1c" * 8, "version": "4.19.3"}}))
edit("bad-pool-release-not-in-osimages", lambda d: pool(d).update({"release": {"image": DIGEST_418, "version": "4.18.14"}}))
edit("bad-pool-release-arch-mismatch", lambda d: cluster(d)["release"].update({"architecture": "arm64"}))
edit("bad-pool-mixed-arch-single-arch-release", lambda d: with_arm_pool(d, multi=False))
edit("bad-pool-infraenv-name-too-long", lambda d: (with_arm_pool(d), cluster(d).update({"namespace": "c", "name": "h" * 60})))
edit("bad-host-arch-without-pool", lambda d: host(d).update({"arch": "ppc64le"}))
edit("bad-host-arch-ambiguous", lambda d: with_arm_pool(d, selector=False))
edit("bad-pool-config-kind", lambda d: pool(d).update({"config": [
    {"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": {"name": "node-agent"}, "spec": {}}]}))
edit("bad-pool-config-api-version", lambda d: pool(d).update({"config": [
    {"apiVersion": "machineconfiguration.openshift.io/v1alpha1", "kind": "MachineConfig", "metadata": {"name": "99-x"},
     "spec": {}}]}))
edit("bad-pool-config-no-name", lambda d: pool(d).update({"config": [
    {"apiVersion": "machineconfiguration.openshift.io/v1", "kind": "MachineConfig", "metadata": {}, "spec": {}}]}))
edit("bad-pool-tuning-kind", lambda d: pool(d).update({"tuning": [
    {"apiVersion": "machineconfiguration.openshift.io/v1", "kind": "MachineConfig", "metadata": {"name": "99-x"}}]}))
edit("bad-pool-tuning-two-performance-profiles", lambda d: pool(d).update({"tuning": [
    {"apiVersion": "performance.openshift.io/v2", "kind": "PerformanceProfile", "metadata": {"name": n},
     "spec": {"cpu": {"isolated": "2-3", "reserved": "0-1"}}} for n in ("pp-a", "pp-b")]}))
edit("bad-pool-tuning-duplicate-name", lambda d: pool(d).update({"tuning": [
    {"apiVersion": "tuned.openshift.io/v1", "kind": "Tuned", "metadata": {"name": "t"}, "spec": {}}] * 2}))
edit("bad-duplicate-mirror-source", lambda d: hub(d)["mirrors"].append(copy.deepcopy(hub(d)["mirrors"][0])))
edit("bad-duplicate-catalog-name", lambda d: hub(d)["catalogs"].append(copy.deepcopy(hub(d)["catalogs"][0])))

edit("bad-mirror-source-with-tag", setter("spec.hub.mirrors.1.source", "quay.io/openshift-release-dev/ocp-release:4.19.3"))
edit("bad-mirror-source-with-scheme", setter("spec.hub.mirrors.0.source", "https://quay.io/openshift-release-dev/ocp-v4.0-art-dev"))
edit("bad-mirror-repeated", setter("spec.hub.mirrors.0.mirrors", ["registry.example.krnl.es:5000/openshift/release"] * 2))
edit("bad-catalog-image-no-registry", setter("spec.hub.catalogs.0.image", "redhat-operator-index:v4.19"))
# a very long value where a name is expected: refused before any pattern runs (see InputBounds)
edit("bad-very-long-name", setter("spec.baseDomain", "a." * 10000 + "example"))
edit("bad-very-long-label-key", setter(H0 + ".labels", {("k." * 3000) + "x": "v"}))
edit("bad-very-long-mirror", setter("spec.hub.mirrors.0.source", "quay.io/" + "a-" * 20000 + "!"))

# ---- quantities, durations, enums, misc -------------------------------------------------------------------------
edit("bad-quantity-unit", setter("spec.hub.agentServiceConfig.databaseStorage", "10GB"))
edit("bad-quantity-negative", setter(C0 + ".etcdStorageSize", "-8Gi"))
edit("bad-duration-words", setter(C0 + ".nodePools.0.nodeDrainTimeout", "5 minutes"))
edit("bad-enum-availability-policy", setter(C0 + ".controllerAvailabilityPolicy", "HA"))
edit("bad-api-version", setter("apiVersion", "hostedsite.dev/v1beta9"))
edit("bad-label-key-too-long", setter(H0 + ".labels", {"k" * 60: "x"}))
edit("bad-nmstate-no-interfaces", setter(C0 + ".hosts.2.network", {"dns-resolver": {"config": {"server": ["192.168.122.1"]}}}))
edit("bad-nmstate-two-nics-without-mac", lambda d: host(d, 2)["network"]["interfaces"].append(
    {"name": "enp2s0", "type": "ethernet", "state": "up"}))
edit("bad-warn-replicas-above-hosts", setter(C0 + ".nodePools.0.replicas", 5))
edit("bad-warn-tag-mirror", setter("spec.hub.mirrors.2.tags", True))

# ---- images a disconnected hub can pull, settings that cannot change after creation -------------------------
D1 = "sha256:" + "1a2b" * 16
D2 = "sha256:" + "3c4d" * 16
D3 = "sha256:" + "5e6f" * 16
D4 = "sha256:" + "7a8b" * 16
MIRROR = "registry.example.krnl.es:5000"
REDHAT_INDEX = "registry.redhat.io/redhat/redhat-operator-index:v4.19"
CATALOG_IMAGES = {"redhat-operators": MIRROR + "/redhat/redhat-operator-index@" + D1,
                  "certified-operators": MIRROR + "/redhat/certified-operator-index@" + D2,
                  "community-operators": MIRROR + "/redhat/community-operator-index@" + D3}


def mirror(source, mirrors, tags=False):
    def fn(d):
        m = {"source": source, "mirrors": mirrors}
        if tags:
            m["tags"] = True
        hub(d)["mirrors"].append(m)
    return fn


def both(*fns):
    def fn(d):
        for f in fns:
            f(d)
    return fn


# the issue's example: the catalog image is the source itself, on a registry the hub cannot reach
edit("bad-catalog-image-not-mirrored", setter("spec.hub.catalogs.0.image", REDHAT_INDEX))
# a tag reference under a digest-only mirror: an ImageDigestMirrorSet does not serve it
edit("bad-catalog-tag-under-digest-mirror", both(mirror("registry.redhat.io/redhat", [MIRROR + "/redhat"]),
                                                 setter("spec.hub.catalogs.0.image", REDHAT_INDEX)))
# the most specific source decides: a digest-only registry.redhat.io/redhat hides a tag mirror of registry.redhat.io
edit("bad-catalog-tag-shadowed-by-digest-mirror", both(
    mirror("registry.redhat.io", [MIRROR], tags=True), mirror("registry.redhat.io/redhat", [MIRROR + "/redhat"]),
    setter("spec.hub.catalogs.0.image", REDHAT_INDEX)))
# a source covers repositories on path-segment boundaries only: ocp-release does not cover ocp-release-nightly
edit("bad-release-not-under-mirror-source", setter(C0 + ".release.image",
                                                   "quay.io/openshift-release-dev/ocp-release-nightly@" + D1))
# a repository mirrored to a bare host: the rewritten reference has no repository path
edit("bad-release-mirror-without-path", both(setter("spec.hub.mirrors.1.mirrors", [MIRROR]), setter(
    C0 + ".release.image", "quay.io/openshift-release-dev/ocp-release@" + D1)))
edit("bad-release-other-registry-port", setter(C0 + ".release.image", "registry.example.krnl.es:5001/openshift/release-images@" + D1))
edit("bad-catalog-image-without-registry-host", setter("spec.hub.catalogs.0.image", "redhat/redhat-operator-index:v4.19"))
edit("bad-catalog-image-upper-case-path", setter("spec.hub.catalogs.0.image", MIRROR + "/RedHat/redhat-operator-index:v4.19"))
edit("bad-catalog-source-without-tag", setter("spec.hub.catalogs.0.source", "registry.redhat.io/redhat/redhat-operator-index"))
# covered by a tags: true mirror source: renders (with the tag-mirror warning), overrides point at the mirror
edit("bad-warn-catalog-under-tag-mirror", both(mirror("registry.redhat.io/redhat", [MIRROR + "/olm"], tags=True),
                                               setter("spec.hub.catalogs.0.image", REDHAT_INDEX)))
edit("bad-etcd-storage-class-name", setter(C0 + ".etcdStorageClass", "Fast_SSD"))
edit("bad-capabilities-unknown", setter(C0 + ".capabilities", {"disabled": ["Samples"]}))
edit("bad-capabilities-duplicate", setter(C0 + ".capabilities", {"disabled": ["baremetal", "baremetal"]}))
edit("bad-capabilities-enabled", setter(C0 + ".capabilities", {"enabled": ["baremetal"]}))
edit("bad-capabilities-ingress-without-console", both(
    setter(C0 + ".release.version", "4.20.1"), setter("spec.hub.osImages.images.0.openshiftVersion", "4.20"),
    setter(C0 + ".capabilities", {"disabled": ["Ingress"]})))
edit("bad-warn-capabilities-before-4-20", setter(C0 + ".capabilities", {"disabled": ["ImageRegistry", "Console"]}))
edit("bad-cpo-image-by-tag", setter(C0 + ".release.controlPlaneOperatorImage",
                                    "quay.io/openshift-release-dev/ocp-v4.0-art-dev:hypershift"))
edit("bad-cpo-image-not-mirrored", setter(C0 + ".release.controlPlaneOperatorImage", "quay.io/hypershift/hypershift@" + D4))
edit("bad-olm-catalog-images-partial", setter(C0 + ".olmCatalogImages", {"redhat-operators": CATALOG_IMAGES["redhat-operators"]}))
edit("bad-olm-catalog-images-by-tag", setter(C0 + ".olmCatalogImages",
                                             dict(CATALOG_IMAGES, **{"redhat-operators": MIRROR + "/redhat/redhat-operator-index:v4.19"})))
edit("bad-olm-catalog-images-unknown-catalog", setter(C0 + ".olmCatalogImages", dict(CATALOG_IMAGES, **{"redhat-operator": CATALOG_IMAGES["redhat-operators"]})))
edit("bad-olm-catalog-images-not-mirrored", both(setter(C0 + ".olmCatalogPlacement", "management"), setter(
    C0 + ".olmCatalogImages", dict(CATALOG_IMAGES, **{"community-operators": "registry.redhat.io/redhat/community-operator-index@" + D3}))))
edit("bad-warn-olm-catalog-images-guest", setter(C0 + ".olmCatalogImages", CATALOG_IMAGES))


@case("cluster-immutables-and-images")
def _immutables():
    """Every addition of issue 9 items 3 and 5, valid: renders without a finding beyond the inline secrets."""
    d = base()
    c = cluster(d)
    hub(d)["osImages"]["images"][0]["openshiftVersion"] = "4.20"
    c["release"] = {"image": "quay.io/openshift-release-dev/ocp-release@" + D1, "version": "4.20.1",
                    "controlPlaneOperatorImage": "quay.io/openshift-release-dev/ocp-v4.0-art-dev@" + D4}
    c["etcdStorageClass"] = "lvms-vg1"
    c["capabilities"] = {"disabled": ["ImageRegistry", "Console", "Ingress", "baremetal"]}
    c["olmCatalogPlacement"] = "management"
    c["olmCatalogImages"] = dict(CATALOG_IMAGES, **{"redhat-marketplace": MIRROR + "/redhat/redhat-marketplace-index@" + D4})
    return dump(d)


# ---- etcd keys and secrets --------------------------------------------------------------------------------------
edit("bad-etcd-key-8-bytes", setter(C0 + ".etcdEncryptionKey.value", "c2hvcnRrZXk="))
edit("bad-etcd-key-20-bytes", setter(C0 + ".etcdEncryptionKey.value", "MDEyMzQ1Njc4OTAxMjM0NTY3ODk="))
edit("bad-etcd-key-not-base64", setter(C0 + ".etcdEncryptionKey.value", "this is not base64!"))
edit("bad-etcd-key-empty", setter(C0 + ".etcdEncryptionKey.value", ""))
edit("bad-etcd-key-string-data", setter(C0 + ".etcdEncryptionKey", {"stringData": {"key": "0123456789abcdef"}}))
edit("bad-etcd-key-data-without-key", setter(C0 + ".etcdEncryptionKey", {"data": {"aes": "eipeYqu1w7exgvl88YurZ01OmT3F1UxGTkXghXmu/IA="}}))
edit("bad-etcd-backup-key-short", lambda d: cluster(d).update({"etcdBackupKey": {"value": "c2hvcnRrZXk="}}))
edit("bad-pull-secret-not-json", setter(C0 + ".pullSecret.value", "auths: registry"))
edit("bad-pull-secret-no-auths", setter(C0 + ".pullSecret.value", '{"registry.example.krnl.es:5000":{"auth":"eDp5"}}'))
edit("bad-pull-secret-data-not-base64", setter(C0 + ".pullSecret", {"data": {".dockerconfigjson": "not base64 at all"}}))
edit("bad-pull-secret-wrong-key", setter(C0 + ".pullSecret", {"stringData": {"config.json": '{"auths":{}}'}}))
edit("bad-bmc-credentials-value", setter(H0 + ".bmc.credentials", {"value": "admin:lab-password"}))
edit("bad-bmc-credentials-no-password", setter(H0 + ".bmc.credentials", {"stringData": {"username": "admin"}}))
edit("bad-ssh-private-key", lambda d: (cluster(d).pop("sshAuthorizedKey"), cluster(d).update(
    {"sshKey": {"value": "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n"}})))
edit("bad-ssh-authorized-key-format", setter(C0 + ".sshAuthorizedKey", "AAAAC3NzaC1lZDI1NTE5 admin@lab"))
edit("bad-secretref-missing", setter(C0 + ".pullSecret", {"secretRef": {"name": "lab-pull-secret"}}))
edit("bad-secretref-bmc-missing", setter(H0 + ".bmc.credentials", {"secretRef": {"name": "worker0-bmc"}}))
edit("bad-secretref-etcd-missing", setter(C0 + ".etcdEncryptionKey", {"secretRef": {"name": "hosted-etcd"}}))


def secret_item(ns, name, kind="Secret", api="v1"):
    return {"apiVersion": api, "kind": kind, "metadata": {"name": name, "namespace": ns},
            "type": "Opaque", "data": {"key": "eipeYqu1w7exgvl88YurZ01OmT3F1UxGTkXghXmu/IA="}}


edit("bad-secretref-wrong-namespace", lambda d: (
    cluster(d).update({"etcdEncryptionKey": {"secretRef": {"name": "hosted-etcd"}}}),
    d["items"].append(secret_item("default", "hosted-etcd"))))
edit("bad-secretref-pull-secret-one-namespace-only", lambda d: (
    cluster(d).update({"pullSecret": {"secretRef": {"name": "pull"}}}),
    d["items"].append(secret_item("clusters", "pull"))))
edit("bad-secretref-bmc-wrong-namespace", lambda d: (
    setter(H0 + ".bmc.credentials", {"secretRef": {"name": "worker0-bmc"}})(d),
    d["items"].append(secret_item("clusters", "worker0-bmc"))))
edit("bad-secretref-configmap-not-secret", lambda d: (
    cluster(d).update({"etcdEncryptionKey": {"secretRef": {"name": "hosted-etcd"}}}),
    d["items"].append({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "hosted-etcd", "namespace": "clusters"},
                       "data": {"key": "x"}})))
edit("bad-secretref-external-wrong-namespace", lambda d: (
    cluster(d).update({"etcdEncryptionKey": {"secretRef": {"name": "hosted-etcd"}}}),
    spec(d).update({"externalSecrets": ["clusters-hosted/hosted-etcd"]})))
edit("bad-secretref-name-invalid", setter(C0 + ".pullSecret", {"secretRef": {"name": "Pull_Secret"}}))
edit("bad-external-secret-no-store", setter(C0 + ".pullSecret", {"externalSecret": {"remoteKey": "ocp/pull"}}))
edit("bad-external-secret-store-kind", setter(C0 + ".pullSecret", {"externalSecret": {
    "storeRef": {"name": "vault", "kind": "VaultStore"}, "remoteKey": "ocp/pull"}}))
edit("bad-external-secrets-entry-invalid", lambda d: spec(d).update({"externalSecrets": ["Bad_Name"]}))


# ---- secret sources (valid cases) and the etcd key rotation guard -----------------------------------------------
def secret_obj(ns, name):
    return {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": name, "namespace": ns}, "type": "Opaque",
            "data": {"placeholder": "eA=="}}


@case("secrets-secretref")
def _secretref():
    d = base()
    c = cluster(d)
    c.pop("sshAuthorizedKey")
    c["pullSecret"] = {"secretRef": {"name": "pull"}}
    c["sshKey"] = {"secretRef": {"name": "ssh"}}
    c["etcdEncryptionKey"] = {"secretRef": {"name": "hosted-etcd"}}
    c["etcdBackupKey"] = {"secretRef": {"name": "hosted-etcd-old"}}
    spec(d)["externalSecrets"] = ["clusters/hosted-etcd", "hosted-etcd-old"]
    host(d, 0)["bmc"]["credentials"] = {"secretRef": {"name": "worker0-bmc"}}
    host(d, 1)["bmc"]["credentials"] = {"secretRef": {"name": "worker1-bmc"}}
    d["items"] += [
        {"apiVersion": "bitnami.com/v1alpha1", "kind": "SealedSecret", "metadata": {"name": "pull", "namespace": "clusters"},
         "spec": {"encryptedData": {".dockerconfigjson": "AgBy3i4OJSWK+PiTySYZZA=="},
                  "template": {"metadata": {"name": "pull"}, "type": "kubernetes.io/dockerconfigjson"}}},
        {"apiVersion": "external-secrets.io/v1", "kind": "ExternalSecret",
         "metadata": {"name": "pull-es", "namespace": "clusters-hosted"},
         "spec": {"secretStoreRef": {"kind": "ClusterSecretStore", "name": "vault"}, "target": {"name": "pull"},
                  "data": [{"secretKey": ".dockerconfigjson", "remoteRef": {"key": "ocp/pull-secret"}}]}},
        secret_obj("clusters", "ssh"),
        secret_obj("clusters-hosted", "worker0-bmc"),
        {"apiVersion": "bitnami.com/v1alpha1", "kind": "SealedSecret",
         "metadata": {"name": "worker1-bmc", "namespace": "clusters-hosted"},
         "spec": {"encryptedData": {"username": "AgA=", "password": "AgA="}}},
    ]
    return dump(d)


@case("secrets-external")
def _external():
    d = base()
    c = cluster(d)
    store = {"name": "vault", "kind": "ClusterSecretStore"}
    c.pop("sshAuthorizedKey")
    c["pullSecret"] = {"externalSecret": {"storeRef": store, "remoteKey": "ocp/pull-secret"}}
    c["sshKey"] = {"externalSecret": {"storeRef": store, "remoteKey": "ocp/hosted", "property": "ssh-public-key"}}
    c["etcdEncryptionKey"] = {"externalSecret": {"storeRef": store, "remoteKey": "ocp/hosted", "property": "etcd-key"}}
    c["etcdBackupKey"] = {"externalSecret": {"storeRef": {"name": "local", "kind": "SecretStore"},
                                             "remoteKey": "ocp/hosted", "property": "etcd-key-previous"}}
    for i in range(3):
        host(d, i)["bmc"]["credentials"] = {"externalSecret": {"storeRef": store, "remoteKey": "bmc/worker%d" % i}}
    return dump(d)


# ---- hub prerequisites: OperatorHub, operators from the mirrored catalogs, MetalLB, MCE owner ------------
CATALOG = "redhat-operators-disconnected"
# the subscribed operators' own image repositories (OperatorImageRules.RELATED_REPOSITORIES), mirrored
OPERATOR_MIRRORS = [{"source": "registry.redhat.io/" + r, "mirrors": ["registry.example.krnl.es:5000/" + r]}
                    for r in ("multicluster-engine", "lvms4", "openshift4")]


def hub_operators(d):
    """The example hub with its prerequisites wired: MCE and MetalLB from the mirrored catalog, LVMS, a pool."""
    h = hub(d)
    h["catalogs"][0]["packages"] = ["lvms-operator", "metallb-operator", "multicluster-engine"]
    h["operatorHub"] = {"disableDefaultSources": True}
    h["operators"] = [{"package": "lvms-operator", "channel": "stable-4.19", "catalog": CATALOG,
                       "namespace": "openshift-storage", "installMode": "OwnNamespace"}]
    h["metallb"] = {"addressPools": [{"name": "hosted-api", "addresses": ["192.168.122.20-192.168.122.22"]},
                                     {"name": "spare", "addresses": ["192.168.122.64/28"]}]}
    h["mirrors"] += OPERATOR_MIRRORS
    return d


def hub_edit(name, fn):
    def make():
        d = hub_operators(base())
        fn(d)
        return dump(d)
    case(name)(make)


hub_edit("hub-operators-metallb", lambda d: None)
hub_edit("hub-acm-owner", lambda d: hub(d).update({"multiclusterEngine": {"owner": "acm"}}))
# ---- ACM registration from Git (clusters[].managedCluster) ------------------------------------------------
hub_edit("acm-managed-cluster", lambda d: (
    hub(d).update({"multiclusterEngine": {"owner": "acm"}}),
    cluster(d).update({"managedCluster": {
        "labels": {"environment": "lab", "cluster.open-cluster-management.io/clusterset": "lab"},
        "addons": {"searchCollector": False}}})))
hub_edit("bad-acm-label-key", lambda d: (
    hub(d).update({"multiclusterEngine": {"owner": "acm"}}),
    cluster(d).update({"managedCluster": {"labels": {"-environment": "lab"}}})))
edit("bad-acm-without-acm-hub", lambda d: cluster(d).update({"managedCluster": {}}))
hub_edit("bad-hub-default-source-name", lambda d: (
    hub(d).update({"operatorHub": {"disableDefaultSources": False}}),
    hub(d)["catalogs"][0].update({"name": "redhat-operators"}),
    hub(d)["operators"][0].update({"catalog": "redhat-operators"})))
hub_edit("bad-hub-operator-catalog-unknown", lambda d: hub(d)["operators"][0].update({"catalog": "certified-mirror"}))
hub_edit("bad-hub-operator-package-not-mirrored", lambda d: hub(d)["operators"].append(
    {"package": "kubernetes-nmstate-operator", "channel": "stable", "catalog": CATALOG}))
hub_edit("bad-hub-operatorgroup-conflict", lambda d: hub(d)["operators"].append(
    {"package": "metallb-operator", "channel": "stable", "catalog": CATALOG, "namespace": "openshift-storage"}))
hub_edit("bad-hub-operator-duplicate-package", lambda d: hub(d)["operators"].append(
    dict(hub(d)["operators"][0], namespace="lvms")))
hub_edit("bad-hub-install-mode-unsupported", lambda d: hub(d)["operators"].append(
    {"package": "metallb-operator", "channel": "stable", "catalog": CATALOG, "installMode": "OwnNamespace"}))
hub_edit("bad-hub-mce-subscription-on-acm", lambda d: (
    hub(d).update({"multiclusterEngine": {"owner": "acm"}}),
    hub(d)["operators"].append({"package": "multicluster-engine", "channel": "stable-2.9", "catalog": CATALOG})))
hub_edit("bad-hub-metallb-without-operator-package", lambda d:
         hub(d)["catalogs"][0].update({"packages": ["lvms-operator", "multicluster-engine"]}))
hub_edit("bad-hub-metallb-range-reversed", lambda d:
         hub(d)["metallb"]["addressPools"][0].update({"addresses": ["192.168.122.22-192.168.122.20"]}))
hub_edit("bad-hub-metallb-range-mixed-families", lambda d:
         hub(d)["metallb"]["addressPools"][0].update({"addresses": ["192.168.122.20-fd00::20"]}))
hub_edit("bad-hub-metallb-cidr-invalid", lambda d:
         hub(d)["metallb"]["addressPools"][1].update({"addresses": ["192.168.122.300/28"]}))
hub_edit("bad-hub-metallb-pools-overlap", lambda d:
         hub(d)["metallb"]["addressPools"][1].update({"addresses": ["192.168.122.16/28"]}))
hub_edit("bad-hub-metallb-range-words", lambda d:
         hub(d)["metallb"]["addressPools"][0].update({"addresses": ["from 192.168.122.20 to 192.168.122.22"]}))
hub_edit("bad-hub-operatorgroup-in-input", lambda d: d["items"].append(
    {"apiVersion": "operators.coreos.com/v1", "kind": "OperatorGroup",
     "metadata": {"name": "metallb-operators", "namespace": "metallb-system"}}))
hub_edit("bad-warn-hub-loadbalancer-without-metallb", lambda d: hub(d).pop("metallb"))
hub_edit("bad-warn-hub-api-address-outside-pools", lambda d: cluster(d)["dns"].update({"apiAddresses": ["192.168.122.30"]}))
hub_edit("bad-warn-hub-mce-not-in-any-catalog", lambda d:
         hub(d)["catalogs"][0].update({"packages": ["lvms-operator", "metallb-operator"]}))


# ---- the hub's bare-metal plumbing (issue 19): metal3's namespaces, storage, the web server, operator images ----
LVMS = {"deviceClasses": [{"name": "vg1", "default": True, "deviceSelector": {"paths": ["/dev/vdb"]},
                           "thinPoolConfig": {"name": "thin-pool-1", "sizePercent": 90, "overprovisionRatio": 10}}]}
WEB_CA = hub(base())["registry"]["caBundle"]          # any valid PEM CA will do for the web server's


def plumbing(d):
    """The wired hub plus LVMS storage (the LVMCluster makes lvms-vg1), a Provisioning created by the render and an
    https web server with its CA."""
    hub_operators(d)
    h = hub(d)
    h["storage"] = {"lvms": copy.deepcopy(LVMS)}
    h["provisioning"] = "create"
    h["osImages"]["webServer"] = "https://registry.example.krnl.es:8443/images"
    h["osImages"]["caBundle"] = WEB_CA
    return d


def plumbing_edit(name, fn):
    def make():
        d = plumbing(base())
        fn(d)
        return dump(d)
    case(name)(make)


# ---- bare metal as it really fails: nmstate documents, selectors, the address plan (issue 19) ---------------
def nic(d, h=2, i=0):
    return host(d, h)["network"]["interfaces"][i]


def metal_site(d):
    """The hub with MetalLB, and a site as platform engineers write it: the first cluster on static dual-stack nmstate
    (a bond with a VLAN, a plain NIC, a NIC without mac-address) inside a declared machine network, the second on DHCP
    published as NodePort."""
    hub_operators(d)
    c = cluster(d)
    c["networking"]["machineNetwork"] = ["192.168.122.0/24", "fd00:122::/64"]
    routes = {"config": [{"destination": "0.0.0.0/0", "next-hop-address": "192.168.122.1", "next-hop-interface": "IFACE"},
                         {"destination": "::/0", "next-hop-address": "fd00:122::1", "next-hop-interface": "IFACE",
                          "metric": 100}]}
    dns = {"config": {"server": ["192.168.122.1", "fd00:122::1"], "search": ["example.krnl.es"]}}

    def addresses(n):
        return {"ipv4": {"enabled": True, "dhcp": False, "address": [{"ip": "192.168.122.%d" % n, "prefix-length": 24}]},
                "ipv6": {"enabled": True, "dhcp": False, "autoconf": False,
                         "address": [{"ip": "fd00:122::%d" % n, "prefix-length": 64}]}}

    bond = {"name": "bond0", "type": "bond", "state": "up", "mtu": 9000,
            "link-aggregation": {"mode": "802.3ad", "options": {"miimon": "100", "lacp_rate": "fast"},
                                 "port": ["enp1s0", "enp2s0"]},
            "ipv4": {"enabled": False}, "ipv6": {"enabled": False}}
    vlan = dict({"name": "bond0.120", "type": "vlan", "state": "up", "vlan": {"base-iface": "bond0", "id": 120}},
                **addresses(30))
    host(d, 0)["network"] = {
        "interfaces": [{"name": "enp1s0", "type": "ethernet", "state": "up", "mac-address": "52:54:00:10:00:00"},
                       {"name": "enp2s0", "type": "ethernet", "state": "up", "mac-address": "52:54:00:10:01:00"},
                       bond, vlan],
        "dns-resolver": copy.deepcopy(dns),
        "routes": {"config": [dict(r, **{"next-hop-interface": "bond0.120"}) for r in routes["config"]]}}
    host(d, 1)["network"] = {
        "interfaces": [dict({"name": "eno1", "type": "ethernet", "state": "up", "mac-address": "52:54:00:10:00:01",
                             "mtu": 1500}, **addresses(31))],
        "dns-resolver": copy.deepcopy(dns),
        "routes": {"config": [dict(r, **{"next-hop-interface": "eno1"}) for r in routes["config"]]}}
    nic(d).update(addresses(32))
    host(d, 2)["network"]["routes"]["config"].append(
        {"destination": "::/0", "next-hop-address": "fd00:122::1", "next-hop-interface": "enp1s0"})
    other = second_cluster(d, name="other", mac_base="52:54:00:20:00:0")
    other["apiServer"] = {"publishing": "NodePort", "address": "192.168.122.10", "port": 30443}
    other["dns"] = {"apiAddresses": ["192.168.122.10"], "ingressAddresses": ["192.168.122.43"]}
    other["networking"] = {"clusterNetwork": ["10.136.0.0/14"], "serviceNetwork": ["172.30.0.0/16"]}
    other["nodePools"][0]["hostSelector"] = {"matchLabels": {"pool": "other"}}
    for h in other["hosts"]:
        h["labels"] = {"pool": "other"}
        h.pop("network", None)
    return d


def metal_edit(name, fn):
    def make():
        d = metal_site(base())
        fn(d)
        return dump(d)
    case(name)(make)


plumbing_edit("hub-baremetal-plumbing", lambda d: None)
edit("hub-storage-class-passthrough", lambda d: (hub(d).pop("storage"), d["items"].append(
    {"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass", "metadata": {"name": "lvms-vg1"},
     "provisioner": "topolvm.io", "volumeBindingMode": "WaitForFirstConsumer"})))
edit("bad-warn-provisioning-missing", lambda d: hub(d).pop("provisioning"))
edit("bad-provisioning-unknown-mode", setter("spec.hub.provisioning", "enabled"))
edit("bad-warn-storage-class-made-by-nothing", lambda d: hub(d).pop("storage"))
edit("bad-warn-etcd-storage-class-made-by-nothing", setter(C0 + ".etcdStorageClass", "ocs-storagecluster-ceph-rbd"))
edit("bad-lvms-without-operator", lambda d: hub(d).update({"storage": {"lvms": copy.deepcopy(LVMS)}})
     or hub(d)["catalogs"][0].update({"packages": ["metallb-operator"]}))
plumbing_edit("bad-lvms-two-default-device-classes", lambda d: hub(d)["storage"]["lvms"]["deviceClasses"].append(
    {"name": "vg2", "default": True, "deviceSelector": {"paths": ["/dev/vdc"]}}))
plumbing_edit("bad-lvms-several-classes-without-paths", lambda d: hub(d)["storage"]["lvms"]["deviceClasses"].append(
    {"name": "vg2"}))
plumbing_edit("bad-lvms-selector-without-paths", lambda d: hub(d)["storage"]["lvms"]["deviceClasses"][0].update(
    {"deviceSelector": {"forceWipeDevicesAndDestroyAllData": True}}))
plumbing_edit("bad-lvms-duplicate-device-class", lambda d: hub(d)["storage"]["lvms"]["deviceClasses"].append(
    {"name": "vg1", "deviceSelector": {"paths": ["/dev/vdc"]}}))
plumbing_edit("bad-lvms-device-class-unknown-field", lambda d: hub(d)["storage"]["lvms"]["deviceClasses"][0].update(
    {"thinPool": {"name": "thin"}}))
plumbing_edit("bad-lvms-device-path-in-two-classes", lambda d: hub(d)["storage"]["lvms"]["deviceClasses"].append(
    {"name": "vg2", "deviceSelector": {"paths": ["/dev/vdc", "/dev/vdb"]}}))


def lvmcluster_item(namespace="openshift-storage", classes=None):
    """A passthrough LVMCluster as kpt reads it from storage/lvmcluster.yaml."""
    meta = {"name": "lvmcluster", "namespace": namespace,
            "annotations": {"config.kubernetes.io/index": "0", "config.kubernetes.io/path": "storage/lvmcluster.yaml",
                            "internal.config.kubernetes.io/index": "0",
                            "internal.config.kubernetes.io/path": "storage/lvmcluster.yaml"}}
    if namespace is None:
        del meta["namespace"]
    return {"apiVersion": "lvm.topolvm.io/v1alpha1", "kind": "LVMCluster", "metadata": meta,
            "spec": {"storage": {"deviceClasses": classes or copy.deepcopy(LVMS["deviceClasses"])}}}


def lvmcluster_edit(name, item):
    """The wired hub (it subscribes lvms-operator into openshift-storage) with a passthrough LVMCluster."""
    edit(name, lambda d: (hub_operators(d), d["items"].append(item)))


lvmcluster_edit("bad-lvmcluster-outside-operator-namespace", lvmcluster_item(namespace="lvm-storage"))
lvmcluster_edit("bad-lvmcluster-without-namespace", lvmcluster_item(namespace=None))
lvmcluster_edit("bad-lvmcluster-passthrough-path-not-absolute", lvmcluster_item(classes=[
    {"name": "vg1", "default": True, "deviceSelector": {"paths": ["/dev/vdb"], "optionalPaths": ["vdc"]}}]))
lvmcluster_edit("bad-lvmcluster-passthrough-device-overlap", lvmcluster_item(classes=[
    {"name": "vg1", "default": True, "deviceSelector": {"paths": ["/dev/vdb"]}},
    {"name": "vg2", "deviceSelector": {"paths": ["/dev/vdb"]}}]))
plumbing_edit("bad-warn-webserver-https-without-ca", lambda d: hub(d)["osImages"].pop("caBundle"))
plumbing_edit("bad-osimages-ca-not-pem", lambda d: hub(d)["osImages"].update({"caBundle": "not a certificate\n"}))
edit("bad-warn-osimages-ca-with-http", setter("spec.hub.osImages.caBundle", WEB_CA))
plumbing_edit("bad-warn-operator-images-not-mirrored", lambda d: hub(d).update(
    {"mirrors": [m for m in hub(d)["mirrors"] if m["source"] != "registry.redhat.io/multicluster-engine"]}))
edit("bad-warn-hosted-default-catalogs-not-mirrored", lambda d: cluster(d).pop("operatorHub"))
edit("bad-type-operatorhub-disable-string", setter(C0 + ".operatorHub.disableDefaultSources", "yes"))
def other_cluster(d):
    return spec(d)["clusters"][1]


metal_edit("metal-static-network", lambda d: None)
# nmstate keys and value types (rust/src/lib: net_state.rs, iface.rs, ifaces/*.rs, ip.rs, route.rs, dns.rs)
metal_edit("bad-nmstate-mac-one-digit-off", lambda d: nic(d, 1).update({"mac-address": "52:54:00:10:00:11"}))
metal_edit("bad-nmstate-mac-without-boot-nic", lambda d: (
    nic(d, 0, 0).update({"mac-address": "52:54:00:aa:bb:cc"})))
metal_edit("bad-nmstate-unknown-key-ipv4", lambda d: nic(d).update(
    {"ipv4": {"enabled": True, "dhcp": False, "adress": [{"ip": "192.168.122.32", "prefix-length": 24}]}}))
metal_edit("bad-nmstate-unknown-top-level-key", lambda d: host(d, 2)["network"].update(
    {"route": host(d, 2)["network"].pop("routes")}))
metal_edit("bad-nmstate-unknown-route-key", lambda d: host(d, 2)["network"]["routes"]["config"][0].update(
    {"gateway": "192.168.122.1"}))
metal_edit("bad-warn-nmstate-unknown-interface-key", lambda d: nic(d, 1).update({"mac_address": "52:54:00:10:00:01"}))
metal_edit("bad-nmstate-ipv4-autoconf", lambda d: nic(d)["ipv4"].update({"autoconf": False}))
metal_edit("bad-nmstate-address-with-prefix", lambda d: nic(d)["ipv4"]["address"][0].update({"ip": "192.168.122.32/24"}))
metal_edit("bad-nmstate-prefix-too-long", lambda d: nic(d)["ipv4"]["address"][0].update({"prefix-length": 33}))
metal_edit("bad-nmstate-prefix-missing", lambda d: nic(d)["ipv4"]["address"][0].pop("prefix-length"))
metal_edit("bad-nmstate-ipv6-under-ipv4", lambda d: nic(d)["ipv4"]["address"][0].update({"ip": "fd00:122::32"}))
metal_edit("bad-nmstate-mtu-words", lambda d: nic(d, 1).update({"mtu": "jumbo"}))
metal_edit("bad-nmstate-dhcp-maybe", lambda d: nic(d)["ipv4"].update({"dhcp": "maybe"}))
metal_edit("bad-nmstate-bond-mode-unknown", lambda d: nic(d, 0, 2)["link-aggregation"].update({"mode": "lacp"}))
metal_edit("bad-nmstate-bond-option-unknown", lambda d: nic(d, 0, 2)["link-aggregation"]["options"].update(
    {"mii-mon": 100}))
metal_edit("bad-nmstate-vlan-id-too-big", lambda d: nic(d, 0, 3)["vlan"].update({"id": 70000}))
metal_edit("bad-nmstate-interface-state-unknown", lambda d: nic(d, 1).update({"state": "enabled"}))
metal_edit("bad-nmstate-mac-malformed", lambda d: nic(d, 1).update({"mac-address": "52-54-00-10-00-01"}))
metal_edit("bad-nmstate-dns-server-hostname", lambda d: host(d, 2)["network"]["dns-resolver"]["config"].update(
    {"server": ["dns.example.krnl.es"]}))
metal_edit("bad-nmstate-route-destination-invalid", lambda d: host(d, 2)["network"]["routes"]["config"][0].update(
    {"destination": "default"}))
# every interface named by a route, bond, VLAN or bridge declared
metal_edit("bad-nmstate-route-interface-undeclared", lambda d: host(d, 2)["network"]["routes"]["config"][0].update(
    {"next-hop-interface": "enp2s0"}))
metal_edit("bad-nmstate-bond-port-undeclared", lambda d: nic(d, 0, 2)["link-aggregation"].update(
    {"port": ["enp1s0", "enp3s0"]}))
metal_edit("bad-nmstate-vlan-base-undeclared", lambda d: nic(d, 0, 3)["vlan"].update({"base-iface": "bond1"}))
metal_edit("bad-nmstate-bridge-port-undeclared", lambda d: host(d, 1)["network"]["interfaces"].append(
    {"name": "br0", "type": "linux-bridge", "state": "up", "bridge": {"options": {"stp": {"enabled": False}},
                                                                      "port": [{"name": "eno2"}]}}))
metal_edit("bad-nmstate-controller-undeclared", lambda d: nic(d, 0, 1).update({"controller": "bond1"}))
metal_edit("bad-warn-nmstate-interface-type-unknown", lambda d: host(d, 1)["network"]["interfaces"].append(
    {"name": "dummy0", "type": "dumy", "state": "up"}))
# static addresses: once per site, not a network address, inside the machine network
metal_edit("bad-nmstate-static-address-twice", lambda d: nic(d, 1)["ipv4"]["address"][0].update({"ip": "192.168.122.32"}))
metal_edit("bad-nmstate-static-address-twice-across-clusters", lambda d: other_cluster(d)["hosts"][0].update(
    {"network": {"interfaces": [{"name": "enp1s0", "type": "ethernet", "state": "up", "ipv4": {
        "enabled": True, "dhcp": False, "address": [{"ip": "192.168.122.31", "prefix-length": 24}]}}]}}))
metal_edit("bad-nmstate-network-address", lambda d: nic(d)["ipv4"]["address"][0].update({"ip": "192.168.122.0"}))
metal_edit("bad-nmstate-address-outside-machine-network", lambda d: cluster(d)["networking"].update(
    {"machineNetwork": ["192.168.122.0/25", "fd00:122::/64"]}) or nic(d)["ipv4"]["address"][0].update(
    {"ip": "192.168.122.160"}))
metal_edit("bad-warn-nmstate-subnets-differ", lambda d: (cluster(d)["networking"].pop("machineNetwork"),
                                                         nic(d)["ipv4"]["address"][0].update({"ip": "192.168.123.32"})))
metal_edit("bad-machine-network-host-bits", lambda d: cluster(d)["networking"].update(
    {"machineNetwork": ["192.168.122.1/24", "fd00:122::/64"]}))
metal_edit("bad-machine-network-invalid", lambda d: cluster(d)["networking"].update(
    {"machineNetwork": ["192.168.300.0/24", "fd00:122::/64"]}))
metal_edit("bad-warn-machine-network-two-of-one-family", lambda d: cluster(d)["networking"].update(
    {"machineNetwork": ["192.168.122.0/24", "192.168.123.0/24"]}))
# selectors
metal_edit("bad-selector-typo-devworkers", lambda d: (
    other_cluster(d)["nodePools"][0].update({"name": "dev", "hostSelector": {"matchLabels": {"pool": "devworkers"}}}),
    [h.update({"labels": {"pool": "dev-workers"}}) for h in other_cluster(d)["hosts"]]))
metal_edit("bad-selector-host-in-two-pools", lambda d: cluster(d)["nodePools"].append({"name": "extra"}))
metal_edit("bad-warn-selector-host-in-two-pools-enough-hosts", lambda d: (
    cluster(d)["nodePools"][0].update({"replicas": 2}),
    cluster(d)["nodePools"].append({"name": "gpu", "replicas": 1, "hostSelector": {
        "matchExpressions": [{"key": "pool", "operator": "In", "values": ["hosted"]}]}})))
metal_edit("bad-warn-selector-host-without-pool", lambda d: host(d, 1).update({"labels": {"pool": "spare"}}))
metal_edit("bad-warn-selector-pool-without-host", lambda d: cluster(d)["nodePools"].append(
    {"name": "spare", "replicas": 1, "hostSelector": {"matchLabels": {"pool": "spare"}}}))
# the address plan
metal_edit("bad-address-metallb-contains-workers", lambda d: (
    hub(d)["metallb"]["addressPools"][0].update({"addresses": ["10.10.20.50-10.10.20.75"]}),
    cluster(d)["networking"].update({"machineNetwork": ["10.10.20.0/24", "fd00:122::/64"]}),
    cluster(d)["dns"].update({"apiAddresses": ["10.10.20.50"]}),
    nic(d, 0, 3)["ipv4"]["address"][0].update({"ip": "10.10.20.51"}),
    nic(d, 1)["ipv4"]["address"][0].update({"ip": "10.10.20.52"}),
    nic(d)["ipv4"]["address"][0].update({"ip": "10.10.20.53"}),
    [h["network"]["routes"]["config"][0].update({"next-hop-address": "10.10.20.1"}) for h in cluster(d)["hosts"]],
    [h["network"]["dns-resolver"]["config"].update({"server": ["10.10.20.1"]}) for h in cluster(d)["hosts"]]))
metal_edit("bad-address-cluster-network-overlaps-machine", lambda d: cluster(d)["networking"].update(
    {"clusterNetwork": ["192.168.0.0/16", "fd01::/48"]}))
metal_edit("bad-address-cluster-network-overlaps-derived-machine", lambda d: (
    cluster(d)["networking"].pop("machineNetwork"),
    cluster(d)["networking"].update({"serviceNetwork": ["172.31.0.0/16", "fd00:122::/112"]})))
metal_edit("bad-address-service-network-contains-api", lambda d: other_cluster(d)["networking"].update(
    {"serviceNetwork": ["192.168.122.0/28"]}))
metal_edit("bad-address-cluster-network-overlaps-metallb", lambda d: hub(d)["metallb"]["addressPools"][1].update(
    {"addresses": ["10.132.0.0/28"]}))
metal_edit("bad-warn-nodeport-address-not-in-dns", lambda d: other_cluster(d)["dns"].update(
    {"apiAddresses": ["192.168.122.11"]}))
metal_edit("bad-address-nodeport-in-metallb-pool", lambda d: (
    other_cluster(d)["apiServer"].update({"address": "192.168.122.21"}),
    other_cluster(d)["dns"].update({"apiAddresses": ["192.168.122.21"]})))


KEY_A = "eipeYqu1w7exgvl88YurZ01OmT3F1UxGTkXghXmu/IA="          # the example's key: what the previous render wrote
KEY_B = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="          # a new 32-byte key
KEY_C = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA="          # neither


def previous_render(edit_site):
    """The example's previous render output (expected.yaml items) as the next input, its HostedSite edited."""
    prev = yaml.safe_load(open(os.path.join(FIXTURES, "render", "example-lab", "expected.yaml"), encoding="utf-8"))
    d = {"apiVersion": prev["apiVersion"], "kind": prev["kind"], "items": prev["items"]}
    s = next(i for i in d["items"] if i["kind"] == "HostedSite")
    edit_site(s["spec"]["clusters"][0])
    return dump(d)


case("etcd-rotation-unchanged")(lambda: previous_render(lambda c: None))
case("etcd-rotation-with-backup")(lambda: previous_render(
    lambda c: c.update({"etcdEncryptionKey": {"value": KEY_B}, "etcdBackupKey": {"value": KEY_A}})))
case("etcd-rotation-backup-by-data")(lambda: previous_render(
    lambda c: c.update({"etcdEncryptionKey": {"data": {"key": KEY_B}}, "etcdBackupKey": {"data": {"key": KEY_A}}})))
case("bad-etcd-rotation-without-backup")(lambda: previous_render(
    lambda c: c.update({"etcdEncryptionKey": {"value": KEY_B}})))
case("bad-etcd-rotation-wrong-backup")(lambda: previous_render(
    lambda c: c.update({"etcdEncryptionKey": {"value": KEY_B}, "etcdBackupKey": {"value": KEY_C}})))
case("bad-etcd-rotation-backup-dropped-too-early")(lambda: previous_render(
    lambda c: c.update({"etcdEncryptionKey": {"value": KEY_C}})))

# day 2: a pool's node configuration and the cluster's release change after a render: both roll the pool
case("pools-rollout-on-change")(lambda: previous_render(lambda c: (
    c["release"].update({"image": IMG + "@sha256:" + "9e8d7c6b" * 8, "version": "4.19.5"}),
    c["nodePools"][0].update({"config": [{"apiVersion": "machineconfiguration.openshift.io/v1", "kind": "KubeletConfig",
                                          "metadata": {"name": "max-pods"}, "spec": {"kubeletConfig": {"maxPods": 500}}}]}))))


# ---- admission rules of the emitted kinds (BareMetalHost webhook, Secret validation, BMAC host names) ----------
import base64 as _b64


def b64(text):
    return _b64.b64encode(text.encode("utf-8")).decode("ascii")


BMC = H0 + ".bmc.address"
edit("bad-bmc-bracketed-hostname", setter(BMC, "redfish-virtualmedia://[bmc0.example.krnl.es]:8000/redfish/v1/Systems/1"))
edit("bad-bmc-bracket-inside-host", setter(BMC, "redfish-virtualmedia://bmc[0]/redfish/v1/Systems/1"))
edit("bad-bmc-ipv6-without-brackets", setter(BMC, "redfish-virtualmedia://fd00:126::1/redfish/v1/Systems/1"))
edit("bad-bmc-ipv6-zone", setter(BMC, "redfish-virtualmedia://[fe80::1%25enp1s0]:8000/redfish/v1/Systems/1"))
edit("bad-warn-bmc-ipv4-leading-zero", setter(BMC, "redfish-virtualmedia://192.168.126.010/redfish/v1/Systems/1"))
edit("bad-bmc-port-too-big", setter(BMC, "redfish-virtualmedia://192.168.126.1:80000/redfish/v1/Systems/1"))
edit("bad-bmc-credentials-in-url", setter(BMC, "redfish-virtualmedia://admin:lab-password@192.168.126.1/redfish/v1/Systems/1"))
edit("bad-bmc-no-host", setter(BMC, "redfish-virtualmedia:///redfish/v1/Systems/1"))
edit("bad-bmc-driver-idrac", setter(BMC, "idrac://192.168.126.1/redfish/v1/Systems/1"))
edit("bad-bmc-driver-ilo4-virtualmedia", setter(BMC, "ilo4-virtualmedia://192.168.126.1/redfish/v1/Systems/1"))
edit("bad-bmc-driver-ipmi-https", setter(BMC, "ipmi+https://192.168.126.1"))
edit("bad-warn-bmc-driver-ipmi", setter(BMC, "ipmi://192.168.126.1:623"))
edit("bad-warn-bmc-driver-redfish", setter(BMC, "redfish+https://192.168.126.1/redfish/v1/Systems/1"))
edit("bad-warn-bmc-no-scheme-is-ipmi", setter(BMC, "192.168.126.1"))

RDH = H0 + ".rootDeviceHints"
edit("bad-root-device-hint-not-dev", setter(RDH, {"deviceName": "sda"}))
edit("bad-root-device-hint-by-id", setter(RDH, {"deviceName": "/dev/disk/by-id/wwn-0x5000c500a0b1c2d3"}))
edit("bad-root-device-hint-dev-only", setter(RDH, {"deviceName": "/dev/"}))
edit("bad-root-device-hint-hctl", setter(RDH, {"hctl": "0:0:0"}))
edit("bad-root-device-hint-size-fraction", setter(RDH, {"minSizeGigabytes": 120.5}))
edit("bad-root-device-hint-size-float", setter(RDH, {"minSizeGigabytes": 120.0}))
edit("bad-root-device-hint-size-negative", setter(RDH, {"minSizeGigabytes": -1}))
edit("bad-root-device-hint-rotational-string", setter(RDH, {"rotational": "false"}))
edit("bad-root-device-hint-serial-number", setter(RDH, {"serialNumber": 123456}))
edit("bad-warn-root-device-hint-empty", setter(RDH, {"deviceName": "", "minSizeGigabytes": 0}))

CRED = H0 + ".bmc.credentials"
edit("bad-bmc-credentials-not-base64", setter(CRED, {"data": {"username": "admin", "password": "admin"}}))
edit("bad-bmc-credentials-unpadded", setter(CRED, {"data": {"username": "YWRtaW4", "password": b64("lab-password")}}))
edit("bad-bmc-credentials-url-alphabet", setter(CRED, {"data": {"username": b64("admin"), "password": "-_-_"}}))
edit("bad-warn-bmc-credentials-trailing-newline", setter(CRED, {"data": {"username": b64("admin"),
                                                                         "password": b64("lab-password\n")}}))
edit("bad-warn-bmc-credentials-block-scalar", setter(CRED, {"stringData": {"username": "admin",
                                                                            "password": "lab-password\n"}}))
edit("bad-warn-bmc-credentials-not-utf8", setter(CRED, {"data": {"username": b64("admin"), "password": "//79"}}))
edit("bad-warn-bmc-credentials-control-char", setter(CRED, {"stringData": {"username": "admin\t", "password": "x"}}))
edit("bad-secret-key-dot-dot", setter(CRED, {"stringData": {"username": "admin", "password": "x", "..data": "y"}}))
edit("bad-pull-secret-data-unpadded", setter(C0 + ".pullSecret", {"data": {".dockerconfigjson": b64(
    '{"auths":{"registry.example.krnl.es:5000":{"auth":"ZHVtbXk6ZHVtbXk="}}}').rstrip("=")}}))
edit("bad-etcd-key-data-unpadded", setter(C0 + ".etcdEncryptionKey", {"data": {"key": "eipeYqu1w7exgvl88YurZ01OmT3F1UxGTkXghXmu/IA"}}))

edit("bad-host-duplicate-in-cluster", lambda d: host(d, 1).update({"name": "worker0"}))
edit("bad-host-duplicate-hostname", lambda d: host(d, 1).update({"hostname": "hosted-worker0"}))
edit("bad-host-hostname-localhost", lambda d: host(d, 0).update({"hostname": "localhost"}))
edit("bad-host-hostname-too-long", lambda d: host(d, 0).update({"hostname": "a" * 64}))
edit("bad-host-hostname-uppercase", lambda d: host(d, 0).update({"hostname": "Worker0"}))
edit("bad-host-default-hostname-too-long", lambda d: host(d, 0).update({"name": "w" * 60}))
edit("bad-host-name-uuid", lambda d: (cluster(d).update({"name": "0a1b2c3d"}),
                                      cluster(d)["apiServer"].update({"hostname": "api.0a1b2c3d.example.krnl.es"}),
                                      cluster(d)["nodePools"][0].update({"name": "0a1b2c3d"}),
                                      host(d, 0).update({"name": "0a1b-2c3d-4e5f-0a1b2c3d4e5f"})))


def clashing_control_planes(d):
    """clusters/a-b and clusters-a/b both get the control-plane namespace clusters-a-b."""
    cluster(d).update({"name": "a-b"})
    cluster(d)["nodePools"][0]["name"] = "a-b"
    other = second_cluster(d, name="b")
    other["namespace"] = "clusters-a"


edit("bad-cluster-control-plane-namespace-clash", clashing_control_planes)
edit("bad-registry-ipv6-config-key", setter("spec.hub.registry.host", "[fd00:122::5]"))


@case("hosts-per-cluster")
def _hosts_per_cluster():
    """Two clusters, each with a worker0: names are per cluster. Also a hostname override, a bracketed IPv6 BMC,
    data wrapped over lines as base64 tools write it, and every kind of rootDeviceHints baremetal-operator admits."""
    d = base()
    other = second_cluster(d, name="other")
    for i, h in enumerate(other["hosts"]):
        h["name"] = "worker%d" % i
        h["bmc"]["address"] = "idrac-virtualmedia+https://[fd00:126::%d]/redfish/v1/Systems/System.Embedded.1" % (i + 1)
    other["hosts"][0]["hostname"] = "other-node-a.example.krnl.es"
    other["hosts"][1]["rootDeviceHints"] = {"deviceName": "/dev/disk/by-path/pci-0000:01:00.0-scsi-0:2:0:0",
                                            "hctl": "0:0:0:0", "minSizeGigabytes": 120, "rotational": False}
    password = b64("a-long-bmc-password-" * 5)
    other["hosts"][2]["bmc"]["credentials"] = {"data": {"username": b64("admin"),
                                                        "password": password[:40] + "\n" + password[40:] + "\n"}}
    host(d, 0)["bmc"]["address"] = "redfish-virtualmedia://192.168.126.1:9000/redfish/v1/Systems/local/hosted-worker0"
    return dump(d)


def folder(name):
    """Where a case lives (fixtures/README.md): where a folder of that name already is (case names are unique in
    fixtures/), else bad-<topic>-* under hostile-input/<topic>/. A new case of another feature: make its folder first."""
    for parent, dirs, _ in os.walk(FIXTURES):
        if name in dirs:
            return os.path.join(parent, name)
    if name.startswith("bad-"):
        return os.path.join(FIXTURES, "hostile-input", name.split("-")[1], name)
    raise ValueError("no folder for case " + name + ": create fixtures/<feature>/" + name + "/ first")


def main():
    """Writes the cases named on the command line (all without names). With --check, writes nothing and exits 1
    listing every committed input.yaml that differs from what this tool makes (FixturesTest runs it so)."""
    args = sys.argv[1:]
    check = "--check" in args
    only = set(a for a in args if a != "--check")
    stale = []
    for name, make in sorted(CASES.items()):
        if only and name not in only:
            continue
        d = folder(name)
        path = os.path.join(d, "input.yaml")
        text = make()
        if check:
            try:
                with open(path, encoding="utf-8", newline="") as f:
                    committed = f.read()
            except FileNotFoundError:
                committed = None
            if committed != text:
                stale.append(os.path.relpath(path, ROOT))
            continue
        os.makedirs(d, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    if check:
        for p in stale:
            print("stale: " + p + " differs from what tools/make-corpus.py makes; run it and regenerate the goldens")
        print("%d cases, %d stale" % (len(CASES), len(stale)))
        sys.exit(1 if stale else 0)
    print("%d cases" % len(CASES))


if __name__ == "__main__":
    main()
