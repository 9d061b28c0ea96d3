#!/bin/bash
# bench.sh - time real programs natively, under qemu-aarch64 (qemu-riscv64
# for the riscv64 rows) and under ./xrun.
#
#   tools/bench.sh                  # every row (what `make bench` runs)
#   RUNS=1 tools/bench.sh lua gzip  # one run each, rows whose name contains "lua" or "gzip"
#   RUNS=1 tools/bench.sh _rv64     # the riscv64 rows
#
# Rows:
#   - Debian workloads: Debian's arm64 build of a program (unpacked by
#     tools/fetch-arm64 into $SYSROOT) runs under `xrun -L $SYSROOT` and
#     `qemu-aarch64 -L $SYSROOT`; the amd64 build of the same Debian package
#     runs natively (installed with apt-get when missing).
#   - C programs from tests/guest/aarch64, built for both architectures.
#   - Debian's arm64 openssl against the host's openssl.
#   - start-up (group startup): Debian's arm64 gcc-12 compiling and linking a
#     500-line C program, and busybox sh starting busybox 300 times (the
#     time per start), both from $STARTUP_ROOT (made by tools/mksysroot),
#     against the host's amd64 gcc-12 and busybox.
#   - the same work (group target): gcc_S_arm64 has Debian's arm64 gcc-12
#     compile $PROG to assembly, as in gcc_compile, but natively the amd64
#     build of Debian's gcc-12 for arm64 (gcc-12-aarch64-linux-gnu) does it:
#     all three columns run the same compiler for the same target (the
#     amd64 gcc of gcc_compile compiles for x86-64, a different amount of
#     work), and the assembly they write is what is compared. In no mean.
#     gcc_arm64 does all of gcc_compile's work (compile, assemble, link with
#     $STARTUP_ROOT's crt files and libraries) the same way: natively the
#     amd64 arm64-targeting gcc-12 and binutils with --sysroot; the program
#     linked is compared (less .comment and the build ID). In no mean.
#   - riscv64 (*_rv64, group rv64): the same Debian workloads with Debian
#     trixie's riscv64 builds (in $RV64_SYSROOT) under `xrun -L` and
#     `qemu-riscv64 -L`, against trixie's amd64 builds of the same packages
#     (in $AMD64_ROOT) run natively through their own dynamic loader and
#     libraries; tools/rv64-sysroots makes both sysroots.
#
# xrun keeps its translations in a persistent cache ($OUT/xrun-cache, emptied
# when the script starts); one untimed xrun run of each row fills it first, so
# the times are those of a program run before. The *_nocache rows (group cold)
# turn the cache off: every block is translated, as in a first run;
# dash_exec_loop_first (group cold too) starts each run with an empty cache
# of its own, so its later processes load what the earlier ones saved. The
# *_nosmc rows (group nosmc) run with --no-smc, which turns off dropping
# translations for changed code; the summary sets each against its row with
# the machinery on: what keeping code right costs programs that never write code.
#
# Method: for run i = 1..$RUNS the native, qemu and xrun runs follow each other
# (interleaved, so a burst of other load hits all three alike); each time is the
# median of the $RUNS runs. Every run's output is compared with the first native
# run's (stdout: a script's printout, the compressed bytes, the sorted lines).
# A run that exits non-zero or takes longer than $TIMEOUT seconds makes its
# column FAILED; the reason is printed below the table.
#
# Output: the table on stdout, then the translation cost per block (--stats,
# medians of 5 runs of /bin/true and of python3.11 starting), then geometric
# means; $OUT/bench.csv and a bar
# chart $OUT/bench.png (gnuplot) of xrun/native and qemu/native per row. The
# riscv64 rows have a geometric mean of their own; the aarch64 means leave them out.
set -u

cd "$(dirname "$0")/.." || exit 2
XRUN=${XRUN:-./xrun}
QEMU=${QEMU:-qemu-aarch64}
GUEST_CC=${GUEST_CC:-aarch64-linux-gnu-gcc}
HOST_CC=${HOST_CC:-gcc}
RUNS=${RUNS:-3}
TIMEOUT=${TIMEOUT:-300}
OUT=${O:-o}/bench
DATA=$OUT/data
TEXT=$DATA/text-8000000.txt   # about 8 MB of text-like lines (gen-text.awk)
LINES=$DATA/lines-1000000.txt # 1M random lines to sort (gen-lines.awk)
SQL=$DATA/orders-100000.sql   # 100k INSERTs and queries (gen-sql.awk)
PROG=$DATA/prog-500.c         # a 500-line C program for gcc to compile (gen-c.awk)
SYSROOT=${SYSROOT:-o/sysroot/aarch64}
RV64_QEMU=${RV64_QEMU:-qemu-riscv64}
RV64_SYSROOT=${O:-o}/rv64-real  # trixie's riscv64 builds (tools/rv64-sysroots)
AMD64_ROOT=${O:-o}/amd64-trixie # trixie's amd64 builds of the same packages
STARTUP_ROOT=${O:-o}/sysroot/startup # Debian's arm64 gcc-12 and busybox (tools/mksysroot)
PY=python3.11                   # the python of the Debian rows (w_rv64: trixie's)
SRC=tests/guest/aarch64
SCRIPTS=tools/bench
CFLAGS="-O2 -ffp-contract=off"
K=000102030405060708090a0b0c0d0e0f
export LC_ALL=C # same sort order and messages for every build

# Debian's arm64 packages for the Debian rows and openssl, with the libraries
# they load (listed by hand from `apt-cache depends` and by running them).
ARM64_PACKAGES="libc6 libgcc-s1 libstdc++6 zlib1g libtinfo6 libreadline8
  lua5.4 liblua5.4-0
  python3.11 python3.11-minimal libpython3.11-minimal libpython3.11-stdlib
  libexpat1 libffi8 libbz2-1.0 liblzma5 libcrypt1 libdb5.3 libncursesw6
  libnsl2 libtirpc3 libuuid1 libsqlite3-0
  sqlite3 gzip bzip2 xz-utils zstd liblz4-1 libzstd1
  coreutils libacl1 libattr1 libgmp10 libselinux1 libpcre2-8-0
  perl-base dash libssl3 openssl"

# The rows. name, group (debian / c / openssl / rv64: the geometric means are per
# group), per (the times are divided by it: runs of a loop), package (the
# Debian package whose amd64 and arm64 builds are compared, or -), then the
# workload: a w_* function and its arguments after the runner.
rows() {
  cat <<EOF
lua5.4            debian  1   lua5.4      w_lua
python3.11        debian  1   python3.11  w_python
sqlite3           debian  1   sqlite3     w_sqlite
gzip-9            debian  1   gzip        w_gzip
bzip2-9           debian  1   bzip2       w_bzip2
xz-1              debian  1   xz-utils    w_xz
zstd-9            debian  1   zstd        w_zstd
sort              debian  1   coreutils   w_sort
sha256sum         debian  1   coreutils   w_sha256sum
perl              debian  1   perl-base   w_perl
dash_exec_loop    debian  1   dash        w_exec_loop 200
true_per_run      debian  100 coreutils   w_true 100
gcc_compile       startup 1   gcc-12      w_gcc
gcc_S_arm64       target  1   gcc-12-aarch64-linux-gnu w_gcc_s
gcc_arm64         target  1   gcc-12-aarch64-linux-gnu w_gcc_arm64
busybox_sh_loop   startup 300 busybox-static w_busybox_loop 300
dash_exec_loop_nocache cold 1 dash        w_nocache w_exec_loop 200
dash_exec_loop_first cold 1   dash        w_firstrun w_exec_loop 200
true_per_run_nocache cold 100 coreutils   w_nocache w_true 100
gcc_compile_nocache cold  1   gcc-12      w_nocache w_gcc
busybox_sh_loop_nocache cold 300 busybox-static w_nocache w_busybox_loop 300
python3.11_nosmc  nosmc   1   python3.11  w_nosmc w_python
sqlite3_nosmc     nosmc   1   sqlite3     w_nosmc w_sqlite
dash_exec_loop_nocache_nosmc nosmc 1 dash w_nosmc w_nocache w_exec_loop 200
sieve_primes      c       1   -           w_c sieve_primes 30000000
matrix_multiply   c       1   -           w_c matrix_multiply 10
sha256_hash_loop  c       1   -           w_c sha256_hash_loop 32
mem_funcs_alignments c    1   -           w_c mem_funcs_alignments
fp_mandelbrot     c       1   -           w_c fp_mandelbrot 1200
openssl_sha256    openssl 1   openssl     w_openssl dgst -sha256 -r
openssl_sha512    openssl 1   openssl     w_openssl dgst -sha512 -r
openssl_aes128_cbc openssl 1  openssl     w_openssl enc -aes-128-cbc -K $K -iv $K -in
openssl_chacha20  openssl 1   openssl     w_openssl enc -chacha20 -K $K$K -iv $K -in
lua5.4_rv64       rv64    1   lua5.4      w_rv64 w_lua
python3.13_rv64   rv64    1   python3.13  w_rv64 w_python
sqlite3_rv64      rv64    1   sqlite3     w_rv64 w_sqlite
gzip-9_rv64       rv64    1   gzip        w_rv64 w_gzip
bzip2-9_rv64      rv64    1   bzip2       w_rv64 w_bzip2
xz-1_rv64         rv64    1   xz-utils    w_rv64 w_xz
zstd-9_rv64       rv64    1   zstd        w_rv64 w_zstd
sort_rv64         rv64    1   coreutils   w_rv64 w_sort
sha256sum_rv64    rv64    1   coreutils   w_rv64 w_sha256sum
perl_rv64         rv64    1   perl-base   w_rv64 w_perl
dash_exec_loop_rv64 rv64  1   dash        w_rv64 w_exec_loop 200
true_per_run_rv64 rv64    100 coreutils   w_rv64 w_true 100
EOF
}

# ---------------------------------------------------------------- runners

# on RUNNER NATIVE_BIN GUEST_BIN ARGS...: run the x86-64 NATIVE_BIN (native)
# or the aarch64 GUEST_BIN under qemu-aarch64 or xrun, with the sysroot.
on() {
  local runner=$1 native=$2 guest=$3
  shift 3
  case $runner in
    native) "$native" "$@" ;;
    qemu) "$QEMU" -L "$SYSROOT" "$guest" "$@" ;;
    xrun) "$XRUN" -L "$SYSROOT" "$guest" "$@" ;;
  esac
}

# deb RUNNER PATH ARGS...: run Debian's program PATH: the host's own (amd64)
# natively, the one in the arm64 sysroot under an emulator (in w_rv64: the
# amd64 build in $NATIVE_ROOT natively, the riscv64 one in $SYSROOT).
deb() {
  local runner=$1 path=$2
  shift 2
  if [ "$runner" = native ] && [ -n "${NATIVE_ROOT:-}" ]; then
    native_root "$path" "$@"
  else
    on "$runner" "$path" "$SYSROOT$path" "$@"
  fi
}

# native_root PATH ARGS...: the amd64 program PATH of the sysroot
# $NATIVE_ROOT, through its own dynamic loader and libraries (and perl with
# its own modules, not the host's)
native_root() {
  local path=$1
  shift
  PERL5LIB=$NATIVE_ROOT/usr/lib/x86_64-linux-gnu/perl-base "$NATIVE_ROOT/usr/lib64/ld-linux-x86-64.so.2" \
    --library-path "$NATIVE_ROOT/usr/lib/x86_64-linux-gnu" "$NATIVE_ROOT$path" "$@"
}

# ---------------------------------------------------------------- workloads
# w_NAME RUNNER ARGS...: one run of the workload; its stdout is what is compared.

w_lua() { deb "$1" /usr/bin/lua5.4 "$SCRIPTS/bench.lua"; }
w_python() { deb "$1" "/usr/bin/$PY" -I "$SCRIPTS/bench.py"; }
w_perl() { deb "$1" /usr/bin/perl "$SCRIPTS/bench.pl"; }
w_sqlite() { deb "$1" /usr/bin/sqlite3 :memory: <"$SQL"; }
# compressors: their output bytes are deterministic, so they are compared as is
w_gzip() { deb "$1" /bin/gzip -9 -n -c <"$TEXT"; }
w_bzip2() { deb "$1" /bin/bzip2 -9 -c <"$TEXT"; }
w_xz() { deb "$1" /usr/bin/xz -1 -T1 -c <"$TEXT"; }
w_zstd() { deb "$1" /usr/bin/zstd -9 -q -c <"$TEXT"; }
w_sort() { deb "$1" /usr/bin/sort <"$LINES"; }
# the same 8 MB file eight times: 64 MB hashed
w_sha256sum() { deb "$1" /usr/bin/sha256sum "$TEXT" "$TEXT" "$TEXT" "$TEXT" \
  "$TEXT" "$TEXT" "$TEXT" "$TEXT"; }

# w_exec_loop RUNNER N: Debian's dash forks and execs coreutils' echo N times.
# Neither qemu nor this machine registers a binfmt_misc handler, so under qemu
# the shell execs "qemu-aarch64 -L SYSROOT echo" (what binfmt_misc would run);
# xrun runs an exec'd aarch64 program through itself.
w_exec_loop() {
  local echo
  case $1 in
    native) echo=/bin/echo
      [ -n "${NATIVE_ROOT:-}" ] && echo="$NATIVE_ROOT/usr/lib64/ld-linux-x86-64.so.2 --library-path \
$NATIVE_ROOT/usr/lib/x86_64-linux-gnu $NATIVE_ROOT/bin/echo" ;;
    qemu) echo="$(command -v "$QEMU") -L $SYSROOT $SYSROOT/bin/echo" ;;
    xrun) echo=$SYSROOT/bin/echo ;;
  esac
  # shellcheck disable=SC2016 # $i and $1 are dash's
  deb "$1" /bin/dash -c 'i=0; while [ $i -lt "$2" ]; do $1 $i; i=$((i + 1)); done' dash "$echo" "$2"
}

# w_gcc RUNNER: Debian's gcc-12 compiles and links the 500-line $PROG (-O2;
# cc1, as, collect2 and ld: four programs started by the driver), then the
# program runs (its output is what is compared). Natively the host's amd64
# gcc-12 makes an x86-64 program. qemu gets -B $OUT/qemu-gcc: scripts in
# place of those four programs that run them under qemu-aarch64, as
# binfmt_misc would.
w_gcc() {
  local runner=$1 d
  d=$(mktemp -d "$tmp/gcc.XXXXXX") || return
  case $runner in
    native) gcc-12 -O2 -o "$d/prog" "$PROG" && "$d/prog" ;;
    qemu) "$QEMU" -L "$STARTUP_ROOT" "$STARTUP_ROOT/usr/bin/gcc-12" -B "$OUT/qemu-gcc/" -O2 -o "$d/prog" \
      "$PROG" && "$QEMU" -L "$STARTUP_ROOT" "$d/prog" ;;
    xrun) "$XRUN" -L "$STARTUP_ROOT" "$STARTUP_ROOT/usr/bin/gcc-12" -O2 -o "$d/prog" "$PROG" &&
      "$XRUN" -L "$STARTUP_ROOT" "$d/prog" ;;
  esac
}

# w_gcc_s RUNNER: an arm64-targeting gcc-12 compiles $PROG to assembly (-O2
# -S: the driver and cc1), written on stdout without the .ident line (whose
# Debian revision may differ); natively the amd64 build of the arm64 gcc-12
w_gcc_s() {
  local d
  d=$(mktemp -d "$tmp/gccs.XXXXXX") || return
  case $1 in
    native) aarch64-linux-gnu-gcc-12 -O2 -S -o "$d/p.s" "$PROG" ;;
    qemu) "$QEMU" -L "$STARTUP_ROOT" "$STARTUP_ROOT/usr/bin/gcc-12" -B "$OUT/qemu-gcc/" -O2 -S -o "$d/p.s" \
      "$PROG" ;;
    xrun) "$XRUN" -L "$STARTUP_ROOT" "$STARTUP_ROOT/usr/bin/gcc-12" -O2 -S -o "$d/p.s" "$PROG" ;;
  esac && grep -v '^[[:space:]]*\.ident' "$d/p.s"
}

# w_gcc_arm64 RUNNER: gcc_compile's whole work for arm64 in every column:
# compile, assemble and link $PROG with $STARTUP_ROOT's crt files and
# libraries; natively the amd64 build of the arm64-targeting gcc-12 and
# binutils (--sysroot). What is compared is the program linked, less the
# compiler's version string (.comment: the two builds' Debian revisions
# differ) and the build ID made from it.
w_gcc_arm64() {
  local d
  d=$(mktemp -d "$tmp/gcca.XXXXXX") || return
  case $1 in
    native) aarch64-linux-gnu-gcc-12 --sysroot="$STARTUP_ROOT" -O2 -o "$d/prog" "$PROG" ;;
    qemu) "$QEMU" -L "$STARTUP_ROOT" "$STARTUP_ROOT/usr/bin/gcc-12" -B "$OUT/qemu-gcc/" -O2 -o "$d/prog" \
      "$PROG" ;;
    xrun) "$XRUN" -L "$STARTUP_ROOT" "$STARTUP_ROOT/usr/bin/gcc-12" -O2 -o "$d/prog" "$PROG" ;;
  esac && aarch64-linux-gnu-objcopy -R .comment -R .note.gnu.build-id "$d/prog" "$d/bare" &&
    sha256sum <"$d/bare"
}

# w_busybox_loop RUNNER N: busybox sh starts busybox N times (its echo
# applet, by path: an exec each time); static busybox, under qemu through
# qemu-aarch64 as in w_exec_loop
w_busybox_loop() {
  local bb sh
  case $1 in
    native) bb=/bin/busybox sh=/bin/busybox ;;
    qemu) bb="$(command -v "$QEMU") $STARTUP_ROOT/bin/busybox" sh="$QEMU $STARTUP_ROOT/bin/busybox" ;;
    xrun) bb=$STARTUP_ROOT/bin/busybox sh="$XRUN $STARTUP_ROOT/bin/busybox" ;;
  esac
  # shellcheck disable=SC2016,SC2086 # $i and $1 are busybox sh's; $sh is a command line
  $sh sh -c 'i=0; while [ $i -lt "$2" ]; do $1 echo $i; i=$((i + 1)); done' sh "$bb" "$2"
}

# w_true RUNNER N: start coreutils' (dynamic) true N times: start-up cost
w_true() {
  local i
  for ((i = 0; i < $2; i++)); do deb "$1" /bin/true || return; done
}

# w_nocache RUNNER WORKLOAD ARGS...: the workload with xrun's persistent cache
# off: every block translated in every run, as in a first run
w_nocache() {
  local runner=$1 w=$2
  shift 2
  XRUN_NO_CACHE=1 "$w" "$runner" "$@"
}

# w_firstrun RUNNER WORKLOAD ARGS...: the workload as a first run: xrun's
# persistent cache starts empty (a directory of its own, gone after), so
# its processes load only what the earlier ones saved while it ran
w_firstrun() {
  local runner=$1 w=$2 d rc
  shift 2
  d=$(mktemp -d "$tmp/first.XXXXXX") || return
  XRUN_CACHE=$d "$w" "$runner" "$@"
  rc=$?
  [ "$runner" = xrun ] && "$XRUN" --cache-dir="$d" --cache wait >/dev/null 2>&1 # savers (timed)
  rm -rf "$d"
  return $rc
}

# w_nosmc RUNNER WORKLOAD ARGS...: the workload with xrun's machinery for
# changed code off (--no-smc): set against the same row without it, what
# keeping translations right costs a program that never writes code
w_nosmc() {
  local runner=$1 w=$2
  shift 2
  XRUN_NO_SMC=1 "$w" "$runner" "$@"
}

# w_rv64 RUNNER WORKLOAD ARGS...: the workload with Debian trixie's riscv64
# build under qemu-riscv64 or xrun, and trixie's amd64 build natively
w_rv64() {
  local runner=$1 w=$2
  shift 2
  SYSROOT=$RV64_SYSROOT QEMU=$RV64_QEMU NATIVE_ROOT=$AMD64_ROOT PY=python3.13 "$w" "$runner" "$@"
}

# w_c RUNNER NAME ARGS...: a C program of tests/guest/aarch64, built by prepare_c
w_c() {
  local runner=$1 name=$2
  shift 2
  on "$runner" "$OUT/$name.x86_64" "$OUT/$name.aarch64" "$@"
}

# w_openssl RUNNER ARGS...: openssl ARGS on the 32 MiB $DATA/openssl.in
w_openssl() {
  local runner=$1
  shift
  deb "$runner" /usr/bin/openssl "$@" "$DATA/openssl.in"
}

# ---------------------------------------------------------------- preparing

note() { echo "bench: $*" >&2; }

# need_amd64 PKG...: install the host's (amd64) packages that are missing
need_amd64() {
  local p missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p:amd64" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  note "installing ${missing[*]} (amd64)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >/dev/null 2>&1 ||
    note "apt-get install ${missing[*]} failed"
}

# gen FILE COMMAND...: (re)make the data file FILE with COMMAND's stdout when it
# is missing or older than the generators in tools/bench (the sizes are in the
# file names).
gen() {
  local file=$1
  shift
  if [ -s "$file" ] && [ -z "$(find "$SCRIPTS" -newer "$file" -name '*.awk')" ]; then
    return 0
  fi
  note "generating $file"
  "$@" >"$file.tmp" && mv "$file.tmp" "$file"
}

# prepare_debian: the arm64 sysroot, the amd64 packages, the input data
prepare_debian() {
  # shellcheck disable=SC2086 # the package lists are split on purpose
  tools/fetch-arm64 -d "$SYSROOT" $ARM64_PACKAGES || note "fetch-arm64 failed: the emulated rows will fail"
  need_amd64 lua5.4 python3.11 sqlite3 gzip bzip2 xz-utils zstd coreutils perl-base dash
  prepare_data
}

# prepare_rv64: trixie's riscv64 and amd64 sysroots, the input data
prepare_rv64() {
  tools/rv64-sysroots "${O:-o}" || note "tools/rv64-sysroots failed: the riscv64 rows will fail"
  prepare_data
}

prepare_data() {
  gen "$TEXT" awk -v bytes=8000000 -f "$SCRIPTS/gen-text.awk"
  gen "$LINES" awk -v lines=1000000 -f "$SCRIPTS/gen-lines.awk"
  gen "$SQL" awk -v rows=100000 -f "$SCRIPTS/gen-sql.awk"
}

# prepare_startup: Debian's arm64 gcc-12, libc6-dev and busybox-static in
# $STARTUP_ROOT, the host's gcc-12 and busybox-static, the C program, and
# the scripts that run gcc's programs under qemu (w_gcc)
prepare_startup() {
  local p t
  if [ ! -e "$STARTUP_ROOT/.complete" ]; then
    rm -rf "$STARTUP_ROOT"
    if tools/mksysroot "$STARTUP_ROOT" gcc-12 libc6-dev busybox-static; then
      touch "$STARTUP_ROOT/.complete"
    else
      note "tools/mksysroot failed: the gcc and busybox rows will fail"
    fi
  fi
  need_amd64 gcc-12 busybox-static
  gen "$PROG" awk -v lines=500 -f "$SCRIPTS/gen-c.awk"
  mkdir -p "$OUT/qemu-gcc"
  for p in cc1:usr/lib/gcc/aarch64-linux-gnu/12/cc1 as:usr/bin/as \
    collect2:usr/lib/gcc/aarch64-linux-gnu/12/collect2 ld:usr/bin/ld; do
    t=$OUT/qemu-gcc/${p%%:*}
    printf '#!/bin/sh\nexec %s -L %s %s/%s "$@"\n' "$(command -v "$QEMU")" "$STARTUP_ROOT" \
      "$STARTUP_ROOT" "${p#*:}" >"$t" && chmod +x "$t"
  done
}

# prepare_cold: the cold rows run Debian's programs too
prepare_cold() {
  prepare_debian
  prepare_startup
}
prepare_nosmc() { prepare_debian; }
prepare_target() {
  prepare_startup
  need_amd64 gcc-12-aarch64-linux-gnu
}

# prepare_c: build each C program for aarch64 (static) and x86-64
prepare_c() {
  local name
  for name in $(rows | awk '$2 == "c" { print $1 }'); do
    # shellcheck disable=SC2086 # CFLAGS is a list
    if ! $GUEST_CC $CFLAGS -static -o "$OUT/$name.aarch64" "$SRC/$name.c" -lm ||
      ! $HOST_CC $CFLAGS -o "$OUT/$name.x86_64" "$SRC/$name.c" -lm; then
      note "building $name failed"
    fi
  done
}

# prepare_openssl: the sysroot and 32 MiB of AES-CTR keystream as input
prepare_openssl() {
  # shellcheck disable=SC2086
  tools/fetch-arm64 -d "$SYSROOT" $ARM64_PACKAGES || note "fetch-arm64 failed: the emulated rows will fail"
  need_amd64 openssl
  [ -s "$DATA/openssl.in" ] ||
    head -c 33554432 /dev/zero | openssl enc -aes-128-ctr -K $K -iv $K >"$DATA/openssl.in"
}

# ---------------------------------------------------------------- measuring

# run_once RUNNER PER WORKLOAD...: run the workload once, its stdout in
# $tmp/out, stderr in $tmp/err. Prints the wall time divided by PER, or
# returns 1 with the reason in $tmp/why. A watchdog kills the run (and all it
# started: set -m gives the job its own process group) after $TIMEOUT s.
run_once() {
  local runner=$1 per=$2 fn=$3 pid wd rc start end
  shift 3
  rm -f "$tmp/time"
  set -m
  (
    start=$EPOCHREALTIME
    "$fn" "$runner" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
    echo "$? $start $EPOCHREALTIME" >"$tmp/time"
  ) &
  pid=$!
  (sleep "$TIMEOUT" && kill -KILL -- "-$pid") 2>/dev/null &
  wd=$!
  set +m
  wait "$pid" 2>/dev/null
  kill -- "-$wd" 2>/dev/null
  wait "$wd" 2>/dev/null
  # translations still being saved after the run (untimed): not in the next run's time
  [ "$runner" = xrun ] && "$XRUN" --cache wait >/dev/null 2>&1
  if ! read -r rc start end 2>/dev/null <"$tmp/time"; then
    echo "timed out after $TIMEOUT s" >"$tmp/why"
    return 1
  fi
  if [ "$rc" -ne 0 ]; then
    echo "exit status $rc: $(grep -m1 . "$tmp/err")" >"$tmp/why"
    return 1
  fi
  awk -v s="$start" -v e="$end" -v n="$per" 'BEGIN { printf "%.6f\n", (e - s) / n }'
}

median() { # median NUMBER...
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ratio() { # ratio A B: A/B to two decimals, or "-" when either is not a number
  case "$1$2" in *[!0-9.]* | "") echo - ;; *) awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }' ;; esac
}

fmt_time() { # seconds with 3 decimals (5 below 0.1 s), or the word as is
  case $1 in *[!0-9.]* | "") echo "$1" ;; *) awk -v t="$1" 'BEGIN { printf(t < 0.1 ? "%.5f" : "%.3f", t) }' ;; esac
}

have() { [ -x "$1" ] || command -v "$1" >/dev/null 2>&1; }

# measure NAME PER WORKLOAD...: the interleaved runs of one row. Sets
# med[native|qemu|xrun] (median seconds, FAILED or -) and same (yes / no
# (which runners differed) / -); failure reasons go to $tmp/failures.
measure() {
  local name=$1 per=$2 i r t
  shift 2
  local -A times=() failed=() differs=()
  rm -f "$tmp/ref"
  have "$XRUN" && run_once xrun "$per" "$@" >/dev/null # untimed: fills the persistent cache
  for ((i = 0; i < RUNS; i++)); do
    for r in native qemu xrun; do
      [ -n "${failed[$r]:-}" ] && continue
      [ "$r" = qemu ] && ! have "$QEMU" && failed[$r]=- && continue
      [ "$r" = xrun ] && ! have "$XRUN" && failed[$r]=- && continue
      if ! t=$(run_once "$r" "$per" "$@"); then
        failed[$r]=FAILED
        echo "$name under $r: $(cat "$tmp/why")" >>"$tmp/failures"
        continue
      fi
      times[$r]="${times[$r]:-} $t"
      if [ ! -e "$tmp/ref" ]; then
        [ "$r" = native ] && mv "$tmp/out" "$tmp/ref"
      elif ! cmp -s "$tmp/out" "$tmp/ref"; then
        differs[$r]=1
      fi
    done
  done
  for r in native qemu xrun; do
    # shellcheck disable=SC2086 # the times are a list
    if [ -n "${failed[$r]:-}" ]; then med[$r]=${failed[$r]}; else med[$r]=$(median ${times[$r]}); fi
  done
  if [ ! -e "$tmp/ref" ]; then
    same=-
  elif [ ${#differs[@]} -gt 0 ]; then
    same="no (${!differs[*]})"
  else
    same=yes
  fi
}

# ---------------------------------------------------------------- reporting

# versions PKG GROUP: "amd64-version guest-version" of a Debian package (- if unknown)
versions() {
  local pkg=$1 a b=-
  if [ "$2" = rv64 ]; then
    echo "$(doc_version "$AMD64_ROOT" "$pkg") $(doc_version "$RV64_SYSROOT" "$pkg")"
    return
  fi
  a=$(dpkg-query -W -f='${Version}' "$pkg:amd64" 2>/dev/null) || a=-
  [ "$2" = target ] && pkg=${pkg%-aarch64-linux-gnu} # emulated: Debian's arm64 build of gcc-12
  [ -d "$STARTUP_ROOT/usr/share/doc/$pkg" ] && b=$(doc_version "$STARTUP_ROOT" "$pkg")
  [ -f "$SYSROOT/.fetched/$pkg" ] && b=$(sed "s/^${pkg}_//; s/_arm64\.deb\$//; s/%3a/:/" "$SYSROOT/.fetched/$pkg")
  echo "${a:--} $b"
}

# doc_version ROOT PKG: the version of a package unpacked in ROOT, from the
# first line of its Debian changelog (the binary-only upload's first)
doc_version() {
  local f
  for f in "$1/usr/share/doc/$2"/changelog.Debian.*.gz "$1/usr/share/doc/$2/changelog.Debian.gz"; do
    [ -f "$f" ] || continue
    zcat "$f" 2>/dev/null | sed -n '1s/^[^ ]* (\([^)]*\)).*/\1/p'
    return
  done
  echo -
}

ROW_FORMAT='%-28s %9s %9s %9s %11s %11s %9s  %s\n'
print_header() {
  # shellcheck disable=SC2059
  printf "$ROW_FORMAT" program "native s" "qemu s" "xrun s" xrun/native qemu/native qemu/xrun "same output"
}

# geomean GROUP_REGEX COLUMN: geometric mean of a ratio column of the csv
# over the rows whose group matches, with the number of rows it covers
geomean() {
  awk -F, -v g="$1" -v c="$2" 'NR > 1 && $2 ~ g && $c ~ /^[0-9.]+$/ && $c > 0 { s += log($c); n++ }
    END { if (n) printf "%.2f (%d rows)", exp(s / n), n; else printf "- (0 rows)" }' "$CSV"
}

# translation_cost: how long xrun takes to translate a block, from --stats
# (the median of five runs each of a start-up-bound and a larger program:
# one run moved by 10-30% from the next), every block translated at its
# first run (--tier 1): the translator's cost alone; first without the IR
# passes (as code no cache keeps is, --tier-up), then with them (--tier-up 0,
# as code a cache keeps is)
translation_cost() {
  [ -d "$SYSROOT/usr/bin" ] || return
  echo
  echo "translation (xrun --tier 1 --stats, median of 5 runs; --tier-up 0: with the IR passes):"
  local what up i
  for up in 10000 0; do
    for what in "/bin/true" "/usr/bin/python3.11 -I -c pass"; do
      read -ra cmd <<<"$what"
      [ -x "$SYSROOT${cmd[0]}" ] || continue
      for i in 1 2 3 4 5; do
        "$XRUN" --no-cache --tier 1 --tier-up $up --stats -L "$SYSROOT" "$SYSROOT${cmd[0]}" "${cmd[@]:1}" \
          2>&1 >/dev/null |
          awk '/blocks translated/ { b = $3 } /translation time/ { t = $3 } END { if (b) print b, t }'
      done | sort -k2 -n | awk -v w="$what" -v up="$up" 'NR == 3 {
          printf "  %-32s --tier-up %-5s %6d blocks  %7.2f ms  %5.2f us per block\n", w, up, $1, $2, 1000 * $2 / $1 }'
    done
  done
  translation_instructions
}

# translation_instructions: the same first run of /bin/true counted in host
# instructions (callgrind: the same count in every run, where the times above
# move by 10-30% from one run to the next; xrun's start and the guest's run
# are in it too, about 3% of it). Under valgrind the guest sees another CPU
# (no AVX-512), so its libc takes other paths and more blocks than above.
translation_instructions() {
  command -v valgrind >/dev/null || return 0
  [ -x "$SYSROOT/bin/true" ] || return 0
  echo "translation in host instructions (callgrind, /bin/true at --tier 1, one run each):"
  local up
  for up in 10000 0; do
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$XRUN" --no-cache --tier 1 \
      --tier-up $up --stats -L "$SYSROOT" "$SYSROOT/bin/true" 2>&1 >/dev/null |
      awk -v up="$up" '/blocks translated/ { b = $3 } /Collected :/ { n = $4 }
        END { if (b && n) printf "  %-32s --tier-up %-5s %6d blocks  %11d host instructions  %6.0f per block\n",
                                "/bin/true", up, b, n, n / b }'
  done
}

# smc_cost: each *_nosmc row's xrun time against its row with the machinery on
smc_cost() {
  awk -F, 'NR > 1 { t[$1] = $8 }
    END { for (r in t) if (r ~ /_nosmc$/ && (b = substr(r, 1, length(r) - 6)) in t && t[r] > 0)
            printf "SMC machinery: %-22s xrun %.3f s with it, %.3f s without (%+.1f%%)\n", b, t[b], t[r],
                   100 * (t[b] / t[r] - 1) }' "$CSV" | sort
}

print_summary() {
  translation_cost
  echo
  printf 'geometric mean, Debian workloads:  xrun/native %s   qemu/xrun %s\n' \
    "$(geomean '^debian$' 9)" "$(geomean '^debian$' 11)"
  printf 'geometric mean, all rows but cold:  xrun/native %s   qemu/xrun %s\n' \
    "$(geomean '^(debian|c|openssl)$' 9)" "$(geomean '^(debian|c|openssl)$' 11)"
  printf 'geometric mean, start-up (warm):    xrun/native %s   qemu/xrun %s\n' \
    "$(geomean '^startup$' 9)" "$(geomean '^startup$' 11)"
  printf 'geometric mean, riscv64 (_rv64):    xrun/native %s   qemu/xrun %s\n' \
    "$(geomean '^rv64$' 9)" "$(geomean '^rv64$' 11)"
  smc_cost
  if [ -s "$tmp/failures" ]; then
    echo
    echo "failures:"
    sed 's/^/  /' "$tmp/failures"
  fi
  awk -F, 'NR > 1 && $3 != "-" && $4 != $5 { printf "  %s: amd64 %s, %s %s\n", $3, $4, $2 == "rv64" ? "riscv64" : "arm64", $5 }' "$CSV" |
    sort -u >"$tmp/versions"
  if [ -s "$tmp/versions" ]; then
    echo
    echo "package versions that differ between the native and the emulated build:"
    cat "$tmp/versions"
  fi
}

# plot: a bar chart of xrun/native and qemu/native per row (log scale)
plot() {
  need_amd64 gnuplot-nox
  have gnuplot || { note "gnuplot missing: no $OUT/bench.png"; return; }
  gnuplot -e "csv='$CSV'; png='$OUT/bench.png'" "$SCRIPTS/bench.gp" || note "gnuplot failed"
}

# ---------------------------------------------------------------- main

selected() { # selected NAME PATTERN...: no patterns, or NAME contains one
  local name=$1 p
  shift
  [ $# -eq 0 ] && return 0
  for p in "$@"; do case $name in *"$p"*) return 0 ;; esac done
  return 1
}

main() {
  local line name group per pkg ver workload g
  local -a row_lines wanted=() workload_args
  local -A med=() prepared=()
  local same
  mkdir -p "$OUT" "$DATA"
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/xrun-bench.XXXXXX") || exit 2
  trap 'rm -rf "$tmp"' EXIT
  # measure a copy of xrun: a rebuild of ./xrun during the runs must not change it
  if [ -x "$XRUN" ] && cp "$XRUN" "$tmp/xrun"; then XRUN=$tmp/xrun; fi
  export XRUN_CACHE=$PWD/$OUT/xrun-cache # xrun's persistent cache, emptied first
  rm -rf "$XRUN_CACHE"
  unset XRUN_NO_CACHE
  case $SYSROOT in /*) ;; *) SYSROOT=$PWD/$SYSROOT ;; esac # the exec loop's dash needs it absolute
  RV64_SYSROOT=$(realpath -m "$RV64_SYSROOT") AMD64_ROOT=$(realpath -m "$AMD64_ROOT")
  STARTUP_ROOT=$(realpath -m "$STARTUP_ROOT") OUT=$(realpath -m "$OUT")
  CSV=$OUT/bench.csv

  mapfile -t row_lines < <(rows)
  for line in "${row_lines[@]}"; do
    read -r name group _ <<<"$line"
    selected "$name" "$@" && wanted+=("$line") && prepared[$group]=
  done
  for g in "${!prepared[@]}"; do "prepare_$g"; done

  echo "program,group,package,native_version,guest_version,native_s,qemu_s,xrun_s,xrun_native,qemu_native,qemu_xrun,same_output" >"$CSV"
  print_header
  for line in "${wanted[@]}"; do
    read -r name group per pkg workload <<<"$line"
    read -ra workload_args <<<"$workload"
    if [ "$group" = rv64 ]; then # the qemu that measure checks for
      QEMU=$RV64_QEMU measure "$name" "$per" "${workload_args[@]}"
    else
      measure "$name" "$per" "${workload_args[@]}"
    fi
    ver="- -"
    [ "$pkg" != - ] && ver=$(versions "$pkg" "$group")
    local rx rq rqx
    rx=$(ratio "${med[xrun]}" "${med[native]}")
    rq=$(ratio "${med[qemu]}" "${med[native]}")
    rqx=$(ratio "${med[qemu]}" "${med[xrun]}")
    # shellcheck disable=SC2059
    printf "$ROW_FORMAT" "$name" "$(fmt_time "${med[native]}")" "$(fmt_time "${med[qemu]}")" \
      "$(fmt_time "${med[xrun]}")" "$rx" "$rq" "$rqx" "$same"
    echo "$name,$group,$pkg,${ver% *},${ver#* },${med[native]},${med[qemu]},${med[xrun]},$rx,$rq,$rqx,$same" >>"$CSV"
  done
  print_summary
  plot
}

main "$@"
