-- ARGV: line id, stream max length, history size, line kept in history ('' for none), event fields...
-- A line id seen in the last ten minutes is not appended again: a command the client sent
-- again after a reconnect, once Redis had already run it, repeats nothing.
local now = now_ms()
if redis.call('ZADD', SEEN, 'NX', now, ARGV[1]) == 0 then
  return {'SEEN'}
end
redis.call('ZREMRANGEBYSCORE', SEEN, '-inf', now - 600000)
local keep = tonumber(ARGV[3])
if ARGV[4] ~= '' and keep > 0 then
  redis.call('LPUSH', HISTORY, ARGV[4])
  redis.call('LTRIM', HISTORY, 0, keep - 1)
end
return {'PUBLISHED', append(ARGV[2], unpack(ARGV, 5))}
