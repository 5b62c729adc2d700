-- Argo CD health check for lvm.topolvm.io/LVMCluster (LVMS: the volume groups and the StorageClasses
-- lvms-<deviceClass> that assisted-service's and etcd's volumes bind to).
-- The LVMS operator computes status.state from its two conditions, ResourcesAvailable and VolumeGroupsReady
-- (openshift/lvm-operator @ de3cc31a api/v1alpha1/lvmcluster_types.go LVMStateType, LVMClusterStatus;
-- internal/controllers/lvmcluster/status.go computeLVMClusterReadiness, translateReasonToState):
--   Ready -> Healthy (the operator sets status.ready with it);
--   Failed (VGsFailed) or Degraded (VGsDegraded: created, but not with the given config) -> Degraded;
--   Progressing, Unknown, or no status yet -> Progressing.
-- Argo CD ships no check for this kind; without one the LVMCluster would count as Healthy at once, and the
-- AgentServiceConfig of the next wave would wait on volumes that cannot bind yet.
local hs = {}

local function describe(c)
  local text = c.type
  if c.reason ~= nil and c.reason ~= "" then
    text = text .. " (" .. c.reason .. ")"
  end
  if c.message ~= nil and c.message ~= "" then
    text = text .. ": " .. c.message
  end
  return text
end

-- the first condition that is not True: what the operator still waits for, or what failed
local function pending()
  if obj.status == nil or obj.status.conditions == nil then
    return nil
  end
  for _, c in ipairs(obj.status.conditions) do
    if c.status ~= "True" then
      return c
    end
  end
  return nil
end

local state = nil
if obj.status ~= nil then
  state = obj.status.state
end

if state == "Ready" then
  hs.status = "Healthy"
  hs.message = "LVMCluster is Ready: its volume groups exist and its storage classes provision"
  return hs
end

local c = pending()
if state == "Failed" or state == "Degraded" then
  hs.status = "Degraded"
  hs.message = "LVMCluster is " .. state
  if c ~= nil then
    hs.message = hs.message .. ": " .. describe(c)
  end
  return hs
end

hs.status = "Progressing"
if c ~= nil then
  hs.message = describe(c)
elseif state ~= nil and state ~= "" then
  hs.message = "LVMCluster is " .. state
else
  hs.message = "Waiting for the LVMS operator to reconcile the LVMCluster"
end
return hs
