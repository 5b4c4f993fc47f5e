-- wrk script: replays pre-signed Calendly deliveries (file written by SignedRequests), cycling through
-- them, and prints a machine-readable summary line. Usage:
--   wrk -t1 -c16 -d10s -s signed.lua http://127.0.0.1:PORT/api/webhooks/calendly -- requests.txt
local requests = {}
local next_request = 0

function init(args)
  local file = args[1]
  for line in io.lines(file) do
    local tab = line:find("\t", 1, true)
    requests[#requests + 1] = wrk.format("POST", nil, {
      ["Content-Type"] = "application/json",
      ["Calendly-Webhook-Signature"] = line:sub(1, tab - 1),
    }, line:sub(tab + 1))
  end
end

function request()
  next_request = next_request + 1
  if next_request > #requests then
    next_request = 1
  end
  return requests[next_request]
end

function done(summary, latency, requests_)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format(
      "RESULT requests=%d seconds=%.2f rps=%.0f p50_ms=%.3f p99_ms=%.3f non2xx=%d socket_errors=%d\n",
      summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
      latency:percentile(99) / 1000, summary.errors.status, errors - summary.errors.status))
end
