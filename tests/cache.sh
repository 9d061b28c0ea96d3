#!/bin/bash
# cache.sh - the persistent translation cache: translations saved by one run
# and loaded by the next give the same results as qemu-aarch64, wherever the
# libraries are mapped; a changed, corrupt, truncated, foreign or unwritable
# cache is never used wrongly; parallel writers leave whole files; the size
# limit holds; --cache stats|clear and --no-cache do what they say.
#
#   tests/cache.sh
#
# Debian's arm64 dash and coreutils (tools/fetch-arm64) run with -L; outputs are
# compared with qemu-aarch64's, and how many blocks came from the cache is read
# from --stats ("persistent cache N blocks loaded, M saved").
set -u

cd "$(dirname "$0")/.." || exit 2
XRUN=${XRUN:-$PWD/xrun}
QEMU=${QEMU:-qemu-aarch64}
SYSROOT=$PWD/${SYSROOT:-o/sysroot/aarch64}
GUEST_CC=${GUEST_CC:-aarch64-linux-gnu-gcc}
CASES="cold warm aslr exec_children first_run_siblings changed_file changed_settled patched_code delta_merge dlclose small_buffer corrupt corrupt_data truncated foreign_owner_mode
  unwritable_dir parallel_writers size_limit stats_clear no_cache pinning background_save
  background_wait background_locked background_init"

skip_all() { for c in $CASES; do echo "SKIP cache/$c: $1"; done; exit 0; }
if ! err=$(tools/fetch-arm64 -d "$SYSROOT" libc6 dash coreutils 2>&1 >/dev/null); then
  skip_all "arm64 dash/coreutils not available: ${err:-tools/fetch-arm64 failed}"
fi
command -v "$QEMU" >/dev/null || skip_all "$QEMU not installed (the reference)"
[ -x "$XRUN" ] || skip_all "$XRUN not built"

T=$(mktemp -d "${TMPDIR:-/tmp}/xrun-cache.XXXXXX") || exit 2
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
ulimit -c 0
nfail=0
pass() { echo "PASS cache/$1"; }
fail() { echo "FAIL cache/$1: $2"; nfail=$((nfail + 1)); }

# A script of shell builtins (one process), with the line of libc in its maps.
cat >"$T/work.sh" <<'EOF'
i=0; s=0
while [ $i -lt 3000 ]; do s=$(( (s * 31 + i) % 1000003 )); i=$((i + 1)); done
printf 'sum %d\n' "$s"
for w in alpha beta gamma; do case $w in b*) echo "b-word $w" ;; *) echo "word $w" ;; esac; done
while read -r l; do case $l in *libc.so*) echo "LIBC ${l%%-*}" >&2; break ;; esac; done </proc/self/maps
EOF

# run DIR OUT [xrun options...] -- PROGRAM ARGS: under xrun with cache DIR;
# stdout to OUT, stderr (--stats) to OUT.err; prints the exit status. $XENV:
# VAR=VALUE words added to the environment; $XWRAP: a command xrun runs under.
run() {
  local dir=$1 out=$2; shift 2
  local opts=()
  while [ "$1" != -- ]; do opts+=("$1"); shift; done
  shift
  env -i PATH=/usr/bin:/bin LC_ALL=C ${XENV:-} ${XWRAP:-} timeout -k 2 60 "$XRUN" --cache-dir="$dir" --stats \
    "${opts[@]}" -L "$SYSROOT" "$@" >"$out" 2>"$out.err"
  echo $?
}
ref() { # ref OUT PROGRAM ARGS: the same under qemu-aarch64
  local out=$1
  shift
  env -i PATH=/usr/bin:/bin LC_ALL=C timeout -k 2 60 "$QEMU" -L "$SYSROOT" "$@" >"$out" 2>/dev/null
}
loaded() { sed -n 's/.*persistent cache *\([0-9]*\) blocks loaded.*/\1/p' "$1.err" | head -1; }
saved() { sed -n 's/.*loaded, \([0-9]*\) saved.*/\1/p' "$1.err" | head -1; }
translated() { sed -n 's/.*blocks translated *\([0-9]*\).*/\1/p' "$1.err" | head -1; }
same() { cmp -s "$1" "$2"; }

DASH=$SYSROOT/bin/dash
ref "$T/ref.out" "$DASH" "$T/work.sh"
grep -q '^sum ' "$T/ref.out" || skip_all "qemu-aarch64 could not run arm64 dash"

# cold: nothing cached yet; the run saves what it translated.
C=$T/c
st=$(run "$C" "$T/cold" -- "$DASH" "$T/work.sh")
if [ "$st" != 0 ] || ! same "$T/cold" "$T/ref.out"; then
  fail cold "status $st or output differs from qemu-aarch64"
elif [ "$(loaded "$T/cold")" != 0 ] || [ "$(saved "$T/cold")" -lt 100 ]; then
  fail cold "expected 0 loaded and at least 100 saved: $(grep persistent "$T/cold.err")"
else
  pass cold
fi

# warm: most blocks come from the cache, the results are the same.
st=$(run "$C" "$T/warm" -- "$DASH" "$T/work.sh")
l=$(loaded "$T/warm"); x=$(translated "$T/warm")
if [ "$st" != 0 ] || ! same "$T/warm" "$T/ref.out"; then
  fail warm "status $st or output differs from qemu-aarch64"
elif [ "${l:-0}" -lt 100 ] || [ "$x" -gt $((l / 4)) ]; then
  fail warm "expected most blocks loaded: $(grep -E 'persistent|translated' "$T/warm.err" | tr -s ' ')"
else
  pass warm
fi

# aslr: libc is mapped elsewhere in each run (the host randomizes mmap);
# the blocks still load and still give qemu's results.
bases=$(grep -h '^LIBC' "$T/cold.err" "$T/warm.err")
ok=1
for k in 1 2 3; do
  st=$(run "$C" "$T/aslr$k" -- "$DASH" "$T/work.sh")
  bases="$bases $(grep -h '^LIBC' "$T/aslr$k.err")"
  { [ "$st" = 0 ] && same "$T/aslr$k" "$T/ref.out" && [ "$(loaded "$T/aslr$k")" -ge 100 ]; } || ok=0
done
ndistinct=$(echo "$bases" | tr ' ' '\n' | grep -v '^LIBC$' | grep . | sort -u | wc -l)
if [ $ok != 1 ]; then
  fail aslr "a run at another address failed, differed from qemu or loaded few blocks"
elif [ "$(cat /proc/sys/kernel/randomize_va_space 2>/dev/null)" != 0 ] && [ "$ndistinct" -lt 2 ]; then
  fail aslr "libc was at the same address in all 5 runs ($bases): relocation not exercised"
else
  pass aslr
fi

# pinning: translations made with no guest register kept in a host register
# across blocks (XRUN_PINS=0) are not loaded by a run that keeps some there:
# their code reads and writes those registers in the state struct.
P=$T/pin
st0=$(XENV=XRUN_PINS=0 run "$P" "$T/pin0" -- "$DASH" "$T/work.sh")
st=$(run "$P" "$T/pin1" -- "$DASH" "$T/work.sh")
if [ "$st0" != 0 ] || [ "$st" != 0 ] || ! same "$T/pin0" "$T/ref.out" || ! same "$T/pin1" "$T/ref.out"; then
  fail pinning "status $st0/$st or output differs from qemu-aarch64"
elif [ "$(saved "$T/pin0")" -lt 100 ] || [ "$(loaded "$T/pin1")" != 0 ]; then
  fail pinning "expected the first run to save and the second to load nothing: $(grep -h persistent "$T/pin0.err" "$T/pin1.err" | tr -s ' ')"
else
  pass pinning
fi

# exec_children: a shell running programs; each exec'd xrun uses the cache too.
cmd='for i in 1 2 3; do echo "n $i" | cat; /bin/ls /proc/self/fd >/dev/null; done; /bin/echo done'
ref "$T/exec.ref" "$DASH" -c "$cmd"
run "$C" "$T/exec1" -- "$DASH" -c "$cmd" >/dev/null
st=$(run "$C" "$T/exec2" -- "$DASH" -c "$cmd")
if [ "$st" = 0 ] && same "$T/exec2" "$T/exec.ref" && same "$T/exec1" "$T/exec.ref"; then
  pass exec_children
else
  fail exec_children "status $st or output differs from qemu-aarch64"
fi

# first_run_siblings: a shell's first run with an empty cache, its children
# forked one after another, two per pipeline: one runs the shell's echo
# builtin, one execs cat. Each saves what it translated when it execs and
# when it ends, and the later ones load that, although their parent's view
# of the cache is from before any of it was saved (before the directory
# existed). Each process prints its --stats as it ends: the children first,
# in order, the shell last.
cmd='for i in 1 2 3 4; do echo "n $i" | /bin/cat; done'
ref "$T/sib.ref" "$DASH" -c "$cmd"
st=$(run "$T/sib" "$T/sib1" -- "$DASH" -c "$cmd")
mapfile -t xl < <(sed -n 's/.*blocks translated *\([0-9]*\).*/\1/p' "$T/sib1.err")
if [ "$st" != 0 ] || ! same "$T/sib1" "$T/sib.ref"; then
  fail first_run_siblings "status $st or output differs from qemu-aarch64"
elif [ "${#xl[@]}" != 9 ] || [ "${xl[0]}" -lt 100 ] || [ "${xl[1]}" -lt 500 ] ||
     [ "$((xl[4] + xl[5] + xl[6] + xl[7]))" -gt 40 ]; then
  fail first_run_siblings "blocks translated by the children and the shell: ${xl[*]} (the last four children should load nearly all)"
else
  pass first_run_siblings
fi

# changed_file: the same path, inode, size and mtime with other code: the
# blocks whose guest bytes changed are not used.
if command -v "$GUEST_CC" >/dev/null; then
  for v in 1 2; do
    cat >"$T/prog$v.c" <<EOF
#include <stdio.h>
__attribute__((noinline)) long f(long x) { return x * $((v == 1 ? 3 : 5)) + $((v == 1 ? 11 : 13)); }
int main(void) { long s = 0; for (long i = 0; i < 1000; i++) s += f(i); printf("%ld\n", s); return 0; }
EOF
    "$GUEST_CC" -O2 -o "$T/prog$v" "$T/prog$v.c" 2>/dev/null
  done
  if [ -x "$T/prog1" ] && [ -x "$T/prog2" ] &&
     [ "$(stat -c %s "$T/prog1")" = "$(stat -c %s "$T/prog2")" ]; then
    ref "$T/prog2.ref" "$T/prog2"
    cp "$T/prog1" "$T/prog" && touch -d @1000000000 "$T/prog"
    run "$C" "$T/p1" -- "$T/prog" >/dev/null
    ino=$(stat -c %i "$T/prog")
    cat "$T/prog2" >"$T/prog" && touch -d @1000000000 "$T/prog"
    st=$(run "$C" "$T/p2" -- "$T/prog")
    if [ "$(stat -c %i "$T/prog")" != "$ino" ]; then
      fail changed_file "the test could not keep the inode"
    elif [ "$st" = 0 ] && same "$T/p2" "$T/prog2.ref"; then
      pass changed_file
    else
      fail changed_file "ran the old code: $(cat "$T/p2") vs $(cat "$T/prog2.ref")"
    fi
  else
    fail changed_file "$GUEST_CC did not build two programs of one size"
  fi
else
  echo "SKIP cache/changed_file: $GUEST_CC not installed"
fi

# settle FILE...: wait until each file's status changed more than 4 seconds
# ago: xrun trusts a file's identity for its bytes, and loads its cached code
# without hashing those bytes again, only 3 seconds after (tc_pfile.c).
settle() {
  local f
  for f in "$@"; do
    while [ $(($(date +%s) - $(stat -c %Z "$f"))) -le 4 ]; do sleep 1; done
  done
}

# changed_settled: as changed_file, but each run starts when the program's
# status changed long ago: its cached blocks load without their guest bytes
# hashed, and the rewritten file (same inode, size and mtime) must still not
# get them: its ctime differs.
# patched_code: a settled program whose blocks were saved as the file's own
# bytes, run again so that it patches a function before it first calls it,
# once through a mapping it made writable (mprotect) and once through
# /proc/self/mem: that function is not loaded unhashed.
if command -v "$GUEST_CC" >/dev/null && [ -x "$T/prog1" ] && [ -x "$T/prog2" ]; then
  cat >"$T/patch.c" <<'EOF'
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
__attribute__((noipa)) long g(long x) { return x * 3 + 1; }
/* argv[1]: "mprotect" (make the page writable, write) or "mem" (write
 * through /proc/self/mem, which the kernel allows into read-only code) */
int main(int argc, char **argv) {
  long (*volatile gp)(long) = g;
  static const uint32_t code[] = {0xd2800540 /* mov x0, #42 */, 0xd65f03c0 /* ret */};
  if (argc > 1 && !strcmp(argv[1], "mem")) {
    int fd = open("/proc/self/mem", O_RDWR);
    if (fd < 0 || pwrite(fd, code, sizeof(code), (off_t)(uintptr_t)g) != (ssize_t)sizeof(code)) {
      perror("/proc/self/mem");
      return 1;
    }
    close(fd);
  } else if (argc > 1) {
    uintptr_t lo = (uintptr_t)g & ~(uintptr_t)4095;
    uintptr_t hi = ((uintptr_t)g + sizeof(code) + 4095) & ~(uintptr_t)4095;
    if (mprotect((void *)lo, hi - lo, PROT_READ | PROT_WRITE | PROT_EXEC)) {
      perror("mprotect");
      return 1;
    }
    memcpy((void *)(uintptr_t)g, code, sizeof(code));
    __builtin___clear_cache((char *)(uintptr_t)g, (char *)(uintptr_t)g + sizeof(code));
  }
  printf("%ld\n", gp(argc));
  return 0;
}
EOF
  "$GUEST_CC" -O2 -o "$T/patch" "$T/patch.c" 2>/dev/null
  cp "$T/prog1" "$T/sprog" && touch -d @1000000000 "$T/sprog"
  ref "$T/sprog1.ref" "$T/prog1"
  ref "$T/patch.ref" "$T/patch" mprotect
  ref "$T/patchmem.ref" "$T/patch" mem
  S=$T/settled
  settle "$T/sprog" "$T/patch"
  run "$S" "$T/sp1" -- "$T/sprog" >/dev/null
  st=$(run "$S" "$T/sp2" -- "$T/sprog")
  ino=$(stat -c %i "$T/sprog")
  cat "$T/prog2" >"$T/sprog" && touch -d @1000000000 "$T/sprog"
  settle "$T/sprog"
  st3=$(run "$S" "$T/sp3" -- "$T/sprog")
  if [ "$(stat -c %i "$T/sprog")" != "$ino" ]; then
    fail changed_settled "the test could not keep the inode"
  elif [ "$st" != 0 ] || ! same "$T/sp2" "$T/sprog1.ref" || [ "$(loaded "$T/sp2")" -lt 100 ]; then
    fail changed_settled "the settled program's second run: status $st, $(loaded "$T/sp2") blocks loaded"
  elif [ "$st3" = 0 ] && same "$T/sp3" "$T/prog2.ref"; then
    pass changed_settled
  else
    fail changed_settled "ran the old code: $(cat "$T/sp3") vs $(cat "$T/prog2.ref")"
  fi
  run "$S" "$T/pt1" -- "$T/patch" >/dev/null
  st=$(run "$S" "$T/pt2" -- "$T/patch" mprotect)
  run "$S.mem" "$T/pt3" -- "$T/patch" >/dev/null # a cache of its own: pt2 saved g patched
  st2=$(run "$S.mem" "$T/pt4" -- "$T/patch" mem)
  if [ ! -x "$T/patch" ] || [ "$(cat "$T/patch.ref")" != 42 ] || [ "$(cat "$T/patchmem.ref")" != 42 ]; then
    fail patched_code "$GUEST_CC or qemu-aarch64 did not give the patched program's output (42)"
  elif [ "$(saved "$T/pt1")" -lt 1 ] || [ "$(loaded "$T/pt2")" -lt 1 ]; then
    fail patched_code "nothing cached: $(grep -h persistent "$T/pt1.err" "$T/pt2.err" | tr -s ' ')"
  elif [ "$st" = 0 ] && same "$T/pt2" "$T/patch.ref" && [ "$st2" = 0 ] && same "$T/pt4" "$T/patchmem.ref"; then
    pass patched_code
  else
    fail patched_code "ran the file's code, not the patched: status $st, $(cat "$T/pt2") (mprotect), status $st2, $(cat "$T/pt4") (/proc/self/mem); qemu: 42"
  fi
else
  echo "SKIP cache/changed_settled: $GUEST_CC not installed"
  echo "SKIP cache/patched_code: $GUEST_CC not installed"
fi

# delta_merge: a run that translates a few blocks more than a program's
# cache file holds writes them into a delta file beside it, the main file
# left as it was; the next run loads them from there, and not from a delta
# whose index is corrupt; a run that adds more than an eighth of the main
# file's size merges everything into a new main file, and the delta goes.
# A static program, one guest file: one cache file and its delta.
if command -v "$GUEST_CC" >/dev/null; then
  cat >"$T/paths.c" <<'EOF'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
int main(int argc, char **argv) { /* more of libc's code the higher argv[1] */
  int level = atoi(argv[1]), v[64];
  char buf[256];
  puts("level");
  if (level >= 2)
    fputs(strchr("level two", 't'), stdout), putchar('\n');
  if (level >= 3) {
    for (int i = 0; i < 64; i++)
      v[i] = (i * 7919) % 64;
    qsort(v, 64, sizeof(v[0]), cmp);
    snprintf(buf, sizeof(buf), "%.6g %e %a", strtod("3.25e-2", NULL), 1.5e10, 0.75);
    printf("%d %d %s %zu\n", v[0], v[63], buf, strlen(buf));
  }
  return 0;
}
EOF
  "$GUEST_CC" -O2 -static -o "$T/paths" "$T/paths.c" 2>/dev/null
fi
if [ -x "$T/paths" ]; then
  D=$T/delta
  files() { ls "$D"/*.xtc 2>/dev/null | wc -l; }
  why=""
  for lv in 1 2 3; do ref "$T/paths$lv.ref" "$T/paths" $lv; done
  st=$(run "$D" "$T/d1" -- "$T/paths" 1)
  main=$(ls "$D"/*.xtc 2>/dev/null | head -1)
  cp "$main" "$T/main.copy" 2>/dev/null
  [ "$st" = 0 ] && same "$T/d1" "$T/paths1.ref" && [ "$(files)" = 1 ] ||
    why="$why; first run: status $st, $(files) files"
  st=$(run "$D" "$T/d2" -- "$T/paths" 2)
  [ "$st" = 0 ] && same "$T/d2" "$T/paths2.ref" && [ "$(saved "$T/d2")" -gt 0 ] &&
    [ "$(files)" = 2 ] && cmp -s "$main" "$T/main.copy" ||
    why="$why; a few more blocks: status $st, $(saved "$T/d2") saved, $(files) files, main file changed or gone"
  st=$(run "$D" "$T/d3" -- "$T/paths" 2)
  [ "$st" = 0 ] && same "$T/d3" "$T/paths2.ref" && [ "$(translated "$T/d3")" = 0 ] ||
    why="$why; rerun: status $st, $(translated "$T/d3") blocks translated"
  delta=$(ls "$D"/*.xtc | grep -vx "$main")
  cp "$delta" "$T/delta.copy" 2>/dev/null
  printf '\377' | dd of="$delta" bs=1 seek=100 conv=notrunc 2>/dev/null # in the index
  st=$(run "$D" "$T/d4" -- "$T/paths" 2)
  [ "$st" = 0 ] && same "$T/d4" "$T/paths2.ref" && [ "$(translated "$T/d4")" -gt 0 ] ||
    why="$why; corrupt delta: status $st, $(translated "$T/d4") blocks translated"
  cp "$T/delta.copy" "$delta" 2>/dev/null
  st=$(run "$D" "$T/d5" -- "$T/paths" 3)
  [ "$st" = 0 ] && same "$T/d5" "$T/paths3.ref" && [ "$(files)" = 1 ] && [ -e "$main" ] &&
    ! cmp -s "$main" "$T/main.copy" ||
    why="$why; many more blocks: status $st, $(files) files, main file not rewritten"
  st=$(run "$D" "$T/d6" -- "$T/paths" 3)
  [ "$st" = 0 ] && same "$T/d6" "$T/paths3.ref" && [ "$(translated "$T/d6")" = 0 ] ||
    why="$why; after the merge: status $st, $(translated "$T/d6") blocks translated"
  if [ -z "$why" ]; then pass delta_merge; else fail delta_merge "${why#; }"; fi
else
  echo "SKIP cache/delta_merge: $GUEST_CC could not build a static program"
fi

# non_pie: a program not built as PIE is mapped low, where its code's guest
# addresses are 4-byte fields (TC_RELOC_GUEST32), its libraries high (8-byte
# ones); warm runs load both kinds and give qemu's results. The first warm
# run translates a few blocks (3 of 1,546 here, as before guest addresses
# had 4-byte fields) and saves them; the next one translates none.
if command -v "$GUEST_CC" >/dev/null && [ -f "$T/paths.c" ]; then
  "$GUEST_CC" -O2 -no-pie -o "$T/nopie" "$T/paths.c" 2>/dev/null
fi
if [ -x "$T/nopie" ] && file "$T/nopie" | grep -q 'LSB executable'; then
  N=$T/nopie-cache
  ref "$T/nopie.ref" "$T/nopie" 3
  why=""
  st=$(run "$N" "$T/n1" -- "$T/nopie" 3)
  [ "$st" = 0 ] && same "$T/n1" "$T/nopie.ref" && [ "$(saved "$T/n1")" -gt 50 ] ||
    why="$why; cold: status $st, $(saved "$T/n1") saved"
  for k in 2 3; do
    st=$(run "$N" "$T/n$k" -- "$T/nopie" 3)
    l=$(loaded "$T/n$k") x=$(translated "$T/n$k")
    [ "$st" = 0 ] && same "$T/n$k" "$T/nopie.ref" && [ "${l:-0}" -gt 50 ] &&
      [ "${x:-1}" -le $((k == 2 ? l / 50 : 0)) ] ||
      why="$why; warm run $k: status $st, $l loaded, $x translated"
  done
  if [ -z "$why" ]; then pass non_pie; else fail non_pie "${why#; }"; fi
else
  echo "SKIP cache/non_pie: $GUEST_CC could not build a program without PIE"
fi

# dlclose: a library that a program dlopens, runs and dlcloses twice. Its
# translations are saved when it is unmapped (before they are dropped), so
# the second dlopen in the same run loads them, and a second run translates
# nothing at all. Both runs without address randomization (setarch -R):
# with it, the dynamic linker takes a slightly different path in some runs
# (a few blocks no earlier run made).
if command -v "$GUEST_CC" >/dev/null; then
  cat >"$T/plug.c" <<'EOF'
static unsigned mix(unsigned h, unsigned v) { return (h ^ v) * 16777619u; }
unsigned plug_work(int n) {
  unsigned h = 2166136261u;
  for (int i = 0; i < n; i++) {
    h = i % 3 ? mix(h, i) : mix(h, i * 7 + 1);
    if (h % 5 == 0) h += 3; else if (h % 7 == 1) h ^= 0x55; else h -= i;
  }
  return h;
}
EOF
  cat >"$T/dlmain.c" <<'EOF'
#include <dlfcn.h>
#include <stdio.h>
int main(int argc, char **argv) {
  for (int k = 0; k < 2 && argc > 1; k++) {
    void *h = dlopen(argv[1], RTLD_NOW);
    unsigned (*f)(int) = h ? (unsigned (*)(int))dlsym(h, "plug_work") : NULL;
    if (!f) { printf("dlopen: %s\n", dlerror()); return 1; }
    printf("round %d: %u\n", k, f(20000));
    dlclose(h);
  }
  return 0;
}
EOF
  "$GUEST_CC" -O2 -shared -fPIC -o "$T/plug.so" "$T/plug.c" 2>/dev/null
  "$GUEST_CC" -O2 -o "$T/dlmain" "$T/dlmain.c" -ldl 2>/dev/null
fi
if ! command -v setarch >/dev/null; then
  echo "SKIP cache/dlclose: setarch (util-linux) not installed"
elif [ -x "$T/dlmain" ] && [ -e "$T/plug.so" ]; then
  DL=$T/dl
  mkdir -m 700 "$DL"
  ref "$T/dl.ref" "$T/dlmain" "$T/plug.so"
  st1=$(XWRAP="setarch -R" run "$DL" "$T/dl1" -- "$T/dlmain" "$T/plug.so")
  st2=$(XWRAP="setarch -R" run "$DL" "$T/dl2" -- "$T/dlmain" "$T/plug.so")
  if ! grep -q '^round 1: ' "$T/dl.ref"; then
    fail dlclose "qemu-aarch64 could not run the program: $(head -1 "$T/dl.ref")"
  elif [ "$st1" != 0 ] || [ "$st2" != 0 ] || ! same "$T/dl1" "$T/dl.ref" || ! same "$T/dl2" "$T/dl.ref"; then
    fail dlclose "status $st1/$st2 or output differs from qemu-aarch64"
  elif [ "$(loaded "$T/dl1")" -lt 5 ] || [ "$(translated "$T/dl2")" != 0 ]; then
    fail dlclose "expected the second dlopen to load and the second run to translate nothing: $(grep -hE 'persistent|translated' "$T/dl1.err" "$T/dl2.err" | tr -s ' ')"
  else
    pass dlclose
  fi
else
  echo "SKIP cache/dlclose: $GUEST_CC could not build the program and its library"
fi

# small_buffer: a code buffer of 256 KiB, which the script fills several
# times over (regions reclaimed). What is dropped for room is saved first,
# and a load that finds its region full makes room as a translation does,
# so the third run translates nothing. Without address randomization, as
# dlclose.
if command -v setarch >/dev/null; then
  SB=$T/small
  mkdir -m 700 "$SB"
  why=""
  for k in 1 2 3; do
    st=$(XWRAP="setarch -R" run "$SB" "$T/sb$k" --tcache-size 256K -- "$DASH" "$T/work.sh")
    [ "$st" = 0 ] && same "$T/sb$k" "$T/ref.out" || why="$why; run $k: status $st or output differs from qemu-aarch64"
  done
  reclaimed=$(sed -n 's/.*code reclaimed *\([0-9]*\) regions.*/\1/p' "$T/sb1.err" | head -1)
  if [ -n "$why" ]; then
    fail small_buffer "${why#; }"
  elif [ "${reclaimed:-0}" -lt 2 ]; then
    fail small_buffer "the buffer did not wrap: $(grep reclaimed "$T/sb1.err" | tr -s ' ')"
  elif [ "$(translated "$T/sb3")" != 0 ]; then
    fail small_buffer "the third run still translated: $(grep -hE 'translated|persistent' "$T/sb2.err" "$T/sb3.err" | tr -s ' ' | tr '\n' ';')"
  else
    pass small_buffer
  fi
else
  echo "SKIP cache/small_buffer: setarch (util-linux) not installed"
fi

# copy_cache DIR: a fresh copy of the warm cache
copy_cache() { rm -rf "$1"; cp -a "$C" "$1"; }

# corrupt: a byte flipped in every file's index (the entries after the
# 80-byte header): its checksum fails and no block of the file is used.
copy_cache "$T/bad"
for f in "$T"/bad/*.xtc; do
  printf '\x5a' | dd of="$f" bs=1 seek=100 conv=notrunc status=none
done
st=$(run "$T/bad" "$T/corrupt" -- "$DASH" "$T/work.sh")
if [ "$st" = 0 ] && same "$T/corrupt" "$T/ref.out" && [ "$(loaded "$T/corrupt")" = 0 ]; then
  pass corrupt
else
  fail corrupt "status $st, $(loaded "$T/corrupt") blocks loaded from files with a corrupt index"
fi

# corrupt_data: a byte flipped every 997 bytes of the blocks' data (after
# the index: 64-byte entries, their count at offset 72): each block whose
# bytes changed is translated afresh, the others still load.
copy_cache "$T/badd"
for f in "$T"/badd/*.xtc; do
  n=$(od -An -t u8 -j 72 -N 8 "$f" | tr -d ' ')
  sz=$(stat -c %s "$f")
  for ((at = 88 + 64 * n + 500; at < sz; at += 997)); do
    printf '\xa5' | dd of="$f" bs=1 seek=$at conv=notrunc status=none
  done
done
st=$(run "$T/badd" "$T/corrupt_data" -- "$DASH" "$T/work.sh")
l=$(loaded "$T/corrupt_data")
if [ "$st" = 0 ] && same "$T/corrupt_data" "$T/ref.out" && [ "${l:-0}" -gt 0 ] &&
   [ "$l" -lt "$(loaded "$T/warm")" ]; then
  pass corrupt_data
else
  fail corrupt_data "status $st, $l blocks loaded (warm run: $(loaded "$T/warm"))"
fi

# truncated: every file cut in half, and one replaced by random bytes.
copy_cache "$T/trunc"
for f in "$T"/trunc/*.xtc; do truncate -s $(($(stat -c %s "$f") / 2)) "$f"; done
f=$(ls "$T"/trunc/*.xtc | head -1)
head -c 100000 /dev/urandom >"$f"
st=$(run "$T/trunc" "$T/truncated" -- "$DASH" "$T/work.sh")
if [ "$st" = 0 ] && same "$T/truncated" "$T/ref.out" && [ "$(loaded "$T/truncated")" = 0 ]; then
  pass truncated
else
  fail truncated "status $st, $(loaded "$T/truncated") blocks loaded from truncated files"
fi

# foreign_owner_mode: files others may write, or a directory others may
# write, are not read.
copy_cache "$T/gw"
chmod g+w "$T"/gw/*.xtc
st=$(run "$T/gw" "$T/gw1" -- "$DASH" "$T/work.sh")
copy_cache "$T/ow"
chmod o+w "$T/ow"
st2=$(run "$T/ow" "$T/ow1" -- "$DASH" "$T/work.sh")
if [ "$st" = 0 ] && [ "$st2" = 0 ] && same "$T/gw1" "$T/ref.out" && same "$T/ow1" "$T/ref.out" &&
   [ "$(loaded "$T/gw1")" = 0 ] && [ "$(loaded "$T/ow1")" = 0 ]; then
  pass foreign_owner_mode
else
  fail foreign_owner_mode "loaded $(loaded "$T/gw1") from group-writable files, $(loaded "$T/ow1") from a world-writable directory"
fi

# unwritable_dir: a cache directory that cannot be made: the program runs.
st=$(run /proc/xrun-cache-test "$T/ro" -- "$DASH" "$T/work.sh")
if [ "$st" = 0 ] && same "$T/ro" "$T/ref.out"; then
  pass unwritable_dir
else
  fail unwritable_dir "status $st: $(head -c 200 "$T/ro.err")"
fi

# parallel_writers: four cold runs at once into one directory; every file
# left is whole (a warm run then loads from all of them).
P=$T/par
for k in 1 2 3 4; do run "$P" "$T/par$k" -- "$DASH" "$T/work.sh" >"$T/par$k.st" & done
wait
ok=1
for k in 1 2 3 4; do { [ "$(cat "$T/par$k.st")" = 0 ] && same "$T/par$k" "$T/ref.out"; } || ok=0; done
st=$(run "$P" "$T/par5" -- "$DASH" "$T/work.sh")
if [ $ok = 1 ] && [ "$st" = 0 ] && same "$T/par5" "$T/ref.out" && [ "$(loaded "$T/par5")" -ge 100 ] &&
   [ -z "$(ls -A "$P" | grep -v '\.xtc$')" ]; then
  pass parallel_writers
else
  fail parallel_writers "ok=$ok, warm status $st, loaded $(loaded "$T/par5"), files: $(ls -A "$P" | tr '\n' ' ')"
fi

# size_limit: with --cache-size=1M the directory stays within it.
S=$T/small
for prog in "$DASH $T/work.sh" "$SYSROOT/bin/ls -l $SYSROOT/bin" "$SYSROOT/usr/bin/sort $T/work.sh" \
            "$SYSROOT/usr/bin/sha256sum $T/work.sh" "$SYSROOT/bin/date -d @0 -u"; do
  # shellcheck disable=SC2086
  run "$S" "$T/sz" --cache-size=1M -- $prog >/dev/null
done
total=$(cat "$S"/*.xtc 2>/dev/null | wc -c)
if [ "$total" -gt 0 ] && [ "$total" -le $((1 << 20)) ]; then
  pass size_limit
else
  fail size_limit "$total bytes in the directory (limit 1 MiB)"
fi

# stats_clear: xrun --cache stats counts the files; clear removes them.
n=$(ls "$C"/*.xtc | wc -l)
out=$("$XRUN" --cache-dir="$C" --cache stats)
"$XRUN" --cache-dir="$C" --cache clear >"$T/clear.out"; cst=$?
left=$(ls "$C" | wc -l)
if echo "$out" | grep -q "^files *$n " && [ "$cst" = 0 ] && [ "$left" = 0 ] &&
   "$XRUN" --cache-dir="$C" --cache stats | grep -q '^files *0 '; then
  pass stats_clear
else
  fail stats_clear "stats said '$(echo "$out" | tr '\n' ' ')' for $n files; clear: status $cst, $left left"
fi

# background_save: without --stats a run's new translations are written after
# it ends, by a child sharing its memory (tcache/tc_bgsave.c): the run's
# output and status are the guest's, --cache wait returns once the files
# are written, and the next run loads them.
# plain DIR OUT PROGRAM ARGS: under xrun without --stats; prints the status.
plain() {
  local dir=$1 out=$2
  shift 2
  env -i PATH=/usr/bin:/bin LC_ALL=C timeout -k 2 60 "$XRUN" --cache-dir="$dir" -L "$SYSROOT" "$@" \
    >"$out" 2>/dev/null
  echo $?
}
B=$T/bg
st=$(plain "$B" "$T/bg1" "$DASH" "$T/work.sh")
st7=$(plain "$B" "$T/bg7" "$DASH" -c 'echo seven; exit 7')
"$XRUN" --cache-dir="$B" --cache wait; wst=$?
st2=$(run "$B" "$T/bg2" -- "$DASH" "$T/work.sh")
l=$(loaded "$T/bg2"); x=$(translated "$T/bg2")
if [ "$st" != 0 ] || ! same "$T/bg1" "$T/ref.out" || [ "$st7" != 7 ] || [ "$(cat "$T/bg7")" != seven ]; then
  fail background_save "status $st (want 0) and $st7 (want 7), or output differs from qemu-aarch64"
elif [ "$wst" != 0 ] || [ "$st2" != 0 ] || ! same "$T/bg2" "$T/ref.out"; then
  fail background_save "--cache wait status $wst, warm run status $st2 or output differs"
elif [ "${l:-0}" -lt 100 ] || [ "$x" -gt $((l / 4)) ]; then
  fail background_save "expected most blocks loaded: $(grep -E 'persistent|translated' "$T/bg2.err" | tr -s ' ')"
else
  pass background_save
fi

# background_wait: --cache wait waits while a writer holds the directory's
# .writers file (shared, as a saver does).
W=$T/bgw
mkdir -m 700 "$W" && : >"$W/.writers"
flock -s "$W/.writers" sleep 1.5 &
sleep 0.3
t0=$(date +%s%N)
"$XRUN" --cache-dir="$W" --cache wait; wst=$?
ms=$((($(date +%s%N) - t0) / 1000000))
wait
if [ "$wst" = 0 ] && [ "$ms" -ge 700 ]; then
  pass background_wait
else
  fail background_wait "status $wst after $ms ms, while a writer held the lock for 1.2 s more"
fi

# background_locked: while a --cache wait holds .writers, an ending run
# cannot add a saver and writes the cache itself: the files are there when
# it returns, with the lock still held.
K=$T/bgk
mkdir -m 700 "$K" && : >"$K/.writers"
n=$(XRUN="$XRUN" K="$K" SYSROOT="$SYSROOT" DASH="$DASH" W="$T/work.sh" flock -x "$K/.writers" \
  sh -c '"$XRUN" --cache-dir="$K" -L "$SYSROOT" "$DASH" "$W" >/dev/null 2>&1; ls "$K"/*.xtc | wc -l')
if [ "${n:-0}" -ge 1 ]; then
  pass background_locked
else
  fail background_locked "no cache file right after the run with .writers locked (${n:-none})"
fi

# background_init: xrun as process 1 of a PID namespace (a container's
# init), whose end ends every process in it, a saver too: it writes the
# cache itself, so the files are there when it returns.
I=$T/bgi
if ! unshare -fp --mount-proc true 2>/dev/null; then
  echo "SKIP cache/background_init: unshare -fp is not permitted here (needs CAP_SYS_ADMIN)"
else
  unshare -fp --mount-proc env -i PATH=/usr/bin:/bin "$XRUN" --cache-dir="$I" -L "$SYSROOT" \
    "$DASH" "$T/work.sh" >"$T/bgi.out" 2>/dev/null
  st=$?
  n=$(ls "$I"/*.xtc 2>/dev/null | wc -l)
  if [ "$st" = 0 ] && same "$T/bgi.out" "$T/ref.out" && [ "$n" -ge 1 ]; then
    pass background_init
  else
    fail background_init "status $st, $n cache files right after the namespace ended"
  fi
fi

# no_cache: --no-cache writes nothing.
st=$(run "$T/none" "$T/nc" --no-cache -- "$DASH" "$T/work.sh")
if [ "$st" = 0 ] && same "$T/nc" "$T/ref.out" && [ ! -e "$T/none" ]; then
  pass no_cache
else
  fail no_cache "status $st; directory made: $(ls -d "$T/none" 2>/dev/null)"
fi

exit $((nfail > 0))
