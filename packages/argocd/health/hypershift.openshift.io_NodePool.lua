-- Argo CD health check for hypershift.openshift.io/NodePool, from the conditions the HyperShift operator
-- writes (openshift/hypershift api/hypershift/v1beta1/nodepool_conditions.go and
-- hypershift-operator/controllers/nodepool @ 3ee96155; docs/health-conditions.md).
-- Suspended: ReconciliationActive=False (spec.pausedUntil).
-- Healthy: Ready=True, no version/config update running and status.replicas >= spec.replicas.
-- Degraded: a validation condition that needs a change of input is False.
-- Progressing: everything else; on the Agent platform a pool waits here until enough
-- Agents have been bound, booted and joined, so AllMachinesReady=False is not an error.
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

-- These do not resolve without a change to the NodePool.
for _, t in ipairs({"ValidReleaseImage", "ValidMachineConfig", "ValidTuningConfig", "UpdateManagementEnabled", "AutoscalingEnabled", "SupportedVersionSkew"}) do
  local c = condition(t)
  if c ~= nil and c.status == "False" then
    hs.status = "Degraded"
    hs.message = describe(c)
    return hs
  end
end

for _, t in ipairs({"UpdatingVersion", "UpdatingConfig"}) do
  local c = condition(t)
  if c ~= nil and c.status == "True" then
    hs.status = "Progressing"
    hs.message = describe(c)
    return hs
  end
end

local current = obj.status.replicas or 0
local wanted = nil
if obj.spec ~= nil then
  wanted = obj.spec.replicas
end
local counts = tostring(current) .. " nodes (autoscaled)"
if wanted ~= nil then
  counts = tostring(current) .. "/" .. tostring(wanted) .. " nodes"
end

local ready = condition("Ready")
if ready == nil or ready.status ~= "True" then
  hs.status = "Progressing"
  local machines = condition("AllMachinesReady")
  if machines ~= nil and machines.status ~= "True" then
    hs.message = counts .. "; " .. describe(machines)
  elseif ready ~= nil then
    hs.message = counts .. "; " .. describe(ready)
  else
    hs.message = counts .. "; waiting for the Ready condition"
  end
  return hs
end

if wanted ~= nil and current < wanted then
  hs.status = "Progressing"
  hs.message = "Scaling: " .. counts
  return hs
end

hs.status = "Healthy"
hs.message = counts .. " ready"
if obj.status.version ~= nil then
  hs.message = hs.message .. " at version " .. obj.status.version
end
return hs
