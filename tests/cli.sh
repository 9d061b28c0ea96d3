#!/bin/bash
# cli.sh - what a user sees from xrun's own options: --help and --version
# succeed, -d unimpl names an undefined instruction at the pc where it runs
# (and the guest dies by SIGILL as under qemu-aarch64), -strace shows a
# syscall, -d help lists the categories. One PASS/FAIL/SKIP line each.
set -u
cd "$(dirname "$0")/.."
XRUN=${XRUN:-./xrun}
OUT=o/tests/cli
mkdir -p "$OUT"

if [ ! -x "$XRUN" ]; then
  echo "SKIP cli/all: $XRUN not built"
  exit 0
fi
if ! command -v aarch64-linux-gnu-gcc >/dev/null; then
  echo "SKIP cli/all: aarch64-linux-gnu-gcc not installed"
  exit 0
fi

check() { # check NAME CONDITION-STATUS WHY
  if [ "$2" = 0 ]; then echo "PASS cli/$1"; else echo "FAIL cli/$1: $3"; fi
}

"$XRUN" --help >"$OUT/help" 2>&1
st=$?
grep -q '^usage: xrun' "$OUT/help" && [ $st = 0 ]
check help $? "status $st, or no usage line"

"$XRUN" --version >"$OUT/version" 2>&1
grep -q '^xrun [0-9]' "$OUT/version"
check version $? "$(head -1 "$OUT/version")"

"$XRUN" -d help >"$OUT/dhelp" 2>&1
grep -q unimpl "$OUT/dhelp" && grep -q strace "$OUT/dhelp"
check d_help $? "categories missing"

# udf #0 at _start: an undefined instruction, SIGILL on hardware
printf '.global _start\n_start: nop\n udf #0\n' >"$OUT/udf.S"
aarch64-linux-gnu-gcc -nostdlib -static -o "$OUT/udf" "$OUT/udf.S"
pc=$(aarch64-linux-gnu-nm "$OUT/udf" | awk '$3 == "_start" {print $1}')
pc=$(printf '0x%x' $((0x$pc + 4)))
{ "$XRUN" -d unimpl "$OUT/udf" 2>"$OUT/udf.err"; } 2>/dev/null
st=$?
grep -q "at $pc: 00000000 (SIGILL)" "$OUT/udf.err" && [ $st = 132 ]
check d_unimpl $? "status $st (want 132), stderr: $(head -c 200 "$OUT/udf.err")"

printf '.global _start\n_start: mov x0, #7\n mov x8, #94\n svc #0\n' >"$OUT/exit7.S"
aarch64-linux-gnu-gcc -nostdlib -static -o "$OUT/exit7" "$OUT/exit7.S"
"$XRUN" -strace "$OUT/exit7" 2>"$OUT/exit7.err"
st=$?
grep -q 'exit_group(7)' "$OUT/exit7.err" && [ $st = 7 ]
check strace $? "status $st, stderr: $(head -c 200 "$OUT/exit7.err")"
