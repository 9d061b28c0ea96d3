#!/bin/bash
# busybox.sh - run applets of Debian's static arm64 busybox on real files,
# under $XRUN and under qemu-aarch64, comparing stdout and exit status. Some
# cases are also compared with the host's own tools (coreutils, gawk), which
# gives an answer that does not come from an emulator at all.
#
#   tests/busybox.sh                    # under ./xrun
#   XRUN=qemu-aarch64 tests/busybox.sh  # check the harness itself
#   GUEST=riscv64 tests/busybox.sh      # Debian trixie's riscv64 busybox-static, from
#                                       # the sysroot tools/mksysroot makes (below)
#
# One line per case: PASS busybox/NAME, FAIL busybox/NAME: reason, or
# SKIP busybox/NAME: reason (busybox could not be fetched, no qemu, ...).
set -u

cd "$(dirname "$0")/.." || exit 2
XRUN=${XRUN:-./xrun}
GUEST=${GUEST:-aarch64}
QEMU=${QEMU:-qemu-$GUEST}
TIMEOUT=${TIMEOUT:-20}
TAG=busybox
if [ "$GUEST" = riscv64 ]; then
  TAG=busybox-riscv64
  SYSROOT=${SYSROOT:-o/rv64-sysroot}
  BB=$PWD/$SYSROOT/usr/bin/busybox
else
  SYSROOT=${SYSROOT:-o/sysroot/aarch64}
  BB=$PWD/$SYSROOT/bin/busybox
fi

ulimit -c 0
abspath() { case $1 in /*) echo "$1" ;; */*) echo "$PWD/$1" ;; *) echo "$1" ;; esac; }
XRUN_CMD=$(abspath "$XRUN")

CASES="echo seq md5sum sha256sum wc sort sort_numeric_reverse awk sed expr expr_false factor
  uniq tr head tail cut grep grep_nomatch od base64 cat_stdin basename printf_applet sh_script
  gzip_roundtrip ls_dir find tac"

skip_all() { for c in $CASES; do echo "SKIP $TAG/$c: $1"; done; exit 0; }

if [ "$GUEST" = riscv64 ]; then
  if [ ! -x "$BB" ] &&
    ! err=$(tools/mksysroot -a riscv64 -s trixie "$SYSROOT" coreutils busybox-static 2>&1 >/dev/null); then
    skip_all "no riscv64 sysroot: ${err:-tools/mksysroot failed}"
  fi
elif ! fetch_err=$(tools/fetch-arm64 -d "$SYSROOT" busybox-static 2>&1 >/dev/null); then
  skip_all "busybox not available: ${fetch_err:-tools/fetch-arm64 failed}"
fi
if [ "$XRUN" != "$QEMU" ] && [ ! -x "$XRUN_CMD" ] && ! command -v "$XRUN" >/dev/null; then
  skip_all "$XRUN not built"
fi
have_qemu=0
command -v "$QEMU" >/dev/null 2>&1 && have_qemu=1

T=$(mktemp -d "${TMPDIR:-/tmp}/xrun-busybox.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
# inputs: a few KB of generated text, numbers, and a copy of a system file
for i in $(seq 1 400); do
  echo "line $i: the $((i * 7919 % 1000)) quick brown foxes jump over $((i % 13)) lazy dogs"
done >"$T/text.txt"
for i in $(seq 1 300); do echo $(((i * 7919) % 1009)); done >"$T/numbers.txt"
cp /etc/services "$T/system.txt" 2>/dev/null || cp /etc/passwd "$T/system.txt"
printf 'a,b,c\n1,2,3\nx,,z\n' >"$T/table.csv"
printf 'x=3\ny=$((x * 14))\necho "sum $y"\nfor w in a b c; do echo "[$w]"; done\nexit 5\n' >"$T/script.sh"
mkdir -p "$T/tree/sub/deeper" && touch "$T/tree/a" "$T/tree/sub/b" "$T/tree/sub/deeper/c"

nfail=0
# run RUNNER OUT ARGS...: busybox under RUNNER in $T, stdin from $T/stdin if it
# exists; prints the exit status.
run() {
  local runner=$1 out=$2; shift 2
  local in=/dev/null
  [ -f "$T/stdin" ] && in=$T/stdin
  (cd "$T" && exec env -i PATH=/usr/bin:/bin LC_ALL=C timeout -k 2 "$TIMEOUT" \
     "$runner" "$BB" "$@" <"$in" >"$out" 2>"$out.err")
  echo $?
}

# case NAME STATUS 'HOST-REFERENCE-COMMAND|-' APPLET ARGS...
# STATUS is the exit status qemu-$GUEST must give; the reference command (a
# host shell command run in $T, or - for none) must print the same stdout.
case_() {
  local name=$1 want=$2 ref=$3; shift 3
  local x=$T/$name.xrun q=$T/$name.qemu r=$T/$name.ref xs qs
  xs=$(run "$XRUN_CMD" "$x" "$@")
  if [ "$xs" != "$want" ]; then
    echo "FAIL $TAG/$name: exit status $xs, expected $want: $(head -c 200 "$x.err" | tr '\n' ' ')"
    nfail=$((nfail + 1)); return
  fi
  if [ "$have_qemu" = 1 ]; then
    qs=$(run "$QEMU" "$q" "$@")
    if [ "$qs" != "$xs" ] || ! cmp -s "$q" "$x"; then
      echo "FAIL $TAG/$name: differs from $QEMU (status $qs vs $xs)"
      diff "$q" "$x" | head -6 | sed 's/^/    /'
      nfail=$((nfail + 1)); return
    fi
  fi
  if [ "$ref" != - ]; then
    (cd "$T" && env -i PATH=/usr/bin:/bin LC_ALL=C bash -c "$ref" <"${T}/stdin" >"$r" 2>/dev/null)
    if ! cmp -s "$r" "$x"; then
      echo "FAIL $TAG/$name: differs from the host's own tools ($ref)"
      diff "$r" "$x" | head -6 | sed 's/^/    /'
      nfail=$((nfail + 1)); return
    fi
  fi
  if [ ! -s "$x" ] && [ "$name" != grep_nomatch ] && [ "$name" != expr_false ]; then
    echo "FAIL $TAG/$name: no output"; nfail=$((nfail + 1)); return
  fi
  echo "PASS $TAG/$name"
}
stdin() { cp "$1" "$T/stdin"; }
nostdin() { : >"$T/stdin"; }

nostdin
case_ echo 0 "echo hello from busybox -n 'a  b'" echo hello from busybox -n 'a  b'
case_ seq 0 "seq 5 7 200" seq 5 7 200
case_ md5sum 0 "md5sum text.txt system.txt" md5sum text.txt system.txt
case_ sha256sum 0 "sha256sum text.txt system.txt" sha256sum text.txt system.txt
case_ wc 0 - wc -l -w -c text.txt system.txt
case_ sort 0 "sort system.txt" sort system.txt
case_ sort_numeric_reverse 0 "sort -n -r numbers.txt" sort -n -r numbers.txt
case_ awk 0 "awk '{ s += \$3; n++ } END { printf \"%d %d %.3f\\n\", n, s, s / n }' text.txt" \
  awk '{ s += $3; n++ } END { printf "%d %d %.3f\n", n, s, s / n }' text.txt
case_ sed 0 "sed -n 's/quick \\(brown\\)/slow \\1/p' text.txt" sed -n 's/quick \(brown\)/slow \1/p' text.txt
case_ expr 0 "expr 6 \\* 7 + 1000000 / 3" expr 6 '*' 7 + 1000000 / 3
case_ expr_false 1 - expr 0
case_ factor 0 "factor 2 97 1001 65536 600851475143 18446744073709551615" \
  factor 2 97 1001 65536 600851475143 18446744073709551615
stdin "$T/numbers.txt"
case_ uniq 0 "sort -n | uniq -c" sh -c 'sort -n | uniq -c'
case_ tr 0 "tr 0-9 a-j" tr 0-9 a-j
case_ cat_stdin 0 "cat" cat
nostdin
case_ head 0 "head -n 7 system.txt" head -n 7 system.txt
case_ tail 0 "tail -n 5 text.txt" tail -n 5 text.txt
case_ cut 0 "cut -d, -f1,3 table.csv" cut -d, -f1,3 table.csv
case_ grep 0 "grep -c -E 'fox(es)? jump' text.txt" grep -c -E 'fox(es)? jump' text.txt
case_ grep_nomatch 1 - grep zebra text.txt
case_ od 0 "od -A x -t x1 -N 64 system.txt" od -A x -t x1 -N 64 system.txt
case_ base64 0 "base64 -w 76 text.txt" base64 text.txt
case_ basename 0 "basename /usr/lib/libfoo.so .so" basename /usr/lib/libfoo.so .so
case_ printf_applet 0 "printf '%05d|%x|%s|%.2f\\n' 42 255 str 3.14159" printf '%05d|%x|%s|%.2f\n' 42 255 str 3.14159
case_ sh_script 5 - sh script.sh
case_ gzip_roundtrip 0 "cat system.txt" sh -c 'gzip -c system.txt | gzip -dc'
case_ ls_dir 0 "ls -1 -R tree" ls -1 -R tree
case_ find 0 - find tree -type f
case_ tac 0 "tac numbers.txt" tac numbers.txt
[ $nfail = 0 ]
