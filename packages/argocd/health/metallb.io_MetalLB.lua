-- Argo CD health check for metallb.io/MetalLB (the CR the MetalLB operator deploys MetalLB from).
-- The operator writes four conditions, exactly one of them True (metallb/metallb-operator
-- pkg/status/status.go): Available -> Healthy; Degraded -> Degraded (its reason says why, such as
-- IncorrectMetalLBResourceName for a CR not named "metallb"); Progressing, or no conditions yet -> Progressing.
-- Argo CD ships no check for this kind, and without one the CR would count as Healthy at once, before
-- the speakers that announce the API server addresses run.
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
  if c.reason ~= nil and c.reason ~= "" and c.reason ~= c.type then
    text = text .. " (" .. c.reason .. ")"
  end
  if c.message ~= nil and c.message ~= "" then
    text = text .. ": " .. c.message
  end
  return text
end

local degraded = condition("Degraded")
if degraded ~= nil and degraded.status == "True" then
  hs.status = "Degraded"
  hs.message = describe(degraded)
  return hs
end

local available = condition("Available")
if available ~= nil and available.status == "True" then
  hs.status = "Healthy"
  hs.message = "MetalLB is available"
  return hs
end

local progressing = condition("Progressing")
hs.status = "Progressing"
if progressing ~= nil and progressing.status == "True" then
  hs.message = describe(progressing)
else
  hs.message = "Waiting for the MetalLB operator to deploy the controller and speakers"
end
return hs
