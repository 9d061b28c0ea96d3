#!/bin/bash
# mksysroot.sh - tools/mksysroot builds a bookworm arm64 sysroot with Debian's
# hello, mawk and dash and everything they need; each program runs from it
# under $XRUN with the output qemu-aarch64 gives from the same sysroot, and
# awk and sh also with the host's own awk and dash (an answer that comes from
# no emulator). `awk` exists only because mksysroot made the alternative.
#
# One line per case: PASS mksysroot/NAME, FAIL mksysroot/NAME: reason, or
# SKIP mksysroot/NAME: reason (no network to Debian's mirror, no qemu).
set -u

cd "$(dirname "$0")/.." || exit 2
XRUN=${XRUN:-./xrun}
QEMU=${QEMU:-qemu-aarch64}
DIR=${O:-o}/mksysroot
CASES="build hello awk sh"

rm -rf "$DIR"
if ! err=$(tools/mksysroot "$DIR" hello mawk dash 2>&1 >/dev/null); then
  case $err in
    *"mmdebstrap failed"*) for c in $CASES; do echo "SKIP mksysroot/$c: $err"; done ;;
    *) echo "FAIL mksysroot/build: $err" ;;
  esac
  exit 0
fi
echo "PASS mksysroot/build"

# check NAME HOST_CMD|- PROGRAM ARGS...: under xrun, qemu and (unless -) the host
check() {
  local name=$1 host=$2 prog=$3
  shift 3
  local got want native
  got=$(timeout 20 "$XRUN" -L "$DIR" "$DIR$prog" "$@" 2>&1)
  if command -v "$QEMU" >/dev/null; then
    want=$(timeout 20 "$QEMU" -L "$DIR" "$DIR$prog" "$@" 2>&1)
  else
    echo "SKIP mksysroot/$name: no $QEMU to compare with"
    return
  fi
  if [ "$got" != "$want" ]; then
    echo "FAIL mksysroot/$name: xrun printed [$got], qemu [$want]"
  elif [ "$host" != - ] && [ "$got" != "$(timeout 20 "$host" "$@" 2>&1)" ]; then
    echo "FAIL mksysroot/$name: xrun printed [$got], the host's $host [$(timeout 20 "$host" "$@" 2>&1)]"
  elif [ -z "$got" ]; then
    echo "FAIL mksysroot/$name: no output"
  else
    echo "PASS mksysroot/$name"
  fi
}

check hello - /usr/bin/hello
check awk /usr/bin/awk /usr/bin/awk 'BEGIN { for (i = 1; i <= 5; i++) s += i * i; print "sum", s }'
check sh /bin/dash /bin/sh -c 'x=0; for i in 1 2 3 4; do x=$((x + i)); done; echo "$x $(echo nested)"'
