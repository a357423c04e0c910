-- wrk script of ./desk bench-wrk: each thread spends its own share of the lines of a .tsv file
-- (desk index, bearer token, path, JSON body), each line once; HAProxy picks the desk's certificate by X-Desk.
local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function init(args)
  lines = {}
  for line in io.lines(args[1]) do
    lines[#lines + 1] = line
  end
  step = tonumber(args[2])
  at = id + 1
end

function request()
  local line = lines[at]
  if line == nil then
    line = lines[#lines] -- ran out: repeat the last line (counted as non-2xx answers, so the run is visibly too long)
  end
  at = at + step
  local desk, token, path, body = line:match("^(%d+)\t([^\t]+)\t([^\t]+)\t(.*)$")
  return wrk.format("POST", path, { ["X-Desk"] = desk, ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json" }, body)
end
