-- ARGV: address, until (ms, 0 for until unbanned), reason, stream max length, node instance.
-- Bans the address (replacing its ban) and tells every node through the stream, so that each
-- forgets the bans it remembers; bans whose time ran out are let go on the way.
local now = now_ms()
local bans = redis.call('HGETALL', BANS)
for i = 1, #bans, 2 do
  if not is_banned(bans[i], now) then
    redis.call('HDEL', BANS, bans[i])
  end
end
redis.call('HSET', BANS, ARGV[1], ARGV[2] .. '\n' .. ARGV[3])
return {'BANNED', append(ARGV[4], 't', 'B', 'a', ARGV[1], 'by', ARGV[5])}
