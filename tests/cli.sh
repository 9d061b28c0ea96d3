#!/bin/bash
# cli.sh - what a user sees from xrun's own options: --help and --version
# succeed, -d unimpl names an undefined instruction at the pc where it runs
# (and the guest dies by SIGILL as under qemu-aarch64), a system call
# answered ENOSYS and an ioctl refused, -strace shows a syscall (-D's file
# keeping out of the guest's descriptors), -d help lists the categories; the qemu-user style options (-E, -U,
# -s, -cpu, -D, -one-insn-per-tb, QEMU_LD_PREFIX) and their environment
# variables change what a guest program prints; --no-smc lets stale code run;
# an x86-64 program runs as itself; --binfmt registers xrun and a guest program runs by its path.
# One PASS/FAIL/SKIP line each.
set -u
cd "$(dirname "$0")/.."
XRUN=${XRUN:-./xrun}
# These cases count and log translations: none may come from the persistent
# cache, and every block is translated at its first run (--tier 1), not
# interpreted first (the tier case below checks that).
export XRUN_NO_CACHE=1 XRUN_TIER=1
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

# make install: the binary, and a manual page help2man makes from --help
# and --version with tools/xrun.h2m's sections
inst=$PWD/$OUT/install-root
rm -rf "$inst"
make -s install DESTDIR="$inst" PREFIX=/usr >"$OUT/install.log" 2>&1
st=$?
page=$inst/usr/share/man/man1/xrun.1
[ $st = 0 ] && "$inst/usr/bin/xrun" --version | grep -q '^xrun [0-9]' &&
  grep -q '^\.TH XRUN "1"' "$page" && grep -q 'cache\\-dir' "$page" &&
  grep -q '^\.SH FILES' "$page" && grep -q '^\.SH EXAMPLES' "$page" &&
  grep -qx 'interpreter /usr/bin/xrun' "$inst/usr/share/binfmts/xrun-aarch64" &&
  grep -qx 'magic \\x7f\\x45\\x4c\\x46\\x02\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\xf3\\x00' \
    "$inst/usr/share/binfmts/xrun-riscv64" &&
  grep -qx 'preserve yes' "$inst/usr/share/binfmts/xrun-riscv64"
check install $? "status $st: $(tail -c 300 "$OUT/install.log") $(cat "$inst/usr/share/binfmts/xrun-riscv64" 2>&1)"

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

# -d unimpl names a system call answered ENOSYS (here 1000, which arm64 has
# not, and then 1001) and an ioctl request xrun refuses unchecked, and
# nothing else: exit_group is not named
printf '.global _start\n_start: mov x8, #1000\n svc #0\n mov x8, #1001\n svc #0\n neg x19, x0\n mov x0, #0\n mov x1, #0x7e7e\n mov x8, #29\n svc #0\n mov x0, x19\n mov x8, #94\n svc #0\n' >"$OUT/nosys.S"
aarch64-linux-gnu-gcc -nostdlib -static -o "$OUT/nosys" "$OUT/nosys.S"
"$XRUN" -d unimpl "$OUT/nosys" 2>"$OUT/nosys.err"
st=$?
[ $st = 38 ] && [ "$(grep -c 'system call 100[01]: ENOSYS' "$OUT/nosys.err")" = 2 ] &&
  grep -q 'unimplemented ioctl 0x7e7e: ENOTTY' "$OUT/nosys.err" && [ "$(wc -l <"$OUT/nosys.err")" = 3 ]
check d_unimpl_syscall $? "status $st (want 38, ENOSYS), stderr: $(head -c 300 "$OUT/nosys.err")"

# the same logs from the environment, as QEMU_STRACE and QEMU_LOG give them
XRUN_STRACE=1 "$XRUN" "$OUT/exit7" 2>"$OUT/exit7.env.err"
st=$?
{ XRUN_LOG=unimpl "$XRUN" "$OUT/udf" 2>"$OUT/udf.env.err"; } 2>/dev/null
st2=$?
grep -q 'exit_group(7)' "$OUT/exit7.env.err" && [ $st = 7 ] &&
  grep -q "at $pc: 00000000 (SIGILL)" "$OUT/udf.env.err" && [ $st2 = 132 ]
check log_env $? "XRUN_STRACE: status $st, $(head -c 100 "$OUT/exit7.env.err"); XRUN_LOG: status $st2, $(head -c 100 "$OUT/udf.env.err")"

# The qemu-user style options, each against real output. argv_envp prints its
# arguments and what it finds of XTEST_ENV in its environment.
aarch64-linux-gnu-gcc -static -O1 -o "$OUT/argv_envp" tests/guest/aarch64/argv_envp.c
aarch64-linux-gnu-gcc -static -O1 -o "$OUT/deep_recursion" tests/guest/aarch64/deep_recursion.c
EXP=tests/guest/aarch64/argv_envp.out
ARGS=(one "two words" '' --four=4)
guest_env() { env -i PATH=/usr/bin:/bin LC_ALL=C XTEST_KEEP=1 XTEST_ENV=hello-guest "$@"; }

guest_env "$XRUN" -E XTEST_ENV=from-E -E XTEST_NEW=x "$OUT/argv_envp" "${ARGS[@]}" >"$OUT/E.out" 2>&1
sed 's/hello-guest/from-E/' "$EXP" | diff - "$OUT/E.out" >"$OUT/E.diff"
check set_env $? "$(head -c 300 "$OUT/E.diff")"

# -U: the variable is gone, so the program sees it missing and setenv's
# no-overwrite value lands
sed -e 's/env has XTEST_ENV: 1/env has XTEST_ENV: 0/' -e 's/getenv XTEST_ENV = hello-guest/getenv XTEST_ENV = (null)/' \
  -e 's/after setenv: fresh hello-guest/after setenv: fresh kept/' "$EXP" >"$OUT/U.exp"
guest_env "$XRUN" -U XTEST_ENV "$OUT/argv_envp" "${ARGS[@]}" >"$OUT/U.out" 2>&1
diff "$OUT/U.exp" "$OUT/U.out" >"$OUT/U.diff"
check unset_env $? "$(head -c 300 "$OUT/U.diff")"

guest_env XRUN_SET_ENV=XTEST_ENV=from-env,XTEST_OTHER=1 "$XRUN" "$OUT/argv_envp" "${ARGS[@]}" >"$OUT/Eenv.out" 2>&1
sed 's/hello-guest/from-env/' "$EXP" | diff - "$OUT/Eenv.out" >"$OUT/Eenv.diff"
guest_env XRUN_UNSET_ENV=XTEST_ENV "$XRUN" "$OUT/argv_envp" "${ARGS[@]}" 2>&1 | diff "$OUT/U.exp" - >>"$OUT/Eenv.diff"
[ ! -s "$OUT/Eenv.diff" ]
check set_env_variables $? "$(head -c 300 "$OUT/Eenv.diff")"

# -s: 50000 frames need about 3 MB of stack: they fit in 16M, not in 1M
"$XRUN" -s 16M "$OUT/deep_recursion" >"$OUT/s16.out" 2>&1
diff tests/guest/aarch64/deep_recursion.out "$OUT/s16.out" >"$OUT/s.diff"
st16=$?
{ XRUN_STACK_SIZE=1M "$XRUN" "$OUT/deep_recursion" >/dev/null 2>&1; } 2>/dev/null
st1=$?
"$XRUN" -s 12Q "$OUT/deep_recursion" >/dev/null 2>&1
stq=$?
[ $st16 = 0 ] && [ $st1 = 139 ] && [ $stq = 125 ]
check stack_size $? "16M: $st16 $(head -c 200 "$OUT/s.diff"); 1M: status $st1 (want 139, SIGSEGV); 12Q: $stq"

"$XRUN" -cpu bogus "$OUT/argv_envp" >"$OUT/cpu.out" 2>"$OUT/cpu.err"
st=$?
[ $st = 125 ] && [ "$(wc -l <"$OUT/cpu.err")" = 1 ] && grep -q "unknown CPU 'bogus'" "$OUT/cpu.err"
check cpu_unknown $? "status $st, stderr: $(head -c 200 "$OUT/cpu.err")"
"$XRUN" -cpu help >"$OUT/cpuhelp" 2>&1
"$XRUN" -cpu max "$OUT/exit7"
st=$?
"$XRUN" -cpu neoverse-n1 "$OUT/exit7"
st2=$?
grep -q '^  max ' "$OUT/cpuhelp" && grep -q '^  neoverse-n1 ' "$OUT/cpuhelp" && [ $st$st2 = 77 ]
check cpu_names $? "max: $st, neoverse-n1: $st2, -cpu help: $(head -3 "$OUT/cpuhelp")"

rm -f "$OUT/D.log"
"$XRUN" -D "$OUT/D.log" -strace "$OUT/exit7" 2>"$OUT/D.err"
st=$?
grep -q 'exit_group(7)' "$OUT/D.log" && [ ! -s "$OUT/D.err" ] && [ $st = 7 ]
check log_file $? "status $st, log: $(head -c 100 "$OUT/D.log" 2>&1), stderr: $(head -c 100 "$OUT/D.err")"

# %d in the file name becomes the process id (as in qemu's -D): the pid that
# begins each -strace line names the file
rm -f "$OUT"/Dpid.*.log
"$XRUN" -D "$OUT/Dpid.%d.log" -strace "$OUT/exit7" 2>"$OUT/Dpid.err"
st=$?
logs=$(ls "$OUT"/Dpid.*.log 2>/dev/null)
pid=$(awk 'NR == 1 {print $1}' $logs 2>/dev/null)
[ "$logs" = "$OUT/Dpid.$pid.log" ] && grep -q "^$pid exit_group(7)" "$logs" && [ $st = 7 ]
check log_file_pid $? "status $st, files: $logs, first pid: $pid"

# the dumps go there too: guest code, IR, and host code
rm -f "$OUT/D2.log"
"$XRUN" -D "$OUT/D2.log" -d in_asm,ir,out_asm "$OUT/exit7" 2>"$OUT/D2.err"
st=$?
grep -q '^IN: ' "$OUT/D2.log" && grep -q '^block 0x' "$OUT/D2.log" && grep -q '^OUT: ' "$OUT/D2.log" &&
  [ ! -s "$OUT/D2.err" ] && [ $st = 7 ]
check log_file_dumps $? "status $st, log: $(head -c 100 "$OUT/D2.log" 2>&1), stderr: $(head -c 100 "$OUT/D2.err")"

# --tcache-size (also =SIZE and $XRUN_TCACHE_SIZE): a 64K buffer fills and
# its regions are reclaimed while a program with a large printf runs, which
# still prints right
printf '#include <stdio.h>\nint main(void){for(int i=0;i<200;i++)printf("%%d %%.3f %%s\\n",i,i/7.0,"x");return 0;}\n' >"$OUT/pf.c"
aarch64-linux-gnu-gcc -O2 -static -o "$OUT/pf" "$OUT/pf.c"
gcc -O2 -o "$OUT/pf.native" "$OUT/pf.c" && "$OUT/pf.native" >"$OUT/pf.big"
"$XRUN" --tcache-size=64K --stats "$OUT/pf" >"$OUT/pf.small" 2>"$OUT/pf.err"
st=$?
XRUN_TCACHE_SIZE=64K XRUN_STATS=1 "$XRUN" "$OUT/pf" 2>>"$OUT/pf.err" | cmp -s - "$OUT/pf.big"
st2=$?
"$XRUN" --tcache-size=10K "$OUT/pf" >/dev/null 2>"$OUT/pf.bad"
st3=$?
reclaimed=$(grep -o 'reclaimed *[0-9]*' "$OUT/pf.err" | awk '{ if ($2 > 0) n++ } END { print n + 0 }')
[ $st = 0 ] && [ $st2 = 0 ] && cmp -s "$OUT/pf.small" "$OUT/pf.big" && [ "$reclaimed" = 2 ] &&
  [ $st3 = 125 ] && [ "$(wc -l <"$OUT/pf.bad")" = 1 ]
check tcache_size $? "status $st/$st2/$st3, runs that reclaimed code: $reclaimed of 2, $(head -1 "$OUT/pf.bad")"

# --tier N: without the persistent cache a block is interpreted before its
# Nth run and translated then, the later runs from the decode kept from the
# first; the output is the native build's either way.
# With a cache every block of the program's file is translated at once
# (later runs load it); --tier 1 interprets nothing; a bad N is refused.
stat_of() { sed -n "s/^  $1 *\([0-9]*\).*/\1/p" "$2"; }
"$XRUN" --tier 3 --stats "$OUT/pf" 2>"$OUT/tier3.err" | cmp -s - "$OUT/pf.big"
st=$?
XRUN_TIER=1 "$XRUN" --stats "$OUT/pf" 2>"$OUT/tier1.err" | cmp -s - "$OUT/pf.big"
st1=$?
rm -rf "$OUT/tier.cache"
env -u XRUN_NO_CACHE "$XRUN" --tier 3 --cache-dir="$OUT/tier.cache" --stats "$OUT/pf" 2>"$OUT/tierc.err" |
  cmp -s - "$OUT/pf.big"
stc=$?
"$XRUN" --tier 0 "$OUT/pf" >/dev/null 2>"$OUT/tier.bad"
stb=$?
i3=$(stat_of interpreted "$OUT/tier3.err") b3=$(stat_of 'blocks translated' "$OUT/tier3.err")
b1=$(stat_of 'blocks translated' "$OUT/tier1.err")
k3=$(sed -n 's/^  interpreted .*(\([0-9]*\) decodes used again)$/\1/p' "$OUT/tier3.err")
[ $st = 0 ] && [ $st1 = 0 ] && [ $stc = 0 ] && [ "${i3:-0}" -gt 0 ] && [ "${b3:-0}" -gt 0 ] &&
  [ "${k3:-0}" -gt 0 ] && [ "$k3" -le $((i3 + b3)) ] &&
  [ "$b3" -lt "$b1" ] && [ "$(stat_of interpreted "$OUT/tier1.err")" = 0 ] &&
  [ "$(stat_of interpreted "$OUT/tierc.err")" = 0 ] && [ $stb = 125 ] &&
  [ "$(wc -l <"$OUT/tier.bad")" = 1 ]
check tier $? "status $st/$st1/$stc/$stb, tier 3: $i3 interpreted, $b3 translated, $k3 kept decodes used; tier 1: $b1 translated; cache: $(stat_of interpreted "$OUT/tierc.err") interpreted"

# A program's start-up (its first 1,000 blocks) waits 4N runs: of a program
# that calls 1,200 functions, each a loop of 20 rounds, the first one's loop
# block is interpreted 11 times at --tier 3 (7 at --tier 2) before it is
# translated, the last one's twice (once), as after start-up; the output is
# the native build's.
{
  echo 'volatile unsigned s;'
  for i in $(seq 0 1199); do echo "__attribute__((noinline)) void f$i(void) { for (int k = 0; k < 20; k++) s += k * $i; }"; done
  echo 'int printf(const char *, ...); int main(void) {'
  for i in $(seq 0 1199); do echo "f$i();"; done
  echo 'printf("%u\n", s); return 0; }'
} >"$OUT/many.c"
aarch64-linux-gnu-gcc -O1 -static -o "$OUT/many" "$OUT/many.c" && gcc -O1 -o "$OUT/many.native" "$OUT/many.c"
"$OUT/many.native" >"$OUT/many.want"
interp_max() { # interp_max LOG FUNCTION: the most interpreted runs of one pc in FUNCTION
  local at size
  read -r at size < <(aarch64-linux-gnu-nm -S "$OUT/many" | awk -v f="$2" '$4 == f { print $1, $2 }')
  sed -n 's/^exec 0x\([0-9a-f]*\) (interpreted)$/\1/p' "$1" | sort | uniq -c |
    while read -r n pc; do
      if ((16#$pc >= 16#$at && 16#$pc < 16#$at + 16#$size)); then echo "$n"; fi
    done | sort -n | tail -1
}
runs=""
for n in 3 2; do
  "$XRUN" --tier $n -d exec -D "$OUT/many$n.log" "$OUT/many" | cmp -s - "$OUT/many.want" || runs="$runs output$n"
  runs="$runs $(interp_max "$OUT/many$n.log" f0)/$(interp_max "$OUT/many$n.log" f1199)"
done
[ "$runs" = " 11/2 7/1" ]
check tier_startup $? "interpreted runs of the first/last function's loop at --tier 3 and 2:$runs (want 11/2 7/1)"

# --tier-up N: without the persistent cache a block is translated first
# without the IR passes, its code counting its entries down, and again with
# them at its Nth entry. Each of the 1,200 loops above (20 rounds, each
# round an entry) is translated again at --tier-up 10, none at --tier-up
# 1000 (a few blocks of libc's start may be); --tier-up 0 translates none
# without the passes; with a cache they are too, but saved as translated
# again with them: the next run loads them all and translates none; the
# output is the native build's each way; a bad N is refused.
tu_stat() { sed -n "s/^  without the passes *\([0-9]*\) blocks (\([0-9]*\) translated again.*/\\$1/p" "$2"; }
tu=""
for n in 0 10 1000; do
  "$XRUN" --no-cache --tier 1 --tier-up $n --stats "$OUT/many" 2>"$OUT/tu$n.err" |
    cmp -s - "$OUT/many.want" || tu="$tu output$n"
done
rm -rf "$OUT/tu.cache"
env -u XRUN_NO_CACHE "$XRUN" --cache-dir="$OUT/tu.cache" --tier 1 --stats "$OUT/many" 2>"$OUT/tuc.err" |
  cmp -s - "$OUT/many.want" || tu="$tu output-cache"
env -u XRUN_NO_CACHE "$XRUN" --cache-dir="$OUT/tu.cache" --tier 1 --stats "$OUT/many" 2>"$OUT/tuw.err" |
  cmp -s - "$OUT/many.want" || tu="$tu output-warm"
"$XRUN" --tier-up x "$OUT/many" >/dev/null 2>"$OUT/tu.bad"
stb=$?
q0=$(tu_stat 1 "$OUT/tu0.err") q10=$(tu_stat 1 "$OUT/tu10.err") a10=$(tu_stat 2 "$OUT/tu10.err")
a1000=$(tu_stat 2 "$OUT/tu1000.err") qc=$(tu_stat 1 "$OUT/tuc.err") qw=$(tu_stat 1 "$OUT/tuw.err")
lw=$(sed -n 's/.*persistent cache *\([0-9]*\) blocks loaded.*/\1/p' "$OUT/tuw.err" | head -1)
[ -z "$tu" ] && [ "$q0" = 0 ] && [ "${q10:-0}" -gt 1200 ] && [ "${a10:-0}" -ge 1200 ] &&
  [ "${a1000:-9999}" -lt 100 ] && [ "${qc:-0}" -gt 1200 ] && [ "$qw" = 0 ] && [ "${lw:-0}" -gt 1200 ] &&
  [ $stb = 125 ] && [ "$(wc -l <"$OUT/tu.bad")" = 1 ]
check tier_up $? "$tu; without the passes at --tier-up 0: $q0; at 10: $q10, again $a10 (want >= 1200); again at 1000: $a1000 (want < 100); with a cache: $qc, then $qw and $lw loaded; bad N: status $stb"

# --stats reports on the stderr xrun started with, even when the guest
# closed its descriptor 2 (as coreutils programs do before they end) or
# pointed it at /dev/null: one report, on the run's stderr
printf '#include <fcntl.h>\n#include <stdio.h>\n#include <unistd.h>\nint main(int c,char**v){puts("ran");fflush(stdout);if(c>1)dup2(open("/dev/null",O_WRONLY),2);else close(2);return 0;}\n' >"$OUT/close2.c"
aarch64-linux-gnu-gcc -O2 -static -o "$OUT/close2" "$OUT/close2.c"
"$XRUN" --stats "$OUT/close2" >"$OUT/close2.out" 2>"$OUT/close2.err"
st=$?
XRUN_STATS=1 "$XRUN" "$OUT/close2" null >>"$OUT/close2.out" 2>>"$OUT/close2.err"
st2=$?
[ $st = 0 ] && [ $st2 = 0 ] && [ "$(cat "$OUT/close2.out")" = "$(printf 'ran\nran')" ] &&
  [ "$(grep -c '^xrun --stats (pid [0-9]*, exit):' "$OUT/close2.err")" = 2 ] &&
  [ "$(grep -c '^  blocks translated' "$OUT/close2.err")" = 2 ]
check stats_closed_stderr $? "status $st/$st2, stderr: $(head -c 300 "$OUT/close2.err")"

# --no-smc (debugging): translations are no longer dropped when the guest
# rewrites its code, so the rewrite test runs stale code (its expected output,
# from qemu-aarch64, says every call saw the new code); without it, right.
SMC=tests/guest/aarch64/smc_rewrite_rwx_clear_cache
aarch64-linux-gnu-gcc -O2 -static -o "$OUT/smc" "$SMC.c" &&
  "$XRUN" "$OUT/smc" >"$OUT/smc.out" 2>&1 && cmp -s "$OUT/smc.out" "$SMC.out" &&
  { XRUN_NO_SMC=1 "$XRUN" "$OUT/smc" >"$OUT/smc.nosmc" 2>&1; ! cmp -s "$OUT/smc.nosmc" "$SMC.out"; }
check no_smc $? "with: $(cat "$OUT/smc.out"); without: $(cat "$OUT/smc.nosmc" 2>/dev/null)"

# -L DIR: a library reached through an absolute symbolic link inside DIR
# (libfoo.so.1 -> /opt/real/libfoo.so.1) is found inside DIR, as in a chroot;
# the output is the native build's of the same sources
R=$OUT/absroot
rm -rf "$R" && mkdir -p "$R/opt/real" "$R/usr/lib/aarch64-linux-gnu"
cp -a /usr/aarch64-linux-gnu/lib "$R/"
printf 'int foo(void) { return 42; }\n' >"$OUT/foo.c"
printf '#include <stdio.h>\nint foo(void);\nint main(void) { printf("foo %%d\\n", foo()); return 0; }\n' >"$OUT/foomain.c"
aarch64-linux-gnu-gcc -shared -fPIC -Wl,-soname,libfoo.so.1 -o "$R/opt/real/libfoo.so.1" "$OUT/foo.c"
aarch64-linux-gnu-gcc -o "$OUT/foomain" "$OUT/foomain.c" "$R/opt/real/libfoo.so.1"
ln -s /opt/real/libfoo.so.1 "$R/usr/lib/aarch64-linux-gnu/libfoo.so.1"
gcc -o "$OUT/foomain.native" "$OUT/foomain.c" "$OUT/foo.c"
got=$("$XRUN" -L "$R" "$OUT/foomain" 2>&1)
[ -n "$got" ] && [ "$got" = "$("$OUT/foomain.native")" ]
check sysroot_absolute_link $? "printed [$got]"

# a relative -L DIR still holds after the guest changes directory: a program
# that does `cd /` and then runs the dynamic foomain finds DIR's dynamic
# linker and libfoo (the -L given to the xrun that runs it is absolute)
printf '#include <stdio.h>\n#include <unistd.h>\nint main(int c, char **v) { if (c < 3 || chdir(v[1])) return 2; execv(v[2], v + 2); perror("execv"); return 1; }\n' >"$OUT/cdexec.c"
aarch64-linux-gnu-gcc -static -O1 -o "$OUT/cdexec" "$OUT/cdexec.c"
got=$("$XRUN" -L "$R" "$OUT/cdexec" / "$PWD/$OUT/foomain" 2>&1)
st=$?
[ $st = 0 ] && [ "$got" = "$("$OUT/foomain.native")" ]
check sysroot_relative_after_chdir $? "status $st, printed [$got]"

# options reach a program the guest execs: -s (the child's stack) and
# -one-insn-per-tb (the child's --stats counts 1.0 instruction per block)
printf '#include <stdio.h>\n#include <unistd.h>\nint main(int c, char **v) { if (c < 2) return 2; execv(v[1], v + 1); perror("execv"); return 1; }\n' >"$OUT/execer.c"
aarch64-linux-gnu-gcc -static -O1 -o "$OUT/execer" "$OUT/execer.c"
"$XRUN" -s 16M "$OUT/execer" "$OUT/deep_recursion" >"$OUT/ex16.out" 2>&1
st16=$?
{ "$XRUN" -s 1M "$OUT/execer" "$OUT/deep_recursion" >/dev/null 2>&1; } 2>/dev/null
st1=$?
"$XRUN" -one-insn-per-tb --stats "$OUT/execer" "$OUT/exit7" 2>"$OUT/ex1.err"
st7=$?
[ $st16 = 0 ] && diff -q tests/guest/aarch64/deep_recursion.out "$OUT/ex16.out" >/dev/null &&
  [ $st1 = 139 ] && [ $st7 = 7 ] && grep -q ', 1.0 per block)' "$OUT/ex1.err"
check exec_keeps_options $? "16M: $st16, 1M: $st1 (want 139), one-insn: $st7 $(grep -m1 'per block' "$OUT/ex1.err")"

# --tier reaches a program the guest execs in a new xrun (--reexec): the
# child interprets nothing with --tier 1, and something by default
env -u XRUN_TIER "$XRUN" --tier 1 --reexec --stats "$OUT/execer" "$OUT/exit7" 2>"$OUT/ext1.err"
st=$?
env -u XRUN_TIER "$XRUN" --reexec --stats "$OUT/execer" "$OUT/exit7" 2>"$OUT/ext2.err"
st2=$?
[ $st = 7 ] && [ $st2 = 7 ] && [ "$(stat_of interpreted "$OUT/ext1.err")" = 0 ] &&
  [ "$(stat_of interpreted "$OUT/ext2.err")" -gt 0 ]
check exec_keeps_tier $? "status $st/$st2, interpreted: $(stat_of interpreted "$OUT/ext1.err") with --tier 1, $(stat_of interpreted "$OUT/ext2.err") without"

# -d and -D reach the program execve runs: its -strace lines follow the
# execer's in the same file (none on stderr), as do its -d unimpl lines
rm -f "$OUT/exlog"
{ "$XRUN" -D "$OUT/exlog" -d strace,unimpl "$OUT/execer" "$OUT/udf" 2>"$OUT/exlog.err"; } 2>/dev/null
st=$?
grep -q 'execve(' "$OUT/exlog" && grep -q "at $pc: 00000000 (SIGILL)" "$OUT/exlog" &&
  [ "$(grep -c 'execve(' "$OUT/exlog")" = 1 ] && [ ! -s "$OUT/exlog.err" ] && [ $st = 132 ] &&
  [ "$(awk '/execve\(/ {print NR; exit}' "$OUT/exlog")" -lt "$(grep -n 'SIGILL' "$OUT/exlog" | head -1 | cut -d: -f1)" ]
check exec_keeps_log $? "status $st (want 132), stderr: $(head -c 100 "$OUT/exlog.err"), log: $(head -c 300 "$OUT/exlog")"

# -D's file is out of the guest's way: the guest's first open still gets 3
printf '#include <fcntl.h>\n#include <stdio.h>\nint main(void) { printf("%%d\\n", open("/dev/null", O_RDONLY)); return 0; }\n' >"$OUT/firstfd.c"
aarch64-linux-gnu-gcc -static -O1 -o "$OUT/firstfd" "$OUT/firstfd.c"
"$XRUN" -D "$OUT/firstfd.log" -d strace "$OUT/firstfd" >"$OUT/firstfd.out" 2>&1
st=$?
[ $st = 0 ] && [ "$(cat "$OUT/firstfd.out")" = 3 ] && grep -q 'openat(' "$OUT/firstfd.log"
check log_file_fd $? "status $st, the first open answered $(head -c 100 "$OUT/firstfd.out")"

# -D's file stays xrun's: a guest that closes every descriptor above 2
# (close_range, then close of each up to 1023, as daemons do) keeps its log
# lines coming, and those calls answer as if the file were not open
cat >"$OUT/closeall.c" <<'EOF'
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(void) {
  long r = syscall(SYS_close_range, 3u, ~0u, 0u);
  int closed = 0;
  for (int fd = 3; fd < 1024; fd++)
    closed += close(fd) == 0;
  printf("close_range %ld, closed %d, dup3 onto 1020: %d\n", r, closed, dup3(1, 1020, 0) >= 0);
  getppid();
  return 0;
}
EOF
aarch64-linux-gnu-gcc -static -O1 -o "$OUT/closeall" "$OUT/closeall.c"
"$XRUN" -D "$OUT/closeall.log" -d strace "$OUT/closeall" >"$OUT/closeall.out" 2>&1
st=$?
[ $st = 0 ] && [ "$(cat "$OUT/closeall.out")" = "close_range 0, closed 0, dup3 onto 1020: 1" ] &&
  grep -q 'getppid()' "$OUT/closeall.log"
check log_file_kept $? "status $st, output $(head -c 100 "$OUT/closeall.out"), log ends: $(tail -1 "$OUT/closeall.log")"

# one guest instruction per block: --stats counts 1.0 per block
"$XRUN" -one-insn-per-tb --stats "$OUT/argv_envp" "${ARGS[@]}" >"$OUT/1.out" 2>"$OUT/1.err"
st=$?
XRUN_ONE_INSN_PER_TB=1 XRUN_STATS=1 "$XRUN" "$OUT/exit7" 2>>"$OUT/1.err"
[ $st = 0 ] && [ "$(grep -c '(\([0-9]*\) guest instructions, 1.0 per block)' "$OUT/1.err")" = 2 ]
check one_insn_per_tb $? "status $st, $(grep 'blocks translated' "$OUT/1.err")"

# QEMU_LD_PREFIX names the sysroot when neither -L nor XRUN_SYSROOT does
printf 'int main(void){return 0;}\n' >"$OUT/dyn.c"
aarch64-linux-gnu-gcc -o "$OUT/dyn" "$OUT/dyn.c"
env -u XRUN_SYSROOT QEMU_LD_PREFIX=/nonexistent-prefix "$XRUN" "$OUT/dyn" 2>"$OUT/ldp.err"
st=$?
XRUN_SYSROOT=/usr/aarch64-linux-gnu QEMU_LD_PREFIX=/nonexistent-prefix "$XRUN" "$OUT/dyn" 2>>"$OUT/ldp.err"
st2=$?
[ $st = 127 ] && grep -q 'under /nonexistent-prefix' "$OUT/ldp.err" && [ $st2 = 0 ]
check qemu_ld_prefix $? "status $st/$st2, $(head -c 200 "$OUT/ldp.err")"

# an x86-64 program is run as itself, with its arguments
out=$("$XRUN" /bin/echo native "two words" 2>&1)
st=$?
[ "$out" = "native two words" ] && [ $st = 0 ]
check native_program $? "status $st, output: $out"

# --binfmt errors: one line and a status of their own
"$XRUN" --binfmt bogus >/dev/null 2>"$OUT/bf.err"
st=$?
st_nr=$st
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
  setpriv --reuid=65534 --regid=65534 --clear-groups "$XRUN" --binfmt install 2>>"$OUT/bf.err"
  st_nr=$?
fi
[ $st = 125 ] && [ "$st_nr" != 0 ] && [ "$(wc -l <"$OUT/bf.err")" -le 2 ] &&
  { [ "$st_nr" = 125 ] || [ "$st_nr" = 3 ]; }
check binfmt_errors $? "bogus action: $st, not root: $st_nr: $(head -c 300 "$OUT/bf.err")"

# --binfmt: install, run a guest program by its path (its argv[0] kept: the P
# flag), status, uninstall. Another enabled entry for the same magic (qemu-user's
# qemu-aarch64) is disabled meanwhile and re-enabled on the way out, whatever
# happens.
BM=/proc/sys/fs/binfmt_misc
binfmt_skip=""
mounted=""
if [ "$(id -u)" != 0 ]; then
  binfmt_skip="not root"
elif [ ! -e $BM/register ] && ! { mount -t binfmt_misc binfmt_misc $BM 2>/dev/null && mounted=1; }; then
  binfmt_skip="binfmt_misc is not mounted and cannot be mounted"
elif [ ! -w $BM/register ]; then
  binfmt_skip="$BM/register is not writable"
elif [ -e $BM/xrun-aarch64 ] || [ -e $BM/xrun-riscv64 ]; then
  binfmt_skip="an xrun-aarch64 or xrun-riscv64 entry is already installed; leaving it alone"
fi
if [ -n "$binfmt_skip" ]; then
  [ -z "$mounted" ] || umount $BM
  echo "SKIP cli/binfmt: $binfmt_skip"
  exit 0
fi
disabled=""
binfmt_restore() {
  for e in xrun-aarch64 xrun-riscv64; do [ -e $BM/$e ] && echo -1 >$BM/$e; done
  for e in $disabled; do echo 1 >"$BM/$e"; done
  [ -z "$mounted" ] || umount $BM
}
trap binfmt_restore EXIT
for f in $BM/*; do
  case ${f##*/} in register | status) continue ;; esac
  if grep -q '^enabled' "$f" && grep -Eq '^magic 7f454c460201010000000000000000000200(b7|f3)00' "$f"; then
    echo 0 >"$f" && disabled="$disabled ${f##*/}"
  fi
done
cp "$OUT/argv_envp" "$OUT/bf_prog"
"$XRUN" --binfmt install >"$OUT/bf.install" 2>&1
st_i=$?
(cd "$OUT" && guest_env bash -c 'exec -a bf_name ./bf_prog "$@"' - "${ARGS[@]}") >"$OUT/bf.out" 2>&1
sed 's/^argv\[0\] ends with argv_envp/argv[0] ends with bf_name/' "$EXP" | diff - "$OUT/bf.out" >"$OUT/bf.diff"
st_run=$?
# a riscv64 program runs by its path too, through the xrun-riscv64 entry
printf '.global _start\n_start: li a0, 7\n li a7, 93\n ecall\n' >"$OUT/rv_exit7.S"
riscv64-linux-gnu-gcc -nostdlib -static -o "$OUT/rv_exit7" "$OUT/rv_exit7.S"
"$OUT/rv_exit7"
st_rv=$?
"$XRUN" --binfmt status >"$OUT/bf.status" 2>&1
st_s=$?
# O flag: an execute-only program, which xrun itself could not open, runs for
# an unprivileged user from the descriptor the kernel opened (AT_EXECFD)
xo_dir=$(mktemp -d /tmp/xrun-cli-xo.XXXXXX)
chmod 755 "$xo_dir" && cp "$OUT/exit7" "$xo_dir/exit7" && chmod 111 "$xo_dir/exit7"
st_xo=skipped
if command -v setpriv >/dev/null; then
  setpriv --reuid=65534 --regid=65534 --clear-groups "$xo_dir/exit7" 2>"$OUT/bf.xo.err"
  st_xo=$?
fi
rm -rf "$xo_dir"
"$XRUN" --binfmt uninstall >>"$OUT/bf.install" 2>&1
st_u=$?
"$XRUN" --binfmt status >>"$OUT/bf.status" 2>&1
st_s2=$?
[ $st_i$st_run$st_rv$st_s$st_u$st_s2 = 007001 ] && [ ! -e $BM/xrun-aarch64 ] &&
  [ ! -e $BM/xrun-riscv64 ] && [ "$(grep -c '^  flags: POC$' "$OUT/bf.status")" = 2 ] &&
  grep -q '^  magic 7f454c460201010000000000000000000200f300$' "$OUT/bf.status" &&
  grep -q 'xrun-aarch64: not installed' "$OUT/bf.status" &&
  grep -q 'xrun-riscv64: not installed' "$OUT/bf.status"
check binfmt $? "install $st_i, run $st_run, riscv64 $st_rv (want 7), status $st_s, uninstall $st_u, status $st_s2: $(head -c 300 "$OUT/bf.diff" "$OUT/bf.install")"
if [ $st_xo = skipped ]; then
  echo "SKIP cli/binfmt_exec_only: no setpriv to run as an unprivileged user"
else
  [ $st_xo = 7 ]
  check binfmt_exec_only $? "status $st_xo (want 7): $(head -c 200 "$OUT/bf.xo.err")"
fi
