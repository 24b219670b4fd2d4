-- ARGV: line id, deadline (ms), stream max length, history size, line kept in history ('' for none),
-- event fields...
-- A command Redis reads after its sender gave up on it (Redis was paused) does nothing: the
-- sender was told the line was not delivered. A line id seen in the last two minutes is not
-- appended again: a command sent again after a reconnect, once Redis had run it, repeats nothing.
-- Two minutes: far beyond any deadline, and twice the minute for which a node asks a new primary
-- which of its lines it holds (LineReceipts); longer would only cost memory (about 150 bytes an id).
local now = now_ms()
if now > tonumber(ARGV[2]) then
  return {'LATE'}
end
if redis.call('ZADD', SEEN, 'NX', now, ARGV[1]) == 0 then
  return {'SEEN'}
end
redis.call('ZREMRANGEBYSCORE', SEEN, '-inf', now - 120000)
local keep = tonumber(ARGV[4])
if ARGV[5] ~= '' and keep > 0 then
  redis.call('LPUSH', HISTORY, ARGV[5])
  redis.call('LTRIM', HISTORY, 0, keep - 1)
end
return {'PUBLISHED', append(ARGV[3], unpack(ARGV, 6))}
