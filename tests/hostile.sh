#!/bin/bash
# hostile.sh - guest programs that attack the translator itself
# (tests/hostile/*.c, built static for aarch64; those with the line
# "// hostile: oracle" are told the host's view of their process, see
# tests/hostile/oracle.h): each must run to its end
# under $XRUN and exit 0, which it does only when every attack was refused;
# a crash of xrun, or an attack that succeeded, is a FAIL. These are xrun's
# own rules (on hardware there is no translator to attack), so there is no
# qemu or native comparison.
#
# One line per program: PASS hostile/NAME or FAIL hostile/NAME: reason.
set -u

cd "$(dirname "$0")/.." || exit 2
XRUN=${XRUN:-./xrun}
OUT=${O:-o}/tests/hostile
mkdir -p "$OUT"
nfail=0

# oracle_run BIN: run BIN under $XRUN; when it asks ($HOSTILE_ORACLE.req),
# give it the host's /proc/PID/maps of its process (tests/hostile/oracle.h).
oracle_run() {
  local bin=$1 maps=$1.maps pid i
  rm -f "$maps" "$maps.req"
  HOSTILE_ORACLE=$PWD/$maps timeout 20 "$XRUN" "$bin" >"$bin.out" 2>&1 &
  pid=$!
  for ((i = 0; i < 1000; i++)); do [ -e "$maps.req" ] && break; sleep 0.01; done
  # timeout's child is xrun
  cp "/proc/$(pgrep -P "$pid" | head -1)/maps" "$maps.tmp" 2>/dev/null && mv "$maps.tmp" "$maps"
  wait "$pid"
  local st=$?
  cat "$bin.out"
  return $st
}

for src in tests/hostile/*.c; do
  name=$(basename "$src" .c)
  if ! aarch64-linux-gnu-gcc -O2 -static -o "$OUT/$name" "$src" 2>"$OUT/$name.log"; then
    echo "FAIL hostile/$name: build failed: $(head -1 "$OUT/$name.log")"
    nfail=$((nfail + 1))
    continue
  fi
  if grep -q '^// hostile: oracle' "$src"; then
    out=$(oracle_run "$OUT/$name")
  else
    out=$(timeout 20 "$XRUN" "$OUT/$name" 2>&1)
  fi
  st=$?
  if [ $st = 0 ]; then
    echo "PASS hostile/$name"
  else
    echo "FAIL hostile/$name: exit status $st: $(echo "$out" | tail -1)"
    nfail=$((nfail + 1))
  fi
done
[ $nfail = 0 ]
