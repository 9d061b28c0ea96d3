#!/bin/bash
# guest.sh - build the guest programs in tests/guest/$GUEST/ (GUEST=aarch64
# by default, or riscv64) and run each under $XRUN, comparing stdout and exit
# status with NAME.out/NAME.status, and (when qemu-$GUEST is installed) with
# qemu-$GUEST on the same binary.
#
#   tests/guest.sh                      # every test under ./xrun
#   GUEST=riscv64 tests/guest.sh        # the riscv64 programs (tests/guest/riscv64)
#   XRUN=qemu-aarch64 tests/guest.sh    # check the harness itself
#   tests/guest.sh sieve_primes fp_     # only tests whose names match
#   tests/guest.sh --bless NAME...      # write NAME.out/.status from qemu-aarch64,
#                                       # only if a native x86-64 build agrees
#
# Prints one line per test: PASS guest/NAME, FAIL guest/NAME: reason (with a
# short indented diff) or SKIP guest/NAME: reason.  Variants built as static-pie
# and -O0 are named guest/NAME@pie and guest/NAME@O0. The riscv64 tests are
# named guest-riscv64/NAME.
#
# Directives, read from lines of the source that start with "// test:":
#   // test: arm-only: WHY     no native x86-64 comparison when blessing (inline
#                              asm, or a fact that differs by design: uname);
#                              for every guest, not only arm (also spelt
#                              guest-only)
#   // test: qemu-wrong: WHY   qemu-$GUEST differs from Linux here: the expected
#                              output is the native x86-64 build's (the kernel's
#                              answer), and xrun is not compared with qemu live
#   // test: native: WHY       the kernel's answer depends on how this machine's
#                              kernel is configured (Landlock on or off): the
#                              expected output is the native x86-64 build's, run
#                              here at each test (no NAME.out; implies qemu-wrong
#                              when qemu-$GUEST lacks the calls)
#   // test: cflags: FLAGS     extra flags for the guest build
#   // test: xrun-flags: FLAGS options for xrun itself (not for qemu), e.g. -tb-size 64K
#   // test: qemu-flags: FLAGS options for qemu-$GUEST only (when blessing and
#                              comparing), e.g. -cpu rv64,zbkb=true for an
#                              extension qemu has but does not enable by default
#   // test: args: ARGS        command-line arguments, with shell quoting; @TMP@
#                              is a fresh empty directory (also the cwd)
# .S files are always arm-only and are linked with -nostdlib.
set -u

cd "$(dirname "$0")/.." || exit 2
GUEST=${GUEST:-aarch64}
case $GUEST in
  aarch64) TAG=guest ;;
  riscv64) TAG=guest-riscv64 ;;
  *) echo "guest.sh: unknown GUEST=$GUEST (aarch64 or riscv64)" >&2; exit 2 ;;
esac
SRC=tests/guest/$GUEST
OUT=${O:-o}/tests/guest/$GUEST
XRUN=${XRUN:-./xrun}
QEMU=${QEMU:-qemu-$GUEST}
GUEST_CC=${GUEST_CC:-$GUEST-linux-gnu-gcc}
HOST_CC=${HOST_CC:-gcc}
HOST_CFLAGS="-mcx16" # inline cmpxchg16b for the 128-bit __sync CAS
TIMEOUT=${TIMEOUT:-10}
# -ffp-contract=off: GCC would otherwise fuse a*b+c into fmadd on aarch64 only,
# and the same source would print different digits on the two machines.
COMMON_CFLAGS="-O2 -g -ffp-contract=off -Wall -Wno-unused-result"
GUEST_LIBS="-lm -lpthread"
# Tests also built as -static-pie and at -O0 (each variant must print the same).
A64_VARIANTS="printf_floats string_funcs_checksum setjmp_longjmp
  recursion_fib_ackermann file_io_tmpdir sieve_primes signal_segv_recover
  function_pointers switch_jump_table malloc_many_small auxv_getauxval asm_hello_write
  signal_segv_deferred_address"
RV64_VARIANTS="hello_compressed int_muldiv"
# Debian's riscv64 cross glibc has no static-pie start file (rcrt1.o).
if [ "$GUEST" = riscv64 ]; then
  VARIANT_TESTS=${VARIANT_TESTS:-$RV64_VARIANTS}
  VARIANT_KINDS="O0"
else
  VARIANT_TESTS=${VARIANT_TESTS:-$A64_VARIANTS}
  VARIANT_KINDS="pie O0"
fi

ulimit -c 0
mkdir -p "$OUT"
TMPROOT=$(mktemp -d "${TMPDIR:-/tmp}/xrun-guest.XXXXXX") || exit 2
trap 'rm -rf "$TMPROOT"' EXIT

# directive NAME.c KEY: the text after "// test: KEY:" (empty when absent).
directive() {
  sed -n "s|^// test: $2:[[:space:]]*||p" "$1" | head -1
}

# build SRCFILE BIN VARIANT: cross-build one guest program; errors to BIN.log.
build() {
  local src=$1 bin=$2 variant=$3 flags link libs
  flags="$COMMON_CFLAGS $(directive "$src" cflags)"
  case $variant in
    pie) link="-static-pie -fPIE" ;;
    O0) link="-static"; flags="$flags -O0" ;;
    *) link="-static" ;;
  esac
  case $src in
    *.S) link="$link -nostdlib"; libs="" ;;
    *) libs=$GUEST_LIBS ;;
  esac
  local fresh=1 dep
  local dir; dir=$(dirname "$src")
  for dep in "$src" "$0" "$dir"/*.h; do [ "$bin" -nt "$dep" ] || fresh=0; done
  [ $fresh = 1 ] && return 0
  # shellcheck disable=SC2086
  $GUEST_CC $flags $link -I"$dir" -o "$bin" "$src" $libs >"$bin.log" 2>&1
}

# A guest that goes wrong can signal pid -1 (kill(fork() that failed, ...)):
# run each one in a PID namespace of its own where root may make one, with a
# shell as its init so the guest's own signals behave as usual.
SANDBOX=()
if unshare --pid --fork --kill-child true 2>/dev/null; then
  SANDBOX=(unshare --pid --fork --kill-child sh -c '"$@"' sh)
fi

# run RUNNER BIN ARGS OUTFILE: run with a clean environment; prints the status.
# An empty RUNNER runs a native binary.
run() {
  local runner=$1 bin=$2 args=$3 outfile=$4 tmp
  tmp=$(mktemp -d "$TMPROOT/run.XXXXXX")
  args=${args//@TMP@/$tmp}
  local -a argv
  eval "argv=($args)" # shell quoting in the directive is honoured
  # shellcheck disable=SC2086
  (cd "$tmp" && exec env -i PATH=/usr/bin:/bin LC_ALL=C XTEST_ENV=hello-guest \
     timeout -k 2 "$TIMEOUT" "${SANDBOX[@]}" $runner "$bin" "${argv[@]}" </dev/null >"$outfile" 2>"$outfile.err")
  echo $?
}

abspath() { case $1 in /*) echo "$1" ;; */*) echo "$PWD/$1" ;; *) echo "$1" ;; esac; }

have_qemu=0
command -v "$QEMU" >/dev/null 2>&1 && have_qemu=1
XRUN_CMD=$(abspath "$XRUN")
same_as_qemu=0
[ "$(basename "$XRUN")" = "$(basename "$QEMU")" ] && same_as_qemu=1

nfail=0
fail() { # fail TEST REASON [DIFF-A DIFF-B]
  nfail=$((nfail + 1))
  echo "FAIL $TAG/$1: $2"
  if [ $# -ge 4 ]; then diff "$3" "$4" 2>&1 | head -8 | sed 's/^/    /'; fi
}

run_test() { # run_test NAME SRCFILE VARIANT
  local name=$1 src=$2 variant=$3 tname bin args want_status got_status q_status
  tname=$name${variant:+@$variant}
  bin=$(abspath "$OUT/$tname")
  if ! command -v "$GUEST_CC" >/dev/null 2>&1; then
    echo "SKIP $TAG/$tname: $GUEST_CC not installed"; return
  fi
  if ! build "$src" "$bin" "$variant"; then
    fail "$tname" "build failed: $(grep -m1 -i error "$bin.log")"; rm -f "$bin"; return
  fi
  local exp; exp=$(dirname "$src") # NAME.out and NAME.status live beside the source
  if [ -n "$(directive "$src" native)" ]; then
    exp=$(native_expect "$name" "$src" "$bin") || { fail "$tname" "native build failed"; return; }
  fi
  if [ ! -f "$exp/$name.out" ]; then
    fail "$tname" "no expected output $exp/$name.out"; return
  fi
  if [ "$XRUN" != "$QEMU" ] && [ ! -x "$XRUN_CMD" ] && ! command -v "$XRUN" >/dev/null; then
    echo "SKIP $TAG/$tname: $XRUN not built"; return
  fi
  args=$(directive "$src" args)
  want_status=0
  [ -f "$exp/$name.status" ] && want_status=$(cat "$exp/$name.status")
  local xflags=
  [ $same_as_qemu = 0 ] && xflags=$(directive "$src" xrun-flags)
  [ $same_as_qemu = 1 ] && xflags=$(directive "$src" qemu-flags)
  got_status=$(run "$XRUN_CMD $xflags" "$bin" "$args" "$bin.got")
  if [ "$got_status" = 124 ] && [ "$want_status" != 124 ]; then
    fail "$tname" "timed out after ${TIMEOUT}s (or internal error 124): $(head -c 200 "$bin.got.err")"; return
  fi
  if ! cmp -s "$exp/$name.out" "$bin.got"; then
    fail "$tname" "stdout differs from $name.out" "$exp/$name.out" "$bin.got"; return
  fi
  if [ "$got_status" != "$want_status" ]; then
    fail "$tname" "exit status $got_status, expected $want_status: $(head -c 200 "$bin.got.err" | tr '\n' ' ')"; return
  fi
  if [ $have_qemu = 1 ] && [ $same_as_qemu = 0 ] && [ -z "$(directive "$src" qemu-wrong)$(directive "$src" native)" ] &&
    [ -z "$(shared_qemu_wrong "$name")" ]; then
    q_status=$(run "$QEMU $(directive "$src" qemu-flags)" "$bin" "$args" "$bin.qemu")
    if ! cmp -s "$bin.qemu" "$bin.got" || [ "$q_status" != "$got_status" ]; then
      fail "$tname" "matches $name.out but not $QEMU (status $q_status); test is not deterministic?" \
        "$bin.qemu" "$bin.got"
      return
    fi
  fi
  echo "PASS $TAG/$tname"
}

# native_expect NAME SRC BIN: builds and runs SRC natively, writing
# NAME.out/.status into a directory of their own; prints that directory.
native_expect() {
  local name=$1 src=$2 dir=$3.native nbin st
  mkdir -p "$dir"
  nbin=$(abspath "$OUT/native/$name")
  mkdir -p "$OUT/native"
  # shellcheck disable=SC2086
  $HOST_CC $COMMON_CFLAGS $HOST_CFLAGS -I"$SRC" -o "$nbin" "$src" -lm -lpthread 2>"$dir/log" || return 1
  st=$(run "" "$nbin" "$(directive "$src" args)" "$dir/$name.out")
  rm -f "$dir/$name.status"
  [ "$st" = 0 ] || echo "$st" >"$dir/$name.status"
  echo "$dir"
}

# bless NAME: write NAME.out/.status from $QEMU, cross-checked natively.
bless() {
  local name=$1 src=$2 bin nbin args q n
  bin=$(abspath "$OUT/$name")
  build "$src" "$bin" "" || { echo "bless $name: build failed"; cat "$bin.log"; return 1; }
  args=$(directive "$src" args)
  q=$(run "$QEMU $(directive "$src" qemu-flags)" "$bin" "$args" "$bin.qemu")
  if [ -n "$(directive "$src" qemu-wrong)" ]; then
    mkdir -p "$OUT/native"
    nbin=$(abspath "$OUT/native/$name")
    # shellcheck disable=SC2086
    $HOST_CC $COMMON_CFLAGS $HOST_CFLAGS -I"$SRC" -o "$nbin" "$src" -lm -lpthread || return 1
    q=$(run "" "$nbin" "$args" "$bin.qemu") # the kernel's answer is the expectation
    echo "bless $name: qemu-wrong ($(directive "$src" qemu-wrong)): from the native x86-64 build, status $q"
  elif [ -n "$(directive "$src" arm-only)$(directive "$src" guest-only)" ] || [ "${src%.S}" != "$src" ]; then
    echo "bless $name: guest-only ($(directive "$src" arm-only)$(directive "$src" guest-only)), qemu status $q"
  else
    # same basename as the guest binary: argv[0] is printed by some tests
    mkdir -p "$OUT/native"
    nbin=$(abspath "$OUT/native/$name")
    # shellcheck disable=SC2086
    $HOST_CC $COMMON_CFLAGS $HOST_CFLAGS -I"$SRC" -o "$nbin" "$src" -lm -lpthread || return 1
    n=$(run "" "$nbin" "$args" "$nbin.got")
    if ! cmp -s "$bin.qemu" "$nbin.got" || [ "$q" != "$n" ]; then
      echo "bless $name: qemu (status $q) and native x86-64 (status $n) disagree:"
      diff "$bin.qemu" "$nbin.got" | head -20
      return 1
    fi
    echo "bless $name: qemu and native agree, status $q"
  fi
  cp "$bin.qemu" "$SRC/$name.out"
  if [ "$q" != 0 ]; then echo "$q" >"$SRC/$name.status"; else rm -f "$SRC/$name.status"; fi
}

# tests/guest/riscv64/shared.list: aarch64 programs (portable C) that run as
# riscv64 programs too, against the same NAME.out; a line's second field
# "qemu-wrong" (then a reason) skips the live qemu-riscv64 comparison.
SHARED=$SRC/shared.list
shared_qemu_wrong() {
  [ -f "$SHARED" ] && awk -v n="$1" '$1 == n && $2 == "qemu-wrong:" {print}' "$SHARED"
}

mode="test"
if [ "${1:-}" = --bless ]; then mode=bless; shift; fi

for src in "$SRC"/*.c "$SRC"/*.S; do
  [ -f "$src" ] || continue
  name=$(basename "$src"); name=${name%.*}
  if [ $# -gt 0 ]; then
    m=0; for pat in "$@"; do case $name in *"$pat"*) m=1 ;; esac; done
    [ $m = 1 ] || continue
  fi
  if [ $mode = bless ]; then
    if [ -n "$(directive "$src" native)" ]; then echo "bless $name: checked against a native run each time"; continue; fi
    bless "$name" "$src"; continue
  fi
  run_test "$name" "$src" ""
  case " $(echo $VARIANT_TESTS) " in
    *" $name "*) for v in $VARIANT_KINDS; do run_test "$name" "$src" "$v"; done ;;
  esac
done
if [ $mode = test ] && [ -f "$SHARED" ]; then
  while read -r name _; do
    case $name in '' | '#'*) continue ;; esac
    if [ $# -gt 0 ]; then
      m=0; for pat in "$@"; do case $name in *"$pat"*) m=1 ;; esac; done
      [ $m = 1 ] || continue
    fi
    run_test "$name" "tests/guest/aarch64/$name.c" ""
  done <"$SHARED"
fi
[ $nfail = 0 ]
