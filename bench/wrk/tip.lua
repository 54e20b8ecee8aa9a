-- Tip submissions, each with its own Idempotency-Key (as a phone makes one per tip), counting the
-- 201s so that the bench can check that every accepted tip is in the database.
-- globals: done() reads them from each thread with thread:get
local counter = 0
created = 0
other = 0
refs = {}
local threads = {}
local id = 0

function setup(thread)
  id = id + 1
  thread:set("tid", id)
  table.insert(threads, thread)
end

local body = [[{"category":"online-fraud","narrative":"Kẻ gian giả danh công an gọi điện yêu cầu chuyển tiền vào tài khoản để xác minh, nói rằng tôi liên quan đến đường dây rửa tiền.","inDangerNow":false,"identifiers":[{"type":"phone","value":"0912 345 678"},{"type":"bank-account","value":"0451000012345","bank":"VCB"}],"place":{"text":"Xã Nhơn Hải","regionCode":"VN-31"},"lang":"vi"}]]
-- unique to this wrk process and thread, so that a warm-up and the measured run never share keys
local function random_hex(bytes)
  local f = assert(io.open("/dev/urandom", "rb"))
  local raw = f:read(bytes)
  f:close()
  return (raw:gsub(".", function(c) return string.format("%02x", c:byte()) end))
end
local run = random_hex(8)

function init(args)
  wrk.method = "POST"
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  -- unique per run, thread and request
  wrk.headers["Idempotency-Key"] = string.format("bench-%s-%d-%d", run, tid, counter)
  return wrk.format()
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
    table.insert(refs, body:match('"reference"%s*:%s*"(%w+)"') or "?")
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local c, o = 0, 0
  local out = assert(io.open(os.getenv("BENCH_REFS") or "/dev/null", "w"))
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    o = o + t:get("other")
    for _, ref in ipairs(t:get("refs")) do out:write(ref, "\n") end
  end
  out:close()
  io.write(string.format("TIPS created=%d other=%d\n", c, o))
end
