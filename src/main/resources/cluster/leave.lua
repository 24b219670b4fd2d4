-- ARGV: member id, notice for the others, stream max length.
local id = drop(ARGV[1], ARGV[2], ARGV[3])
if id then
  return {'LEFT', id}
end
return {'GONE'}
