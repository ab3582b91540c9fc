-- wrk script for meterdesk-cli serve. MD_KIND=results: openVResult with a unique commandSeq per request
-- (re-deliveries would be stored once, so every body differs); MD_KIND=readings: meterDataUp with 24
-- hourly readings for (meter, day) unique per request. Headers from the run's timestamp (MD_TS,
-- MD_TOKEN, MD_AUTH). MD_ACK_LOG=prefix: log every acknowledged (meterNo, first dataTime) per thread,
-- for the kill -9 check (run with one connection per thread so a response belongs to the last request).
local counter = 0
local threads = 0
local kind = os.getenv("MD_KIND") or "results"
local prefix = os.getenv("MD_PREFIX") or "/rest/v1/bussinessPlatform"
local meters = tonumber(os.getenv("MD_METERS") or "1000")
local firstMeter = tonumber(os.getenv("MD_FIRST_METER") or "40000001")
local dayBase = tonumber(os.getenv("MD_DAY_BASE") or "0")
local ackLog = os.getenv("MD_ACK_LOG")
-- Reading times are platform wall-clock text, built as seconds since 1970-01-01 00:00:00 on the
-- platform's calendar: the desk interprets them in its configured zone, so no offset belongs here.
local base = 1735689600 -- 2025-01-01 00:00:00 (wall clock)

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json;charset=utf-8"
wrk.headers["timestamp"] = os.getenv("MD_TS")
wrk.headers["AccessToken"] = os.getenv("MD_TOKEN")
wrk.headers["Authorization"] = os.getenv("MD_AUTH")

local function wallclock(seconds)
  return os.date("!%Y-%m-%d %H:%M:%S", seconds)
end

local last = nil
local log = nil

function init(args)
  if ackLog then
    log = io.open(ackLog .. "." .. tostring(tid), "a")
  end
end

function request()
  counter = counter + 1
  local id = tid or 1
  if kind == "results" then
    local seq = string.format("%02d%018d", id, counter)
    local meter = firstMeter + (counter % meters)
    local body = '{"meterNo":"' .. meter .. '","factoryCode":"QC","meterType":"01","commandSeq":"' .. seq .. '","resultCode":"00"}'
    return wrk.format(nil, prefix .. "/openVResult", nil, body)
  end
  -- readings: thread id picks the day block, counter walks meters then days
  local meter = firstMeter + (counter % meters)
  local day = dayBase + id * 2000 + math.floor(counter / meters)
  local start = base + day * 86400
  local parts = {}
  for h = 0, 23 do
    parts[#parts + 1] = '{"dataTime":"' .. wallclock(start + h * 3600) .. '","readingNum":"' .. (1000 + counter) .. '.' ..
      string.format("%03d", h) .. '","meterBalanceAmt":"88.5000"}'
  end
  local body = '{"meterNo":"' .. meter .. '","factoryCode":"QC","meterType":"01","meterTime":"' .. wallclock(start + 86400) ..
    '","valveStatus":"0","meterReadingDetails":[' .. table.concat(parts, ",") .. ']}'
  last = meter .. "," .. wallclock(start)
  return wrk.format(nil, prefix .. "/meterDataUp", nil, body)
end

if ackLog then
  function response(status, headers, body)
    if status == 200 and last and string.find(body, '"0000"', 1, true) then
      log:write(last, "\n")
      log:flush()
    end
  end
end
