-- ARGV: line id, deadline (ms), stream max length, history size, line kept in history ('' for none),
-- event fields...
-- A command Redis reads after its sender gave up on it (Redis was paused) does nothing: the
-- sender was told the line was not delivered. A line id seen lately (first_seen) is not appended again.
local now = now_ms()
if now > tonumber(ARGV[2]) then
  return {'LATE'}
end
if not first_seen(ARGV[1], now) then
  return {'SEEN'}
end
local keep = tonumber(ARGV[4])
if ARGV[5] ~= '' and keep > 0 then
  redis.call('LPUSH', HISTORY, ARGV[5])
  redis.call('LTRIM', HISTORY, 0, keep - 1)
end
return {'PUBLISHED', append(ARGV[3], unpack(ARGV, 6))}
