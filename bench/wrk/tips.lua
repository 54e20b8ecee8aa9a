-- What the scripts that send tips share (tip.lua, mixed.lua): a run id for their Idempotency-Keys,
-- and the references of the 201s, which bench/run then looks up in the tip table.
-- Loaded with require "bench.wrk.tips" (bench/run runs wrk from the repository's root).
local M = {}

-- unique to this wrk process and thread, so that a warm-up and the measured run never share keys
local f = assert(io.open("/dev/urandom", "rb"))
M.run = (f:read(8):gsub(".", function(c) return string.format("%02x", c:byte()) end))
f:close()

-- wrk's setup() for each thread: its number (the global tid), and the thread for report()
local threads = {}
function M.setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

-- globals of each thread's Lua state: report() reads them with thread:get
created = 0
other = 0
refs = {}

-- a tip's answer: a 201 keeps its reference; anything else counts as other
function M.record(status, body)
  if status == 201 then
    created = created + 1
    table.insert(refs, body:match('"reference"%s*:%s*"(%w+)"') or "?")
  else
    other = other + 1
  end
end

-- from done(): every thread's references to $BENCH_REFS, and the line bench/run reads
function M.report()
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

return M
