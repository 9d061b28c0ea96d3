#!/bin/bash
# jit.sh - real JIT compilers as guests: Debian's arm64 LuaJIT, grep -P (PCRE2
# with its JIT) and node.js (V8: Sparkplug, TurboFan, irregexp, Liftoff) write
# arm64 machine code at run time and run it under $XRUN. Each case runs a
# CPU-heavy program hot enough for the guest's JIT and compares stdout and the
# exit status with the host's own amd64 build of the same package on the same
# input (a native answer, not an emulator's); one LuaJIT case drives PCRE2's
# JIT through the FFI, so two JITs write code in one process. node.js also
# runs a real program (the arm64 package's acorn parsing JavaScript) and 181
# WebAssembly SIMD operations compiled by Liftoff and by TurboFan. The LuaJIT
# cases also run with a 256 KiB code buffer, so xrun flushes its translations
# again and again while the guest writes, flushes and rewrites its traces.
#
#   tests/jit.sh                        # under ./xrun
#   XRUN=qemu-aarch64 tests/jit.sh      # check the harness itself
#   ONLY='^luajit_' tests/jit.sh        # only cases whose names match
#
# The arm64 sysroot (luajit, grep, nodejs from Debian bookworm) is built once
# with tools/mksysroot into o/sysroot/jit; missing host packages (luajit,
# nodejs) are installed with apt-get. On a mismatch the FAIL line says whether
# qemu-aarch64 gives xrun's answer or the host's.
#
# One line per case: PASS jit/NAME, FAIL jit/NAME: reason, or SKIP jit/NAME:
# reason (the sysroot could not be built, no host build to compare with). A
# case also fails when xrun answered one of the guest's system calls ENOSYS
# or refused it unchecked (tests/enosys.sh), naming the call.
set -u

cd "$(dirname "$0")/.." || exit 2
XRUN=${XRUN:-./xrun}
QEMU=${QEMU:-qemu-aarch64}
TIMEOUT=${TIMEOUT:-60}
SYSROOT=${SYSROOT:-o/sysroot/jit}
TINY=${TINY:-256K}
. tests/enosys.sh

ulimit -c 0
abspath() { case $1 in /*) echo "$1" ;; */*) echo "$PWD/$1" ;; *) echo "$1" ;; esac; }
XRUN_CMD=$(abspath "$XRUN")
SYSROOT=$(abspath "$SYSROOT")

LUA_CASES="numeric strings tables recursion nbody fannkuch flush mcode_churn profile ffi pcre2_ffi"
GREP_CASES="backref hex_ignorecase anchored_backref lookaround words_noncapture
  negative_lookahead alternation_count invert_class big_alternation_words"
NODE_CASES="numeric objects strings nbody recursion wasm workers rwx_code acorn_parse wasm_simd_liftoff
  wasm_simd_turbofan"

all_cases() {
  local c
  for c in $LUA_CASES; do echo "luajit_$c luajit_$c@tcache$TINY"; done
  for c in $GREP_CASES; do echo "grep_$c"; done
  for c in $NODE_CASES; do echo "node_$c"; done
}
skip_cases() { # skip_cases REASON CASE...
  local why=$1 c
  shift
  for c in "$@"; do echo "SKIP jit/$c: $why"; done
}

# sysroot: build it once; a half-built one never takes the final name.
if [ ! -x "$SYSROOT/usr/bin/luajit" ] || [ ! -x "$SYSROOT/bin/grep" ]; then
  tmp=$SYSROOT.tmp.$$
  if ! err=$(tools/mksysroot "$tmp" luajit grep nodejs 2>&1 >/dev/null) &&
    ! err=$(rm -rf "$tmp" && tools/mksysroot "$tmp" luajit grep 2>&1 >/dev/null); then
    rm -rf "$tmp"
    skip_cases "arm64 sysroot not available: $err" $(all_cases)
    exit 0
  fi
  if [ -e "$SYSROOT" ]; then rm -rf "$tmp"; else mv "$tmp" "$SYSROOT"; fi
fi
if [ "$XRUN" != "$QEMU" ] && [ ! -x "$XRUN_CMD" ] && ! command -v "$XRUN" >/dev/null; then
  skip_cases "$XRUN not built" $(all_cases)
  exit 0
fi
# host_has CMD PACKAGE: the host's amd64 build, installed when missing
host_has() {
  command -v "$1" >/dev/null && return 0
  [ "$(id -u)" = 0 ] && apt-get install -y -qq "$2" >/dev/null 2>&1
  command -v "$1" >/dev/null
}
tiny_opts=(--tcache-size "$TINY")
[ "$XRUN" = "$QEMU" ] && tiny_opts=() # qemu has no such option: the same run twice
have_qemu=0
command -v "$QEMU" >/dev/null 2>&1 && have_qemu=1

T=$(mktemp -d "${TMPDIR:-/tmp}/xrun-jit.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
nfail=0
audit=(-d unimpl -D "$T/unimpl/%d") # tests/enosys.sh; qemu has its own -d unimpl
[ "$XRUN" = "$QEMU" ] && audit=()

# run OUT CMD...: CMD in $T with a clean environment, stdout to OUT, stderr to
# OUT.err; prints the exit status.
run() {
  local out=$1
  shift
  (cd "$T" && exec env -i PATH=/usr/bin:/bin LC_ALL=C HOME="$T" timeout -k 2 "$TIMEOUT" \
    "$@" </dev/null >"$out" 2>"$out.err")
  echo $?
}

# check NAME FILTER REQUIRE GUEST-CMD -- HOST-CMD: the guest program (a path
# in the sysroot and its arguments) under $XRUN must print what HOST-CMD
# prints and exit as it does. FILTER (a sed script) is applied to both outputs
# first; REQUIRE, when not empty, is an extended regex that some line of the
# guest's output must match before that.
check() {
  local name=$1 filter=$2 require=$3 guest=() host=() why= hs xs qs
  [ -n "${ONLY:-}" ] && [[ ! $name =~ $ONLY ]] && return 0
  shift 3
  while [ "$1" != -- ]; do guest+=("$1"); shift; done
  shift
  host=("$@")
  hs=$(run "$T/host" "${host[@]}")
  rm -rf "$T/unimpl" && mkdir "$T/unimpl"
  xs=$(run "$T/xrun" "$XRUN_CMD" -L "$SYSROOT" "${audit[@]}" "${guest[@]}")
  nosys=$(enosys_found "$T/unimpl"/*)
  [ -n "$require" ] && ! grep -q -E "$require" "$T/xrun" && why="no line matches $require"
  sed -i "$filter" "$T/host" "$T/xrun"
  if [ -n "$why" ]; then
    :
  elif [ "$hs" != 0 ] && [ "$hs" != 1 ]; then
    why="the host's ${host[0]} failed with status $hs: $(head -c 200 "$T/host.err" | tr '\n' ' ')"
  elif [ "$xs" != "$hs" ]; then
    why="exit status $xs, host $hs: $(tail -c 300 "$T/xrun.err" | tr '\n' ' ')"
  elif [ ! -s "$T/host" ]; then
    why="no output from the host's ${host[0]}"
  elif ! cmp -s "$T/host" "$T/xrun"; then
    why="output differs from the host's ${host[0]}"
  fi
  if [ -n "$why" ] && [ -s "$T/xrun" ] && [ $have_qemu = 1 ] && [ "$XRUN" != "$QEMU" ]; then
    local qguest=("${guest[@]}")
    [ "${qguest[0]}" = --tcache-size ] && qguest=("${qguest[@]:2}") # xrun's option
    qs=$(run "$T/qemu" "$QEMU" -L "$SYSROOT" "${qguest[@]}")
    sed -i "$filter" "$T/qemu"
    if [ "$qs" = "$xs" ] && cmp -s "$T/qemu" "$T/xrun"; then
      why="$why (qemu-aarch64 agrees with xrun)"
    elif [ "$qs" = "$hs" ] && cmp -s "$T/qemu" "$T/host"; then
      why="$why (qemu-aarch64 agrees with the host)"
    fi
  fi
  [ -z "$why" ] && [ -n "$nosys" ] && why="unimplemented in xrun: $nosys"
  if [ -n "$why" ]; then
    echo "FAIL jit/$name: $why"
    diff "$T/host" "$T/xrun" 2>/dev/null | head -6 | sed 's/^/    /'
    nfail=$((nfail + 1))
    return 1
  fi
  echo "PASS jit/$name"
}

# ---- LuaJIT -------------------------------------------------------------
lua_sources() {
  cat >"$T/numeric.lua" <<'EOF'
-- integer and float loops the JIT traces: sums, mod, bit ops, sqrt
local bit = require("bit")
local s, f, x = 0, 0.0, 0
for i = 1, 3000000 do
  s = s + i % 7 * (i % 13)
  f = f + math.sqrt(i) / (i + 1)
  x = bit.bxor(x, bit.lshift(i, i % 5)) + bit.rshift(i, 3)
  x = bit.band(x, 0x7fffffff)
end
print(s, string.format("%.12f", f), x)
local p, n = 0, 0
for a = 1, 600 do
  for b = 1, 600 do
    if (a * a + b * b) % 97 == 3 then p = p + a - b; n = n + 1 end
  end
end
print(p, n)
-- the loops above were compiled to machine code, not interpreted
print(jit.status(), require("jit.util").traceinfo(1) ~= nil)
EOF
  cat >"$T/strings.lua" <<'EOF'
-- string building, formatting, patterns, concat
local t = {}
for i = 1, 200000 do
  t[#t + 1] = string.format("%d:%x:%s", i, i * 31, string.rep("ab", i % 5))
end
local s = table.concat(t, ",")
print(#s, s:sub(1, 60), s:sub(-40))
local cnt = 0
for w in s:gmatch("%d+:(%x+)") do if #w == 5 then cnt = cnt + 1 end end
print(cnt)
local r = s:sub(1, 400000):gsub("ab", "X"):upper()
print(#r, r:sub(100, 160))
local h = 0
for i = 1, #s, 7 do h = (h * 31 + s:byte(i)) % 4294967296 end
print(h)
local acc = ""
for i = 1, 20000 do acc = acc .. string.char(65 + i % 26) if #acc > 1000 then acc = acc:sub(500) end end
print(acc:sub(1, 40), #acc)
EOF
  cat >"$T/tables.lua" <<'EOF'
-- arrays, hash tables, sort with a comparator, metatables
local a = {}
local seed = 42
local function rnd() seed = seed * 16807 % 2147483647; return seed end
for i = 1, 200000 do a[i] = rnd() % 1000000 end
table.sort(a)
print(a[1], a[1000], a[100000], a[200000])
local b = {}
for i = 1, 100000 do b[#b + 1] = { k = rnd() % 5000, v = i } end
table.sort(b, function(x, y) if x.k ~= y.k then return x.k < y.k end return x.v < y.v end)
print(b[1].k, b[1].v, b[50000].k, b[50000].v, b[100000].k, b[100000].v)
local h = {}
for i = 1, 300000 do local k = "k" .. (rnd() % 20000); h[k] = (h[k] or 0) + i % 3 end
local n, tot = 0, 0
for k, v in pairs(h) do n = n + 1; tot = tot + v end
print(n, tot)
local V = {}
V.__index = V
V.__add = function(p, q) return setmetatable({ x = p.x + q.x, y = p.y + q.y }, V) end
local acc = setmetatable({ x = 0, y = 0 }, V)
for i = 1, 300000 do acc = acc + setmetatable({ x = i % 10, y = -(i % 7) }, V) end
print(acc.x, acc.y)
EOF
  cat >"$T/recursion.lua" <<'EOF'
-- recursive calls: fib, ackermann, tree building (binary-trees like)
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(27))
local function ack(m, n)
  if m == 0 then return n + 1 end
  if n == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, n - 1))
end
print(ack(2, 500), ack(3, 6))
local function make(d) if d == 0 then return {} end return { make(d - 1), make(d - 1) } end
local function check(t) if not t[1] then return 1 end return 1 + check(t[1]) + check(t[2]) end
local tot = 0
for d = 4, 14, 2 do
  local iters = 2 ^ (14 - d + 4)
  local c = 0
  for i = 1, iters do c = c + check(make(d)) end
  tot = tot + c
  print(d, iters, c)
end
print(tot)
EOF
  cat >"$T/nbody.lua" <<'EOF'
-- n-body (the benchmarks game kernel): float arithmetic in tight traced loops
local sqrt = math.sqrt
local SOLAR_MASS = 4 * math.pi * math.pi
local DAYS = 365.24
local bodies = {
  {0,0,0,0,0,0,SOLAR_MASS},
  {4.84143144246472090e+00,-1.16032004402742839e+00,-1.03622044471123109e-01,1.66007664274403694e-03*DAYS,7.69901118419740425e-03*DAYS,-6.90460016972063023e-05*DAYS,9.54791938424326609e-04*SOLAR_MASS},
  {8.34336671824457987e+00,4.12479856412430479e+00,-4.03523417114321381e-01,-2.76742510726862411e-03*DAYS,4.99852801234917238e-03*DAYS,2.30417297573763929e-05*DAYS,2.85885980666130812e-04*SOLAR_MASS},
  {1.28943695621391310e+01,-1.51111514016986312e+01,-2.23307578892655734e-01,2.96460137564761618e-03*DAYS,2.37847173959480950e-03*DAYS,-2.96589568540237556e-05*DAYS,4.36624404335156298e-05*SOLAR_MASS},
  {1.53796971148509165e+01,-2.59193146099879641e+01,1.79258772950371181e-01,2.68067772490389322e-03*DAYS,1.62824170038242295e-03*DAYS,-9.51592254519715870e-05*DAYS,5.15138902046611451e-05*SOLAR_MASS},
}
local nb = #bodies
local function energy()
  local e = 0
  for i = 1, nb do
    local b = bodies[i]
    e = e + 0.5 * b[7] * (b[4]*b[4] + b[5]*b[5] + b[6]*b[6])
    for j = i + 1, nb do
      local c = bodies[j]
      local dx, dy, dz = b[1]-c[1], b[2]-c[2], b[3]-c[3]
      e = e - b[7] * c[7] / sqrt(dx*dx + dy*dy + dz*dz)
    end
  end
  return e
end
local function advance(dt)
  for i = 1, nb do
    local b = bodies[i]
    local bx, by, bz, bm = b[1], b[2], b[3], b[7]
    local vx, vy, vz = b[4], b[5], b[6]
    for j = i + 1, nb do
      local c = bodies[j]
      local dx, dy, dz = bx-c[1], by-c[2], bz-c[3]
      local d2 = dx*dx + dy*dy + dz*dz
      local mag = dt / (d2 * sqrt(d2))
      local bmm, cmm = bm * mag, c[7] * mag
      vx, vy, vz = vx - dx*cmm, vy - dy*cmm, vz - dz*cmm
      c[4], c[5], c[6] = c[4] + dx*bmm, c[5] + dy*bmm, c[6] + dz*bmm
    end
    b[4], b[5], b[6] = vx, vy, vz
    b[1], b[2], b[3] = bx + dt*vx, by + dt*vy, bz + dt*vz
  end
end
local px, py, pz = 0, 0, 0
for i = 1, nb do local b = bodies[i]; px = px + b[4]*b[7]; py = py + b[5]*b[7]; pz = pz + b[6]*b[7] end
bodies[1][4], bodies[1][5], bodies[1][6] = -px/SOLAR_MASS, -py/SOLAR_MASS, -pz/SOLAR_MASS
print(string.format("%.9f", energy()))
for i = 1, 200000 do advance(0.01) end
print(string.format("%.9f", energy()))
EOF
  cat >"$T/fannkuch.lua" <<'EOF'
-- fannkuch-redux: permutations and array flips (integer, table indexing)
local function fannkuch(n)
  local p, q, s, sign, maxflips, sum = {}, {}, {}, 1, 0, 0
  for i = 1, n do p[i] = i; q[i] = i; s[i] = i end
  repeat
    local q1 = p[1]
    if q1 ~= 1 then
      for i = 2, n do q[i] = p[i] end
      local flips = 1
      while true do
        local qq = q[q1]
        if qq == 1 then
          sum = sum + sign * flips
          if flips > maxflips then maxflips = flips end
          break
        end
        q[q1] = q1
        if q1 >= 4 then
          local i, j = 2, q1 - 1
          repeat q[i], q[j] = q[j], q[i]; i = i + 1; j = j - 1 until i >= j
        end
        q1 = qq; flips = flips + 1
      end
    end
    if sign == 1 then
      p[2], p[1] = p[1], p[2]; sign = -1
    else
      p[2], p[3] = p[3], p[2]; sign = 1
      for i = 3, n do
        local sx = s[i]
        if sx ~= 1 then s[i] = sx - 1; break end
        if i == n then return sum, maxflips end
        s[i] = i
        local t = p[1]; for j = 1, i do p[j] = p[j + 1] end; p[i + 1] = t
      end
    end
  until false
end
print(fannkuch(9))
EOF
  cat >"$T/flush.lua" <<'EOF'
-- the JIT's machine code is thrown away and rebuilt over and over: jit.flush()
-- between hot loops, and fresh functions compiled from source each round, so
-- new traces are written where old ones were
local tot = 0
for round = 1, 300 do
  local src = string.format([[
    local n = ...
    local s = %d
    for i = 1, n do s = (s * 33 + i %% %d) %% 1000003 end
    return s]], round, round % 17 + 2)
  local f = loadstring(src)
  tot = (tot + f(3000 + round)) % 1000003
  local g = 0
  for i = 1, 2000 do g = g + bit.band(i * round, 255) end
  tot = (tot + g) % 1000003
  if round % 3 == 0 then jit.flush() end
end
print(tot)
EOF
  cat >"$T/mcode_churn.lua" <<'EOF'
-- every loop compiles at once into a small machine-code area that fills and
-- is flushed over and over, while 60 different functions make traces
jit.opt.start("hotloop=1", "hotexit=1", "maxmcode=128", "sizemcode=32", "maxtrace=200")
local fs = {}
for k = 1, 60 do
  fs[k] = load(string.format([[
    local k = ...
    local s = 0
    for i = 1, %d do
      if i %% %d == 0 then s = s + k * i else s = s - (i %% 7) end
      if s > 1e9 then s = s %% 1000003 end
    end
    return s]], 3000 + k * 17, k % 5 + 2))
end
local total = 0
for round = 1, 30 do
  for k = 1, #fs do total = (total + fs[k](k + round)) % 2147483647 end
end
print(total)
EOF
  cat >"$T/profile.lua" <<'EOF'
-- the sampling profiler: a SIGPROF timer interrupts compiled traces
local prof = require("jit.profile")
local samples = 0
prof.start("i1", function(_, n) samples = samples + n end)
local s = 0
for r = 1, 40 do for i = 1, 1000000 do s = (s + i * r) % 1000003 end end
prof.stop()
print(s, samples > 0)
EOF
  cat >"$T/ffi.lua" <<'EOF'
-- FFI: C calls, C arrays and structs, and a Lua callback called from C
-- (qsort), for which LuaJIT writes a machine-code entry
local ffi = require("ffi")
ffi.cdef[[
typedef struct { double x, y; int id; } pt;
void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
size_t strlen(const char *s);
int snprintf(char *buf, size_t n, const char *fmt, ...);
]]
local n = 100000
local a = ffi.new("int32_t[?]", n)
local seed = 7
for i = 0, n - 1 do seed = seed * 16807 % 2147483647; a[i] = seed % 100000 end
local cb = ffi.cast("int (*)(const void *, const void *)", function(p, q)
  local x, y = ffi.cast("const int32_t *", p)[0], ffi.cast("const int32_t *", q)[0]
  return x < y and -1 or (x > y and 1 or 0)
end)
ffi.C.qsort(a, n, 4, cb)
cb:free()
print(a[0], a[n / 2], a[n - 1])
local pts = ffi.new("pt[?]", 1000)
local sx = 0
for r = 1, 300 do
  for i = 0, 999 do pts[i].x = i * 0.5 + r; pts[i].y = -i; pts[i].id = i + r end
  for i = 0, 999 do sx = sx + pts[i].x * 2 + pts[i].y + pts[i].id end
end
print(sx)
local buf = ffi.new("char[64]")
local tl = 0
for i = 1, 20000 do ffi.C.snprintf(buf, 64, "%d-%s", ffi.new("int", i), "x"); tl = tl + tonumber(ffi.C.strlen(buf)) end
print(tl, ffi.string(buf))
EOF
  cat >"$T/pcre2_ffi.lua" <<'EOF'
-- PCRE2's JIT driven from LuaJIT's FFI: hundreds of patterns compiled to
-- machine code, matched and freed, so both JITs write code in one process and
-- PCRE2 rewrites the executable memory it freed
local ffi = require("ffi")
ffi.cdef[[
typedef struct pcre2_code_8 pcre2_code;
typedef struct pcre2_match_data_8 pcre2_match_data;
pcre2_code *pcre2_compile_8(const char *pat, size_t len, uint32_t opts, int *err, size_t *erroff, void *ctx);
int pcre2_jit_compile_8(pcre2_code *code, uint32_t opts);
pcre2_match_data *pcre2_match_data_create_from_pattern_8(const pcre2_code *code, void *gctx);
int pcre2_jit_match_8(const pcre2_code *code, const char *subj, size_t len, size_t start, uint32_t opts, pcre2_match_data *md, void *mctx);
size_t *pcre2_get_ovector_pointer_8(pcre2_match_data *md);
void pcre2_match_data_free_8(pcre2_match_data *md);
void pcre2_code_free_8(pcre2_code *code);
]]
local P = ffi.load("libpcre2-8.so.0")
local lines = {}
local seed = 11
for i = 1, 2000 do
  seed = seed * 16807 % 2147483647
  lines[i] = string.format("%05d id=%x user%d@host%d key=%s", i, seed, seed % 977, seed % 31, ("abcxyz"):rep(1 + seed % 3))
end
local subj = table.concat(lines, "\n")
local err, erroff = ffi.new("int[1]"), ffi.new("size_t[1]")
local total, jitted = 0, 0
for k = 1, 400 do
  local pat = string.format("(?m)^\\d{3}%d\\d id=([0-9a-f]*%x[0-9a-f]*) user(\\d+)@host%d\\b", k % 10, k % 16, k % 31)
  local code = P.pcre2_compile_8(pat, #pat, 0, err, erroff, nil)
  assert(code ~= nil, "compile " .. pat)
  if P.pcre2_jit_compile_8(code, 1) == 0 then jitted = jitted + 1 end
  local md = P.pcre2_match_data_create_from_pattern_8(code, nil)
  local ov = P.pcre2_get_ovector_pointer_8(md)
  local start, n, sum = 0, 0, 0
  while true do
    local rc = P.pcre2_jit_match_8(code, subj, #subj, start, 0, md, nil)
    if rc < 0 then break end
    n = n + 1
    sum = sum + tonumber(ov[3] - ov[2]) + tonumber(subj:sub(tonumber(ov[4]) + 1, tonumber(ov[5])))
    start = tonumber(ov[1])
  end
  total = total + n * 1000 + sum
  P.pcre2_match_data_free_8(md)
  P.pcre2_code_free_8(code)
end
print(jitted, total)
EOF
}

# ---- grep -P (PCRE2 JIT) ------------------------------------------------
# NAME|grep options|pattern: each runs over a 10 MB generated log
GREP_PATTERNS=(
  'backref|-c|user(\d+)@host\1\.'
  'hex_ignorecase|-n -o|(?i)GET /P/[0-9a-f]{6,}\?id=\d*7\b'
  'anchored_backref|-c|^(\d)\d*\1 '
  'lookaround|-o|(?<=q=)(abc|xyz)(?=ab|zy)'
  'words_noncapture|-n|\b(\w+)\.example\.org GET /p/(?:[a-f]+\d){2}'
  'negative_lookahead|-o|HTTP/1\.1 404 (?!1)\d{3,}$'
  'alternation_count|-c|(?:abc|xyz)(?:ab|zy) HTTP/1\.1 (?:200|404) 6\d{4}'
  'invert_class|-v -c|[^\d\s]{4}\.'
  # 400 alternatives: a long pattern, so a large piece of JIT code
  "big_alternation_words|-w -c|id=(?:$(seq 100 499 | awk '{ printf "%s%d", (NR > 1 ? "|" : ""), $1 * 2654435761 % 100000 }'))"
)
grep_input() {
  awk 'BEGIN { s = 1
    for (i = 1; i <= 120000; i++) {
      s = (s * 16807) % 2147483647
      printf "%06d user%d@host%d.example.org GET /p/%x?id=%d&q=%s HTTP/1.1 %d %d\n",
        i, s % 5000, s % 97, s, s % 100000, (s % 3 ? "abcab" : "xyzzy"), (s % 7 ? 200 : 404), s % 65536
    } }' >"$T/log.txt"
}

# ---- node.js ------------------------------------------------------------
node_sources() {
  cat >"$T/numeric.js" <<'EOF'
// integer and double loops hot enough for V8's optimizing tiers
function sumMod(n) { let s = 0; for (let i = 0; i < n; i++) s = (s + (i % 7) * (i % 13)) | 0; return s; }
function harmonic(n) { let f = 0; for (let i = 1; i <= n; i++) f += Math.sqrt(i) / (i + 1); return f; }
function bits(n) { let x = 0; for (let i = 0; i < n; i++) { x ^= i << (i % 5); x = (x + (i >>> 3)) & 0x7fffffff; } return x; }
let out = [];
for (let r = 0; r < 5; r++) out.push(sumMod(2000000 + r), harmonic(1000000 + r).toFixed(9), bits(2000000 + r));
console.log(out.join(" "));
let p = 0, c = 0;
for (let a = 1; a <= 1500; a++) for (let b = 1; b <= 1500; b++) if ((a * a + b * b) % 97 === 3) { p += a - b; c++; }
console.log(p, c);
EOF
  cat >"$T/objects.js" <<'EOF'
// objects, classes, closures, arrays, sort, Map, JSON: inline caches and inlining
class Vec { constructor(x, y) { this.x = x; this.y = y; } add(o) { return new Vec(this.x + o.x, this.y + o.y); } len2() { return this.x * this.x + this.y * this.y; } }
let acc = new Vec(0, 0), l = 0;
for (let i = 0; i < 2000000; i++) { acc = acc.add(new Vec(i % 10, -(i % 7))); l += acc.len2() % 1000; }
console.log(acc.x, acc.y, l);
let seed = 42;
const rnd = () => (seed = (seed * 16807) % 2147483647);
const a = Array.from({ length: 300000 }, () => rnd() % 1000000);
a.sort((x, y) => x - y);
console.log(a[0], a[1000], a[150000], a[299999]);
const m = new Map();
for (let i = 0; i < 500000; i++) { const k = "k" + (rnd() % 20000); m.set(k, (m.get(k) || 0) + (i % 3)); }
let tot = 0; for (const v of m.values()) tot += v;
console.log(m.size, tot);
const objs = [];
for (let i = 0; i < 50000; i++) objs.push({ id: i, name: "n" + i, tags: [i % 3, i % 5], nested: { v: i * 0.5 } });
const js = JSON.stringify(objs);
const back = JSON.parse(js);
console.log(js.length, back[49999].nested.v, back.reduce((s, o) => s + o.tags[0] + o.tags[1], 0));
const fns = []; for (let i = 0; i < 100; i++) fns.push(x => x * i + 1);
let z = 0; for (let r = 0; r < 20000; r++) for (let i = 0; i < 100; i++) z = (z + fns[i](r)) % 1000003;
console.log(z);
EOF
  cat >"$T/strings.js" <<'EOF'
// string building, regular expressions (irregexp compiles them to machine code), typed arrays
let parts = [];
for (let i = 0; i < 200000; i++) parts.push(i + ":" + (i * 31).toString(16) + ":" + "ab".repeat(i % 5));
const s = parts.join(",");
console.log(s.length, s.slice(0, 60), s.slice(-40));
let cnt = 0; for (const m of s.matchAll(/\d+:([0-9a-f]+)/g)) if (m[1].length === 5) cnt++;
console.log(cnt);
const r = s.slice(0, 400000).replace(/ab/g, "X").toUpperCase();
console.log(r.length, r.slice(100, 160));
let h = 0; for (let i = 0; i < s.length; i += 7) h = (h * 31 + s.charCodeAt(i)) >>> 0;
console.log(h);
const words = s.split(/[,:]/).filter(w => /^(ab)+$/.test(w)).length;
console.log(words, /^(\d+):(?=[0-9a-f]*e)/.exec("123:5e9a")[1]);
const f = new Float64Array(1 << 20), u = new Uint32Array(1 << 20);
for (let i = 0; i < f.length; i++) { f[i] = Math.sin(i) * 1000; u[i] = Math.imul(i, 2654435761) >>> 0; }
let fs = 0, us = 0; for (let r = 0; r < 5; r++) for (let i = 0; i < f.length; i++) { fs += f[i]; us = (us + (u[i] >>> 7)) >>> 0; }
console.log(fs.toFixed(6), us);
EOF
  cat >"$T/nbody.js" <<'EOF'
// n-body (the benchmarks game kernel): double arithmetic on object fields
const PI = Math.PI, SOLAR_MASS = 4 * PI * PI, DAYS = 365.24;
function B(x, y, z, vx, vy, vz, m) { return { x, y, z, vx: vx * DAYS, vy: vy * DAYS, vz: vz * DAYS, m: m * SOLAR_MASS }; }
const bodies = [
  B(0, 0, 0, 0, 0, 0, 1),
  B(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01, 1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05, 9.54791938424326609e-04),
  B(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01, -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05, 2.85885980666130812e-04),
  B(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01, 2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05, 4.36624404335156298e-05),
  B(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01, 2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05, 5.15138902046611451e-05)];
function energy() {
  let e = 0;
  for (let i = 0; i < bodies.length; i++) {
    const b = bodies[i];
    e += 0.5 * b.m * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz);
    for (let j = i + 1; j < bodies.length; j++) { const c = bodies[j]; const dx = b.x - c.x, dy = b.y - c.y, dz = b.z - c.z; e -= b.m * c.m / Math.sqrt(dx * dx + dy * dy + dz * dz); }
  }
  return e;
}
function advance(dt) {
  const n = bodies.length;
  for (let i = 0; i < n; i++) {
    const b = bodies[i];
    for (let j = i + 1; j < n; j++) {
      const c = bodies[j]; const dx = b.x - c.x, dy = b.y - c.y, dz = b.z - c.z;
      const d2 = dx * dx + dy * dy + dz * dz, mag = dt / (d2 * Math.sqrt(d2));
      b.vx -= dx * c.m * mag; b.vy -= dy * c.m * mag; b.vz -= dz * c.m * mag;
      c.vx += dx * b.m * mag; c.vy += dy * b.m * mag; c.vz += dz * b.m * mag;
    }
  }
  for (const b of bodies) { b.x += dt * b.vx; b.y += dt * b.vy; b.z += dt * b.vz; }
}
let px = 0, py = 0, pz = 0;
for (const b of bodies) { px += b.vx * b.m; py += b.vy * b.m; pz += b.vz * b.m; }
bodies[0].vx = -px / SOLAR_MASS; bodies[0].vy = -py / SOLAR_MASS; bodies[0].vz = -pz / SOLAR_MASS;
console.log(energy().toFixed(9));
for (let i = 0; i < 1000000; i++) advance(0.01);
console.log(energy().toFixed(9));
EOF
  cat >"$T/recursion.js" <<'EOF'
// recursion, a permutation kernel on arrays, BigInt arithmetic
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
function fannkuch(n) {
  const p = [], q = [], s = []; let sign = 1, maxflips = 0, sum = 0;
  for (let i = 0; i < n; i++) { p[i] = i; q[i] = i; s[i] = i; }
  for (;;) {
    let q0 = p[0];
    if (q0 !== 0) {
      for (let i = 1; i < n; i++) q[i] = p[i];
      let flips = 1;
      for (;;) {
        const qq = q[q0];
        if (qq === 0) { sum += sign * flips; if (flips > maxflips) maxflips = flips; break; }
        q[q0] = q0;
        if (q0 >= 3) { let i = 1, j = q0 - 1; do { const t = q[i]; q[i] = q[j]; q[j] = t; i++; j--; } while (i < j); }
        q0 = qq; flips++;
      }
    }
    if (sign === 1) { const t = p[1]; p[1] = p[0]; p[0] = t; sign = -1; }
    else {
      let t = p[1]; p[1] = p[2]; p[2] = t; sign = 1;
      for (let i = 2; i < n; i++) {
        const sx = s[i];
        if (sx !== 0) { s[i] = sx - 1; break; }
        if (i === n - 1) return [sum, maxflips];
        s[i] = i; t = p[0]; for (let j = 0; j <= i; j++) p[j] = p[j + 1]; p[i + 1] = t;
      }
    }
  }
}
let big = 1n; for (let i = 1n; i <= 300n; i++) big *= i;
console.log(fib(30), fannkuch(9).join(' '), big.toString().length, (big % 1000000007n).toString());
EOF
  cat >"$T/wasm.js" <<'EOF'
// WebAssembly: a hot loop over linear memory (Liftoff, then TurboFan), and
// out-of-bounds accesses that must trap as RuntimeError
const sec = (id, bytes) => [id, bytes.length, ...bytes];
const str = s => [s.length, ...Buffer.from(s)];
const body = (locals, code) => { const b = [...locals, ...code, 0x0b]; return [b.length, ...b]; };
const mask = [0x41, 0xfc, 0xff, 0x03, 0x71]; // i32.const 0xfffc; i32.and
const sum = [
  0x02, 0x40, 0x03, 0x40,                               // block loop
  0x20, 0x01, 0x20, 0x00, 0x4e, 0x0d, 0x01,             // br_if 1 (i >= n)
  0x20, 0x02, 0x20, 0x01, ...mask, 0x28, 0x02, 0x00,    // acc, load(i & 0xfffc)
  0x20, 0x01, 0x73, 0x6a, 0x21, 0x02,                   // acc += that ^ i
  0x20, 0x01, ...mask, 0x20, 0x01, 0x41, 0x07, 0x6c, 0x36, 0x02, 0x00, // store i*7
  0x20, 0x01, 0x41, 0x01, 0x6a, 0x21, 0x01, 0x0c, 0x00, // i++; br 0
  0x0b, 0x0b, 0x20, 0x02];
const mod = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...sec(1, [1, 0x60, 1, 0x7f, 1, 0x7f]),
  ...sec(3, [2, 0, 0]),
  ...sec(5, [1, 0, 1]),
  ...sec(7, [2, ...str("load"), 0, 0, ...str("sum"), 0, 1]),
  ...sec(10, [2, ...body([0], [0x20, 0x00, 0x28, 0x02, 0x00]), ...body([1, 2, 0x7f], sum)])]);
const { load, sum: wsum } = new WebAssembly.Instance(new WebAssembly.Module(mod)).exports;
let t = 0;
for (let r = 0; r < 200; r++) t = (t + wsum(200000 + r)) | 0;
console.log(t, load(4), load(65532));
let traps = 0;
for (let i = 0; i < 2000; i++) {
  try { load(65533 + (i % 100000) * 7); } catch (e) { if (e instanceof WebAssembly.RuntimeError) traps++; else throw e; }
}
console.log("traps", traps);
EOF
  cat >"$T/workers.js" <<'EOF'
// worker threads: four isolates compiling and running code at once
const { Worker, isMainThread, parentPort, workerData } = require("worker_threads");
if (isMainThread) {
  const results = [];
  let done = 0;
  for (let w = 0; w < 4; w++) {
    const wk = new Worker(__filename, { workerData: w });
    wk.on("message", m => { results[w] = m; if (++done === 4) console.log(results.join(" ")); });
    wk.on("error", e => { console.log("worker error", e.message); process.exitCode = 1; });
  }
} else {
  const w = workerData;
  const src = `let s = ${w}; for (let i = 0; i < n; i++) s = (s * 31 + (i % ${w + 3})) % 1000003; return s;`;
  let t = 0;
  for (let r = 0; r < 40; r++) t = (t + new Function("n", src + " // " + r)(50000 + r)) % 1000003;
  const o = []; for (let i = 0; i < 100000; i++) o.push({ a: i, b: String(i * w) });
  t = (t + o.reduce((s, x) => s + x.a + x.b.length, 0)) % 1000003;
  parentPort.postMessage(t);
}
EOF
  cat >"$T/wasm_simd.js" <<'EOF'
// WebAssembly SIMD: each 128-bit operation in a function of its own, run
// on pseudo-random and special inputs; V8 compiles them to NEON (arm64) and
// SSE (x86-64). NaN results are compared as "some NaN" (their bits differ
// between CPUs, as the wasm spec allows).
const V = 0x7b, I32 = 0x7f;
const leb = n => { const b = []; do { let x = n & 0x7f; n >>>= 7; if (n) x |= 0x80; b.push(x); } while (n); return b; };
const sec = (id, body) => [id, ...leb(body.length), ...body];
const vec = items => [...leb(items.length), ...items.flat()];
const str = s => [s.length, ...[...s].map(c => c.charCodeAt(0))];
const simd = op => [0xfd, ...leb(op)];
const load = addr => [0x41, addr, ...simd(0x00), 4, 0];
const store = [...simd(0x0b), 4, 0];
// [name, opcode, shape]: shape = kind of operands/result
// b: binary, u: unary, s: shift (v128, i32), t: ternary, r: v128 -> i32,
// f/d: unary with f32x4/f64x2 result, F/D: binary with f32x4/f64x2 result
const ops = [];
const add = (shape, list) => list.split(' ').forEach(p => { const [n, o] = p.split('='); ops.push([n, parseInt(o, 16), shape]); });
add('b', 'swizzle=0e i8eq=23 i8ne=24 i8lts=25 i8ltu=26 i8gts=27 i8gtu=28 i8les=29 i8leu=2a i8ges=2b i8geu=2c');
add('b', 'i16eq=2d i16lts=2f i16gtu=32 i16geu=36 i32eq=37 i32lts=39 i32ltu=3a i32gts=3b i32geu=40');
add('b', 'f32eq=41 f32ne=42 f32lt=43 f32gt=44 f32le=45 f32ge=46 f64eq=47 f64ne=48 f64lt=49 f64gt=4a f64le=4b f64ge=4c');
add('b', 'and=4e andnot=4f or=50 xor=51');
add('t', 'bitselect=52');
add('r', 'anytrue=53 i8alltrue=63 i8bitmask=64 i16alltrue=83 i16bitmask=84 i32alltrue=a3 i32bitmask=a4 i64alltrue=c3 i64bitmask=c4');
add('u', 'not=4d i8abs=60 i8neg=61 i8popcnt=62 i16abs=80 i16neg=81 i32abs=a0 i32neg=a1 i64abs=c0 i64neg=c1');
add('u', 'i16extlo8s=87 i16exthi8s=88 i16extlo8u=89 i16exthi8u=8a i32extlo16s=a7 i32exthi16s=a8 i32extlo16u=a9 i32exthi16u=aa');
add('u', 'i64extlo32s=c7 i64exthi32s=c8 i64extlo32u=c9 i64exthi32u=ca i16addp8s=7c i16addp8u=7d i32addp16s=7e i32addp16u=7f');
add('u', 'i32truncf32s=f8 i32truncf32u=f9 i32truncf64s=fc i32truncf64u=fd');
add('f', 'f32demote=5e f32ceil=67 f32floor=68 f32trunc=69 f32nearest=6a f32abs=e0 f32neg=e1 f32sqrt=e3 f32convs=fa f32convu=fb');
add('d', 'f64promote=5f f64ceil=74 f64floor=75 f64trunc=7a f64nearest=94 f64abs=ec f64neg=ed f64sqrt=ef f64convs=fe f64convu=ff');
add('b', 'i8narrow16s=65 i8narrow16u=66 i8add=6e i8addsats=6f i8addsatu=70 i8sub=71 i8subsats=72 i8subsatu=73');
add('b', 'i8mins=76 i8minu=77 i8maxs=78 i8maxu=79 i8avgr=7b i16q15mulr=82 i16narrow32s=85 i16narrow32u=86');
add('b', 'i16add=8e i16addsats=8f i16addsatu=90 i16sub=91 i16subsats=92 i16subsatu=93 i16mul=95 i16mins=96 i16minu=97');
add('b', 'i16maxs=98 i16maxu=99 i16avgr=9b i16extmullos=9c i16extmulhis=9d i16extmullou=9e i16extmulhiu=9f');
add('b', 'i32add=ae i32sub=b1 i32mul=b5 i32mins=b6 i32minu=b7 i32maxs=b8 i32maxu=b9 i32dot=ba');
add('b', 'i32extmullos=bc i32extmulhis=bd i32extmullou=be i32extmulhiu=bf i64add=ce i64sub=d1 i64mul=d5');
add('b', 'i64eq=d6 i64ne=d7 i64lts=d8 i64gts=d9 i64les=da i64ges=db i64extmullos=dc i64extmulhis=dd i64extmullou=de i64extmulhiu=df');
add('F', 'f32add=e4 f32sub=e5 f32mul=e6 f32div=e7 f32min=e8 f32max=e9 f32pmin=ea f32pmax=eb');
add('D', 'f64add=f0 f64sub=f1 f64mul=f2 f64div=f3 f64min=f4 f64max=f5 f64pmin=f6 f64pmax=f7');
add('s', 'i8shl=6b i8shrs=6c i8shru=6d i16shl=8b i16shrs=8c i16shru=8d i32shl=ab i32shrs=ac i32shru=ad i64shl=cb i64shrs=cc i64shru=cd');
const binary = o => 'bFD'.includes(o[2]);
const body = o => {
  const op = simd(o[1]);
  switch (o[2]) {
    case 'r': return [...load(16), ...op];
    case 't': return [0x41, 0, ...load(16), ...load(32), ...load(48), ...op, ...store];
    case 's': return [0x41, 0, ...load(16), 0x41, 0xc0, 0x00, 0x28, 2, 0, ...op, ...store];
    default: return [0x41, 0, ...load(16), ...(binary(o) ? load(32) : []), ...op, ...store];
  }
};
const fn = code => { const b = [0, ...code, 0x0b]; return [...leb(b.length), ...b]; };
const bytes = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...sec(1, vec([[0x60, 0, 0], [0x60, 0, 1, I32]])),
  ...sec(3, vec(ops.map(o => [o[2] === 'r' ? 1 : 0]))),
  ...sec(5, [1, 0, 1]),
  ...sec(7, vec([[...str('mem'), 2, 0], ...ops.map((o, i) => [...str(o[0]), 0, ...leb(i)])])),
  ...sec(10, vec(ops.map(o => fn(body(o))))),
]);
const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes));
const mem = inst.exports.mem.buffer;
const u8 = new Uint8Array(mem), u32 = new Uint32Array(mem), f32 = new Float32Array(mem), f64 = new Float64Array(mem);
const specials32 = [0, -0, 1, -1, 0.5, 1.5, 2.5, -2.5, 1e-40, -1e-45, 3.4e38, -3.4e38, Infinity, -Infinity, NaN, 2147483648, -2147483904, 4294967296, 16777217];
const specials64 = [0, -0, 1, -1, 0.5, 2.5, -3.5, 5e-324, 1.7e308, Infinity, -Infinity, NaN, 2147483647.5, -2147483648.9, 4294967295.5, 9007199254740993];
let seed = 12345;
const rnd = () => (seed = (seed * 16807) % 2147483647);
const hashes = new Array(ops.length).fill(0);
const mix = (h, v) => (Math.imul(h ^ v, 0x01000193) + 0x9e37) >>> 0;
const ROUNDS = 4000;
for (let r = 0; r < ROUNDS; r++) {
  for (let i = 4; i < 16; i++) u32[i] = rnd() ^ (rnd() << 16);
  const k = r % 4;
  if (k === 1) for (let i = 4; i < 16; i++) f32[i] = specials32[rnd() % specials32.length];
  if (k === 2) for (let i = 2; i < 8; i++) f64[i] = specials64[rnd() % specials64.length];
  if (k === 3) for (let i = 16; i < 64; i++) u8[i] = [0, 1, 0x7f, 0x80, 0xff, 0xfe, 0x10, 0x0f][rnd() % 8];
  u32[16] = rnd() % 200;
  for (let j = 0; j < ops.length; j++) {
    const o = ops[j];
    const ret = inst.exports[o[0]]();
    let h = hashes[j];
    if (o[2] === 'r') h = mix(h, ret);
    else if ('fF'.includes(o[2])) for (let i = 0; i < 4; i++) h = mix(h, Number.isNaN(f32[i]) ? 0x7fc00000 : u32[i]);
    else if ('dD'.includes(o[2])) for (let i = 0; i < 2; i++) h = Number.isNaN(f64[i]) ? mix(h, 1) : mix(mix(h, u32[2 * i]), u32[2 * i + 1]);
    else for (let i = 0; i < 4; i++) h = mix(h, u32[i]);
    hashes[j] = h;
  }
}
console.log(ops.length + ' operations, ' + ROUNDS + ' rounds');
for (let j = 0; j < ops.length; j++) console.log(ops[j][0], hashes[j].toString(16));
EOF
  cat >"$T/acorn_parse.js" <<'EOF'
// a real program: acorn (the arm64 package's JavaScript, from the sysroot)
// parses JavaScript files; the syntax trees are walked and summarised
const [acornPath, ...files] = process.argv.slice(2);
const acorn = require(acornPath);
const fs = require('fs');
const counts = new Map();
let nodes = 0, h = 0;
function walk(n) {
  if (Array.isArray(n)) { for (const c of n) walk(c); return; }
  if (!n || typeof n.type !== 'string') return;
  nodes++;
  counts.set(n.type, (counts.get(n.type) || 0) + 1);
  for (const k in n) {
    const v = n[k];
    if (v && typeof v === 'object') walk(v);
    else if (typeof v === 'string') for (let i = 0; i < v.length; i++) h = (h * 33 + v.charCodeAt(i)) >>> 0;
  }
}
for (const f of files)
  walk(acorn.parse(fs.readFileSync(f, 'utf8'), { ecmaVersion: 'latest', allowHashBang: true, locations: true }));
const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 8);
console.log(nodes, h, top.map(([k, v]) => k + '=' + v).join(' '));
EOF
}

# ---- the cases ----------------------------------------------------------
lua_cases=()
for c in $LUA_CASES; do lua_cases+=("luajit_$c" "luajit_$c@tcache$TINY"); done
if ! host_has luajit luajit; then
  skip_cases "no host luajit to compare with (apt-get install luajit failed)" "${lua_cases[@]}"
else
  lua_sources
  for c in $LUA_CASES; do
    check "luajit_$c" '' '' "$SYSROOT/usr/bin/luajit" "$c.lua" -- luajit "$c.lua"
    check "luajit_$c@tcache$TINY" '' '' "${tiny_opts[@]}" "$SYSROOT/usr/bin/luajit" "$c.lua" \
      -- luajit "$c.lua"
  done
fi

if ! echo x | grep -q -P 'x' 2>/dev/null; then
  skip_cases "the host's grep has no -P" $(for c in $GREP_CASES; do echo "grep_$c"; done)
else
  grep_input
  for g in "${GREP_PATTERNS[@]}"; do
    IFS='|' read -r name opts pat <<<"$g"
    # shellcheck disable=SC2086
    check "grep_$name" '' '' "$SYSROOT/bin/grep" $opts -P "$pat" log.txt -- grep $opts -P "$pat" log.txt
  done
fi

node_names=$(for c in $NODE_CASES; do echo "node_$c"; done)
if [ ! -x "$SYSROOT/usr/bin/node" ]; then
  skip_cases "nodejs did not install in $SYSROOT" $node_names
elif ! host_has node nodejs; then
  skip_cases "no host node to compare with (apt-get install nodejs failed)" $node_names
else
  node_sources
  # --trace-opt lines ("[...]") are dropped from both outputs; where the
  # case's functions are hot enough, the guest's must show that TurboFan
  # compiled some (not for wasm.js, whose hot code is WebAssembly, nor for
  # workers.js, whose threads would interleave their lines)
  turbofan='^\[(completed )?optimizing .*TURBOFAN'
  for c in $NODE_CASES; do
    case $c in
      wasm | workers) check "node_$c" '' '' "$SYSROOT/usr/bin/node" "$c.js" -- node "$c.js" ;;
      # V8 writing its code into pages that stay RWX (no mprotect around each
      # write): only its IC IVAU makes the new code visible
      acorn_parse)
        acorn=$SYSROOT/usr/share/nodejs/acorn/dist/acorn.js undici=$SYSROOT/usr/share/nodejs/undici/index.js
        check "node_$c" '' '' "$SYSROOT/usr/bin/node" acorn_parse.js "$acorn" "$acorn" "$undici" \
          -- node acorn_parse.js "$acorn" "$acorn" "$undici"
        ;;
      # 181 WebAssembly SIMD operations, compiled by each of V8's two wasm compilers
      wasm_simd_liftoff)
        check "node_$c" '' '' "$SYSROOT/usr/bin/node" --liftoff --no-wasm-tier-up wasm_simd.js \
          -- node --liftoff --no-wasm-tier-up wasm_simd.js
        ;;
      wasm_simd_turbofan)
        check "node_$c" '' '' "$SYSROOT/usr/bin/node" --no-liftoff wasm_simd.js -- node --no-liftoff wasm_simd.js
        ;;
      rwx_code)
        check "node_$c" '/^\[/d' "$turbofan" "$SYSROOT/usr/bin/node" --no-write-protect-code-memory \
          --trace-opt objects.js -- node --no-write-protect-code-memory --trace-opt objects.js
        ;;
      *) check "node_$c" '/^\[/d' "$turbofan" "$SYSROOT/usr/bin/node" --trace-opt "$c.js" \
        -- node --trace-opt "$c.js" ;;
    esac
  done
fi
[ $nfail = 0 ]
