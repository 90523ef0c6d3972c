-- Argo CD health check for servicelevel.dev/ServiceLevelAgreement.
--
-- Argo CD runs this with the resource as the global `obj` and reads the returned table's `status`
-- (Healthy, Progressing, Degraded, Suspended, Missing, Unknown) and `message`. It must run on
-- Argo's Lua 5.1 (gopher-lua) and on Lua 5.4 (the tests), in Argo's sandbox: no io or os.
--
--   no status yet, or status.observedGeneration < metadata.generation -> Progressing
--   state Invalid (the operator rejected the spec; last rules kept)    -> Degraded
--   condition Ready=False (rules or dashboard could not be applied)    -> Degraded
--   state Compliant                                                    -> Healthy
--   state AtRisk (budget burning too fast, target still met)           -> Healthy, message says AtRisk
--   state Breached (target missed for the period)                      -> Degraded
--   state NoData (the indicators' series are missing)                  -> Degraded
--   no state, Ready=True (applied, not evaluated: no Prometheus yet)   -> Healthy
--   no state, no Ready condition                                       -> Progressing
--   any other state                                                    -> Unknown
local hs = {}

local function fmt(n)
  if type(n) ~= "number" then return tostring(n) end
  return string.format("%.6g", n)
end

local function condition(status, ctype)
  if type(status.conditions) ~= "table" then return nil end
  for _, c in ipairs(status.conditions) do
    if type(c) == "table" and c.type == ctype then return c end
  end
  return nil
end

-- "compliance 99.93%, budget 31.2% left, credit 10%": the figures the status has.
local function figures(status)
  local parts = {}
  if status.compliance ~= nil then table.insert(parts, "compliance " .. fmt(status.compliance) .. "%") end
  if status.budgetRemaining ~= nil then table.insert(parts, "error budget " .. fmt(status.budgetRemaining) .. "% left") end
  if status.credit ~= nil and type(status.credit) == "number" and status.credit > 0 then
    table.insert(parts, "credit owed " .. fmt(status.credit) .. "%")
  end
  return table.concat(parts, ", ")
end

-- The objectives in a given state, e.g. "availability, latency".
local function objectivesIn(status, state)
  local names = {}
  if type(status.objectives) == "table" then
    for _, o in ipairs(status.objectives) do
      if type(o) == "table" and o.state == state and o.name ~= nil then table.insert(names, tostring(o.name)) end
    end
  end
  return table.concat(names, ", ")
end

local function join(head, ...)
  local out = head
  for _, part in ipairs({ ... }) do
    if part ~= nil and part ~= "" then out = out .. "; " .. part end
  end
  return out
end

local function conditionMessage(status, ctype)
  local c = condition(status, ctype)
  if c ~= nil and c.message ~= nil and c.message ~= "" then return tostring(c.message) end
  return nil
end

local status = obj.status
local generation = obj.metadata ~= nil and obj.metadata.generation or nil

if type(status) ~= "table" or status.observedGeneration == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to reconcile the agreement"
  return hs
end

if generation ~= nil and status.observedGeneration < generation then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to reconcile generation " .. fmt(generation) ..
    " (status describes " .. fmt(status.observedGeneration) .. ")"
  return hs
end

local state = status.state
local ready = condition(status, "Ready")

if state == "Invalid" then
  hs.status = "Degraded"
  hs.message = join("Invalid", conditionMessage(status, "Valid") or conditionMessage(status, "Ready"))
elseif ready ~= nil and ready.status == "False" then
  -- Valid, but the rules or the dashboard could not be applied (e.g. the PrometheusRule CRD is missing).
  hs.status = "Degraded"
  hs.message = join(tostring(ready.reason or "NotReady"), conditionMessage(status, "Ready"))
elseif state == "Compliant" then
  hs.status = "Healthy"
  hs.message = join("Compliant", figures(status))
elseif state == "AtRisk" then
  -- Still within the target: Healthy, so syncs and sync waves go on; the message says what burns.
  local burning = objectivesIn(status, "AtRisk")
  hs.status = "Healthy"
  hs.message = join("AtRisk", burning ~= "" and ("burning error budget: " .. burning) or nil, figures(status))
elseif state == "Breached" then
  local missed = objectivesIn(status, "Breached")
  hs.status = "Degraded"
  hs.message = join("Breached", missed ~= "" and ("target missed: " .. missed) or nil, figures(status))
elseif state == "NoData" then
  hs.status = "Degraded"
  hs.message = join("NoData", conditionMessage(status, "MetricsAvailable") or "the indicators return no data")
elseif state == nil or state == "" then
  -- Rules and dashboard applied, not measured (yet): no Prometheus configured, or no evaluation so far.
  if ready ~= nil and ready.status == "True" then
    hs.status = "Healthy"
    hs.message = join("Rules applied, not evaluated yet", conditionMessage(status, "MetricsAvailable"))
  else
    hs.status = "Progressing"
    hs.message = "Waiting for the operator to apply the rules"
  end
else
  hs.status = "Unknown"
  hs.message = "Unknown state " .. tostring(state)
end
return hs
