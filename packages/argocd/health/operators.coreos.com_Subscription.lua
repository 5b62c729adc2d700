-- Argo CD health check for operators.coreos.com/Subscription. It replaces Argo CD's built-in check
-- (resource_customizations/operators.coreos.com/Subscription/health.lua), whose versions differ: the one
-- in Argo CD 2.14 ignores status.state and calls a Subscription Healthy while its install plan has not
-- even been created, so the operator's custom resources of the next wave fail for want of their CRDs;
-- all versions call CatalogSourcesUnhealthy=True Degraded, although OLM sets it for any catalog in the
-- Subscription's namespace or in openshift-marketplace that is not serving yet (operator-framework/
-- operator-lifecycle-manager pkg/controller/operators/catalog/subscription/reconciler.go catalogHealth).
-- States from OLM's catalog operator (docs/health-conditions.md):
-- Healthy: state AtLatestKnown (the install plan created the CSV; the operator's CRDs exist).
-- Degraded: InstallPlanFailed=True, ResolutionFailed=True with reason ConstraintsNotSatisfiable (no bundle
-- of that package/channel in the catalog), InstallPlanMissing=True (the referenced plan was deleted),
-- state UpgradeFailed. Each needs a change of the Subscription or the catalog.
-- Progressing: no status or state yet, UpgradePending/UpgradeAvailable, an install plan pending (also one
-- waiting for manual approval), CatalogSourcesUnhealthy=True (named in the message), a resolution that
-- failed for another reason (OLM retries).
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

local function isTrue(c)
  return c ~= nil and c.status == "True"
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

-- The catalogs OLM reports unhealthy (status.catalogHealth), as namespace/name.
local function unhealthyCatalogs()
  local names = {}
  if obj.status ~= nil and obj.status.catalogHealth ~= nil then
    for _, h in ipairs(obj.status.catalogHealth) do
      if h.healthy ~= true and h.catalogSourceRef ~= nil then
        table.insert(names, tostring(h.catalogSourceRef.namespace) .. "/" .. tostring(h.catalogSourceRef.name))
      end
    end
  end
  return table.concat(names, ", ")
end

local state = ""
if obj.status ~= nil and obj.status.state ~= nil then
  state = obj.status.state
end

local failed = condition("InstallPlanFailed")
if isTrue(failed) then
  hs.status = "Degraded"
  hs.message = describe(failed)
  return hs
end
local resolution = condition("ResolutionFailed")
if isTrue(resolution) and resolution.reason == "ConstraintsNotSatisfiable" then
  hs.status = "Degraded"
  hs.message = describe(resolution)
  return hs
end
local missing = condition("InstallPlanMissing")
if isTrue(missing) and missing.reason ~= "ReferencedInstallPlanNotFound" then
  hs.status = "Degraded"
  hs.message = describe(missing)
  return hs
end
if state == "UpgradeFailed" then
  hs.status = "Degraded"
  hs.message = "Upgrade failed (state UpgradeFailed)"
  return hs
end

local catalogs = condition("CatalogSourcesUnhealthy")
if state == "AtLatestKnown" then
  hs.status = "Healthy"
  hs.message = "Installed " .. tostring(obj.status.installedCSV or obj.status.currentCSV)
  if isTrue(catalogs) then
    hs.message = hs.message .. "; unhealthy catalogs: " .. unhealthyCatalogs()
  end
  return hs
end

hs.status = "Progressing"
local pending = condition("InstallPlanPending")
if isTrue(catalogs) then
  hs.message = "Waiting for catalogs to serve: " .. unhealthyCatalogs()
elseif isTrue(resolution) then
  hs.message = describe(resolution)
elseif isTrue(pending) then
  hs.message = describe(pending)
elseif state ~= "" then
  hs.message = "Install plan running (state " .. state .. ")"
else
  hs.message = "Waiting for OLM to resolve the subscription"
end
return hs
