#!/usr/bin/env python3
"""Writes the hub exports of fixtures/import/ (hostedsite import's adoption fixtures), deterministically.

doc-shaped/export/: the objects of the product documentation's disconnected hosted cluster on bare metal with the
Agent platform (hub trust and mirrors, AgentServiceConfig, MultiClusterEngine, IDMS, CatalogSource, Namespaces,
pull/ssh/etcd/BMC Secrets, capi-provider-role, HostedCluster, NodePool, InfraEnv, BareMetalHosts, NMStateConfigs),
as `oc get -o yaml` exports them after they ran a while: Lists, status, managedFields, uid, resourceVersion,
creationTimestamp, generation, last-applied annotations (they were `oc apply`-ed), server defaults, the fields
controllers write, and objects the platform made (Agents, kube-root-ca.crt, HyperShift's kubeconfig Secret).

hcp-render/hcp-output.yaml: what `hcp create cluster agent --render --render-sensitive` prints, in the shape of
openshift/hypershift @3ee9615567acffaf3e3ee25c2ca2942d650565cf cmd/cluster/core/create.go (prototypeResources,
applySSHKey, applyTrustBundleAndImageSources, postProcess, GetServicePublishingStrategyMappingByAPIServerAddress) and
cmd/cluster/agent/create.go (ApplyPlatformSpecifics, GenerateNodePools), compared with that commit's own golden
cmd/cluster/agent/testdata/zz_fixture_TestCreateCluster_*.yaml. hcp-render/export/: the same objects after
`oc apply -f` and a while on the hub.

Every secret value is obviously fake. Run from the repository root: python3 tools/make-import-fixtures.py
"""
import base64
import copy
import hashlib
import json
import os
import uuid

import yaml

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "import")
NS_UUID = uuid.UUID("7d444840-9dc0-11d1-b245-5ffdce74fad2")
CA = """-----BEGIN CERTIFICATE-----
MIIBoTCCAUegAwIBAgIUXsngxNvz8j+49LvREfb38yQicp4wCgYIKoZIzj0EAwIw
JjEkMCIGA1UEAwwbcmVnaXN0cnkuZXhhbXBsZS5rcm5sLmVzIENBMB4XDTI2MTEy
NTE3NTkyNloXDTM2MTEyMjE3NTkyNlowJjEkMCIGA1UEAwwbcmVnaXN0cnkuZXhh
bXBsZS5rcm5sLmVzIENBMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEwvQWKrN
aR2cUnA3J8EkfNHSKbqt/YJyguAMlqxdmUNoLUFM3rH8tVTBR8uYZ2MCCM/cXP8I
A/+8nLwvqnpcCaNTMFEwHQYDVR0OBBYEFGN7hT+TZL9iAf8drol4qEZwxvT0MB8G
A1UdIwQYMBaAFGN7hT+TZL9iAf8drol4qEZwxvT0MA8GA1UdEwEB/wQFMAMBAf8w
CgYIKoZIzj0EAwIDSAAwRQIgXIgQvdWhFH1uN3SYSwUBvxN4N+77A4WKK32ozPLi
5HECIQDs4pHR8sLcIVtSptWUi7Ed6zUrQ5dloCftyP9rW6eZxg==
-----END CERTIFICATE-----
"""


def b64(s):
    return base64.b64encode(s.encode()).decode()


# obviously fake secret values (SecretLeak tests scan every output for them)
PULL = json.dumps({"auths": {"registry.hypershiftbm.lab:5000": {"auth": b64("fake-user:fake-pull-secret-password"),
                                                                   "email": "fake@example.invalid"}}}, separators=(",", ":"))
ETCD_KEY = b64("FAKE-ETCD-KEY-FOR-FIXTURES-00001")  # 32 bytes
SSH = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFake0 fake@example.invalid"
BMC_USER = "fake-bmc-user"
BMC_PASSWORD = "fake-bmc-password-do-not-use"
DIGEST = "sha256:" + hashlib.sha256(b"fake release 4.18.5").hexdigest()
T0 = "2026-11-02T09:14:07Z"


def uid(kind, ns, name):
    return str(uuid.uuid5(NS_UUID, f"{kind}/{ns}/{name}"))


def rv(kind, ns, name):
    return str(int(hashlib.sha256(f"{kind}/{ns}/{name}".encode()).hexdigest()[:7], 16))


def managed(manager, op, api):
    return [{"apiVersion": api, "fieldsType": "FieldsV1", "fieldsV1": {"f:metadata": {"f:annotations": {".": {}}}},
             "manager": manager, "operation": op, "time": T0}]


def live(obj, applied=True, status=None, generation=True, finalizers=None, extra_meta=None, manager="kubectl-client-side-apply"):
    """obj as the hub returns it: the server's metadata, status, and (when it was oc apply-ed) last-applied."""
    o = copy.deepcopy(obj)
    md = o.setdefault("metadata", {})
    kind, ns, name = o["kind"], md.get("namespace", ""), md["name"]
    if applied:
        md.setdefault("annotations", {})["kubectl.kubernetes.io/last-applied-configuration"] = \
            json.dumps(obj, separators=(",", ":"), sort_keys=True) + "\n"
    md["creationTimestamp"] = T0
    if generation:
        md["generation"] = 1 + len(name) % 4
    md["managedFields"] = managed(manager, "Update", o["apiVersion"])
    md["resourceVersion"] = rv(kind, ns, name)
    md["uid"] = uid(kind, ns, name)
    if finalizers:
        md["finalizers"] = finalizers
    if extra_meta:
        for k, v in extra_meta.items():
            md.setdefault(k, {}).update(v)
    if status is not None:
        o["status"] = status
    return o


def as_list(objs):
    return {"apiVersion": "v1", "items": objs, "kind": "List", "metadata": {"resourceVersion": ""}}


def dump(path, docs):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("---\n".join(yaml.safe_dump(d, default_flow_style=False, sort_keys=True, width=4096) for d in docs))


# ---------------------------------------------------------------- doc-shaped
REG = "registry.hypershiftbm.lab:5000"
NAME, NS, CPNS, DOMAIN = "hosted-ipv4", "clusters", "clusters-hosted-ipv4", "hypershiftbm.lab"
RELEASE = f"{REG}/openshift/release-images@{DIGEST}"
MIRRORS = [("quay.io/openshift-release-dev/ocp-v4.0-art-dev", f"{REG}/openshift/release"),
           ("quay.io/openshift-release-dev/ocp-release", f"{REG}/openshift/release-images"),
           ("registry.redhat.io/multicluster-engine", f"{REG}/multicluster-engine"),
           ("registry.redhat.io/rhel9", f"{REG}/rhel9"),
           ("registry.redhat.io/redhat", f"{REG}/redhat")]
REGISTRIES_CONF = "".join(
    f'[[registry]]\n  location = "{s}"\n  mirror-by-digest-only = true\n  prefix = ""\n\n  [[registry.mirror]]\n    location = "{m}"\n\n'
    for s, m in MIRRORS)
ISO = "rhcos-418.94.202502100215-0-live.x86_64.iso"
ROOTFS = "rhcos-418.94.202502100215-0-live-rootfs.x86_64.img"
WEB = "http://registry.hypershiftbm.lab:8080/images"
HOSTS = [("worker0", "aa:aa:aa:aa:02:11", "192.168.125.30"), ("worker1", "aa:aa:aa:aa:02:12", "192.168.125.31"),
         ("worker2", "aa:aa:aa:aa:02:13", "192.168.125.32")]


def hub_objects(REG, MIRRORS, REGISTRIES_CONF, WEB, namespaces):
    hub = []
    for n in namespaces:
        ns = {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": n}}
        hub.append(live(ns, generation=False, status={"phase": "Active"}, extra_meta={
            "labels": {"kubernetes.io/metadata.name": n, "pod-security.kubernetes.io/audit": "restricted",
                       "pod-security.kubernetes.io/warn": "restricted"},
            "annotations": {"openshift.io/sa.scc.mcs": "s0:c27,c24", "openshift.io/sa.scc.supplemental-groups": "1000740000/10000",
                            "openshift.io/sa.scc.uid-range": "1000740000/10000"}}) | {"spec": {"finalizers": ["kubernetes"]}})
    registry_config = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "registry-config", "namespace": "openshift-config"},
                       "data": {"registry.hypershiftbm.lab..5000": CA}}
    custom = {"apiVersion": "v1", "kind": "ConfigMap",
              "metadata": {"name": "custom-registries", "namespace": "multicluster-engine", "labels": {"app": "assisted-service"}},
              "data": {"ca-bundle.crt": CA, "registries.conf": REGISTRIES_CONF}}
    mce = {"apiVersion": "multicluster.openshift.io/v1", "kind": "MultiClusterEngine", "metadata": {"name": "multiclusterengine"},
           "spec": {"targetNamespace": "multicluster-engine",
                    "overrides": {"components": [{"name": "assisted-service", "enabled": True}, {"name": "hypershift", "enabled": True}]}}}
    mce_live = live(mce, finalizers=["finalizer.multicluster.openshift.io"], status={"phase": "Available"})
    mce_live["spec"]["availabilityConfig"] = "High"
    mce_live["spec"]["localClusterName"] = "local-cluster"
    mce_live["spec"]["networkPolicies"] = {"enabled": True}
    asc = {"apiVersion": "agent-install.openshift.io/v1beta1", "kind": "AgentServiceConfig", "metadata": {"name": "agent"},
           "spec": {"databaseStorage": storage("10Gi"), "filesystemStorage": storage("20Gi"), "imageStorage": storage("50Gi"),
                    "mirrorRegistryRef": {"name": "custom-registries"},
                    "osImages": [{"cpuArchitecture": "x86_64", "openshiftVersion": "4.18", "rootFSUrl": f"{WEB}/{ROOTFS}",
                                  "url": f"{WEB}/{ISO}", "version": "418.94.202502100215-0"}]}}
    idms = {"apiVersion": "config.openshift.io/v1", "kind": "ImageDigestMirrorSet", "metadata": {"name": "idms-operator-0"},
            "spec": {"imageDigestMirrors": [{"mirrors": [m], "source": s} for s, m in MIRRORS]}}
    catalog = {"apiVersion": "operators.coreos.com/v1alpha1", "kind": "CatalogSource",
               "metadata": {"name": "redhat-operators-disconnected", "namespace": "openshift-marketplace"},
               "spec": {"displayName": "Red Hat Operators disconnected", "image": f"{REG}/redhat/redhat-operator-index:v4.18",
                        "sourceType": "grpc"}}
    image = {"apiVersion": "config.openshift.io/v1", "kind": "Image", "metadata": {"name": "cluster"},
             "spec": {"additionalTrustedCA": {"name": "registry-config"}}}
    image_live = live(image, applied=False, status={"internalRegistryHostname": "image-registry.openshift-image-registry.svc:5000"},
                      manager="oc")
    image_live["metadata"]["annotations"] = {"include.release.openshift.io/self-managed-high-availability": "true",
                                             "release.openshift.io/create-only": "true"}
    operatorhub = {"apiVersion": "config.openshift.io/v1", "kind": "OperatorHub", "metadata": {"name": "cluster"},
                   "spec": {"disableAllDefaultSources": True}}
    oh_live = live(operatorhub, applied=False, status={"sources": [{"disabled": True, "name": "redhat-operators", "status": "Success"}]},
                   manager="oc")
    hub += [live(registry_config, generation=False), image_live,
            live(custom, generation=False), mce_live,
            live(asc, finalizers=["agentserviceconfig.agent-install.openshift.io/ai-deprovision"],
                 status={"conditions": [{"type": "DeploymentsHealthy", "status": "True", "reason": "DeploymentsHealthy",
                                         "lastTransitionTime": T0, "message": "All the deployments managed by Infrastructure-operator are healthy."}]}),
            live(idms, manager="oc"),
            live(catalog, status={"connectionState": {"address": "redhat-operators-disconnected.openshift-marketplace.svc:50051",
                                                      "lastObservedState": "READY"}}),
            oh_live]
    # the platform publishes these into every namespace; they are not the user's
    hub.append(live({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "kube-root-ca.crt", "namespace": "clusters"},
                     "data": {"ca.crt": CA}}, applied=False, generation=False, manager="kube-controller-manager")
               | {"metadata": {"name": "kube-root-ca.crt", "namespace": "clusters", "annotations": {"kubernetes.io/description": "Contains a CA bundle"}}})
    # installed through OLM before anything else: OLM's labels on it
    mce_ns = live({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "multicluster-engine"}}, generation=False,
                  status={"phase": "Active"}, extra_meta={"labels": {"kubernetes.io/metadata.name": "multicluster-engine",
                                                                     "olm.operatorgroup.uid/" + uid("OperatorGroup", "multicluster-engine", "mce"): ""}})
    mce_ns["spec"] = {"finalizers": ["kubernetes"]}
    hub.append(mce_ns)
    return hub


def doc_shaped():
    hub = hub_objects(REG, MIRRORS, REGISTRIES_CONF, WEB, ("clusters", CPNS))

    cluster = []
    pull = {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": f"{NAME}-pull-secret", "namespace": NS},
            "type": "kubernetes.io/dockerconfigjson", "data": {".dockerconfigjson": b64(PULL)}}
    cp_pull = copy.deepcopy(pull)
    cp_pull["metadata"]["namespace"] = CPNS
    ssh = {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": f"sshkey-cluster-{NAME}", "namespace": NS},
           "data": {"id_rsa.pub": b64(SSH)}}
    etcd = {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": f"{NAME}-etcd-encryption-key", "namespace": NS},
            "type": "Opaque", "data": {"key": ETCD_KEY}}
    ca = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "user-ca-bundle", "namespace": NS}, "data": {"ca-bundle.crt": CA}}
    role = {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "capi-provider-role", "namespace": CPNS},
            "rules": [{"apiGroups": ["agent-install.openshift.io"], "resources": ["agents"], "verbs": ["*"]}]}
    hc = {"apiVersion": "hypershift.openshift.io/v1beta1", "kind": "HostedCluster",
          "metadata": {"name": NAME, "namespace": NS, "annotations": {
              "hypershift.openshift.io/olm-catalogs-is-registry-overrides": f"registry.redhat.io/redhat={REG}/redhat"}},
          "spec": {"additionalTrustBundle": {"name": "user-ca-bundle"}, "olmCatalogPlacement": "guest",
                   "configuration": {"operatorhub": {"disableAllDefaultSources": True}},
                   "imageContentSources": [{"mirrors": [m], "source": s} for s, m in MIRRORS],
                   "controllerAvailabilityPolicy": "SingleReplica", "dns": {"baseDomain": DOMAIN},
                   "etcd": {"managed": {"storage": {"persistentVolume": {"size": "8Gi"}, "type": "PersistentVolume"}},
                            "managementType": "Managed"},
                   "fips": False,
                   "networking": {"clusterNetwork": [{"cidr": "10.132.0.0/14"}], "networkType": "OVNKubernetes",
                                  "serviceNetwork": [{"cidr": "172.31.0.0/16"}]},
                   "platform": {"agent": {"agentNamespace": CPNS}, "type": "Agent"},
                   "pullSecret": {"name": f"{NAME}-pull-secret"}, "release": {"image": RELEASE},
                   "secretEncryption": {"aescbc": {"activeKey": {"name": f"{NAME}-etcd-encryption-key"}}, "type": "aescbc"},
                   "services": [{"service": s, "servicePublishingStrategy": {"nodePort": {"address": "192.168.125.10"}, "type": "NodePort"}}
                                for s in ("APIServer", "OAuthServer", "Konnectivity", "Ignition")],
                   "sshKey": {"name": f"sshkey-cluster-{NAME}"}}}
    hc_live = live(hc, finalizers=["hypershift.openshift.io/finalizer"], status={
        "conditions": [{"type": "Available", "status": "True", "reason": "AsExpected", "lastTransitionTime": T0,
                        "message": "The hosted control plane is available", "observedGeneration": 3}],
        "controlPlaneEndpoint": {"host": "192.168.125.10", "port": 31765}, "version": {"desired": {"image": RELEASE}}})
    s = hc_live["spec"]
    s["clusterID"] = str(uuid.uuid5(NS_UUID, "clusterID"))
    s["infraID"] = NAME + "-q5x2t"  # written by the controller on create: the docs' YAML has none
    s["issuerURL"] = "https://kubernetes.default.svc"
    s["infrastructureAvailabilityPolicy"] = "SingleReplica"
    s["capabilities"] = {}
    np = {"apiVersion": "hypershift.openshift.io/v1beta1", "kind": "NodePool", "metadata": {"name": NAME, "namespace": NS},
          "spec": {"arch": "amd64", "clusterName": NAME, "management": {"autoRepair": False, "upgradeType": "InPlace"},
                   "nodeDrainTimeout": "0s", "platform": {"agent": {}, "type": "Agent"}, "release": {"image": RELEASE}, "replicas": 3}}
    np_live = live(np, finalizers=["hypershift.openshift.io/finalizer"], status={"replicas": 3, "version": "4.18.5"})
    np_live["spec"]["management"]["replace"] = {"rollingUpdate": {"maxSurge": 1, "maxUnavailable": 0}, "strategy": "RollingUpdate"}
    kubeconfig = {"apiVersion": "v1", "kind": "Secret", "metadata": {
        "name": f"{NAME}-admin-kubeconfig", "namespace": NS, "ownerReferences": [{
            "apiVersion": "hypershift.openshift.io/v1beta1", "kind": "HostedCluster", "name": NAME, "controller": True,
            "blockOwnerDeletion": True, "uid": uid("HostedCluster", NS, NAME)}]},
        "type": "Opaque", "data": {"kubeconfig": b64("fake-kubeconfig-made-by-hypershift")}}
    cluster += [live(pull, generation=False), live(cp_pull, generation=False), live(ssh, generation=False) | {"type": "Opaque"},
                live(etcd, generation=False), live(ca, generation=False), live(role, generation=False), hc_live, np_live,
                live(kubeconfig, applied=False, generation=False, manager="hypershift-operator-manager")]

    hosts = []
    infraenv = {"apiVersion": "agent-install.openshift.io/v1beta1", "kind": "InfraEnv", "metadata": {"name": NAME, "namespace": CPNS},
                "spec": {"cpuArchitecture": "x86_64",
                         "nmStateConfigLabelSelector": {"matchLabels": {"infraenvs.agent-install.openshift.io": NAME}},
                         "pullSecretRef": {"name": f"{NAME}-pull-secret"}, "sshAuthorizedKey": SSH}}
    ie_live = live(infraenv, finalizers=["infraenv.agent-install.openshift.io/ai-deprovision"], status={
        "isoDownloadURL": "https://assisted-image-service-multicluster-engine.apps.hub.hypershiftbm.lab/byapikey/fake/4.18/x86_64/minimal.iso",
        "conditions": [{"type": "ImageCreated", "status": "True", "reason": "ImageCreated", "lastTransitionTime": T0,
                        "message": "Image has been created"}]})
    ie_live["spec"]["agentApproval"] = {"autoApprove": False} if False else ie_live["spec"].get("agentApproval", None)
    ie_live["spec"].pop("agentApproval")
    ie_live["spec"]["ipxeScriptType"] = "DiscoveryImageAlways"
    hosts.append(ie_live)
    for i, (h, mac, ip) in enumerate(HOSTS):
        bmh_name = f"{NAME}-{h}"
        secret = {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": f"{bmh_name}-bmc-secret", "namespace": CPNS},
                  "type": "Opaque", "data": {"password": b64(BMC_PASSWORD), "username": b64(BMC_USER)}}
        nmstate = {"apiVersion": "agent-install.openshift.io/v1beta1", "kind": "NMStateConfig",
                   "metadata": {"name": bmh_name, "namespace": CPNS, "labels": {"infraenvs.agent-install.openshift.io": NAME}},
                   "spec": {"config": {"dns-resolver": {"config": {"server": ["192.168.125.1"]}},
                                       "interfaces": [{"ipv4": {"address": [{"ip": ip, "prefix-length": 24}], "dhcp": False, "enabled": True},
                                                       "ipv6": {"enabled": False}, "mac-address": mac, "name": "enp1s0", "state": "up",
                                                       "type": "ethernet"}],
                                       "routes": {"config": [{"destination": "0.0.0.0/0", "next-hop-address": "192.168.125.1",
                                                              "next-hop-interface": "enp1s0", "table-id": 254}]}},
                            "interfaces": [{"macAddress": mac, "name": "enp1s0"}]}}
        bmh = {"apiVersion": "metal3.io/v1alpha1", "kind": "BareMetalHost",
               "metadata": {"name": bmh_name, "namespace": CPNS, "labels": {"infraenvs.agent-install.openshift.io": NAME},
                            "annotations": {"inspect.metal3.io": "disabled", "bmac.agent-install.openshift.io/hostname": bmh_name}},
               "spec": {"automatedCleaningMode": "disabled",
                        "bmc": {"address": f"redfish-virtualmedia://192.168.125.1:9000/redfish/v1/Systems/local/{bmh_name}",
                                "credentialsName": f"{bmh_name}-bmc-secret", "disableCertificateVerification": True},
                        "bootMACAddress": mac, "online": True}}
        bmh_live = live(bmh, finalizers=["baremetalhost.metal3.io"], status={
            "provisioning": {"state": "provisioned", "ID": uid("node", CPNS, h)}, "operationalStatus": "detached",
            "hardwareProfile": "unknown", "poweredOn": True, "errorCount": 0})
        bmh_live["spec"]["image"] = {"url": ie_live["status"]["isoDownloadURL"], "diskFormat": "live-iso"}
        bmh_live["spec"]["customDeploy"] = {"method": "start_assisted_install"}
        bmh_live["metadata"]["annotations"]["baremetalhost.metal3.io/detached"] = '{"deleteAction":"delay"}'
        agent = {"apiVersion": "agent-install.openshift.io/v1beta1", "kind": "Agent",
                 "metadata": {"name": uid("agent", CPNS, h), "namespace": CPNS,
                              "labels": {"infraenvs.agent-install.openshift.io": NAME, "agent-install.openshift.io/bmh": bmh_name}},
                 "spec": {"approved": True, "hostname": bmh_name, "role": "worker"}}
        hosts += [live(secret, generation=False), live(nmstate), bmh_live,
                  live(agent, applied=False, status={"debugInfo": {"state": "added-to-existing-cluster"}}, manager="assisted-service")]

    base = os.path.join(ROOT, "doc-shaped", "export")
    dump(os.path.join(base, "hub.yaml"), [as_list(hub)])
    dump(os.path.join(base, "cluster.yaml"), [as_list(cluster)])
    # hosts as separate oc get runs: a typed list for the hosts, single objects for the rest
    dump(os.path.join(base, "hosts.yaml"), hosts)


def storage(size):
    return {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": size}}, "storageClassName": "lvms-vg1"}


# ---------------------------------------------------------------- hcp-render
def hcp_render():
    name, ns, cpns = "hosted", "clusters", "clusters-hosted"
    reg = "registry.example.krnl.es:5000"
    release = f"{reg}/openshift/release-images@{DIGEST}"
    # --image-content-sources: the file made from the same oc-mirror results as the hub's ImageDigestMirrorSet
    ics = [("quay.io/openshift-release-dev/ocp-v4.0-art-dev", f"{reg}/openshift/release"),
           ("quay.io/openshift-release-dev/ocp-release", f"{reg}/openshift/release-images"),
           ("registry.redhat.io/multicluster-engine", f"{reg}/multicluster-engine")]
    address = "192.168.122.20"
    out = [
        {"apiVersion": "v1", "kind": "Namespace", "metadata": {"creationTimestamp": None, "name": ns}, "spec": {}, "status": {}},
        {"apiVersion": "v1", "data": {"ca-bundle.crt": CA}, "kind": "ConfigMap",
         "metadata": {"creationTimestamp": None, "name": "user-ca-bundle", "namespace": ns}},
        {"apiVersion": "v1", "data": {".dockerconfigjson": b64(PULL)}, "kind": "Secret",
         "metadata": {"creationTimestamp": None, "labels": {"hypershift.openshift.io/safe-to-delete-with-cluster": "true"},
                      "name": f"{name}-pull-secret", "namespace": ns}},
        {"apiVersion": "v1", "data": {"id_rsa.pub": b64(SSH)}, "kind": "Secret",
         "metadata": {"creationTimestamp": None, "labels": {"hypershift.openshift.io/safe-to-delete-with-cluster": "true"},
                      "name": f"{name}-ssh-key", "namespace": ns}},
        {"apiVersion": "v1", "data": {"key": ETCD_KEY}, "kind": "Secret",
         "metadata": {"creationTimestamp": None, "labels": {"hypershift.openshift.io/safe-to-delete-with-cluster": "true"},
                      "name": f"{name}-etcd-encryption-key", "namespace": ns}, "type": "Opaque"},
        {"apiVersion": "hypershift.openshift.io/v1beta1", "kind": "HostedCluster",
         "metadata": {"creationTimestamp": None, "name": name, "namespace": ns},
         "spec": {"additionalTrustBundle": {"name": "user-ca-bundle"}, "autoscaling": {}, "capabilities": {}, "configuration": {},
                  "controllerAvailabilityPolicy": "SingleReplica", "dns": {"baseDomain": "example.krnl.es"},
                  "etcd": {"managed": {"storage": {"persistentVolume": {"size": "8Gi"}, "type": "PersistentVolume"}},
                           "managementType": "Managed"},
                  "fips": False, "imageContentSources": [{"mirrors": [m], "source": s} for s, m in ics],
                  "infraID": "hosted-7vlbw",
                  "networking": {"clusterNetwork": [{"cidr": "10.132.0.0/14"}], "networkType": "OVNKubernetes",
                                 "serviceNetwork": [{"cidr": "172.31.0.0/16"}]},
                  "olmCatalogPlacement": "management", "platform": {"agent": {"agentNamespace": cpns}, "type": "Agent"},
                  "pullSecret": {"name": f"{name}-pull-secret"}, "release": {"image": release},
                  "secretEncryption": {"aescbc": {"activeKey": {"name": f"{name}-etcd-encryption-key"}}, "type": "aescbc"},
                  "services": [{"service": s, "servicePublishingStrategy": {"nodePort": {"address": address}, "type": "NodePort"}}
                               for s in ("APIServer", "Ignition", "Konnectivity", "OAuthServer", "OIDC")],
                  "sshKey": {"name": f"{name}-ssh-key"}},
         "status": {"controlPlaneEndpoint": {"host": "", "port": 0}}},
        {"apiVersion": "hypershift.openshift.io/v1beta1", "kind": "NodePool",
         "metadata": {"creationTimestamp": None, "name": name, "namespace": ns},
         "spec": {"arch": "amd64", "clusterName": name, "management": {"autoRepair": False, "upgradeType": "InPlace"},
                  "nodeDrainTimeout": "0s", "nodeVolumeDetachTimeout": "0s", "platform": {"agent": {}, "type": "Agent"},
                  "release": {"image": release}, "replicas": 2},
         "status": {"replicas": 0}},
    ]
    base = os.path.join(ROOT, "hcp-render")
    os.makedirs(base, exist_ok=True)
    with open(os.path.join(base, "hcp-output.yaml"), "w") as f:
        for d in out:
            f.write(yaml.safe_dump(d, default_flow_style=False, sort_keys=True, width=4096))
            f.write("---\n")
    exported = []
    for d in out:
        applied = {k: v for k, v in d.items() if k != "status"}
        applied["metadata"] = {k: v for k, v in d["metadata"].items() if k != "creationTimestamp"}
        o = live(applied, generation=d["kind"] not in ("Namespace", "Secret", "ConfigMap"),
                 finalizers=["hypershift.openshift.io/finalizer"] if d["kind"] in ("HostedCluster", "NodePool") else None)
        if d["kind"] == "Namespace":
            o["spec"] = {"finalizers": ["kubernetes"]}
            o["status"] = {"phase": "Active"}
            o["metadata"]["labels"] = {"kubernetes.io/metadata.name": ns}
        if d["kind"] == "Secret" and "type" not in d:
            o["type"] = "Opaque"
        if d["kind"] == "HostedCluster":
            o["spec"]["clusterID"] = str(uuid.uuid5(NS_UUID, "hcp clusterID"))
            o["spec"]["issuerURL"] = "https://kubernetes.default.svc"
            o["spec"]["infrastructureAvailabilityPolicy"] = "SingleReplica"
            o["status"] = {"controlPlaneEndpoint": {"host": address, "port": 30443},
                           "conditions": [{"type": "Available", "status": "True", "reason": "AsExpected", "lastTransitionTime": T0,
                                           "message": "The hosted control plane is available"}]}
        if d["kind"] == "NodePool":
            o["spec"]["management"]["replace"] = {"rollingUpdate": {"maxSurge": 1, "maxUnavailable": 0}, "strategy": "RollingUpdate"}
            o["status"] = {"replicas": 2}
        exported.append(o)
    dump(os.path.join(base, "export", "oc-get-hcp-objects.yaml"), [as_list(exported)])
    # the hub it runs on, set up from the documentation, and the hosts written from it after hcp created the cluster
    mirrors = ics
    conf = "".join(f'[[registry]]\n  location = "{s}"\n  mirror-by-digest-only = true\n  prefix = ""\n\n'
                   f'  [[registry.mirror]]\n    location = "{m}"\n\n' for s, m in mirrors)
    hub = hub_objects(reg, mirrors, conf, "http://registry.example.krnl.es:8080/images", (cpns,))
    for o in hub:
        if o["kind"] == "ConfigMap" and o["metadata"]["name"] == "registry-config":
            o["data"] = {"registry.example.krnl.es..5000": CA}
    dump(os.path.join(base, "export", "oc-get-hub.yaml"), [as_list(hub)])
    cp_pull = {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": f"{name}-pull-secret", "namespace": cpns},
               "type": "kubernetes.io/dockerconfigjson", "data": {".dockerconfigjson": b64(PULL)}}
    infraenv = {"apiVersion": "agent-install.openshift.io/v1beta1", "kind": "InfraEnv", "metadata": {"name": name, "namespace": cpns},
                "spec": {"cpuArchitecture": "x86_64", "pullSecretRef": {"name": f"{name}-pull-secret"}, "sshAuthorizedKey": SSH}}
    role = {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "capi-provider-role", "namespace": cpns},
            "rules": [{"apiGroups": ["agent-install.openshift.io"], "resources": ["agents"], "verbs": ["*"]}]}
    hosts = [live(cp_pull, generation=False), live(role, generation=False),
             live(infraenv, finalizers=["infraenv.agent-install.openshift.io/ai-deprovision"], status={"isoDownloadURL": "https://x.invalid/i.iso"})]
    for h, mac in (("worker0", "52:54:00:10:00:00"), ("worker1", "52:54:00:10:00:01")):
        bmh_name = f"{name}-{h}"
        secret = {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": f"{bmh_name}-bmc-secret", "namespace": cpns},
                  "type": "Opaque", "data": {"password": b64(BMC_PASSWORD), "username": b64(BMC_USER)}}
        bmh = {"apiVersion": "metal3.io/v1alpha1", "kind": "BareMetalHost",
               "metadata": {"name": bmh_name, "namespace": cpns, "labels": {"infraenvs.agent-install.openshift.io": name},
                            "annotations": {"inspect.metal3.io": "disabled", "bmac.agent-install.openshift.io/hostname": bmh_name}},
               "spec": {"automatedCleaningMode": "disabled",
                        "bmc": {"address": f"redfish-virtualmedia://192.168.126.1:9000/redfish/v1/Systems/local/{bmh_name}",
                                "credentialsName": f"{bmh_name}-bmc-secret", "disableCertificateVerification": True},
                        "bootMACAddress": mac, "online": True}}
        b = live(bmh, finalizers=["baremetalhost.metal3.io"], status={"provisioning": {"state": "provisioned"}})
        b["spec"]["image"] = {"url": "https://x.invalid/i.iso", "diskFormat": "live-iso"}
        b["spec"]["customDeploy"] = {"method": "start_assisted_install"}
        hosts += [live(secret, generation=False), b]
    dump(os.path.join(base, "export", "oc-get-hosts.yaml"), [as_list(hosts)])


doc_shaped()
hcp_render()
