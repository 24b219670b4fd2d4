-- ARGV: address, stream max length, node instance. Returns 1 when the address was banned, else 0; every node
-- hears of it through the stream.
local banned = is_banned(ARGV[1], now_ms())
if redis.call('HDEL', BANS, ARGV[1]) == 0 then
  return 0
end
append(ARGV[2], 't', 'B', 'a', ARGV[1], 'by', ARGV[3])
return banned and 1 or 0
