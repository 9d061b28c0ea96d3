-- bench.lua - a CPU-bound Lua workload for tools/bench.sh: recursive calls,
-- string building and pattern matching, table inserts, lookups and sorting.
-- Deterministic: prints the same checksums on every machine.

local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

-- strings: build words, concatenate with table.concat, count pattern matches
local function strings(n)
  local parts = {}
  for i = 1, n do
    parts[#parts + 1] = string.format("w%d_%x", i, (i * 2654435761) % 4294967296)
  end
  local s = table.concat(parts, " ")
  local count = 0
  for w in s:gmatch("w%d+_[0-9a-f]*7[0-9a-f]*") do count = count + #w end
  return #s, count, s:sub(-20):upper()
end

-- tables: a hash of integer keys, a word-frequency count, an array sort
local function tables(n)
  local h, freq, arr, x = {}, {}, {}, 12345
  for i = 1, n do
    x = (x * 1103515245 + 12345) % 2147483648
    h[x] = i
    local k = "k" .. (x % 1000)
    freq[k] = (freq[k] or 0) + 1
    arr[i] = x % 100000
  end
  local hits = 0
  for i = 1, n do if h[i * 7] then hits = hits + 1 end end
  table.sort(arr)
  local best, bestk = 0, ""
  for k, v in pairs(freq) do
    if v > best or (v == best and k < bestk) then best, bestk = v, k end
  end
  return hits, arr[1], arr[n // 2], arr[n], bestk, best
end

print("fib", fib(27))
print("strings", strings(200000))
print("tables", tables(300000))
