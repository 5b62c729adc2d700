-- Argo CD health check for agent-install.openshift.io/InfraEnv.
-- Healthy: ImageCreated=True (the discovery ISO can be served to the BareMetalHosts).
-- Degraded: ImageCreated=False with reason ImageCreationError (e.g. a missing pull secret
-- or an OS image the AgentServiceConfig does not list).
-- Progressing: no status yet, or ImageCreated is Unknown or False for another reason.
local hs = {}

local created = nil
if obj.status ~= nil and obj.status.conditions ~= nil then
  for _, c in ipairs(obj.status.conditions) do
    if c.type == "ImageCreated" then
      created = c
    end
  end
end

if created == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the discovery image to be created"
  return hs
end

local message = created.message
if message == nil or message == "" then
  message = "ImageCreated=" .. tostring(created.status)
end

if created.status == "True" then
  hs.status = "Healthy"
elseif created.status == "False" and created.reason == "ImageCreationError" then
  hs.status = "Degraded"
else
  hs.status = "Progressing"
end
hs.message = message
return hs
