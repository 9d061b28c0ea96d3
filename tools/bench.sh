#!/bin/bash
# bench.sh - time CPU-heavy guest programs under ./xrun, under qemu-aarch64,
# and as native x86-64 builds of the same sources; print a table of seconds
# (best of $RUNS, default 3) and the ratios xrun/native and xrun/qemu.
#
#   tools/bench.sh                  # all benchmarks
#   RUNS=1 tools/bench.sh sieve     # one run each, names matching "sieve"
#
# Then Debian's arm64 openssl (tools/fetch-arm64) on 32 MiB, against the host's
# own openssl as "native" (its x86-64 code, not the same source built twice).
# A run whose output differs from the native one is marked "WRONG".
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
SYSROOT=${SYSROOT:-o/sysroot/aarch64}
K=000102030405060708090a0b0c0d0e0f
# name:openssl arguments, on the file $tmp/in
OPENSSL_BENCHES="openssl_sha256:dgst -sha256 -r
  openssl_sha512:dgst -sha512 -r
  openssl_aes128_cbc:enc -aes-128-cbc -K $K -iv $K -in
  openssl_chacha20:enc -chacha20 -K $K$K -iv $K -in"

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

selected() { # selected NAME ARGS...: no names given, or NAME contains one
  local name=$1 p; shift
  [ $# -eq 0 ] && return 0
  for p in "$@"; do case $name in *"$p"*) return 0 ;; esac; done
  return 1
}

printf '%-22s %9s %9s %9s %12s %10s\n' program native qemu xrun xrun/native xrun/qemu
for b in $BENCHES; do
  name=${b%%:*}; args=${b#*:}
  selected "$name" "$@" || continue
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

command -v openssl >/dev/null && tools/fetch-arm64 -d "$SYSROOT" libc6 libssl3 openssl || exit 0
head -c 33554432 /dev/zero | openssl enc -aes-128-ctr -K $K -iv $K >"$tmp/in"
while IFS=: read -r name args; do
  name=${name#"${name%%[! ]*}"}
  selected "$name" "$@" || continue
  # shellcheck disable=SC2086
  openssl $args "$tmp/in" >"$OUT/$name.ref"
  tn=$(best "" openssl "$args $tmp/in" "")
  tq=-; tx=-
  have "$QEMU" && tq=$(best "$QEMU -L $SYSROOT" "$SYSROOT/usr/bin/openssl" "$args $tmp/in" "$OUT/$name.ref")
  have "$xrun_cmd" && tx=$(best "$xrun_cmd -L $SYSROOT" "$SYSROOT/usr/bin/openssl" "$args $tmp/in" "$OUT/$name.ref")
  printf '%-22s %9s %9s %9s %12s %10s\n' "$name" "$tn" "$tq" "$tx" "$(ratio "$tx" "$tn")" "$(ratio "$tx" "$tq")"
done <<<"$OPENSSL_BENCHES"
