#!/bin/bash
# realprogs_riscv64.sh - Debian trixie's riscv64 programs doing real work
# under xrun, each compared with trixie's amd64 build of the same package
# doing the same work natively: lua5.4 and python3.13 (the bench scripts of
# tools/bench, then string patterns and coroutines; json, re, hashlib, zlib,
# child processes, a #!/bin/sh script, a missing program, threads, fork,
# signals), sqlite3 (the bench's generated SQL, then joins, aggregates and
# window functions), gzip and xz (the compressed bytes at several levels,
# with two threads, and round trips), perl (its bench script, then modules
# and a child), bash and dash.
#
#   tests/realprogs_riscv64.sh                 # every case
#   tests/realprogs_riscv64.sh lua python_bench # the cases whose names contain a word
#
# Both sysroots are made once by tools/rv64-sysroots (mmdebstrap), with the
# same packages: o/rv64-real (riscv64) and o/amd64-trixie (amd64). The amd64 build
# runs natively through its own dynamic loader and libraries, so both sides
# are the same version of each program (the host's Debian 12 has older ones:
# python 3.11, perl 5.36, sqlite 3.40; the bench scripts and the compressed
# bytes come out the same with them, the version's own features do not). A
# case that differs is run under qemu-riscv64 too, and the reason says
# whether qemu agrees with the native build.
#
# One line per case: PASS realprogs-riscv64/NAME, FAIL ...: reason (with a
# short diff), SKIP ...: reason (the sysroots cannot be made: no network).
# TIMES=1 prints each run's wall time on stderr; KEEP=1 keeps the work
# directory ($TMPDIR/xrun-realprogs-rv64.*) with each run's output.
set -u

cd "$(dirname "$0")/.." || exit 2
XRUN=${XRUN:-./xrun}
case $XRUN in /*) ;; *) XRUN=$PWD/$XRUN ;; esac
QEMU=${QEMU:-qemu-riscv64}
TIMEOUT=${TIMEOUT:-60}
RV=$PWD/${O:-o}/rv64-real
AMD=$PWD/${O:-o}/amd64-trixie
TAG=realprogs-riscv64
CASES=(lua_bench lua_patterns lua_coroutines python_bench python_stdlib python_procs
  sqlite_bench sqlite_queries gzip xz perl_bench perl bash dash)

ulimit -c 0
if [ $# -gt 0 ]; then
  want=("$@") CASES_ALL=("${CASES[@]}") CASES=()
  for c in "${CASES_ALL[@]}"; do
    for w in "${want[@]}"; do [[ $c == *"$w"* ]] && CASES+=("$c") && break; done
  done
fi
skip_all() { for c in "${CASES[@]}"; do echo "SKIP $TAG/$c: $1"; done; exit 0; }

[ -x "$XRUN" ] || skip_all "$XRUN not built"
err=$(tools/rv64-sysroots "${O:-o}" 2>&1) || skip_all "${err#rv64-sysroots: }"

T=$(mktemp -d "${TMPDIR:-/tmp}/xrun-realprogs-rv64.XXXXXX") || exit 2
[ -n "${KEEP:-}" ] || trap 'rm -rf "$T"' EXIT
# the amd64 programs through their own loader and libraries; perl's modules
# from its own tree, not the host's (its @INC names /usr/lib/x86_64-linux-gnu)
NATIVE="$AMD/usr/lib64/ld-linux-x86-64.so.2 --library-path $AMD/usr/lib/x86_64-linux-gnu"
SCRIPTS=$PWD/tools/bench

# g PATH ARGS...: Debian's program PATH (under /usr/bin) built for $MODE:
# native (amd64), xrun or qemu (riscv64, with the sysroot).
g() {
  local path=$1
  shift
  # shellcheck disable=SC2086 # NATIVE is a command line
  case $MODE in
    native) PERL5LIB=$AMD/usr/lib/x86_64-linux-gnu/perl-base $NATIVE "$AMD$path" "$@" ;;
    xrun) "$XRUN" -L "$RV" "$RV$path" "$@" ;;
    qemu) "$QEMU" -L "$RV" "$RV$path" "$@" ;;
  esac
}

# py_child: how a python script starts another python of the same
# build (natively through the loader; a riscv64 exec runs through xrun or,
# under qemu, through qemu again), as a list for the script's argv
py_child() {
  case $MODE in
    native) echo "$NATIVE $AMD/usr/bin/python3.13" ;;
    xrun) echo "$RV/usr/bin/python3.13" ;;
    qemu) echo "$QEMU -L $RV $RV/usr/bin/python3.13" ;;
  esac
}

# ---------------------------------------------------------------- cases
# w_NAME: run in a fresh directory (the cwd) with $MODE set; what it prints
# on stdout is compared.

w_lua_bench() { g /usr/bin/lua5.4 "$SCRIPTS/bench.lua"; }

w_lua_patterns() {
  g /usr/bin/lua5.4 - <<'EOF'
local s = "The year 1969: Apollo 11 (crew: Armstrong, Aldrin, Collins) [landed] on 20 July."
for k, v in s:gmatch("(%a+)%s*(%d+)") do io.write(k, "=", v, " ") end print()
print(s:find("%b()"), s:match("%[(%w+)%]"), s:gsub("%f[%a]%a+", string.upper))
print(("hello world from lua"):gsub("(%w+) (%w+)", "%2 %1"))
print(("x = 1, y = 22, z = 333"):gsub("(%w+) = (%d+)", function(k, v) return v .. k end))
print(string.format("%5.2f|%-8s|%x|%q|%g|%.14g|%a", math.pi, "ab", 48879, "q\n\0", 1e300 * 1e10, 0.1, 1.0))
print(string.rep("ab", 3, ","), ("%d items"):format(3), #("\u{48}\u{49}\u{20AC}"), utf8.len("h\u{20AC}llo"))
for _, c in utf8.codes("a\u{E9}\u{1F600}") do io.write(c, " ") end print()
print(string.pack("<i4d", -2, 1.5):byte(1, -1))
print(string.unpack(">I2s1", "\1\2\3abc"))
print(7 // 2, -7 // 2, 7 % -3, 7.5 // 2, 2^53 + 1, math.tointeger(3.0), 1 / 0, -1 / 0, math.maxinteger + 1 == math.mininteger)
print(math.fmod(-7, 3), math.ult(1, -1), math.abs(math.mininteger), tostring(0 / 0):gsub("-", ""), 3 | 5, 6 & 3, 1 << 63, ~0 >> 60)
local t = {} for i = 1, 50 do t[i] = (i * 37) % 51 end
table.sort(t, function(a, b) return a % 10 < b % 10 or (a % 10 == b % 10 and a < b) end)
print(table.concat(t, " "))
print(pcall(error, {code = 42}), select("#", pcall(error)), select(2, pcall(error, "msg", 0)))
print(tostring(nil), tonumber("0x1p4"), tonumber("  10  "), tonumber("z", 36), tonumber("1e2"), math.type(1), math.type(1.0))
EOF
}

w_lua_coroutines() {
  g /usr/bin/lua5.4 - <<'EOF'
local function gen(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i * i) end return "done" end)
end
local g = gen(5) local r = {} for _ = 1, 6 do r[#r + 1] = tostring(g()) end print(table.concat(r, " "))
-- producer / filter / consumer
local function producer() return coroutine.create(function() for i = 1, 30 do coroutine.yield(i) end end) end
local function filter(p) return coroutine.create(function()
  while true do local ok, v = coroutine.resume(p) if not v then return end if v % 3 == 0 then coroutine.yield(v) end end end) end
local f, out = filter(producer()), {}
while true do local ok, v = coroutine.resume(f) if not v then break end out[#out + 1] = v end
print(table.concat(out, ","))
-- yield across pcall, errors inside coroutines, status and close
local co = coroutine.create(function(a)
  local ok, err = pcall(function() local b = coroutine.yield(a + 1) error("boom " .. b) end)
  coroutine.yield(ok, err:match("boom %d+"))
  return "end"
end)
print(coroutine.resume(co, 1)) print(coroutine.resume(co, 7)) print(coroutine.resume(co)) print(coroutine.status(co), coroutine.resume(co))
local co2 = coroutine.create(function() coroutine.yield() end) coroutine.resume(co2)
print(coroutine.close(co2), coroutine.status(co2), coroutine.isyieldable(), select(2, coroutine.running()))
-- many coroutines alive at once, deep recursion inside one
local cs = {} for i = 1, 2000 do cs[i] = coroutine.wrap(function(x) while true do x = coroutine.yield(x * 2 + i) end end) end
local sum = 0 for round = 1, 5 do for i = 1, #cs do sum = sum + cs[i](round) end end print(sum)
local function depth(n) if n == 0 then return coroutine.yield("deep") end return depth(n - 1) end
print(coroutine.wrap(function() return depth(10000) end)())
-- string building with a collector, the garbage collector under load
local parts = {} for i = 1, 20000 do parts[i] = string.format("%05d", (i * 7919) % 100000) end
table.sort(parts) collectgarbage() print(#table.concat(parts), parts[1], parts[#parts], collectgarbage("count") > 0)
EOF
}

w_python_bench() { g /usr/bin/python3.13 -I "$SCRIPTS/bench.py"; }

w_python_stdlib() {
  g /usr/bin/python3.13 -I - <<'EOF'
import bz2, collections, datetime, decimal, fractions, hashlib, itertools, json, lzma, math, random, re, struct, zlib
data = ("".join("line %d: %s\n" % (i, "abc" * (i % 7)) for i in range(5000))).encode()
for name in ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "blake2b", "blake2s", "shake_128"):
    h = hashlib.new(name, data)
    print(name, h.hexdigest(16) if name.startswith("shake") else h.hexdigest())
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1000).hex())
z = zlib.compress(data, 9)
print(len(z), zlib.crc32(z), zlib.adler32(data), zlib.decompress(z) == data)
co = zlib.compressobj(6, zlib.DEFLATED, -15); raw = co.compress(data) + co.flush()
print(len(raw), zlib.decompress(raw, -15) == data)
print(len(bz2.compress(data)), bz2.decompress(bz2.compress(data)) == data)
x = lzma.compress(data, preset=1)
print(len(x), lzma.decompress(x) == data)
doc = {"a": [1, 2.5, None, True, "\u00e9\u20ac"], "b": {"c": 1e300, "d": -0.0, "e": 12345678901234567890}}
text = json.dumps(doc, sort_keys=True)
print(text, json.loads(text) == doc, json.dumps(doc, ensure_ascii=False, indent=1).count("\n"))
print(re.findall(r"(\w+)@(\w+)\.com", "a@b.com, cc@dd.com; e@f.org"), re.sub(r"(?i)L(I)NE", r"<\1>", "line Line"))
print(re.split(r"[,;]\s*", "a, b;c ,d"), bool(re.fullmatch(r"(?:\d{3}-){2}\d{4}", "555-123-4567")))
print([m.span() for m in re.finditer(r"\b[aeiou]\w*", "an apple is on every table")], re.escape("a.b*c"))
random.seed(12345); print(random.random(), random.randint(1, 10**9), random.sample(range(100), 5))
print(decimal.Decimal(1) / decimal.Decimal(7), fractions.Fraction(3, 7) + fractions.Fraction(2, 9))
print(math.sqrt(2), math.exp(1), math.log(10), math.sin(1e6), math.atan2(-1, -1), math.fsum([0.1] * 10))
print(math.factorial(30), 2**200 // 3**50, pow(3, 10**6, 10**9 + 7), math.gcd(2**64 - 1, 3**40))
print(repr(1 / 3), float("1e-310"), 5e-324 / 2, format(1234567.891, ",.2f"), "%.17g" % 0.1, round(2.675, 2))
print(struct.pack("<hHiQdf", -2, 65535, -7, 2**64 - 1, 1.5, -0.25).hex(), struct.unpack(">d", bytes(8)))
print(datetime.datetime(2024, 2, 29, 12, 30) + datetime.timedelta(days=400, seconds=7), datetime.date(2000, 1, 1).isocalendar())
c = collections.Counter("mississippi"); print(sorted(c.items()), list(itertools.permutations("abc", 2))[:4])
print(sorted({i * 7919 % 101 for i in range(50)})[:10], sum(itertools.accumulate(range(1000))))
EOF
}

w_python_procs() {
  # shellcheck disable=SC2046 # the child's command line, as words
  g /usr/bin/python3.13 -I - $(py_child) <<'EOF'
import concurrent.futures, os, queue, signal, subprocess, sys, threading, time
child = sys.argv[1:]
r = subprocess.run(child + ["-I", "-c", "import sys; print(sum(range(10**5)), sys.argv[1:]); sys.exit(3)", "x", "y"],
                   capture_output=True, text=True)
print(r.returncode, r.stdout.strip())
p = subprocess.Popen(child + ["-I", "-c", "import sys; sys.stdout.write(sys.stdin.read().upper())"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
print(p.communicate(b"through a pipe\n" * 3)[0], p.returncode)
r = subprocess.run(child + ["-I", "-c", "import os; os.kill(os.getpid(), 15)"])
print("killed by", -r.returncode)
# a script: its #!/bin/sh is the shell of the machine (riscv64's under xrun)
with open("s.sh", "w") as f:
    f.write("#!/bin/sh\necho script $1; exec %s -I -c 'print(6 * 7)'\n" % " ".join(child))
os.chmod("s.sh", 0o755)
print(subprocess.run(["./s.sh", "arg"], capture_output=True, text=True).stdout)
try:
    subprocess.run(["/nonexistent/program"])
except FileNotFoundError as e:
    print("not found:", e.filename)
# threads: a lock-protected counter, a queue, a pool
count, lock = 0, threading.Lock()
def work(n):
    global count
    for _ in range(n):
        with lock:
            count += 1
ts = [threading.Thread(target=work, args=(20000,)) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print("count", count)
q, out = queue.Queue(), []
def consumer():
    while (item := q.get()) is not None:
        out.append(item * item)
c = threading.Thread(target=consumer); c.start()
for i in range(1000): q.put(i)
q.put(None); c.join()
print("queue", len(out), sum(out))
with concurrent.futures.ThreadPoolExecutor(4) as ex:
    print("pool", sum(ex.map(lambda n: sum(i * i for i in range(n)), range(200, 260))))
ev = threading.Event()
threading.Timer(0.05, ev.set).start()
print("event", ev.wait(10))
# a signal handler, a pipe, fork
got = []
signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))
os.kill(os.getpid(), signal.SIGUSR1)
print("signal", got)
rfd, wfd = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(rfd); os.write(wfd, b"from the forked child"); os._exit(7)
os.close(wfd)
msg = os.read(rfd, 100); _, st = os.waitpid(pid, 0)
print(msg, os.waitstatus_to_exitcode(st))
EOF
}

w_sqlite_bench() { awk -v rows=20000 -f "$SCRIPTS/gen-sql.awk" | g /usr/bin/sqlite3 :memory:; }

w_sqlite_queries() {
  g /usr/bin/sqlite3 :memory: <<'EOF'
CREATE TABLE dept(id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE emp(id INTEGER PRIMARY KEY, name TEXT, dept INTEGER REFERENCES dept(id), salary REAL, hired TEXT);
INSERT INTO dept VALUES (1, 'eng'), (2, 'ops'), (3, 'sales'), (4, 'empty');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
INSERT INTO emp SELECT i, printf('e%04d', i), 1 + i % 3, 1000 + (i * 7919) % 5000 + i / 7.0,
  date('2000-01-01', printf('+%d days', i * 3)) FROM n;
CREATE INDEX emp_dept ON emp(dept);
SELECT d.name, count(e.id), printf('%.3f', avg(e.salary)), max(e.hired) FROM dept d LEFT JOIN emp e ON e.dept = d.id
  GROUP BY d.id ORDER BY d.name;
SELECT name, salary, rank() OVER (PARTITION BY dept ORDER BY salary DESC) AS r FROM emp WHERE id % 500 = 1 ORDER BY dept, r;
SELECT dept, printf('%.2f', sum(salary) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)) FROM emp WHERE id <= 5;
SELECT strftime('%Y', hired) y, count(*), printf('%.1f', total(salary)) FROM emp GROUP BY y HAVING count(*) > 100 ORDER BY y LIMIT 5;
SELECT json_object('n', count(*), 'ids', json_group_array(id)) FROM (SELECT id FROM emp WHERE salary > 5900 ORDER BY id LIMIT 6);
SELECT e1.name, e2.name FROM emp e1 JOIN emp e2 ON e1.salary = e2.salary AND e1.id < e2.id ORDER BY e1.id LIMIT 5;
SELECT upper(substr(name, 2)), length(name), instr(name, '0'), hex(name), quote(salary) FROM emp WHERE id IN (1, 2999);
SELECT 1e308 * 10, -0.0, 1 / 3.0, 7 / 2, 7 % 3, cast('12abc' AS INTEGER), round(2.5), 0.1 + 0.2, abs(-9223372036854775807);
SELECT count(*) FROM emp WHERE name GLOB 'e1*' AND name LIKE '%5%';
PRAGMA integrity_check;
EOF
}

# text like the bench's (gen-text.awk), 1.5 MB
# and 300 KB of random bytes (incompressible: stored blocks), the same for every run
text() {
  [ -s "$T/text" ] || awk -v bytes=1500000 -f "$SCRIPTS/gen-text.awk" >"$T/text"
  [ -s "$T/random" ] || head -c 300000 /dev/urandom >"$T/random"
  cp "$T/text" "$T/random" .
}

w_gzip() {
  text
  local l
  for l in 1 6 9; do g /usr/bin/gzip -"$l" -n -c text >"t$l.gz" && md5sum <"t$l.gz"; done
  g /usr/bin/gzip -n -c random | md5sum
  g /usr/bin/gzip -dc t9.gz | cmp - text && g /usr/bin/gzip -t t1.gz && echo "round trip"
  g /usr/bin/gzip -l t6.gz | awk '{ print $1, $2, $3 }'
}

w_xz() {
  text
  local l
  head -c 300000 text >head.txt && head -c 600000 text >part.txt
  for l in 0 1; do g /usr/bin/xz -"$l" -T1 -c text >"t$l.xz" && md5sum <"t$l.xz"; done
  for l in 6 6e; do g /usr/bin/xz -"$l" -T1 -c head.txt >"t$l.xz" && md5sum <"t$l.xz"; done
  g /usr/bin/xz -3 -T2 --block-size=150000 -c part.txt >tmt.xz && md5sum <tmt.xz # threads
  g /usr/bin/xz -F lzma -c head.txt | md5sum
  g /usr/bin/xz --format=raw --filters='x86 lzma2:preset=2' -c head.txt | md5sum
  g /usr/bin/xz -dc t6e.xz | cmp - head.txt && g /usr/bin/xz -d -T2 -c tmt.xz | cmp - part.txt &&
    g /usr/bin/xz -dc t0.xz | cmp - text && echo "round trips"
  g /usr/bin/xz -lvv tmt.xz | grep -E '^ +(Streams|Blocks|Compressed|Uncompressed|Ratio|Check):'
}

w_perl_bench() { g /usr/bin/perl "$SCRIPTS/bench.pl"; }

w_perl() {
  # shellcheck disable=SC2016 # perl's
  g /usr/bin/perl -e '
    use strict; use warnings; use POSIX qw(floor ceil fmod strftime); use List::Util qw(sum max shuffle);
    my %c; $c{$_}++ for split //, "mississippi";
    print join(",", map { "$_=$c{$_}" } sort keys %c), "\n";
    printf "%.15f %d %d %.3f %s\n", atan2(1, 1) * 4, floor(-2.5), ceil(2.1), fmod(10, 3), 0.1 + 0.2;
    my @a = sort { $a <=> $b } map { ($_ * 7919) % 1000 } 1 .. 20; print "@a\n";
    my $s = "the quick brown fox jumps"; $s =~ s/(\w+)/\u$1/g; print "$s\n";
    print scalar reverse("xrun"), " ", join("-", unpack("(A3)*", "abcdefgh")), " ", pack("N n C", 1, 2, 3) eq "\0\0\0\1\0\2\3" ? "pack" : "nopack", "\n";
    my $t = 0; $t += $_ ** 2 for 1 .. 200000; print "$t ", sum(1 .. 1000), " ", max(3, 9, 2), "\n";
    my %h = map { ("k$_" => $_ * $_) } 1 .. 5000; my $n = 0; $n += $h{"k$_"} for grep { $_ % 3 == 0 } 1 .. 5000; print "$n\n";
    print strftime("%Y-%m-%d %H:%M:%S %j", gmtime(1234567890)), "\n";
    my $str = join "", map { chr(65 + $_ % 26) } 0 .. 999; my @m = $str =~ /([AEIOU])(?=[B-D])/g; print scalar(@m), " ", sprintf("%vd", "1.22.333"), "\n";
    print 2**64, " ", 9007199254740993, " ", 1e21, " ", -17 % 5, " ", int(-7 / 2), " ", 0x7fffffffffffffff + 0, "\n";
    local $/; open(my $fh, "<", "/proc/self/cmdline") or die; print length(<$fh>) > 0 ? "cmdline\n" : "none\n";
    open(my $p, "-|", "echo from a child") or die; print scalar <$p>; close $p;'
}

# the shells' own work: arithmetic, strings, functions, here-documents,
# pipelines of builtins (no program outside the sysroot: echo, printf, read)
# shellcheck disable=SC2016 # the shells'
SHELL_SCRIPT='
fib() { if [ "$1" -lt 2 ]; then echo "$1"; else echo $(( $(fib $(( $1 - 1 ))) + $(fib $(( $1 - 2 ))) )); fi; }
echo "fib $(fib 7)"
i=0 s=0; while [ $i -lt 3000 ]; do s=$(( (s + i * i) % 1000003 )); i=$((i + 1)); done; echo "sum $s"
x="Hello, World"; echo "${#x} ${x#Hello} ${x%%o*} ${x##*o}"
set -- a "b c" d; echo "$# $2"; for a in "$@"; do printf "[%s]" "$a"; done; echo
printf "%5d|%-5s|%x|%o|%c\n" 42 ab 255 8 xyz
while read -r a b; do echo "$b $a"; done <<EOF
one 1
two 2
EOF
case "abc.tar.gz" in *.gz) echo gz ;; *) echo other ;; esac
( exit 7 ); echo "status $?"; echo "$(( 1 << 40 )) $(( -7 / 2 )) $(( 7 % -3 ))"
echo data >tmpfile; read -r line <tmpfile; echo "read $line"
trap "echo trapped" EXIT
'

w_bash() {
  # shellcheck disable=SC2016 # bash's
  g /usr/bin/bash -c "$SHELL_SCRIPT"'
declare -A m; for w in b a c a b a; do m[$w]=$(( ${m[$w]:-0} + 1 )); done; for k in a b c; do echo "$k=${m[$k]}"; done
s="Hello"; echo "${s^^} ${s,,} ${s/l/L} ${s:1:3}"; arr=(5 3 9 1); echo "${#arr[@]} ${arr[2]} ${arr[*]:1:2}"
[[ "abc123" =~ ^([a-z]+)([0-9]+)$ ]] && echo "${BASH_REMATCH[2]}${BASH_REMATCH[1]}"
printf -v v "%08.3f" 3.14159; echo "$v"; echo $(( 2 ** 62 )) $(( 0x1f ^ 7 ))
coproc cat; echo "via coproc" >&"${COPROC[1]}"; read -r l <&"${COPROC[0]}"; echo "$l"; exec {COPROC[1]}>&-; wait
echo "${BASH_VERSION%%(*}"
'
}

w_dash() { g /usr/bin/dash -c "$SHELL_SCRIPT"; }

# ---------------------------------------------------------------- driver

run_case() { # run_case NAME MODE: the workload's stdout in $T/NAME.MODE
  local name=$1 start=${EPOCHREALTIME/./}
  mkdir -p "$T/$name.$2.dir"
  (cd "$T/$name.$2.dir" && exec env -i PATH=/usr/bin:/bin LC_ALL=C TZ=UTC HOME="$T" \
    RV="$RV" AMD="$AMD" XRUN="$XRUN" QEMU="$QEMU" NATIVE="$NATIVE" SCRIPTS="$SCRIPTS" T="$T" \
    SHELL_SCRIPT="$SHELL_SCRIPT" ${XRUN_CACHE:+XRUN_CACHE="$XRUN_CACHE"} MODE="$2" \
    timeout -k 2 "$TIMEOUT" bash -c "$(declare -f g py_child text "w_$name"); w_$name") \
    >"$T/$name.$2" 2>"$T/$name.$2.err"
  echo $? >"$T/$name.$2.status"
  [ -z "${TIMES:-}" ] || echo "  $name $2: $(((${EPOCHREALTIME/./} - start) / 1000)) ms" >&2
}

have_qemu=0
command -v "$QEMU" >/dev/null 2>&1 && have_qemu=1
nfail=0
for c in "${CASES[@]}"; do
  run_case "$c" native
  run_case "$c" xrun
  read -r ns <"$T/$c.native.status"
  read -r xs <"$T/$c.xrun.status"
  why=
  if [ ! -s "$T/$c.native" ]; then
    echo "FAIL $TAG/$c: the native run printed nothing: $(head -c 300 "$T/$c.native.err")"
    nfail=$((nfail + 1))
    continue
  elif ! cmp -s "$T/$c.native" "$T/$c.xrun"; then
    why="output differs from the amd64 build's"
  elif [ "$ns" != "$xs" ]; then
    why="exit status $xs, the amd64 build's $ns"
  fi
  if [ -z "$why" ]; then
    echo "PASS $TAG/$c"
    continue
  fi
  q="qemu-riscv64 not installed"
  if [ $have_qemu = 1 ]; then
    run_case "$c" qemu
    q="qemu-riscv64 differs too"
    cmp -s "$T/$c.native" "$T/$c.qemu" && [ "$(cat "$T/$c.qemu.status")" = "$ns" ] &&
      q="qemu-riscv64 agrees with native"
  fi
  echo "FAIL $TAG/$c: $why ($q): $(head -c 300 "$T/$c.xrun.err" | tr '\n' ' ')"
  diff "$T/$c.native" "$T/$c.xrun" | head -10 | sed 's/^/    /'
  nfail=$((nfail + 1))
done
[ $nfail = 0 ]
