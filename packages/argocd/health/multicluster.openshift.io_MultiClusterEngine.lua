-- Argo CD health check for multicluster.openshift.io/MultiClusterEngine.
-- Follows status.phase: Available -> Healthy; Error or Unimplemented -> Degraded;
-- Paused -> Suspended (installer.multicluster.openshift.io/pause stops reconciliation on purpose);
-- Progressing, Updating, Uninstalling, no phase yet -> Progressing.
-- A Failure or ComponentFailure condition that is True also reports Degraded.
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
  local text = c.type
  if c.reason ~= nil and c.reason ~= "" then
    text = text .. " (" .. c.reason .. ")"
  end
  if c.message ~= nil and c.message ~= "" then
    text = text .. ": " .. c.message
  end
  return text
end

-- Names of components the operator does not report Available yet, for the message.
local function pendingComponents()
  local names = {}
  if obj.status.components ~= nil then
    for _, c in ipairs(obj.status.components) do
      if c.status ~= "True" and c.name ~= nil then
        table.insert(names, c.name)
      end
    end
  end
  return names
end

if obj.status == nil or obj.status.phase == nil or obj.status.phase == "" then
  hs.status = "Progressing"
  hs.message = "Waiting for the multicluster engine operator to report a phase"
  return hs
end

local phase = obj.status.phase
for _, t in ipairs({"Failure", "ComponentFailure"}) do
  local c = condition(t)
  if c ~= nil and c.status == "True" then
    hs.status = "Degraded"
    hs.message = "Phase " .. phase .. "; " .. describe(c)
    return hs
  end
end

if phase == "Available" then
  hs.status = "Healthy"
  hs.message = "Available"
  if obj.status.currentVersion ~= nil then
    hs.message = hs.message .. " at version " .. obj.status.currentVersion
  end
  return hs
end

if phase == "Error" or phase == "Unimplemented" then
  hs.status = "Degraded"
  local c = condition("Progressing") or condition("Available")
  if c ~= nil then
    hs.message = "Phase " .. phase .. "; " .. describe(c)
  else
    hs.message = "Phase " .. phase
  end
  return hs
end

if phase == "Paused" then
  hs.status = "Suspended"
  hs.message = "Reconciliation paused by annotation"
  return hs
end

hs.status = "Progressing"
hs.message = "Phase " .. phase
if obj.status.desiredVersion ~= nil then
  hs.message = hs.message .. " towards version " .. obj.status.desiredVersion
end
local pending = pendingComponents()
if #pending > 0 then
  hs.message = hs.message .. "; waiting for " .. table.concat(pending, ", ")
end
return hs
