-- POST the JSON body in the file named by BENCH_BODY (e.g. a checklist self-assessment).
local f = assert(io.open(os.getenv("BENCH_BODY"), "r"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
