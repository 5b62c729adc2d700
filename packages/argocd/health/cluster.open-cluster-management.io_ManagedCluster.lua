-- Argo CD health check for cluster.open-cluster-management.io/ManagedCluster (a hosted cluster registered with
-- ACM from Git). Conditions as open-cluster-management-io/api cluster/v1/types.go names them:
-- HubDeniedManagedCluster=True -> Degraded (the hub refuses the cluster).
-- ManagedClusterConditionAvailable=True -> Healthy (the klusterlet runs and renews its lease).
-- ManagedClusterConditionAvailable=False -> Degraded (the registration agent reports the cluster unhealthy).
-- Anything else (no status, not yet accepted or joined, Available Unknown) -> Progressing.
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
  hs.message = "Waiting for the hub to accept the cluster"
  return hs
end

local denied = condition("HubDeniedManagedCluster")
if denied ~= nil and denied.status == "True" then
  hs.status = "Degraded"
  hs.message = describe(denied)
  return hs
end

local available = condition("ManagedClusterConditionAvailable")
if available ~= nil and available.status == "True" then
  hs.status = "Healthy"
  hs.message = "The cluster's klusterlet is available"
  return hs
end
if available ~= nil and available.status == "False" then
  hs.status = "Degraded"
  hs.message = describe(available)
  return hs
end

hs.status = "Progressing"
local joined = condition("ManagedClusterJoined")
local accepted = condition("HubAcceptedManagedCluster")
if available ~= nil then
  hs.message = describe(available)
elseif joined ~= nil then
  hs.message = describe(joined)
elseif accepted ~= nil and accepted.status == "True" then
  hs.message = "Accepted by the hub; waiting for the hosted klusterlet to join"
else
  hs.message = "Waiting for the hub to accept the cluster"
end
return hs
