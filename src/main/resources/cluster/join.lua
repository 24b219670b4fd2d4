-- ARGV: member id, name key, display name, lease ms, max clients, reap grace ms, stream max length,
-- deadline (ms), address.
-- The name must be free and a place left: both are taken at once, so racing joins have one winner.
-- An address banned on any node meanwhile is refused.
local now = now_ms()
if now > tonumber(ARGV[8]) then
  return {'LATE'}
end
reap(now, tonumber(ARGV[6]), ARGV[7])
if is_banned(ARGV[9], now) then
  return {'BANNED'}
end
if redis.call('HEXISTS', NAMES, ARGV[2]) == 1 then
  return {'TAKEN'}
end
if redis.call('ZCARD', LEASES) >= tonumber(ARGV[5]) then
  return {'FULL'}
end
redis.call('HSET', NAMES, ARGV[2], ARGV[1])
redis.call('HSET', MEMBERS, ARGV[1], ARGV[2] .. '\n' .. ARGV[3] .. '\n' .. ARGV[9])
redis.call('ZADD', LEASES, now + tonumber(ARGV[4]), ARGV[1])
return {'JOINED', append(ARGV[7], 't', 'J', 'm', ARGV[1], 'n', ARGV[3], 'a', ARGV[9])}
