-- wrk script for the Shirase web benchmark: rotates through the paths given after "--" and prints p50/p95/p99.
local paths = {}
local n = 0

init = function(args)
  for _, p in ipairs(args) do
    table.insert(paths, p)
  end
  if #paths == 0 then
    table.insert(paths, "/api/search?q=test")
  end
end

request = function()
  n = n % #paths + 1
  return wrk.format("GET", paths[n])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d non2xx_or_errors=%d rps=%.0f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    summary.requests, e.status + e.connect + e.read + e.write + e.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
