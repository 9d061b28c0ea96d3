#!/bin/bash
# check.sh - run every test and summarise; `make check` calls it after
# building xrun and the unit tests.
#
#   tests/check.sh                 # everything, under ./xrun
#   XRUN=qemu-aarch64 tests/check.sh
#
# Runs the unit-test binaries o/tests/unit/*_test (a binary that crashes is a
# FAIL), tools/check-host-fp, tests/decodegen.sh, then tests/badinput.sh,
# tests/cli.sh, tests/exec_here.sh, tests/diag.sh, tests/guest.sh (saving to a fresh persistent
# cache, then again with a 64 KiB code buffer, loading from it, and with no
# cache and each block interpreted twice first; then the riscv64 programs,
# GUEST=riscv64),
# tests/gdbstub.sh (gdb against xrun -g and qemu-aarch64/qemu-riscv64 -g),
# tests/busybox.sh (arm64, then riscv64), tests/coreutils_riscv64.sh (the
# dynamic riscv64 coreutils of a trixie sysroot), tests/realprogs_riscv64.sh
# (trixie's riscv64 lua, python, sqlite, gzip, xz, perl, bash and dash against
# its amd64 builds), tests/openssl.sh, tests/jit.sh (LuaJIT, grep -P and
# node.js writing code at run time), tests/mksysroot.sh, tests/realprogs.sh,
# tests/hostile.sh, tests/cache.sh and tests/difftest.sh (arm64, then riscv64;
# then 900 sequences a class again with every block interpreted). Every test prints
# one PASS/FAIL/SKIP line; this script echoes them, lists the reasons for skips
# in a short block, and ends with one summary line:
#   N passed, N failed[, N skipped]
# It exits non-zero if anything failed.
set -u

cd "$(dirname "$0")/.." || exit 2
O=${O:-o}
# Every suite that does not say otherwise uses one fresh persistent cache in
# $O, not the user's ~/.cache/xrun.
export XRUN_CACHE=$(realpath -m "$O/test-cache")
rm -rf "$XRUN_CACHE"
LOG=$(mktemp "${TMPDIR:-/tmp}/xrun-check.XXXXXX") || exit 2
trap 'rm -f "$LOG" "$LOG.one"' EXIT

# suite NAME COMMAND...: run it, echo its output, keep it for counting. A
# suite that exits non-zero without printing any FAIL line counts as a FAIL.
suite() {
  local name=$1; shift
  "$@" >"$LOG.one" 2>&1
  local st=$?
  cat "$LOG.one"
  cat "$LOG.one" >>"$LOG"
  if [ $st -ne 0 ] && ! grep -q '^FAIL ' "$LOG.one"; then
    echo "FAIL $name: exited with status $st without reporting a failure" | tee -a "$LOG"
  fi
}

unit_one() { # the unit-test binary $1, with crashes turned into FAIL lines
  local bin=$1 name st
  name=$(basename "$bin")
  timeout -k 2 60 "$bin" 2>&1
  st=$?
  if [ $st -ge 124 ]; then
    case $st in
      124) echo "FAIL unit/$name: timed out" ;;
      *) echo "FAIL unit/$name: crashed (status $st, signal $((st - 128)))" ;;
    esac
    return 0
  fi
  return $st
}

shopt -s nullglob
srcs=(tests/unit/*_test.c)
for src in "${srcs[@]}"; do
  name=$(basename "$src" .c)
  bin=$O/tests/unit/$name
  if [ -x "$bin" ]; then
    suite "unit/$name" unit_one "$bin"
  else
    echo "SKIP unit/$name: not built (make unit)" | tee -a "$LOG"
  fi
done
# unit binaries without a source here (built elsewhere) still run
for bin in "$O"/tests/unit/*_test; do
  [ -f "tests/unit/$(basename "$bin").c" ] && continue
  [ -x "$bin" ] && suite "unit/$(basename "$bin")" unit_one "$bin"
done

suite hostfp tools/check-host-fp "$O"
suite decodegen tests/decodegen.sh
suite badinput tests/badinput.sh
suite cli tests/cli.sh
suite exec_here tests/exec_here.sh
suite diag tests/diag.sh
# The guest programs save their translations into a fresh persistent cache;
# then they run again with the smallest code buffer (64 KiB: three regions),
# whose regions are reclaimed over and over, under threads and signals too,
# with most blocks loaded from that cache instead of translated.
cache=$XRUN_CACHE
cold=$O/xrun-coldcache
printf '#!/bin/sh\nexec "%s/xrun" --cache-dir="%s" "$@"\n' "$PWD" "$cache" >"$cold" && chmod +x "$cold"
suite guest env XRUN="$cold" tests/guest.sh
suite guest-riscv64 env GUEST=riscv64 XRUN="$cold" tests/guest.sh
# guest_as TAG GUEST OPTIONS...: GUEST's programs under xrun OPTIONS (a
# wrapper at $O/xrun-TAG), their lines named TAG/NAME.
guest_as() {
  local tag=$1 guest=$2 w=$O/xrun-$1
  shift 2
  { printf '#!/bin/sh\nexec "%s/xrun"' "$PWD" && printf ' "%s"' "$@" && printf ' "$@"\n'; } >"$w" &&
    chmod +x "$w"
  XRUN=$w GUEST=$guest tests/guest.sh | sed "s#^\(PASS\|FAIL\|SKIP\) guest[a-z0-9-]*/#\1 $tag/#"
}
suite guest-tinycache guest_as guest-tinycache aarch64 --tcache-size=64K --cache-dir="$cache"
# And with no persistent cache, each block interpreted twice before it is
# translated (--tier 3), first without the IR passes: faults, signals,
# threads and changed code in interpreted blocks, and blocks of both kinds
# running into each other.
suite guest-tier3 guest_as guest-tier3 aarch64 --no-cache --tier 3
# And every block translated without the passes at its first run and again
# with them at its second entry (--tier-up 2): code dropped and made again
# while it runs, under threads, signals and changed code. Both guests.
suite guest-tierup guest_as guest-tierup aarch64 --no-cache --tier 1 --tier-up 2
suite guest-riscv64-tierup guest_as guest-riscv64-tierup riscv64 --no-cache --tier 1 --tier-up 2
# And with no IR passes (--no-opt): the backend on the IR as the decoders
# write it (a register read again for each use, values nothing reads), which
# the passes otherwise tidy first; and with every FP instruction exact in C
# (--no-spec), the reference the speculative FP code falls back to, with the
# passes at once (--tier-up 0). Both guests.
suite guest-noopt guest_as guest-noopt aarch64 --no-cache --tier 1 --no-opt
suite guest-riscv64-noopt guest_as guest-riscv64-noopt riscv64 --no-cache --tier 1 --no-opt
suite guest-nospec guest_as guest-nospec aarch64 --no-cache --no-spec --tier-up 0
suite guest-riscv64-nospec guest_as guest-riscv64-nospec riscv64 --no-cache --no-spec --tier-up 0
suite gdbstub tests/gdbstub.sh
suite busybox tests/busybox.sh
suite busybox-riscv64 env GUEST=riscv64 tests/busybox.sh
suite coreutils-riscv64 tests/coreutils_riscv64.sh
suite realprogs-riscv64 tests/realprogs_riscv64.sh
suite openssl tests/openssl.sh
suite jit tests/jit.sh
suite mksysroot tests/mksysroot.sh
suite realprogs tests/realprogs.sh
suite hostile tests/hostile.sh
suite cache tests/cache.sh
# The harness runs each case's code from memory no cache keeps: at once with
# the IR passes (--tier-up 0), as code a cache keeps is translated.
suite difftest env GUEST=aarch64 N="${DIFFTEST_N:-10000}" SHOW=1 XRUN_TIER_UP=0 tests/difftest.sh
suite difftest-riscv64 env GUEST=riscv64 N="${DIFFTEST_RV64_N:-2000}" SHOW=1 XRUN_TIER_UP=0 \
  tests/difftest.sh
# difftest_as TAG GUEST N VAR=VALUE...: fewer sequences of GUEST another
# way, their lines named difftest[-riscv64]-TAG.
difftest_as() {
  local tag=$1 guest=$2 n=$3
  shift 3
  env GUEST="$guest" N="$n" SHOW=1 "$@" tests/difftest.sh >"$LOG.dt" 2>&1
  local st=$?
  grep -v '^PASS [a-z0-9-]*/\(selfcheck\|decode\):' "$LOG.dt" |
    sed "s#^\\(PASS\\|FAIL\\|SKIP\\) \\(difftest[a-z0-9-]*\\)/#\\1 \\2-$tag/#"
  return $st
}
# The same sequences in the interpreter, which runs every block of a first
# run's start-up up to eleven times: at XRUN_TIER=1000 no block of a case
# file reaches its 1,000th run but a loop body's (class loop), translated then.
suite difftest-interp difftest_as interp aarch64 900 XRUN_TIER=1000
suite difftest-riscv64-interp difftest_as interp riscv64 900 XRUN_TIER=1000
# And translated without the passes, as code no cache keeps is first.
suite difftest-quick difftest_as quick aarch64 2000
suite difftest-riscv64-quick difftest_as quick riscv64 1000

pass=$(grep -c '^PASS ' "$LOG")
fail=$(grep -c '^FAIL ' "$LOG")
skip=$(grep -c '^SKIP ' "$LOG")
if [ "$skip" -gt 0 ]; then
  echo
  echo "skipped:"
  sed -n 's/^SKIP \([^/:]*\)[^:]*: /\1: /p' "$LOG" | sort | uniq -c | sed 's/^ */  /'
fi
if [ "$fail" -gt 0 ]; then
  echo
  echo "failed:"
  grep '^FAIL ' "$LOG" | sed 's/^FAIL /  /' | cut -c1-150
fi
echo
summary="$pass passed, $fail failed"
[ "$skip" -gt 0 ] && summary="$summary, $skip skipped"
echo "$summary"
[ "$fail" -eq 0 ]
