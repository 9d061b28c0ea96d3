#!/bin/bash
# run.sh - run one libFuzzer harness for a while and print what it did:
#   tests/fuzz/run.sh NAME OUT SECONDS MAX_LEN SEED_DIR
# runs OUT/NAME_fuzz in OUT/NAME (corpus in OUT/NAME/corpus, findings as
# OUT/NAME/crash-* etc.), one process, and ends with one line:
#   fuzz/NAME: N executions in S s (R/s), C crashes
# Exit status 1 when it found a crash.
set -u
name=$1 out=$2 secs=$3 maxlen=$4 seed=$5
bin=$(cd "$out" && pwd)/${name}_fuzz
seed=$(cd "$seed" && pwd)
dir=$out/$name
mkdir -p "$dir/corpus"
cd "$dir" || exit 2
log=fuzz.log
ls crash-* leak-* oom-* timeout-* 2>/dev/null | sort >before.list
"$bin" -max_total_time="$secs" -max_len="$maxlen" -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 corpus "$seed" >"$log" 2>&1
st=$?
grep -v '^stat::\|^"\|^######' "$log" | tail -n 4
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
[ -n "$execs" ] || execs=$(sed -n 's/^#\([0-9]*\).*/\1/p' "$log" | tail -1)
took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
ls crash-* leak-* oom-* timeout-* 2>/dev/null | sort >after.list
new=$(comm -13 before.list after.list)
crashes=$(printf '%s' "$new" | grep -c . || true)
rate=""
[ -n "$took" ] && [ "$took" -gt 0 ] && rate=" in $took s ($((${execs:-0} / took))/s)"
echo "fuzz/$name: ${execs:-0} executions$rate, $crashes crashes"
for f in $new; do echo "  $dir/$f"; done
[ "$crashes" = 0 ] && [ $st = 0 ]
