#!/bin/bash
# gdbstub.sh - the gdb remote stub (xrun -g PORT) against qemu-user's:
# each program tests/gdb/NAME.c is built for aarch64 (-g -O0, static), and
# the gdb commands in tests/gdb/NAME.gdb run in gdb-multiarch (-batch, one
# -ex each, so that an expected error does not end the script) against
# `qemu-aarch64 -g PORT` and against `xrun -g PORT`. Each is done again for
# riscv64 (riscv64-linux-gnu-gcc, qemu-riscv64, and gdb told `set
# architecture riscv:rv64`), with any of NAME.c, NAME.gdb, NAME.py and
# NAME.expected taken from tests/gdb/riscv64 where it is there (the
# registers' names differ), else from tests/gdb. The two transcripts,
# normalized (stack addresses, which differ by where each puts the stack;
# thread ids; gdb's name for the process), must be the same, and so must the
# programs' own output and exit status.
#
# A test with tests/gdb/NAME.py instead of NAME.gdb talks the remote
# protocol itself (python3 NAME.py PORT BINARY), for what gdb -batch cannot
# do (interrupting a running program), against xrun only.
#
# Directives in NAME.c, on lines that start with "// test:":
#   // test: cflags: FLAGS    how to build it instead of -static
#   // test: args: ARGS       options for both xrun and qemu-aarch64 (-L DIR)
#   // test: skip-riscv64: WHY  not for riscv64 (a SKIP that says why)
# gdb's sysroot is the cross compiler's, /usr/aarch64-linux-gnu (or
# /usr/riscv64-linux-gnu), for the shared libraries of a dynamic program.
#
# Where qemu-aarch64 is known to be wrong, tests/gdb/NAME.expected holds the
# transcript worked out by hand (its first lines, starting with #, say why)
# and xrun's is compared with that instead.
#
#   tests/gdbstub.sh            # every program
#   tests/gdbstub.sh calls      # those whose names match
#   tests/gdbstub.sh riscv64/   # the riscv64 ones (named riscv64/NAME)
#
# gdb-multiarch is installed with apt-get when missing (as root); without it
# every test is a SKIP. Ports come from a range chosen by the shell's pid, so
# parallel runs do not collide; a port in use is skipped.
set -u

cd "$(dirname "$0")/.." || exit 2
SRC=tests/gdb
OUT=${O:-o}/tests/gdb
XRUN=${XRUN:-./xrun}
QEMU=${QEMU:-qemu-aarch64}
GDB=${GDB:-gdb-multiarch}
GUEST_CC=${GUEST_CC:-aarch64-linux-gnu-gcc}
QEMU_RV=${QEMU_RV:-qemu-riscv64}
GUEST_CC_RV=${GUEST_CC_RV:-riscv64-linux-gnu-gcc}
TIMEOUT=${TIMEOUT:-60}

ulimit -c 0
mkdir -p "$OUT"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/xrun-gdb.XXXXXX") || exit 2
[ -n "${KEEP:-}" ] || trap 'rm -rf "$TMP"' EXIT

if ! command -v "$GDB" >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gdb-multiarch >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null 2>&1 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gdb-multiarch >/dev/null 2>&1; }
fi

# Ports: 40 of them per run, from a block picked by our pid.
NEXT_PORT=$((20000 + ($$ % 1000) * 40))

# listening PORT: true once something listens on localhost:PORT.
listening() {
  local hex
  hex=$(printf '%04X' "$1")
  grep -q "^ *[0-9]*: [0-9A-F]*:$hex 00000000:0000 0A" /proc/net/tcp /proc/net/tcp6 2>/dev/null
}

SYSROOT=${SYSROOT:-/usr/aarch64-linux-gnu}
SYSROOT_RV=${SYSROOT_RV:-/usr/riscv64-linux-gnu}
ARGS=

# use_guest aarch64|riscv64: where the guest's tests are (G_SRC), its
# binaries go (G_OUT), and how to build, run and debug them.
use_guest() {
  if [ "$1" = riscv64 ]; then
    G_SRC=$SRC/riscv64 G_OUT=$OUT/riscv64 G_QEMU=$QEMU_RV G_CC=$GUEST_CC_RV
    G_SYSROOT=$SYSROOT_RV G_ARCH=riscv:rv64 G_PREFIX=riscv64/ G_NAME=riscv64 G_QEMU_PIE=0x4000000000
  else
    G_SRC=$SRC G_OUT=$OUT G_QEMU="$QEMU -cpu neoverse-n1" G_CC=$GUEST_CC
    G_SYSROOT=$SYSROOT G_ARCH= G_PREFIX= G_NAME=aarch64 G_QEMU_PIE=0x5500000000
  fi
  mkdir -p "$G_OUT"
}

# directive NAME.c KEY: the text after "// test: KEY:" (empty when absent).
directive() {
  sed -n "s|^// test: $2:[[:space:]]*||p" "$1" | head -1
}

# debug TARGET BIN SCRIPT OUTBASE: start TARGET -g PORT BIN, run gdb with
# SCRIPT against it; OUTBASE.gdb gets gdb's transcript, OUTBASE.prog the
# program's output and OUTBASE.status xrun's or qemu's exit status.
debug() {
  local target=$1 bin=$2 script=$3 base=$4 port pid i
  local -a ex=()
  for ((i = 0; i < 20; i++)); do
    port=$NEXT_PORT
    NEXT_PORT=$((NEXT_PORT + 1))
    listening "$port" || break
  done
  while IFS= read -r line; do
    [ -n "$line" ] && ex+=(-ex "$line")
  done <"$script"
  # shellcheck disable=SC2086
  # (in a subshell that says "Segmentation fault" into .err, not to us)
  (env -i PATH="$PATH" LANG=C timeout -k 2 "$TIMEOUT" $target -g "$port" $ARGS "$bin"
    exit $?) >"$base.prog" 2>"$base.err" &
  pid=$!
  for ((i = 0; i < 200; i++)); do
    listening "$port" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  [ -z "$G_ARCH" ] || ex=(-ex "set architecture $G_ARCH" "${ex[@]}")
  timeout -k 2 "$TIMEOUT" "$GDB" -nx -batch -ex 'set pagination off' -ex 'set confirm off' \
    -ex 'set width 0' -ex "set sysroot $G_SYSROOT" -ex "target remote :$port" "${ex[@]}" "$bin" \
    >"$base.gdb" 2>&1
  wait "$pid"
  echo $? >"$base.status"
}

# raw BIN CLIENT OUTBASE: as debug, with a client of the remote protocol of
# our own (python3 CLIENT PORT BIN) in gdb's place, for what gdb -batch
# cannot do; its output is compared as gdb's is.
raw() {
  local bin=$1 client=$2 base=$3 port pid i
  port=$(free_port)
  (env -i PATH="$PATH" LANG=C timeout -k 2 "$TIMEOUT" $XRUN -g "$port" "$bin"
    exit $?) >"$base.prog" 2>"$base.err" &
  pid=$!
  for ((i = 0; i < 200; i++)); do
    listening "$port" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  timeout -k 2 "$TIMEOUT" python3 "$client" "$port" "$bin" >"$base.gdb" 2>&1
  wait "$pid"
  echo $? >"$base.status"
}

# A position-independent program is where each loads one (PIE_BASE: qemu-aarch64
# at 0x5500000000, qemu-riscv64 at 0x4000000000, xrun at 0x10000000, below
# 2 GiB): its own addresses, the range its program headers give from there,
# become PIE+offset. The stack and shared libraries are where each puts them
# (qemu at 0x55..., xrun where the host kernel puts its own mappings): any
# other number from 2^36 to 2^48, in hex or decimal, becomes MAPPED, and
# larger numbers (the random stack guard and pointer guard glibc leaves in
# registers) RANDOM; runs of blanks become one. Thread ids are the host's;
# gdb calls a process without the multiprocess extension "Remote target";
# qemu describes its threads as "(CPU#N [running])".
normalize() { # normalize TRANSCRIPT BINARY PIE_BASE
  python3 -c '
import re, struct, sys
elf = open(sys.argv[1], "rb").read()
lo = hi = 0
if struct.unpack_from("<H", elf, 16)[0] == 3:  # ET_DYN: at PIE_BASE
    phoff = struct.unpack_from("<Q", elf, 32)[0]
    phentsize, phnum = struct.unpack_from("<HH", elf, 54)
    for i in range(phnum):
        ph = struct.unpack_from("<IIQQQQQQ", elf, phoff + i * phentsize)
        if ph[0] == 1:  # PT_LOAD
            hi = max(hi, ph[3] + ph[6])
    lo = int(sys.argv[2], 16)
    hi += lo
def big(m):
    s = m.group(0)
    v = abs(int(s, 16) if "0x" in s else int(s))
    if lo <= v < hi:
        return "PIE+0x%x" % (v - lo)
    if v < 1 << 36:
        return s
    return "MAPPED" if v < 1 << 48 else "RANDOM"
for line in sys.stdin:
    line = re.sub(r"Thread [0-9.]+", "Thread N", line)
    line = re.sub(r" \(CPU#[0-9]+ \[[a-z]+\]\)", "", line)
    line = re.sub(r"\(process [0-9]+\)|\(Remote target\)", "(process)", line)
    line = re.sub(r"-?(0x[0-9a-fA-F]+|\b[0-9]{9,}\b)", big, line)
    line = re.sub(r"[ \t]+", " ", line)
    sys.stdout.write(line)
' "$2" "$3" <"$1"
}

# pick FILE: tests/gdb/riscv64/FILE for riscv64 where it is there, else
# tests/gdb/FILE.
pick() {
  if [ -f "$G_SRC/$1" ]; then echo "$G_SRC/$1"; else echo "$SRC/$1"; fi
}

# run_one NAME: the test NAME of the guest chosen by use_guest.
run_one() {
  local name=$1 t=$G_PREFIX$1 src bin=$G_OUT/$1 base=$TMP/$G_PREFIX$1
  local cflags py script want
  src=$(pick "$name.c") py=$(pick "$name.py") script=$(pick "$name.gdb")
  want=$(pick "$name.expected")
  local skip
  skip=$(directive "$src" "skip-$G_NAME")
  if [ -n "$skip" ]; then
    echo "SKIP gdb/$t: $skip"
    return
  fi
  cflags=$(directive "$src" cflags)
  ARGS=$(directive "$src" args)
  # shellcheck disable=SC2086
  if ! [ "$bin" -nt "$src" ] && ! $G_CC -g -O0 ${cflags:--static} -o "$bin" "$src" \
    -lpthread >"$base.cc" 2>&1; then
    echo "FAIL gdb/$t: does not build: $(head -1 "$base.cc")"
    return
  fi
  if [ -f "$py" ]; then
    raw "$bin" "$py" "$base.xrun"
  else
    debug "$XRUN" "$bin" "$script" "$base.xrun"
  fi
  if [ "$(cat "$base.xrun.status")" = 122 ] && grep -q 'Address already in use' "$base.xrun.err"; then
    echo "SKIP gdb/$t: no free port"
    return
  fi
  normalize "$base.xrun.gdb" "$bin" 0x10000000 >"$base.xrun.norm"
  if [ -f "$want" ]; then
    grep -v '^#' "$want" >"$base.want"
  else
    debug "$G_QEMU" "$bin" "$script" "$base.qemu"
    # a reference run that ended otherwise than xrun's is made once more
    # before they are compared: qemu-riscv64 once ended gdb/riscv64/fork
    # with status 1 and no output in a full make check (not seen in 30 runs
    # of it alone), which failed the test with xrun's run right
    if ! cmp -s "$base.qemu.status" "$base.xrun.status"; then
      cp "$base.qemu.err" "$base.qemu.err.first" 2>/dev/null
      debug "$G_QEMU" "$bin" "$script" "$base.qemu"
    fi
    normalize "$base.qemu.gdb" "$bin" "$G_QEMU_PIE" >"$base.want"
    if ! cmp -s "$base.qemu.prog" "$base.xrun.prog" ||
      ! cmp -s "$base.qemu.status" "$base.xrun.status"; then
      echo "FAIL gdb/$t: the program's output or status differs from qemu's:"
      diff "$base.qemu.prog" "$base.xrun.prog" | head -10 | sed 's/^/    /'
      echo "    status: qemu $(cat "$base.qemu.status"), xrun $(cat "$base.xrun.status")"
      return
    fi
  fi
  if ! grep -q '^Breakpoint 1 at\|^Program received\|^first stop' "$base.xrun.norm"; then
    echo "FAIL gdb/$t: gdb did not connect: $(head -c 300 "$base.xrun.gdb")"
  elif diff -u "$base.want" "$base.xrun.norm" >"$base.diff"; then
    echo "PASS gdb/$t"
  else
    echo "FAIL gdb/$t: gdb's transcript differs (- expected, + xrun):"
    sed -n '3,40p' "$base.diff" | sed 's/^/    /'
  fi
}

# free_port: the next port of our range nothing listens on.
free_port() {
  while listening "$NEXT_PORT"; do NEXT_PORT=$((NEXT_PORT + 1)); done
  echo "$NEXT_PORT"
  NEXT_PORT=$((NEXT_PORT + 1))
}

check() { # check NAME CONDITION-STATUS WHY
  if [ "$2" = 0 ]; then echo "PASS gdb/$1"; else echo "FAIL gdb/$1: $3"; fi
}

# The options' own errors, XRUN_GDB, and detaching (the program runs on).
options() {
  local bin=$OUT/calls port pid st err
  "$XRUN" -g 70000 "$bin" >/dev/null 2>"$TMP/badport"
  st=$?
  err=$(cat "$TMP/badport")
  [ $st = 125 ] && [ "$err" = "xrun: -g takes a TCP port from 1 to 65535, not '70000'" ]
  check bad_port $? "status $st, stderr: $err"
  # riscv64 through the same stub: a breakpoint on a compressed (2-byte)
  # instruction, a step, a register, the exit status
  printf '.global _start\n_start: c.li a0, 7\n c.addi a0, 1\n li a7, 93\n ecall\n' >"$TMP/rv.S"
  if riscv64-linux-gnu-gcc -nostdlib -static -o "$TMP/rv" "$TMP/rv.S" 2>/dev/null; then
    port=$(free_port)
    timeout -k 2 "$TIMEOUT" "$XRUN" -g "$port" "$TMP/rv" >/dev/null 2>&1 &
    pid=$!
    for ((i = 0; i < 100; i++)); do listening "$port" && break; sleep 0.05; done
    "$GDB" -nx -batch -ex "target remote :$port" -ex 'break *_start+2' -ex continue \
      -ex 'print $a0' -ex stepi -ex 'print $a0' -ex 'print $pc' -ex continue "$TMP/rv" \
      >"$TMP/rv.gdb" 2>&1
    wait "$pid"
    st=$?
    [ $st = 8 ] && grep -q '^\$1 = 7$' "$TMP/rv.gdb" && grep -q '^\$2 = 8$' "$TMP/rv.gdb" &&
      grep -q '^\$3 = (void (\*)()) 0x[0-9a-f]* <_start+4>$' "$TMP/rv.gdb" &&
      grep -q 'exited with code 010' "$TMP/rv.gdb"
    check riscv64_compressed $? "status $st (want 8), gdb: $(tail -4 "$TMP/rv.gdb" | tr '\n' '|')"
  fi

  port=$(free_port)
  timeout -k 2 "$TIMEOUT" "$XRUN" -g "$port" "$bin" >/dev/null 2>&1 &
  pid=$!
  for ((i = 0; i < 100; i++)); do listening "$port" && break; sleep 0.05; done
  "$XRUN" -g "$port" "$bin" >/dev/null 2>"$TMP/inuse"
  st=$?
  err=$(cat "$TMP/inuse")
  [ $st = 122 ] && [ "$err" = "xrun: -g $port: Address already in use" ]
  check port_in_use $? "status $st, stderr: $err"
  # the first one still waits for gdb: it detaches at once, the program runs on
  "$GDB" -nx -batch -ex "target remote :$port" -ex detach "$bin" >"$TMP/detach.gdb" 2>&1
  wait "$pid"
  st=$?
  [ $st = 23 ] && grep -q 'detached\]' "$TMP/detach.gdb"
  check detach $? "status $st (want 23), gdb: $(tail -2 "$TMP/detach.gdb")"

  port=$(free_port)
  XRUN_GDB=$port timeout -k 2 "$TIMEOUT" "$XRUN" "$bin" >"$TMP/env.prog" 2>&1 &
  pid=$!
  for ((i = 0; i < 100; i++)); do listening "$port" && break; sleep 0.05; done
  "$GDB" -nx -batch -ex "target remote :$port" -ex continue "$bin" >"$TMP/env.gdb" 2>&1
  wait "$pid"
  st=$?
  [ $st = 23 ] && grep -q 'exited with code 027' "$TMP/env.gdb" &&
    grep -q 'sum 173 depth 3' "$TMP/env.prog"
  check env_var $? "status $st (want 23), gdb: $(tail -1 "$TMP/env.gdb")"
}

# run_guest aarch64|riscv64 [PATTERN...]: the guest's tests whose names
# (riscv64/NAME for riscv64) match a pattern, or all of them.
run_guest() {
  local guest=$1 name t match pat
  shift
  use_guest "$guest"
  for name in $(ls "$SRC" "$G_SRC" | sed -n 's/\.c$//p' | sort -u); do
    t=$G_PREFIX$name
    if [ $# -gt 0 ]; then
      match=0
      for pat in "$@"; do [[ $t == *"$pat"* ]] && match=1; done
      [ $match = 1 ] || continue
    fi
    if ! command -v "$GDB" >/dev/null; then
      echo "SKIP gdb/$t: $GDB not installed"
    elif ! command -v "$G_CC" >/dev/null; then
      echo "SKIP gdb/$t: $G_CC not installed"
    elif [ ! -f "$(pick "$name.expected")" ] && ! command -v "${G_QEMU%% *}" >/dev/null; then
      echo "SKIP gdb/$t: ${G_QEMU%% *} not installed"
    else
      run_one "$name"
    fi
  done
}

mkdir -p "$TMP/riscv64"
run_guest aarch64 "$@"
run_guest riscv64 "$@"

if [ $# = 0 ] && command -v "$GDB" >/dev/null && [ -x "$OUT/calls" ]; then
  options
fi
