#!/bin/bash
# bench.sh - time CPU-heavy guest programs under ./xrun, under qemu-aarch64,
# and as native x86-64 builds of the same sources; print a table of seconds
# (best of $RUNS, default 3) and the ratios xrun/native and xrun/qemu.
#
#   tools/bench.sh                  # all benchmarks
#   RUNS=1 tools/bench.sh sieve     # one run each, names matching "sieve"
#
# A run whose output differs from the native build's is marked "WRONG".
set -u

cd "$(dirname "$0")/.." || exit 2
XRUN=${XRUN:-./xrun}
QEMU=${QEMU:-qemu-aarch64}
GUEST_CC=${GUEST_CC:-aarch64-linux-gnu-gcc}
HOST_CC=${HOST_CC:-gcc}
RUNS=${RUNS:-3}
OUT=${O:-o}/bench
SRC=tests/guest/aarch64
CFLAGS="-O2 -ffp-contract=off"
# name:arguments
BENCHES="sieve_primes:30000000 matrix_multiply:10 sha256_hash_loop:32 mem_funcs_alignments: fp_mandelbrot:1200"

mkdir -p "$OUT"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xrun-bench.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

# best RUNNER BIN ARGS REF: best wall time in seconds of $RUNS runs, or "-"
# when the runner is missing, or "WRONG" when the output differs from REF.
best() {
  local runner=$1 bin=$2 args=$3 ref=$4 t best="" i
  for ((i = 0; i < RUNS; i++)); do
    # shellcheck disable=SC2086
    t=$( { TIMEFORMAT=%R; time $runner "$bin" $args >"$tmp/out" 2>/dev/null; } 2>&1 ) || { echo FAILED; return; }
    if [ -n "$ref" ] && ! cmp -s "$tmp/out" "$ref"; then echo WRONG; return; fi
    if [ -z "$best" ] || awk "BEGIN { exit !($t < $best) }"; then best=$t; fi
  done
  echo "$best"
}
ratio() { # ratio A B: A/B to two decimals, or "-"
  case "$1$2" in *[!0-9.]*|"") echo - ;; *) awk "BEGIN { if ($2 > 0) printf \"%.2f\", $1 / $2; else print \"-\" }" ;; esac
}

have() { [ -x "$1" ] || command -v "$1" >/dev/null 2>&1; }
xrun_cmd=$XRUN
case $XRUN in /*) ;; */*) xrun_cmd=$PWD/${XRUN#./} ;; esac

printf '%-22s %9s %9s %9s %12s %10s\n' program native qemu xrun xrun/native xrun/qemu
for b in $BENCHES; do
  name=${b%%:*}; args=${b#*:}
  if [ $# -gt 0 ]; then
    m=0; for p in "$@"; do case $name in *"$p"*) m=1 ;; esac; done
    [ $m = 1 ] || continue
  fi
  $GUEST_CC $CFLAGS -static -o "$OUT/$name.aarch64" "$SRC/$name.c" -lm || continue
  $HOST_CC $CFLAGS -o "$OUT/$name.x86_64" "$SRC/$name.c" -lm || continue
  # shellcheck disable=SC2086
  "$OUT/$name.x86_64" $args >"$OUT/$name.ref"
  tn=$(best "" "$OUT/$name.x86_64" "$args" "")
  tq=-; tx=-
  have "$QEMU" && tq=$(best "$QEMU" "$OUT/$name.aarch64" "$args" "$OUT/$name.ref")
  have "$xrun_cmd" && tx=$(best "$xrun_cmd" "$OUT/$name.aarch64" "$args" "$OUT/$name.ref")
  printf '%-22s %9s %9s %9s %12s %10s\n' "$name" "$tn" "$tq" "$tx" "$(ratio "$tx" "$tn")" "$(ratio "$tx" "$tq")"
done
