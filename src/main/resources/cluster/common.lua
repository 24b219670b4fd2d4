-- Shared by every script of the room (prepended to each). The keys of one room:
-- the stream of events, name -> member id, member id -> "key\ndisplay name",
-- member id -> lease expiry (ms, Redis' clock), recent public lines (newest first), line ids seen.
local LOG, NAMES, MEMBERS, LEASES, HISTORY, SEEN = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]

local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local function append(maxlen, ...)
  return redis.call('XADD', LOG, 'MAXLEN', '~', maxlen, '*', ...)
end

-- Takes a member out and appends its Left event; false when it was already out.
local function drop(id, notice, maxlen)
  redis.call('ZREM', LEASES, id)
  local entry = redis.call('HGET', MEMBERS, id)
  if not entry then
    return false
  end
  redis.call('HDEL', MEMBERS, id)
  local nl = string.find(entry, '\n', 1, true)
  local key, display = string.sub(entry, 1, nl - 1), string.sub(entry, nl + 1)
  if redis.call('HGET', NAMES, key) == id then
    redis.call('HDEL', NAMES, key)
  end
  return append(maxlen, 't', 'L', 'm', id, 'n', display, 'x', notice)
end

-- Members whose lease ran out more than grace ms ago leave (their node stopped renewing them).
local function reap(now, grace, maxlen)
  local dead = redis.call('ZRANGEBYSCORE', LEASES, '-inf', now - grace)
  for _, id in ipairs(dead) do
    drop(id, '', maxlen)
  end
  return #dead
end
