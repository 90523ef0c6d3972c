-- Runs deploy/gitops/argocd/health.lua the way Argo CD does, for each case of a cases file.
--
--   lua5.4 health-driver.lua HEALTH_LUA CASES_LUA
--
-- CASES_LUA returns a list of {name = ..., obj = {...}}. Each case runs the script in a fresh
-- environment holding only `obj` and the base library subset Argo CD's sandbox offers (no io, os,
-- require, load or dofile), so a script that reaches for anything else fails here as it would there.
-- Prints one line per case: name, status and message separated by tabs (tabs and newlines in the
-- message become spaces).
local health_path, cases_path = arg[1], arg[2]
local source = assert(io.open(health_path, "r")):read("a")
local cases = dofile(cases_path)

local function sandbox(obj)
  return {
    obj = obj,
    assert = assert, error = error, ipairs = ipairs, next = next, pairs = pairs, pcall = pcall,
    select = select, tonumber = tonumber, tostring = tostring, type = type, unpack = table.unpack,
    string = string, table = table, math = math,
  }
end

local failed = false
for _, case in ipairs(cases) do
  local chunk, err = load(source, "=health.lua", "t", sandbox(case.obj))
  if not chunk then error("health.lua does not load: " .. err) end
  local ok, hs = pcall(chunk)
  if not ok then
    print(case.name .. "\tERROR\t" .. tostring(hs):gsub("[\t\n]", " "))
    failed = true
  elseif type(hs) ~= "table" then
    print(case.name .. "\tERROR\thealth.lua returned " .. type(hs))
    failed = true
  else
    local message = tostring(hs.message or ""):gsub("[\t\n]", " ")
    print(case.name .. "\t" .. tostring(hs.status) .. "\t" .. message)
  end
end
os.exit(failed and 1 or 0)
