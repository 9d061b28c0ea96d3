#!/bin/bash
# diag.sh - xrun's own diagnostics: --perfmap writes /tmp/perf-PID.map in the
# format perf reads (one "START SIZE name" line per translated block, named
# after the guest's functions: main, a shared library's symbols), and perf
# report names guest functions from it when perf can record here; --stats
# prints its block on stderr at exit, exit_group or a fatal signal, and
# leaves the guest's stdout and exit status as they were. The environment
# variables XRUN_PERFMAP=1 and XRUN_STATS=1 do the same. One PASS/FAIL/SKIP
# line each.
set -u
cd "$(dirname "$0")/.." || exit 2
XRUN=${XRUN:-./xrun}
# These cases count and log translations: none may come from the persistent
# cache, and every block is translated at its first run, not interpreted first.
export XRUN_NO_CACHE=1 XRUN_TIER=1
SRC=tests/guest/aarch64
OUT=${O:-o}/tests/diag
GUEST_CC=${GUEST_CC:-aarch64-linux-gnu-gcc}
mkdir -p "$OUT"

if [ ! -x "$XRUN" ]; then
  echo "SKIP diag/all: $XRUN not built"
  exit 0
fi
if ! command -v "$GUEST_CC" >/dev/null; then
  echo "SKIP diag/all: $GUEST_CC not installed"
  exit 0
fi
ulimit -c 0
XRUN=$(realpath "$XRUN")

check() { # check NAME STATUS WHY
  if [ "$2" = 0 ]; then echo "PASS diag/$1"; else echo "FAIL diag/$1: $3"; fi
}

build() { # build NAME [FLAGS...]: the guest test NAME, static unless flags say otherwise
  local name=$1
  shift
  [ "$OUT/$name" -nt "$SRC/$name.c" ] && return 0
  $GUEST_CC -O2 -g -static "$@" -o "$OUT/$name" "$SRC/$name.c" -lm -lpthread 2>"$OUT/$name.log"
}

# run_pid OUTFILE ERRFILE ARGS...: run xrun ARGS with stdout and stderr to
# the files; prints the pid xrun had (the map file's name), returns its status.
run_pid() {
  local out=$1 err=$2
  shift 2
  sh -c 'echo $$ >"$0.pid"; exec "$@"' "$out" "$XRUN" "$@" >"$out" 2>"$err"
  local st=$?
  cat "$out.pid"
  return $st
}

# A well-formed perf map: every line "hex hex xrun:0xhex[ name]".
map_ok() {
  [ -s "$1" ] && ! grep -Ev '^[0-9a-f]+ [0-9a-f]+ xrun:0x[0-9a-f]+( [^ ].*)?$' "$1" | grep -q .
}

stat_field() { # stat_field ERRFILE LABEL: the first number after the label
  sed -n "s/^  $2 *\([0-9][0-9]*\).*/\1/p" "$1" | head -1
}

build sieve_primes || { echo "FAIL diag/build: $(head -c 300 "$OUT/sieve_primes.log")"; exit 0; }
SIEVE=$OUT/sieve_primes

# --perfmap with --stats: the map names main, has one line per block translated
pid=$(run_pid "$OUT/pm.out" "$OUT/pm.err" --perfmap --stats "$SIEVE" 300000)
st=$?
map=/tmp/perf-$pid.map
cp "$map" "$OUT/pm.map" 2>/dev/null
lines=$(wc -l <"$OUT/pm.map" 2>/dev/null || echo 0)
blocks=$(stat_field "$OUT/pm.err" "blocks translated")
map_ok "$OUT/pm.map"
check perfmap_format $? "status $st, $map: $(head -c 300 "$OUT/pm.map" 2>&1)"
grep -Eq ' xrun:0x[0-9a-f]+ main(\+0x[0-9a-f]+)?$' "$OUT/pm.map"
check perfmap_names_main $? "no block named main in $map"
[ "$lines" = "$blocks" ]
check perfmap_every_block $? "$lines lines, $blocks blocks translated"
rm -f "$map"

# XRUN_PERFMAP=1; and a map left by an earlier process with the same pid is
# replaced, while one this process wrote before its execve is kept.
pid=$(XRUN_PERFMAP=1 sh -c 'map=/tmp/perf-$$.map; echo stale >"$map";
      touch -d "1 hour ago" "$map"; echo $$; exec "$0" "$1" 1000 >/dev/null' "$XRUN" "$SIEVE" 2>/dev/null)
map_ok "/tmp/perf-$pid.map"
check perfmap_env_stale $? "$(head -c 300 "/tmp/perf-$pid.map" 2>&1)"
rm -f "/tmp/perf-$pid.map"
pid=$(sh -c 'echo "1 2 before-execve" >"/tmp/perf-$$.map"; echo $$;
      exec "$0" --perfmap "$1" 1000 >/dev/null' "$XRUN" "$SIEVE" 2>/dev/null)
head -1 "/tmp/perf-$pid.map" 2>/dev/null | grep -q '^1 2 before-execve$' &&
  grep -q ' main' "/tmp/perf-$pid.map"
check perfmap_execve_appends $? "$(head -c 300 "/tmp/perf-$pid.map" 2>&1)"
rm -f "/tmp/perf-$pid.map"

# a dynamic program: its libraries are mapped by its own ld.so, and named
if [ -e /usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1 ]; then
  [ "$OUT/dynamic" -nt "$SRC/printf_ints.c" ] ||
    $GUEST_CC -O2 -o "$OUT/dynamic" "$SRC/printf_ints.c" 2>"$OUT/dynamic.log"
  pid=$(run_pid "$OUT/dyn.out" "$OUT/dyn.err" --perfmap -L /usr/aarch64-linux-gnu "$OUT/dynamic")
  st=$?
  cp "/tmp/perf-$pid.map" "$OUT/dyn.map" 2>/dev/null
  rm -f "/tmp/perf-$pid.map"
  map_ok "$OUT/dyn.map" && grep -Eq ' (__libc_start_main|libc\.so\.6\+0x[0-9a-f]+)$' "$OUT/dyn.map" &&
    cmp -s "$OUT/dyn.out" "$SRC/printf_ints.out" && [ $st = 0 ]
  check perfmap_shared_library $? "status $st; no libc.so.6 block in $OUT/dyn.map"
else
  echo "SKIP diag/perfmap_shared_library: no aarch64 libc in /usr/aarch64-linux-gnu"
fi

# perf report names a guest function, where perf can record in this container
perf_skip=""
if ! command -v perf >/dev/null; then
  perf_skip="perf not installed"
elif ! perf record -q -e cpu-clock -o "$OUT/probe.data" -- true >"$OUT/probe.log" 2>&1; then
  perf_skip="perf record -e cpu-clock does not work here: $(head -c 120 "$OUT/probe.log")"
fi
rm -f "$OUT/probe.data"
if [ -n "$perf_skip" ]; then
  echo "SKIP diag/perf_report: $perf_skip"
else
  perf record -q -e cpu-clock -o "$OUT/perf.data" -- sh -c 'echo $$ >"$0"; exec "$@" >/dev/null' \
    "$OUT/perf.pid" "$XRUN" --perfmap "$SIEVE" 2>"$OUT/perf.log"
  perf report -i "$OUT/perf.data" --stdio --sort sym 2>/dev/null >"$OUT/perf.report"
  grep -Eq 'xrun:0x[0-9a-f]+ (main|sieve)' "$OUT/perf.report"
  check perf_report $? "perf report names no guest function: $(grep -m3 '%' "$OUT/perf.report")"
  rm -f "$OUT/perf.data" "$OUT/perf.data.old" "/tmp/perf-$(cat "$OUT/perf.pid").map"
fi

# --stats: the block on stderr, the guest's own stdout and status unchanged
"$XRUN" "$SIEVE" >"$OUT/plain.out" 2>/dev/null
"$XRUN" --stats "$SIEVE" >"$OUT/stats.out" 2>"$OUT/stats.err"
st=$?
missing=""
for label in "blocks translated" "host code" "translation time" "chained exits" \
  "run-loop entries" "run-loop lookups" "code reclaimed" "guest signals"; do
  grep -q "^  $label " "$OUT/stats.err" || missing="$missing '$label'"
done
[ -z "$missing" ] && grep -q '^xrun --stats (pid [0-9]*, exit):$' "$OUT/stats.err"
check stats_lines $? "missing:$missing; stderr: $(head -c 300 "$OUT/stats.err")"
blocks=$(stat_field "$OUT/stats.err" "blocks translated")
[ "${blocks:-0}" -gt 0 ] && [ "$(stat_field "$OUT/stats.err" "run-loop entries")" -gt 0 ]
check stats_counts $? "blocks translated '${blocks}'"
cmp -s "$OUT/stats.out" "$SRC/sieve_primes.out" && cmp -s "$OUT/plain.out" "$OUT/stats.out" &&
  [ $st = 0 ]
check stats_guest_unchanged $? "status $st, or stdout differs from $SRC/sieve_primes.out"

build exit_status_3 && XRUN_STATS=1 "$XRUN" "$OUT/exit_status_3" >"$OUT/exit3.out" 2>"$OUT/exit3.err"
st=$?
[ $st = 3 ] && cmp -s "$OUT/exit3.out" "$SRC/exit_status_3.out" &&
  grep -q '^  blocks translated' "$OUT/exit3.err"
check stats_env_exit_status $? "status $st (want 3), stderr: $(head -c 200 "$OUT/exit3.err")"

build abort_sigabrt && { "$XRUN" --stats "$OUT/abort_sigabrt" >"$OUT/abort.out" 2>"$OUT/abort.err"; } 2>/dev/null
st=$?
[ $st = 134 ] && grep -q '^xrun --stats (pid [0-9]*, killed by SIGABRT):$' "$OUT/abort.err" &&
  cmp -s "$OUT/abort.out" "$SRC/abort_sigabrt.out"
check stats_fatal_signal $? "status $st (want 134), stderr: $(head -c 200 "$OUT/abort.err")"

build signal_segv_recover && "$XRUN" --stats "$OUT/signal_segv_recover" >"$OUT/segv.out" 2>"$OUT/segv.err"
st=$?
[ $st = 0 ] && cmp -s "$OUT/segv.out" "$SRC/signal_segv_recover.out" &&
  [ "$(stat_field "$OUT/segv.err" "guest signals")" -gt 0 ]
check stats_signals $? "status $st, stderr: $(head -c 300 "$OUT/segv.err")"

build thread_tcache_flush &&
  "$XRUN" --stats -tb-size 64K "$OUT/thread_tcache_flush" >"$OUT/thr.out" 2>"$OUT/thr.err"
st=$?
[ $st = 0 ] && cmp -s "$OUT/thr.out" "$SRC/thread_tcache_flush.out" &&
  [ "$(stat_field "$OUT/thr.err" "code reclaimed")" -gt 0 ]
check stats_threads_reclaim $? "status $st, stderr: $(head -c 300 "$OUT/thr.err")"

# a JIT's flush of a page (an IC IVAU per line, then DSB and ISB) costs one
# "code changed" exit, not one per line: 50 flushes of 64 lines each
build smc_clear_cache_page -I"$SRC" &&
  "$XRUN" --stats "$OUT/smc_clear_cache_page" >"$OUT/ccp.out" 2>"$OUT/ccp.err"
st=$?
changed=$(sed -n 's/.* \([0-9]*\) code changed$/\1/p' "$OUT/ccp.err")
[ $st = 0 ] && cmp -s "$OUT/ccp.out" "$SRC/smc_clear_cache_page.out" && [ -n "$changed" ] &&
  [ "$changed" -le 60 ]
check stats_code_changed_per_flush $? "status $st, ${changed:-no} code-changed exits for 50 flushes"

"$XRUN" --help >"$OUT/help" 2>&1
grep -q -- '--perfmap' "$OUT/help" && grep -q -- '--stats' "$OUT/help"
check help $? "--help does not list --perfmap and --stats"
exit 0
