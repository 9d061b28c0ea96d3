#!/bin/bash
# badinput.sh - bad input to xrun: each must end with exactly one line on
# stderr (a usage message may be longer when there are no arguments), the
# distinct exit status from enum xrun_status in xrun.h, and no signal or core
# dump.
#
#   tests/badinput.sh            # checks ./xrun (XRUN=path to override)
#
# One line per case: PASS badinput/NAME, FAIL badinput/NAME: reason, SKIP ...
set -u

cd "$(dirname "$0")/.." || exit 2
XRUN=${XRUN:-./xrun}
GUEST_CC=${GUEST_CC:-aarch64-linux-gnu-gcc}
OUT=$PWD/${O:-o}/tests/badinput
CASES="no_args unknown_option missing_file directory text_file empty_file truncated_elf
  wrong_machine_elf object_file missing_interpreter segment_past_eof
  unplaceable_segment empty_segments interpreter_directory"

abspath() { case $1 in /*) echo "$1" ;; */*) echo "$PWD/$1" ;; *) echo "$1" ;; esac; }
XRUN_CMD=$(abspath "$XRUN")
skip_all() { for c in $CASES; do echo "SKIP badinput/$c: $1"; done; exit 0; }
case $(basename "$XRUN") in
  qemu-*) skip_all "these are xrun's own exit statuses, not $(basename "$XRUN")'s" ;;
esac
[ -x "$XRUN_CMD" ] || skip_all "$XRUN not built"

# the statuses, read from the header so the two cannot drift apart
status_of() { sed -n "s/^ *$1 *= *\([0-9]*\).*/\1/p" xrun.h; }
USAGE=$(status_of XRUN_EXIT_USAGE)
BADELF=$(status_of XRUN_EXIT_BADELF)
NOFILE=$(status_of XRUN_EXIT_NOFILE)
: "${USAGE:=125}" "${BADELF:=126}" "${NOFILE:=127}"

ulimit -c unlimited 2>/dev/null # so that a crash would leave a core to find
T=$(mktemp -d "${TMPDIR:-/tmp}/xrun-badinput.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
mkdir -p "$OUT" "$T/run"

printf 'just some text\nnot a program\n' >"$T/text.txt"
: >"$T/empty"
mkdir "$T/adir"
# an x86-64 program is run directly; one for another machine is refused
cp /bin/true "$T/ppc64-true" && printf '\x15\x00' |
  dd of="$T/ppc64-true" bs=1 seek=18 conv=notrunc status=none
have_cc=0
if command -v "$GUEST_CC" >/dev/null 2>&1; then
  src=tests/guest/aarch64/asm_hello_write.S
  if "$GUEST_CC" -static -nostdlib -o "$OUT/hello" "$src" 2>"$OUT/build.log" &&
     "$GUEST_CC" -c -o "$OUT/hello.o" "$src" 2>>"$OUT/build.log" &&
     printf 'int main(void){return 0;}\n' >"$T/dyn.c" &&
     "$GUEST_CC" -o "$OUT/dyn-missing-interp" "$T/dyn.c" \
       -Wl,--dynamic-linker=/nonexistent/ld-linux-aarch64.so.1 2>>"$OUT/build.log"; then
    have_cc=1
    head -c 100 "$OUT/hello" >"$T/truncated"
  fi
fi

# put_u64 FILE OFFSET VALUE: VALUE as 8 little-endian bytes at OFFSET of FILE
put_u64() {
  local v=$3 s="" i
  for i in 0 1 2 3 4 5 6 7; do s="$s$(printf '\\x%02x' $(((v >> (8 * i)) & 255)))"; done
  printf "$s" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}
# Well-formed ELF programs that cannot be loaded: the first PT_LOAD of the
# static hello (its program headers at offset 64: p_vaddr +16, p_filesz +32,
# p_memsz +40) claims bytes past the end of the file, or 48 TiB of memory
# that overlaps xrun's own, or no bytes at all; a dynamic program's
# interpreter is a directory.
if [ $have_cc = 1 ] && [ "$(od -An -tu8 -j32 -N8 "$OUT/hello" | tr -d ' ')" = 64 ]; then
  cp "$OUT/hello" "$T/past-eof" && put_u64 "$T/past-eof" 96 $((0x100000)) &&
    put_u64 "$T/past-eof" 104 $((0x100000))
  cp "$OUT/hello" "$T/huge-bss" && put_u64 "$T/huge-bss" 104 $((0x300000000000))
  cp "$OUT/hello" "$T/empty-segs" && put_u64 "$T/empty-segs" 96 0 && put_u64 "$T/empty-segs" 104 0
  mkdir -p "$T/root/adir"
  "$GUEST_CC" -o "$OUT/dyn-dir-interp" "$T/dyn.c" -Wl,--dynamic-linker=/adir 2>>"$OUT/build.log"
fi

nfail=0
# [want_msg=TEXT] check NAME WANT-STATUS MAX-STDERR-LINES ARGS...
check() {
  local name=$1 want=$2 maxlines=$3; shift 3
  rm -f "$T"/run/core*
  (cd "$T/run" && exec timeout -k 2 10 "$XRUN_CMD" "$@" >"$T/out" 2>"$T/err" </dev/null)
  local st=$? lines
  lines=$(wc -l <"$T/err")
  # a last line without a newline still counts as a line
  [ -s "$T/err" ] && [ -n "$(tail -c1 "$T/err")" ] && lines=$((lines + 1))
  local why=""
  if [ $st -ge 128 ]; then why="killed by signal $((st - 128))"
  elif [ "$st" = 124 ] && [ "$want" != 124 ]; then why="status 124 (internal error, or timed out)"
  elif [ "$st" != "$want" ]; then why="exit status $st, expected $want"
  elif [ "$lines" -lt 1 ]; then why="nothing on stderr"
  elif [ "$lines" -gt "$maxlines" ]; then why="$lines lines on stderr, expected at most $maxlines"
  elif ls "$T"/run/core* >/dev/null 2>&1; then why="left a core dump"
  elif grep -q 'internal error\|(no error)\|Success' "$T/err"; then why="message blames xrun or no error"
  elif [ -n "${want_msg:-}" ] && ! grep -q "$want_msg" "$T/err"; then why="message lacks '$want_msg'"
  fi
  if [ -n "$why" ]; then
    echo "FAIL badinput/$name: $why"
    head -3 "$T/err" | sed 's/^/    /'
    nfail=$((nfail + 1))
  else
    echo "PASS badinput/$name"
  fi
}

check no_args "$USAGE" 30
check unknown_option "$USAGE" 1 --bogus
check missing_file "$NOFILE" 1 "$T/does-not-exist"
check directory "$BADELF" 1 "$T/adir"
check text_file "$BADELF" 1 "$T/text.txt"
check empty_file "$BADELF" 1 "$T/empty"
check wrong_machine_elf "$BADELF" 1 "$T/ppc64-true"
if [ $have_cc = 1 ]; then
  check truncated_elf "$BADELF" 1 "$T/truncated"
  check object_file "$BADELF" 1 "$OUT/hello.o"
  check missing_interpreter "$NOFILE" 1 "$OUT/dyn-missing-interp"
fi
if [ -e "$T/past-eof" ] && [ -e "$OUT/dyn-dir-interp" ]; then
  check segment_past_eof "$BADELF" 1 "$T/past-eof"
  check unplaceable_segment "$BADELF" 1 "$T/huge-bss"
  want_msg='segments are all empty' check empty_segments "$BADELF" 1 "$T/empty-segs"
  want_msg='interpreter /adir is a directory' \
    check interpreter_directory "$BADELF" 1 -L "$T/root" "$OUT/dyn-dir-interp"
fi
if [ $have_cc != 1 ]; then
  for c in truncated_elf object_file missing_interpreter segment_past_eof unplaceable_segment empty_segments interpreter_directory; do
    echo "SKIP badinput/$c: cannot build an aarch64 program with $GUEST_CC"
  done
fi
[ $nfail = 0 ]
