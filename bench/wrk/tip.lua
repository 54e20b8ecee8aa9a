-- Tip submissions, each with its own Idempotency-Key (as a phone makes one per tip), counting the
-- 201s so that the bench can check that every accepted tip is in the database.
local tips = require "bench.wrk.tips"
local counter = 0
setup = tips.setup

local body = [[{"category":"online-fraud","narrative":"Kẻ gian giả danh công an gọi điện yêu cầu chuyển tiền vào tài khoản để xác minh, nói rằng tôi liên quan đến đường dây rửa tiền.","inDangerNow":false,"identifiers":[{"type":"phone","value":"0912 345 678"},{"type":"bank-account","value":"0451000012345","bank":"VCB"}],"place":{"text":"Xã Nhơn Hải","regionCode":"VN-31"},"lang":"vi"}]]

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
