-- ARGV: history size. Returns the number of the last event (seq), the room's epoch, the id of the last
-- event, the number of history lines, the history (newest first), then member id /
-- "key\ndisplay name\naddress" pairs: one consistent state from which a node reads the events that follow.
local out = {}
redis.call('HSETNX', META, 'epoch', tostring(now_ms()))
out[1] = redis.call('HGET', META, 'seq') or '0'
out[2] = redis.call('HGET', META, 'epoch')
local last = redis.call('XREVRANGE', LOG, '+', '-', 'COUNT', 1)
out[3] = (#last > 0) and last[1][1] or '0-0'
local history = {}
if tonumber(ARGV[1]) > 0 then
  history = redis.call('LRANGE', HISTORY, 0, tonumber(ARGV[1]) - 1)
end
out[4] = tostring(#history)
for i = 1, #history do
  out[#out + 1] = history[i]
end
local members = redis.call('HGETALL', MEMBERS)
for i = 1, #members do
  out[#out + 1] = members[i]
end
return out
