#!/bin/bash
# coreutils_riscv64.sh - Debian trixie's dynamic riscv64 coreutils (glibc's
# dynamic loader, libc.so.6 and the other libraries from the sysroot) under
# $XRUN -L SYSROOT and under qemu-riscv64 -L SYSROOT, comparing stdout and
# exit status; most cases also against the host's own coreutils.
#
#   tests/coreutils_riscv64.sh    # makes o/rv64-sysroot first if it is absent:
#                                 # tools/mksysroot -a riscv64 -s trixie o/rv64-sysroot coreutils busybox-static
# Every case is a SKIP when the sysroot cannot be made (no network, no mmdebstrap).
#
# One line per case: PASS coreutils-riscv64/NAME, FAIL ...: reason, SKIP ...: reason.
set -u

cd "$(dirname "$0")/.." || exit 2
XRUN=${XRUN:-./xrun}
QEMU=${QEMU:-qemu-riscv64}
TIMEOUT=${TIMEOUT:-30}
SYSROOT=$(realpath -m "${SYSROOT:-o/rv64-sysroot}")
TAG=coreutils-riscv64

ulimit -c 0
abspath() { case $1 in /*) echo "$1" ;; */*) echo "$PWD/$1" ;; *) echo "$1" ;; esac; }
XRUN_CMD=$(abspath "$XRUN")

CASES="ls_tree sort sort_numeric sha256sum md5sum wc od date_epoch seq printf_float
  printf_ldbl_hex factor stat_size cut paste head tail tac uname_m expr basename numfmt env_path
  true false"

skip_all() { for c in $CASES; do echo "SKIP $TAG/$c: $1"; done; exit 0; }
# made once (mmdebstrap fetches the packages); then kept in $SYSROOT
if [ ! -x "$SYSROOT/usr/bin/ls" ] &&
  ! err=$(tools/mksysroot -a riscv64 -s trixie "$SYSROOT" coreutils busybox-static 2>&1 >/dev/null); then
  skip_all "no riscv64 sysroot: ${err:-tools/mksysroot failed}"
fi
[ -x "$XRUN_CMD" ] || skip_all "$XRUN not built"
have_qemu=0
command -v "$QEMU" >/dev/null 2>&1 && have_qemu=1

T=$(mktemp -d "${TMPDIR:-/tmp}/xrun-coreutils.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
for i in $(seq 1 300); do
  echo "row $i: $((i * 7919 % 1000)) lazy dogs and $((i % 17)) foxes"
done >"$T/text.txt"
for i in $(seq 1 200); do echo $(((i * 104729) % 1013)); done >"$T/numbers.txt"
printf 'a,b,c\n1,2,3\nx,,z\n' >"$T/table.csv"
mkdir -p "$T/tree/sub" && touch -d @1000000000 "$T/tree/a" "$T/tree/sub/b" "$T/tree/sub" "$T/tree"

nfail=0
# run RUNNER OUT PROG ARGS...: the guest program PROG (under usr/bin) in $T.
run() {
  local runner=$1 out=$2 prog=$3; shift 3
  (cd "$T" && exec env -i PATH=/usr/bin:/bin LC_ALL=C TZ=UTC timeout -k 2 "$TIMEOUT" \
     $runner -L "$SYSROOT" "$SYSROOT/usr/bin/$prog" "$@" </dev/null >"$out" 2>"$out.err")
  echo $?
}

# case_ NAME STATUS 'HOST-COMMAND|-' PROG ARGS...
case_() {
  local name=$1 want=$2 ref=$3; shift 3
  local x=$T/$name.xrun q=$T/$name.qemu r=$T/$name.ref xs qs
  xs=$(run "$XRUN_CMD" "$x" "$@")
  if [ "$xs" != "$want" ]; then
    echo "FAIL $TAG/$name: exit status $xs, expected $want: $(head -c 200 "$x.err" | tr '\n' ' ')"
    nfail=$((nfail + 1)); return
  fi
  if [ $have_qemu = 1 ] && [[ " ${QEMU_WRONG:-} " != *" $name "* ]]; then
    qs=$(run "$QEMU" "$q" "$@")
    if [ "$qs" != "$xs" ] || ! cmp -s "$q" "$x"; then
      echo "FAIL $TAG/$name: differs from $QEMU (status $qs vs $xs)"
      diff "$q" "$x" | head -6 | sed 's/^/    /'
      nfail=$((nfail + 1)); return
    fi
  fi
  if [ "$ref" != - ]; then
    (cd "$T" && env -i PATH=/usr/bin:/bin LC_ALL=C TZ=UTC bash -c "$ref" </dev/null >"$r" 2>/dev/null)
    if ! cmp -s "$r" "$x"; then
      echo "FAIL $TAG/$name: differs from the host's own tools ($ref)"
      diff "$r" "$x" | head -6 | sed 's/^/    /'
      nfail=$((nfail + 1)); return
    fi
  fi
  echo "PASS $TAG/$name"
}

case_ ls_tree 0 "ls -l -R --time-style=+%s tree" ls -l -R --time-style=+%s tree
case_ sort 0 "sort text.txt" sort text.txt
case_ sort_numeric 0 "sort -n -r -u numbers.txt" sort -n -r -u numbers.txt
case_ sha256sum 0 "sha256sum text.txt numbers.txt" sha256sum text.txt numbers.txt
case_ md5sum 0 "md5sum text.txt" md5sum text.txt
case_ wc 0 "wc text.txt numbers.txt" wc text.txt numbers.txt
case_ od 0 "od -A x -t x1z -N 48 text.txt" od -A x -t x1z -N 48 text.txt
case_ date_epoch 0 "date -d @1234567890 '+%F %T %A %j'" date -d @1234567890 '+%F %T %A %j'
case_ seq 0 "seq -w 0.5 0.25 3" seq -w 0.5 0.25 3
case_ printf_float 0 "printf '%.6e %g %08.3f %.20g\n' 3.14159265 1e-300 -2.5 0.1" \
  printf '%.6e %g %08.3f %.20g\n' 3.14159265 1e-300 -2.5 0.1
# %a of a long double: binary128 on riscv64 (glibc's soft-fp), 80 bits on the host
case_ printf_ldbl_hex 0 - printf '%a %La\n' 0.1 0.1
case_ factor 0 "factor 600851475143 18446744073709551557 1000000007" \
  factor 600851475143 18446744073709551557 1000000007
case_ stat_size 0 "stat -c '%s %n %F' text.txt tree" stat -c '%s %n %F' text.txt tree
case_ cut 0 "cut -d, -f1,3 table.csv" cut -d, -f1,3 table.csv
case_ paste 0 "paste -d: table.csv numbers.txt" paste -d: table.csv numbers.txt
case_ head 0 "head -n 4 text.txt" head -n 4 text.txt
case_ tail 0 "tail -c 100 text.txt" tail -c 100 text.txt
case_ tac 0 "tac numbers.txt" tac numbers.txt
case_ uname_m 0 - uname -m
case_ expr 0 "expr 123456789 \\* 1000 % 97" expr 123456789 '*' 1000 % 97
case_ basename 0 "basename /usr/lib/riscv64-linux-gnu/libc.so.6 .6" basename /usr/lib/riscv64-linux-gnu/libc.so.6 .6
case_ numfmt 0 "numfmt --to=iec-i --suffix=B 123456789 1023 1048576" numfmt --to=iec-i --suffix=B 123456789 1023 1048576
# qemu-user passes the environment in reverse order; the host's env is the reference
QEMU_WRONG="env_path"
case_ env_path 0 "env -i PATH=/usr/bin:/bin LC_ALL=C TZ=UTC env" env
case_ true 0 "true" true
case_ false 1 - false
[ $nfail = 0 ]
