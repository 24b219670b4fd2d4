-- ARGV: lease ms, reap grace ms, stream max length, ids of this node's members...
-- Renews this node's leases (only those still held), then lets go of members whose node stopped.
local now = now_ms()
local lease = tonumber(ARGV[1])
for i = 4, #ARGV do
  redis.call('ZADD', LEASES, 'XX', now + lease, ARGV[i])
end
return reap(now, tonumber(ARGV[2]), ARGV[3])
