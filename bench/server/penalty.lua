-- wrk script: each request posts a one-second time penalty as a steward (the token in $PITWALL_TOKEN).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("PITWALL_TOKEN")
local n = 0
request = function()
  n = n + 1
  wrk.body = '{"type": "time-penalty", "driver": "Jose Serrano", "seconds": 1, "reason": "load ' .. n .. '"}'
  return wrk.format(nil)
end
