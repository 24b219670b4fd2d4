-- ARGV: deadline (ms) of the batch's oldest line, stream max length, history size, node instance, then for each
-- line: line id, line kept in history ('' for none), number n of event fields, the n event fields.
-- One sender's lines that arrived while its previous batch was on its way: publish.lua's rules for each
-- (a batch Redis reads after its sender gave up on it does nothing; a line id seen in the last ten minutes
-- is not appended again), in one call.
local now = now_ms()
if now > tonumber(ARGV[1]) then
  return {'LATE'}
end
local maxlen, keep, instance = ARGV[2], tonumber(ARGV[3]), ARGV[4]
local last, appended, kept = '', 0, false
local i = 5
while i <= #ARGV do
  local id, text, n = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2])
  local fields = {}
  for j = 1, n do
    fields[j] = ARGV[i + 2 + j]
  end
  i = i + 3 + n
  if redis.call('ZADD', SEEN, 'NX', now, id) == 1 then
    if text ~= '' and keep > 0 then
      redis.call('LPUSH', HISTORY, text)
      kept = true
    end
    fields[n + 1] = 'o'
    fields[n + 2] = instance
    last = append(maxlen, unpack(fields))
    appended = appended + 1
  end
end
if kept then
  redis.call('LTRIM', HISTORY, 0, keep - 1)
end
redis.call('ZREMRANGEBYSCORE', SEEN, '-inf', now - 600000)
return {'PUBLISHED', last, appended}
