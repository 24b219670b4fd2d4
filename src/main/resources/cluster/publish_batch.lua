-- ARGV: deadline (ms) of the batch's oldest line, stream max length, history size, node instance, the batch's
-- id (its last line's), then for each line: line kept in history ('' for none), number n of event fields, the n
-- event fields.
-- The lines of this node that arrived while its previous batch was on its way, in one call: a batch Redis reads
-- after its oldest line's sender gave up on it does nothing, and a batch whose id was seen in the last ten
-- minutes is not appended again (a command sent again after a reconnect, once Redis had run it). The check, the
-- numbers and the history take one command each for the whole batch, so a line costs Redis little more than
-- its XADD.
local now = now_ms()
if now > tonumber(ARGV[1]) then
  return {'LATE'}
end
if redis.call('ZADD', SEEN, 'NX', now, ARGV[5]) == 0 then
  return {'PUBLISHED', '', 0}
end
redis.call('ZREMRANGEBYSCORE', SEEN, '-inf', now - 600000)
local maxlen, keep, instance = ARGV[2], tonumber(ARGV[3]), ARGV[4]
local starts, texts = {}, {}
local i = 6
while i <= #ARGV do
  starts[#starts + 1] = i
  if ARGV[i] ~= '' and keep > 0 then
    texts[#texts + 1] = ARGV[i]
  end
  i = i + 2 + tonumber(ARGV[i + 1])
end
if #texts > 0 then
  redis.call('LPUSH', HISTORY, unpack(texts))
  redis.call('LTRIM', HISTORY, 0, keep - 1)
end
-- every entry carries the room's next sequence number, as append() gives it
local q = redis.call('HINCRBY', META, 'seq', #starts) - #starts
local last = ''
for _, at in ipairs(starts) do
  q = q + 1
  last = redis.call('XADD', LOG, 'MAXLEN', '~', maxlen, '*', 'q', q, 'o', instance,
    unpack(ARGV, at + 2, at + 1 + tonumber(ARGV[at + 1])))
end
return {'PUBLISHED', last, #starts}
