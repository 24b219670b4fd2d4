-- ARGV: member id, new name key, new display name, stream max length, deadline (ms).
if now_ms() > tonumber(ARGV[5]) then
  return {'LATE'}
end
local owner = redis.call('HGET', NAMES, ARGV[2])
if owner and owner ~= ARGV[1] then
  return {'TAKEN'}
end
local entry = redis.call('HGET', MEMBERS, ARGV[1])
if not entry then
  return {'GONE'}
end
local old_key, old_display, address = parse_entry(entry)
if redis.call('HGET', NAMES, old_key) == ARGV[1] then
  redis.call('HDEL', NAMES, old_key)
end
redis.call('HSET', NAMES, ARGV[2], ARGV[1])
redis.call('HSET', MEMBERS, ARGV[1], ARGV[2] .. '\n' .. ARGV[3] .. '\n' .. address)
return {'RENAMED', append(ARGV[4], 't', 'R', 'm', ARGV[1], 'n', old_display, 'to', ARGV[3])}
