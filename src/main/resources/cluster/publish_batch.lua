-- ARGV: deadline (ms) of the batch's oldest line, stream max length, history size, node instance, the batch's
-- id (its last line's), number k of lines in the batch, the k lines kept in history ('' for none), then the
-- fields of the batch's one entry: a lone line's own fields, or 't', 'G', 'g' and the group's lines in one value.
-- The lines of this node that arrived while its previous batch was on its way, in one call and one entry: a batch
-- Redis reads after its oldest line's sender gave up on it does nothing, and a batch whose id was seen in the
-- last ten minutes is not appended again (a command sent again after a reconnect, once Redis had run it). The
-- check, the numbers, the history and the entry take one command each for the whole batch, so a line costs
-- Redis little more than reading its arguments.
local now = now_ms()
if now > tonumber(ARGV[1]) then
  return {'LATE'}
end
if redis.call('ZADD', SEEN, 'NX', now, ARGV[5]) == 0 then
  return {'PUBLISHED', '', 0}
end
redis.call('ZREMRANGEBYSCORE', SEEN, '-inf', now - 600000)
local maxlen, keep, instance, lines = ARGV[2], tonumber(ARGV[3]), ARGV[4], tonumber(ARGV[6])
if keep > 0 then
  local texts = {}
  for i = 7, 6 + lines do
    if ARGV[i] ~= '' then
      texts[#texts + 1] = ARGV[i]
    end
  end
  if #texts > 0 then
    redis.call('LPUSH', HISTORY, unpack(texts))
    redis.call('LTRIM', HISTORY, 0, keep - 1)
  end
end
local id = append(maxlen, 'o', instance, unpack(ARGV, 7 + lines))
return {'PUBLISHED', id, lines}
