-- ARGV: deadline (ms) of the batch's oldest line, stream max length, history size, node instance, the batch's
-- id (the node's instance and the batch's number), number of lines in the batch, number h of its lines the
-- history keeps, those h lines, number e of stream entries, then for each entry: number n of its fields and the
-- n fields (a group's 't', 'G', 'g' and its lines in one value, or a lone line's own fields).
-- The lines of this node that arrived while its previous batch was on its way, in one call: a batch Redis reads
-- after its oldest line's sender gave up on it does nothing, and a batch whose id was seen lately (first_seen)
-- is not appended again. The check, the numbers and the history take one command each for the whole batch,
-- and a group of lines one entry, so a line costs Redis little more than reading its bytes.
local now = now_ms()
if now > tonumber(ARGV[1]) then
  return {'LATE'}
end
if not first_seen(ARGV[5], now) then
  return {'PUBLISHED', '', 0}
end
local maxlen, keep, instance, lines, kept = ARGV[2], tonumber(ARGV[3]), ARGV[4], tonumber(ARGV[6]), tonumber(ARGV[7])
if keep > 0 and kept > 0 then
  redis.call('LPUSH', HISTORY, unpack(ARGV, 8, 7 + kept))
  redis.call('LTRIM', HISTORY, 0, keep - 1)
end
local at = 8 + kept
local entries = tonumber(ARGV[at])
-- every entry carries the room's next sequence number, as append() gives it
local q = redis.call('HINCRBY', META, 'seq', entries) - entries
local id = ''
at = at + 1
for _ = 1, entries do
  local n = tonumber(ARGV[at])
  q = q + 1
  id = redis.call('XADD', LOG, 'MAXLEN', '~', maxlen, '*', 'q', q, 'o', instance, unpack(ARGV, at + 1, at + n))
  at = at + 1 + n
end
return {'PUBLISHED', id, lines}
