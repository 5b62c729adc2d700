-- Argo CD health check for agent-install.openshift.io/AgentServiceConfig.
-- Healthy: ReconcileCompleted=True and DeploymentsHealthy=True.
-- Degraded: ReconcileCompleted=False; the reason names what failed (StorageFailure,
-- ConfigFailure, DeploymentFailure, ...), typically a missing storage class or a bad spec.
-- Progressing: no status yet, or the assisted-service deployments are still rolling out.
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

local reconciled = condition("ReconcileCompleted")
if reconciled == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the infrastructure operator to reconcile"
  return hs
end
if reconciled.status == "False" then
  hs.status = "Degraded"
  hs.message = describe(reconciled)
  return hs
end

local deployments = condition("DeploymentsHealthy")
if reconciled.status ~= "True" or deployments == nil or deployments.status ~= "True" then
  hs.status = "Progressing"
  if deployments ~= nil then
    hs.message = describe(deployments)
  else
    hs.message = describe(reconciled) .. "; waiting for DeploymentsHealthy"
  end
  return hs
end

hs.status = "Healthy"
hs.message = "Assisted service and image service deployed"
return hs
