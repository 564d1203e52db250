-- wrk script: every request POSTs a new, distinct article (ids unique per thread and request).
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function request()
  counter = counter + 1
  local n = tostring(thread_id) .. "-" .. tostring(counter)
  local body = string.format(
    '{"id": "post-%s", "title": "Dockworkers report %s on harbour traffic", ' ..
    '"text": "The port authority released report %s on Tuesday about berth %d and crane %d. ' ..
    'Officials said traffic figure %s rose over the quarter.", "published": "2026-02-%02dT10:00:00Z", ' ..
    '"domain": "wire%d.example", "language": "en"}',
    n, n, n, counter % 101, counter % 97, n, 1 + counter % 27, counter % 50)
  return wrk.format("POST", "/api/articles", {["Content-Type"] = "application/json"}, body)
end
