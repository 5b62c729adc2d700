-- Argo CD health check for operators.coreos.com/CatalogSource (Argo CD ships one for Subscription, none
-- for CatalogSource). Without it a CatalogSource counts as Healthy as soon as it exists, and the
-- Subscriptions of the next wave first report CatalogSourcesUnhealthy, which Argo CD's own Subscription
-- check calls Degraded.
-- Healthy: status.connectionState.lastObservedState is READY (the registry pod serves the mirrored index).
-- Degraded: status.reason is set (operator-framework/api pkg/operators/v1alpha1/catalogsource_types.go:
-- SpecInvalidError, ConfigMapError, RegistryServerError, InvalidIntervalError).
-- Progressing: no state yet, or CONNECTING, IDLE or TRANSIENT_FAILURE while the registry pod pulls the
-- index image and starts.
local hs = {}

if obj.status ~= nil and obj.status.reason ~= nil and obj.status.reason ~= "" then
  hs.status = "Degraded"
  hs.message = obj.status.reason
  if obj.status.message ~= nil and obj.status.message ~= "" then
    hs.message = hs.message .. ": " .. obj.status.message
  end
  return hs
end

local state = nil
if obj.status ~= nil and obj.status.connectionState ~= nil then
  state = obj.status.connectionState.lastObservedState
end

if state == "READY" then
  hs.status = "Healthy"
  hs.message = "The catalog's registry server is ready"
  return hs
end

hs.status = "Progressing"
if state == nil or state == "" then
  hs.message = "Waiting for OLM to start the catalog's registry server"
else
  hs.message = "Registry server connection is " .. state .. " (the index image may still be pulling)"
end
return hs
