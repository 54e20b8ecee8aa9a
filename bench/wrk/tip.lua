-- Tip submissions, each with its own Idempotency-Key (as a phone makes one per tip), counting the
-- 201s so that the bench can check that every accepted tip is in the database.
local tips = require "bench.wrk.tips"
local counter = 0
setup = tips.setup

-- the tip of bench/wrk/tip.json, which bench/run also sends once as the fair baseline's model
local f = assert(io.open("bench/wrk/tip.json", "r"))
local body = f:read("*a")
f:close()

function init(args)
  wrk.method = "POST"
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  -- unique per run, thread and request
  wrk.headers["Idempotency-Key"] = string.format("bench-%s-%d-%d", tips.run, tid, counter)
  return wrk.format()
end

function response(status, headers, body)
  tips.record(status, body)
end

function done(summary, latency, requests)
  tips.report()
end
