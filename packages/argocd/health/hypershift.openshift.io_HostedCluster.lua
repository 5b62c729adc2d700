-- Argo CD health check for hypershift.openshift.io/HostedCluster, from the conditions the HyperShift
-- operator writes (openshift/hypershift hypershift-operator/controllers/hostedcluster/hostedcluster_controller.go
-- and control-plane-operator/controllers/hostedcontrolplane/hostedcontrolplane_controller.go @ 3ee96155;
-- every state is listed in docs/health-conditions.md).
-- Healthy: Available=True, i.e. the hosted control plane serves, and no control-plane Deployment is
-- short of replicas. The version rollout is only reported in the message: its history says Completed only
-- once worker nodes run ingress and the console, and workers come from NodePools and BareMetalHosts of
-- later sync waves, so waiting for it here would stop a first sync forever.
-- Progressing: no status yet, control plane coming up (Available False with the HCP's reason), and
-- Degraded=True with reason UnavailableReplicas: the HCP sets it whenever a control-plane Deployment has
-- unavailable replicas, which every first rollout and every upgrade passes through (not a fault).
-- Degraded: a validation condition that needs a change of input is False, Progressing=False with reason
-- Blocked (release lookup or upgrade blocked), or Degraded=True with any other reason.
-- Suspended: ReconciliationActive=False (spec.pausedUntil).
local hs = {}

local function condition(conditionType)
  if obj.status == nil or obj.status.conditions == nil then
    return nil
  end
  for _, c in ipairs(obj.status.conditions) do
    if c.type == conditionType then
      return c
    end
  end
  return nil
end

local function describe(c)
  local text = c.type .. "=" .. tostring(c.status)
  if c.reason ~= nil and c.reason ~= "" then
    text = text .. " (" .. c.reason .. ")"
  end
  if c.message ~= nil and c.message ~= "" then
    text = text .. ": " .. c.message
  end
  return text
end

if obj.status == nil or obj.status.conditions == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the HyperShift operator to report status"
  return hs
end

local paused = condition("ReconciliationActive")
if paused ~= nil and paused.status == "False" then
  hs.status = "Suspended"
  hs.message = describe(paused)
  return hs
end

-- These do not resolve without a change to the HostedCluster (or its release image).
for _, t in ipairs({"ValidConfiguration", "ValidReleaseImage", "ValidHostedControlPlaneConfiguration", "SupportedHostedCluster"}) do
  local c = condition(t)
  if c ~= nil and c.status == "False" then
    hs.status = "Degraded"
    hs.message = describe(c)
    return hs
  end
end

local progressing = condition("Progressing")
if progressing ~= nil and progressing.status == "False" and progressing.reason == "Blocked" then
  hs.status = "Degraded"
  hs.message = describe(progressing)
  return hs
end

local degraded = condition("Degraded")
local rollingOut = nil
if degraded ~= nil and degraded.status == "True" then
  if degraded.reason ~= "UnavailableReplicas" then
    hs.status = "Degraded"
    hs.message = describe(degraded)
    return hs
  end
  rollingOut = degraded
end

local available = condition("Available")
if available == nil or available.status ~= "True" then
  hs.status = "Progressing"
  if available ~= nil then
    hs.message = describe(available)
    if rollingOut ~= nil then
      hs.message = hs.message .. "; " .. describe(rollingOut)
    end
  else
    hs.message = "Waiting for the Available condition"
  end
  return hs
end

if rollingOut ~= nil then
  hs.status = "Progressing"
  hs.message = "Control plane available; rolling out: " .. describe(rollingOut)
  return hs
end

hs.status = "Healthy"
local latest = nil
if obj.status.version ~= nil and obj.status.version.history ~= nil then
  latest = obj.status.version.history[1]
end
if latest == nil then
  hs.message = "Control plane available; no version reported yet"
elseif latest.state ~= "Completed" then
  hs.message = "Control plane available; rolling out version " .. tostring(latest.version) .. " (" .. tostring(latest.state) .. ")"
else
  hs.message = "Control plane available at version " .. tostring(latest.version)
end
return hs
