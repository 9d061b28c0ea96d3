#!/bin/bash
# exec_here.sh - a guest's execve of a guest program runs in the same xrun
# process, with no host execve (counted by strace), and in a new xrun where
# this one cannot stand for it: --reexec (or XRUN_REEXEC), logging, a
# changed XRUN_ variable in the new environment, XRUN_SET_ENV, or HOME when
# that names the cache directory. The program is a
# dynamic one that runs itself again N times; each case checks its output
# and how many times xrun was started. One PASS/FAIL/SKIP line each.
set -u
cd "$(dirname "$0")/.."
XRUN=${XRUN:-./xrun}
OUT=${O:-o}/tests/exec_here
mkdir -p "$OUT"
# a cache of its own, never the user's: $OUT/home/.cache/xrun
export HOME=$PWD/$OUT/home XDG_CACHE_HOME=
unset XRUN_CACHE

skip_all() {
  for c in in_place reexec reexec_env logging xrun_env set_env home home_cache_dir missing kept_cache; do
    echo "SKIP exec_here/$c: $1"
  done
  exit 0
}
[ -x "$XRUN" ] || skip_all "$XRUN not built"
command -v aarch64-linux-gnu-gcc >/dev/null || skip_all "aarch64-linux-gnu-gcc not installed"
command -v strace >/dev/null || skip_all "strace not installed (make deps)"
strace -f -qq -o /dev/null true 2>/dev/null || skip_all "strace cannot trace here (ptrace refused)"

cat >"$OUT/chain.c" <<'EOF'
/* chain N [VAR=VALUE [PATH]]: runs itself again N times (adding VAR=VALUE
 * to the environment the first time; PATH: run that instead, once), then
 * prints "done N pid-same" */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
int main(int argc, char **argv) {
  int n = atoi(argv[1]);
  char pid[32], next[16];
  snprintf(pid, sizeof(pid), "%d", (int)getpid());
  if (n == 0) {
    printf("done %s\n", getenv("CHAIN_PID") && !strcmp(getenv("CHAIN_PID"), pid) ? "pid-same" : "pid-changed");
    return 0;
  }
  setenv("CHAIN_PID", pid, 1);
  if (argc > 2)
    putenv(argv[2]);
  snprintf(next, sizeof(next), "%d", n - 1);
  char *args[] = {argv[0], next, NULL};
  execv(argc > 3 ? argv[3] : "/proc/self/exe", args);
  printf("execv: failed\n");
  return 1;
}
EOF
if ! aarch64-linux-gnu-gcc -O2 -o "$OUT/chain" "$OUT/chain.c" 2>"$OUT/cc.err"; then
  skip_all "cannot build the program: $(head -c 200 "$OUT/cc.err")"
fi

# case NAME WANT-STARTS WANT-OUTPUT [ENV...] -- XRUN-ARGS...: run xrun under
# strace; xrun must start WANT-STARTS times (successful host execves) and
# print WANT-OUTPUT.
case_() {
  local name=$1 starts=$2 want=$3 env=()
  shift 3
  while [ "$1" != -- ]; do env+=("$1") && shift; done
  shift
  local got n
  got=$(env "${env[@]}" strace -f -qq -e trace=execve -o "$OUT/$name.strace" "$XRUN" "$@" 2>"$OUT/$name.err")
  n=$(grep -c 'execve(.*= 0$' "$OUT/$name.strace")
  if [ "$got" = "$want" ] && [ "$n" = "$starts" ]; then
    echo "PASS exec_here/$name"
  else
    echo "FAIL exec_here/$name: xrun started $n times (want $starts), printed '$got' (want '$want'); $(head -c 200 "$OUT/$name.err")"
  fi
}

C=$OUT/chain
case_ in_place 1 "done pid-same" -- "$C" 10
case_ reexec 11 "done pid-same" -- --reexec "$C" 10
case_ reexec_env 11 "done pid-same" XRUN_REEXEC=1 -- "$C" 10
case_ logging 11 "done pid-same" -- -D "$OUT/logging.log" -d unimpl "$C" 10
# the first exec adds the variable: a new xrun; the rest run in it
case_ xrun_env 2 "done pid-same" -- "$C" 10 XRUN_NO_SPEC=1
# XRUN_SET_ENV would be applied again by a new xrun: every exec starts one
case_ set_env 4 "done pid-same" XRUN_SET_ENV=XE=1 -- "$C" 3
# HOME names the cache: a new xrun; not when the cache directory is given
case_ home 2 "done pid-same" -- "$C" 10 "HOME=$PWD/$OUT/home2"
case_ home_cache_dir 1 "done pid-same" -- --cache-dir "$OUT/cache" "$C" 10 "HOME=$PWD/$OUT/home2"
case_ missing 1 "execv: failed" -- "$C" 1 X=1 /nonexistent/program

# The programs exec'd in place keep the cache files the first one mapped:
# with a warm cache, the 11 programs of the chain open each cache file (the
# program's, ld.so's, libc's and their deltas) once or a few times in the
# process, not at every exec (11 times each: 66 opens). A file is opened
# again after the process saved into it blocks that the first run had not
# reached (ld.so's paths depend on the environment and on timing).
kept_cache() {
  local dir=$OUT/kept-cache got opens files
  rm -rf "$dir"
  "$XRUN" --cache-dir "$dir" "$C" 10 >/dev/null 2>&1 # fills it
  "$XRUN" --cache-dir "$dir" --cache wait             # written after the run ended
  got=$(strace -f -qq -e trace=openat -o "$OUT/kept_cache.strace" "$XRUN" --cache-dir "$dir" "$C" 10 2>"$OUT/kept_cache.err")
  opens=$(grep -c '\.xtc"' "$OUT/kept_cache.strace")
  files=$(grep -o '[0-9a-f]*\.xtc"' "$OUT/kept_cache.strace" | sort -u | wc -l)
  if [ "$got" = "done pid-same" ] && [ "$files" -ge 2 ] && [ "$opens" -lt $((3 * files)) ]; then
    echo "PASS exec_here/kept_cache"
  else
    echo "FAIL exec_here/kept_cache: $opens opens of $files cache files (want fewer than 3 each), printed '$got'; $(head -c 200 "$OUT/kept_cache.err")"
  fi
}
kept_cache
