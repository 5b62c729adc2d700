-- Argo CD health check for metal3.io/BareMetalHost.
-- Degraded: status.operationalStatus is "error" (message: errorType and errorMessage).
-- Healthy: provisioned (on the Agent platform: booted from the InfraEnv's discovery ISO)
-- or externally provisioned with operationalStatus OK, or detached (handed over to its
-- Agent after installation).
-- Progressing: no status yet, or any other state (registering, inspecting, preparing,
-- available and waiting for the discovery ISO, provisioning, deprovisioning, ...).
local hs = {}

if obj.status == nil or obj.status.provisioning == nil or obj.status.provisioning.state == nil
    or obj.status.provisioning.state == "" then
  hs.status = "Progressing"
  hs.message = "Waiting for the bare metal operator to register the host"
  return hs
end

local state = obj.status.provisioning.state
local operational = obj.status.operationalStatus or ""

if operational == "error" then
  hs.status = "Degraded"
  local errorType = obj.status.errorType
  if errorType == nil or errorType == "" then
    errorType = "error"
  end
  hs.message = errorType .. " in state " .. state
  if obj.status.errorMessage ~= nil and obj.status.errorMessage ~= "" then
    hs.message = hs.message .. ": " .. obj.status.errorMessage
  end
  return hs
end

if operational == "detached" then
  hs.status = "Healthy"
  hs.message = "Detached in state " .. state .. " (managed through its Agent)"
  return hs
end

if (state == "provisioned" or state == "externally provisioned") and operational == "OK" then
  hs.status = "Healthy"
  hs.message = "Host " .. state
  return hs
end

hs.status = "Progressing"
if state == "available" or state == "ready" then
  hs.message = "Host available, waiting for the discovery image"
elseif operational ~= "" and operational ~= "OK" then
  hs.message = "Host " .. state .. " (" .. operational .. ")"
else
  hs.message = "Host " .. state
end
return hs
