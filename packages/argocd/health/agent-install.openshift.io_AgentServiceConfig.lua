-- Argo CD health check for agent-install.openshift.io/AgentServiceConfig, from the conditions the
-- infrastructure operator writes (openshift/assisted-service
-- internal/controller/controllers/agentserviceconfig_controller.go @ 063b2579; docs/health-conditions.md).
-- Healthy: ReconcileCompleted=True and DeploymentsHealthy=True.
-- Degraded: ReconcileCompleted=False for a reason that only a change of the AgentServiceConfig resolves
-- (StorageFailure: storage below the minimum; ImmutableAnnotationFailure; OSImage*Failure; on plain
-- Kubernetes KubernetesIngressMissing, CertificateFailure).
-- Progressing: no status yet; ReconcileCompleted=False for another reason (the operator failed to create
-- or update one of its objects and retries); DeploymentsHealthy not True (assisted-service or the image
-- service still rolling out, reasons DeploymentFailure and MonitoringFailure). A Deployment that never
-- becomes available is usually storage: its PersistentVolumeClaims wait for their StorageClass, so the
-- message names the StorageClasses the spec asks for.
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

-- The StorageClasses the spec's PersistentVolumeClaims ask for ("default" when none is named).
local function storageClasses()
  local names = {}
  local seen = {}
  for _, field in ipairs({"databaseStorage", "filesystemStorage", "imageStorage"}) do
    local claim = obj.spec ~= nil and obj.spec[field] or nil
    if claim ~= nil then
      local name = claim.storageClassName
      if name == nil or name == "" then
        name = "(default)"
      end
      if not seen[name] then
        seen[name] = true
        table.insert(names, name)
      end
    end
  end
  return names
end

local needsChange = {
  StorageFailure = true, ImmutableAnnotationFailure = true, OSImageCACertRefFailure = true,
  OSImagesShouldBeEmptyFailure = true, OSImageAdditionalParamsRefFailure = true,
  KubernetesIngressMissing = true, CertificateFailure = true
}

local reconciled = condition("ReconcileCompleted")
if reconciled == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the infrastructure operator to reconcile"
  return hs
end
if reconciled.status == "False" and needsChange[reconciled.reason] then
  hs.status = "Degraded"
  hs.message = describe(reconciled)
  return hs
end
if reconciled.status ~= "True" then
  hs.status = "Progressing"
  hs.message = describe(reconciled) .. " (retrying)"
  return hs
end

local deployments = condition("DeploymentsHealthy")
if deployments == nil or deployments.status ~= "True" then
  hs.status = "Progressing"
  if deployments ~= nil then
    hs.message = describe(deployments)
  else
    hs.message = describe(reconciled) .. "; waiting for DeploymentsHealthy"
  end
  local classes = storageClasses()
  if #classes > 0 then
    hs.message = hs.message .. "; its volumes need StorageClass " .. table.concat(classes, ", ")
  end
  return hs
end

hs.status = "Healthy"
hs.message = "Assisted service and image service deployed"
return hs
