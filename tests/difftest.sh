#!/bin/bash
# difftest.sh - differential test of the A64 decoder: random instruction
# sequences of each class run under xrun and under qemu-aarch64, compared
# register by register (tools/difftest).
#
#   tests/difftest.sh                    # every class, N=2000 sequences each
#   N=100000 SEED=7 tests/difftest.sh    # more, another seed
#   CLASSES="int simd" tests/difftest.sh
#
# Prints one line per class: PASS difftest/CLASS: N sequences, or
# FAIL difftest/CLASS: K of N mismatch, followed (indented) by up to SHOW
# minimized cases: the instructions, the registers that differ, and the
# initial values of the registers the instructions name. SKIP lines when
# qemu-aarch64 or the tools are missing. Build first: make difftest-tools xrun.
set -u

cd "$(dirname "$0")/.." || exit 2
O=${O:-o}
N=${N:-2000}
SEED=${SEED:-1}
SHOW=${SHOW:-3}
IGNORE=${IGNORE:-} # result fields left out of the comparison, e.g. IGNORE=fpsr
TIMEOUT=${TIMEOUT:-300}
XRUN=${XRUN:-./xrun}
QEMU=${QEMU:-qemu-aarch64}
OBJDUMP=${OBJDUMP:-aarch64-linux-gnu-objdump}
GEN=$O/tools/difftest/difftest-gen
HARNESS=$O/tools/difftest/difftest-harness
# every class; ext-fpcr only on request: qemu-aarch64 before 9.1 sets Z in FJCVTZS of a
# denormal flushed by FPCR.FZ, which Arm's FPToFixedJS does not
CLASSES=${CLASSES:-$("$GEN" classes 2>/dev/null | grep -vxE 'ext-fpcr' | tr '\n' ' ')}
CLASSES=${CLASSES:-int flags branch ldst atomic fp simd crypto}

ulimit -c 0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/xrun-difftest.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT

skip_all() {
  for c in $CLASSES; do echo "SKIP difftest/$c: $1"; done
  exit 0
}
command -v "$QEMU" >/dev/null 2>&1 || skip_all "$QEMU not installed"
[ -x "$GEN" ] && [ -x "$HARNESS" ] || skip_all "tools not built (make difftest-tools)"
[ -x "$XRUN" ] || command -v "$XRUN" >/dev/null 2>&1 || skip_all "$XRUN not built"

# run_all RUNNER CASES TOTAL OUT: one line per case in OUT. A run that dies
# (or times out) on a case gets a "K died" line for it and resumes after it.
run_all() {
  local runner=$1 cases=$2 total=$3 out=$4 first=0 st got
  : >"$out"
  while [ "$first" -lt "$total" ]; do
    # shellcheck disable=SC2086 # RUNNER may carry options
    timeout -k 2 "$TIMEOUT" $runner "$HARNESS" -f "$first" "$cases" >>"$out" 2>/dev/null
    st=$?
    got=$(wc -l <"$out")
    [ "$got" -ge "$total" ] && break
    echo "$got died status=$st" >>"$out"
    first=$((got + 1))
  done
}

# strip [FIELDS]: the result lines without the named fields (default none).
strip() {
  if [ -z "${1:-}" ]; then cat; return; fi
  sed -E "s/ ($(echo "$1" | tr ' ' '|'))=[0-9a-f]+//g"
}

# differs CASEFILE [IGNORED]: xrun and qemu disagree on this one case.
differs() {
  run_all "$XRUN" "$1" 1 "$TMP/a" &
  run_all "$QEMU" "$1" 1 "$TMP/b"
  wait
  ! cmp -s <(strip "${2:-}" <"$TMP/a") <(strip "${2:-}" <"$TMP/b")
}

# minimize CASES K [IGNORED]: the smallest slot mask (prefix, then single
# drops) that still mismatches; prints it.
minimize() {
  local cases=$1 k=$2 ign=${3:-} len mask=255 try i
  for len in 1 2 3 4 5 6 7 8; do
    try=$(((1 << len) - 1))
    "$GEN" pick "$cases" "$k" "$try" >"$TMP/one"
    if differs "$TMP/one" "$ign"; then mask=$try; break; fi
  done
  for i in 0 1 2 3 4 5 6; do
    try=$((mask & ~(1 << i)))
    [ "$try" = "$mask" ] || [ "$try" = 0 ] && continue
    "$GEN" pick "$cases" "$k" "$try" >"$TMP/one"
    differs "$TMP/one" "$ign" && mask=$try
  done
  echo "$mask"
}

# disasm CASEFILE: "slot: word  instruction" for each non-NOP slot.
disasm() {
  "$GEN" code "$1" >"$TMP/code"
  "$OBJDUMP" -D -b binary -m aarch64 "$TMP/code" |
    awk -F'\t' '/^ *[0-9a-f]+:\t/ { slot++ }
      /^ *[0-9a-f]+:\t/ && $2 !~ /^d503201f/ { printf "      %d: %s %s %s\n", slot - 1, $2, $3, $4 }'
}

# fields A B: the name=value fields that differ between two result lines.
fields() {
  awk 'NR == 1 { n = split($0, a, " ") } NR == 2 { m = split($0, b, " ") }
    END {
      if (n != m || a[2] ~ /^(signal|died)/ || b[2] ~ /^(signal|died)/) {
        print "      xrun: " substr(a[2] " " a[3], 1, 120)
        print "      qemu: " substr(b[2] " " b[3], 1, 120); exit
      }
      for (i = 2; i <= n; i++) if (a[i] != b[i]) {
        split(a[i], x, "="); split(b[i], y, "=")
        printf "      %-6s xrun=%s qemu=%s\n", x[1], x[2], y[2]
      }
    }' "$1" "$2"
}

# initial CASEFILE DISASM: initial values of the registers the code names.
initial() {
  local regs
  regs=$(grep -oE '\<[xwvqdshb][0-9]+\>' "$2" | sed -E 's/^[xw]/x/; s/^[vqdshb]/v/' |
    sort -u | tr '\n' ' ')
  "$GEN" state "$1" | tr ' ' '\n' | awk -v want=" $regs nzcv " '
    { split($0, f, "=") } index(want, " " f[1] " ") { printf " %s", $0 }
    END { printf "\n" }' | fold -w 110 -s | sed 's/^ */      initial: /'
}

show_case() { # show_case CLASS CASES K [IGNORED]
  local cls=$1 cases=$2 k=$3 mask
  mask=$(minimize "$cases" "$k" "${4:-}")
  "$GEN" pick "$cases" "$k" "$mask" >"$TMP/min"
  echo "    case $k (CLASSES=$cls N=$N SEED=$SEED), minimized to slots mask $mask:"
  disasm "$TMP/min" | tee "$TMP/dis"
  timeout -k 2 "$TIMEOUT" "$XRUN" "$HARNESS" -m "$TMP/min" >"$TMP/a" 2>/dev/null
  timeout -k 2 "$TIMEOUT" "$QEMU" "$HARNESS" -m "$TMP/min" >"$TMP/b" 2>/dev/null
  fields <(head -1 "$TMP/a") <(head -1 "$TMP/b")
  initial "$TMP/min" "$TMP/dis"
}

# sigill_summary CLASS CASES: the instructions xrun raised SIGILL on, by count.
sigill_summary() {
  local cls=$1 cases=$2
  grep -E '^[0-9]+ signal=4 ' "$TMP/$cls.xrun" | sed -E 's/^([0-9]+) signal=4 at=([0-9-]+).*/\1 \2/' >"$TMP/ill"
  [ -s "$TMP/ill" ] || return 0
  "$GEN" words "$cases" | awk 'NR == FNR { at[$1] = $2; next }
    ($1 in at) && at[$1] >= 0 { print $(at[$1] + 2) }' "$TMP/ill" - |
    perl -ne 'print pack("V", hex($_))' >"$TMP/ill.code"
  echo "    xrun raised SIGILL in $(wc -l <"$TMP/ill") cases, on:"
  "$OBJDUMP" -D -b binary -m aarch64 "$TMP/ill.code" | awk -F'\t' '/^ *[0-9a-f]+:\t/ { print $3 }' |
    sort | uniq -c | sort -rn | awk '{ printf "%s %s (%d)", sep, $2, $1; sep = "," }
      END { printf "\n" }' | fold -w 100 -s | sed 's/^/    /'
}

nfail=0
"$GEN" selfcheck 64 || nfail=$((nfail + 1))
for cls in $CLASSES; do
  cases=$TMP/$cls.bin
  "$GEN" gen "$cls" "$N" "$SEED" >"$cases" || { echo "FAIL difftest/$cls: generator failed"; nfail=$((nfail + 1)); continue; }
  run_all "$XRUN" "$cases" "$N" "$TMP/$cls.xrun" &
  run_all "$QEMU" "$cases" "$N" "$TMP/$cls.qemu"
  wait
  # bad: every mismatch; core: those that remain when FPSR is left out
  paste -d'\t' "$TMP/$cls.xrun" "$TMP/$cls.qemu" | awk -F'\t' '$1 != $2 { print NR - 1 }' >"$TMP/$cls.bad"
  paste -d'\t' <(strip "$IGNORE fpsr" <"$TMP/$cls.xrun") <(strip "$IGNORE fpsr" <"$TMP/$cls.qemu") |
    awk -F'\t' '$1 != $2 { print NR - 1 }' >"$TMP/$cls.core"
  if [ -n "$IGNORE" ]; then
    paste -d'\t' <(strip "$IGNORE" <"$TMP/$cls.xrun") <(strip "$IGNORE" <"$TMP/$cls.qemu") |
      awk -F'\t' '$1 != $2 { print NR - 1 }' >"$TMP/$cls.bad"
  fi
  bad=$(wc -l <"$TMP/$cls.bad")
  core=$(wc -l <"$TMP/$cls.core")
  qsig=$(grep -c -E '^[0-9]+ (signal|died)' "$TMP/$cls.qemu")
  note=""
  [ "$qsig" -gt 0 ] && note=" ($qsig raise a signal under qemu too: generator bug?)"
  [ "$bad" -gt "$core" ] && note="$note ($((bad - core)) of them only in FPSR)"
  if [ "$bad" = 0 ]; then
    echo "PASS difftest/$cls: $N sequences$note"
    continue
  fi
  nfail=$((nfail + 1))
  echo "FAIL difftest/$cls: $bad of $N mismatch$note"
  sigill_summary "$cls" "$cases"
  head -"$SHOW" "$TMP/$cls.core" | while read -r k; do show_case "$cls" "$cases" "$k" "$IGNORE fpsr"; done
  if [ "$bad" -gt "$core" ]; then # one example of an FPSR-only difference
    k=$(comm -23 <(sort "$TMP/$cls.bad") <(sort "$TMP/$cls.core") | sort -n | head -1)
    show_case "$cls" "$cases" "$k" "$IGNORE"
  fi
done
[ $nfail = 0 ]
