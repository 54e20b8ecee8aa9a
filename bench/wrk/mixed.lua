-- The mixed run: public reads with BENCH_TIP_PERCENT % tip submissions among them, paced to
-- BENCH_RATE requests/s in total (0: as fast as possible, used to find the read maximum).
--
-- wrk (unlike wrk2, which Debian does not package) has no constant-rate mode; this script paces
-- with wrk's delay() hook: each thread keeps a schedule of one request every 1/(rate/threads) s
-- and delays each connection's next request until its slot. Latency is measured by wrk from the
-- moment a request is written, so this is a closed loop: if the service stalls, requests wait
-- instead of queueing up (coordinated omission), and p99 under a stall is understated. With
-- many connections, mostly idle at this rate, that effect is small.
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_usec; } bench_timeval;
int gettimeofday(bench_timeval *tv, void *tz);
]]
local tv = ffi.new("bench_timeval")
local function now_ms()
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) * 1000 + tonumber(tv.tv_usec) / 1000
end

local rate = tonumber(os.getenv("BENCH_RATE") or "0")
local nthreads = tonumber(os.getenv("BENCH_THREADS") or "1")
local tip_percent = tonumber(os.getenv("BENCH_TIP_PERCENT") or "5")
local tips = require "bench.wrk.tips"

local tip_body = [[{"category":"human-trafficking","narrative":"Có người tuyển lao động sang Campuchia, hứa việc nhẹ lương cao, thu hộ chiếu của người đi.","inDangerNow":true,"identifiers":[{"type":"phone","value":"0987 654 321"}],"lang":"vi"}]]

-- The read mix, by weight: article lists, single articles (varied slugs), checklists, events,
-- Atom and iCalendar feeds. No If-None-Match: every read is a full answer.
local reads = {}
local function add(weight, make) for i = 1, weight do table.insert(reads, make) end end
add(20, function() return "/api/v1/articles?lang=vi&limit=20" end)
add(5, function() return "/api/v1/articles?lang=en&limit=20" end)
add(35, function() return string.format("/api/v1/articles/bai-%d-%s", math.random(0, 499), math.random() < 0.7 and "vi" or "en") end)
add(15, function() return string.format("/api/v1/checklists/kiem-tra-%d-vi", math.random(0, 24)) end)
add(10, function() return "/api/v1/events?lang=vi" end)
add(8, function() return "/feeds/articles.atom?lang=vi" end)
add(7, function() return "/api/v1/events.ics?lang=vi" end)

setup = tips.setup

local counter = 0

function init(args)
  math.randomseed(tid * 7919)
end

function request()
  counter = counter + 1
  if math.random() * 100 < tip_percent then
    return wrk.format("POST", "/api/v1/tips", {
      ["Content-Type"] = "application/json",
      ["Idempotency-Key"] = string.format("mixed-%s-%d-%d", tips.run, tid, counter)
    }, tip_body)
  end
  return wrk.format("GET", reads[math.random(#reads)]())
end

-- a read answers 200; every other answer is a tip's (201) or counts as other
function response(status, headers, body)
  if status ~= 200 then tips.record(status, body) end
end

if rate > 0 then
  local interval = 1000 * nthreads / rate
  local next_at = nil
  function delay()
    local now = now_ms()
    if next_at == nil then next_at = now end
    next_at = next_at + interval
    local wait = next_at - now
    if wait < 0 then
      -- behind schedule (all connections were busy): send now, but catch up at most 1 s
      if wait < -1000 then next_at = now end
      return 0
    end
    return wait
  end
end

function done(summary, latency, requests)
  tips.report()
end
