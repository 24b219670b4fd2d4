-- Shared by every script of the room (prepended to each). The keys of one room:
-- the stream of events, name -> member id, member id -> "key\ndisplay name\naddress",
-- member id -> lease expiry (ms, Redis' clock), recent public lines (newest first), line ids seen,
-- banned address -> "until ms (0: until unbanned)\nreason", the room's meta hash (seq: the number of the
-- last entry appended; epoch: when the room was first read).
local LOG, NAMES, MEMBERS, LEASES, HISTORY, SEEN, BANS, META =
  KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7], KEYS[8]

local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

-- Whether this id (a batch's, or one of the server's own lines) is new; it is then kept two minutes, so a
-- command sent again after a reconnect, once Redis had run it, repeats nothing. Two minutes: far beyond any
-- deadline, and twice the minute for which a node asks a new primary which of its batches it holds
-- (LineReceipts.WINDOW_NANOS); longer would only cost memory (about 150 bytes an id).
local function first_seen(id, now)
  if redis.call('ZADD', SEEN, 'NX', now, id) == 0 then
    return false
  end
  redis.call('ZREMRANGEBYSCORE', SEEN, '-inf', now - 120000)
  return true
end

-- Every entry carries the next room sequence number (q): a reader that sees a number other than its last
-- one plus one knows that it skipped entries (trimmed while it was behind) or that the stream went back
-- (a switch of primary lost entries), which stream ids alone do not show.
local function append(maxlen, ...)
  local q = redis.call('HINCRBY', META, 'seq', 1)
  return redis.call('XADD', LOG, 'MAXLEN', '~', maxlen, '*', 'q', q, ...)
end

-- A member's entry: name key, display name, address ('' in entries written before addresses were kept).
local function parse_entry(entry)
  local first = string.find(entry, '\n', 1, true)
  local key, rest = string.sub(entry, 1, first - 1), string.sub(entry, first + 1)
  local second = string.find(rest, '\n', 1, true)
  if not second then
    return key, rest, ''
  end
  return key, string.sub(rest, 1, second - 1), string.sub(rest, second + 1)
end

-- Whether the address is banned now (a ban whose time ran out is no ban).
local function is_banned(address, now)
  local ban = redis.call('HGET', BANS, address)
  if not ban then
    return false
  end
  local untl = tonumber(string.sub(ban, 1, string.find(ban, '\n', 1, true) - 1))
  return untl == 0 or untl > now
end

-- Takes a member out and appends its Left event; false when it was already out.
local function drop(id, notice, maxlen)
  redis.call('ZREM', LEASES, id)
  local entry = redis.call('HGET', MEMBERS, id)
  if not entry then
    return false
  end
  redis.call('HDEL', MEMBERS, id)
  local key, display = parse_entry(entry)
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
