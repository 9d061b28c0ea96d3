#!/bin/bash
# difftest.sh - differential test of the decoders: random instruction
# sequences of each class run under xrun and under qemu-aarch64 or
# qemu-riscv64, compared register by register (tools/difftest).
#
#   tests/difftest.sh                    # both guests, every class, N=2000 sequences each
#   N=100000 SEED=7 tests/difftest.sh    # more, another seed
#   GUEST=aarch64 tests/difftest.sh      # only the A64 classes (GUEST=riscv64: only RV64)
#   CLASSES="int simd" tests/difftest.sh
#
# Prints one line per class: PASS difftest/CLASS: N sequences, or
# FAIL difftest/CLASS: K of N mismatch, followed (indented) by up to SHOW
# minimized cases: the instructions, the registers that differ, and the
# initial values of the registers the instructions name. The riscv64 classes
# are difftest-riscv64/CLASS, after difftest-riscv64/selfcheck (every template
# assembles) and difftest-riscv64/decode (one instruction of each template
# raises no SIGILL under xrun or qemu). SKIP lines when qemu or the tools are
# missing. Build first: make difftest-tools xrun.
set -u

cd "$(dirname "$0")/.." || exit 2
GUEST=${GUEST:-all}
if [ "$GUEST" = all ]; then # each guest in turn, with the classes it knows
  st=0
  for g in aarch64 riscv64; do GUEST=$g DT_ALL=1 tests/difftest.sh || st=1; done
  exit $st
fi
O=${O:-o}
N=${N:-2000}
SEED=${SEED:-1}
SHOW=${SHOW:-3}
IGNORE=${IGNORE:-} # result fields left out of the comparison, e.g. IGNORE=fpsr
TIMEOUT=${TIMEOUT:-300}
XRUN=${XRUN:-./xrun}
case $GUEST in
  aarch64)
    TAG=difftest
    GEN=$O/tools/difftest/difftest-gen
    HARNESS=$O/tools/difftest/difftest-harness
    OBJDUMP=${OBJDUMP:-aarch64-linux-gnu-objdump}
    FPFLAGS=fpsr          # the FP exception flags: "core" mismatches leave them out
    NOPWORD=d503201f      # nop, in the slots the minimizer drops
    REGS='\<[xwvqdshb][0-9]+\>' REGMAP='s/^[xw]/x/; s/^[vqdshb]/v/' STATEREGS="nzcv"
    # every class; ext-fpcr only on request: qemu-aarch64 before 9.1 sets Z in FJCVTZS of a
    # denormal flushed by FPCR.FZ, which Arm's FPToFixedJS does not
    DEFAULT_CLASSES="int flags branch ldst atomic fp simd crypto"
    SKIPPED_CLASSES=ext-fpcr
    QSIG_NOTE="generator bug?"
    ;;
  riscv64)
    TAG=difftest-riscv64
    GEN=$O/tools/difftest/difftest-gen-rv64
    HARNESS=$O/tools/difftest/difftest-harness-rv64
    OBJDUMP=${OBJDUMP:-riscv64-linux-gnu-objdump}
    AS=${AS:-riscv64-linux-gnu-as}
    FPFLAGS=fflags
    NOPWORD=00000013 # addi x0, x0, 0
    REGS='\<[xf][0-9]+\>' REGMAP='' STATEREGS="frm fflags"
    DEFAULT_CLASSES="int bitmanip compressed ldst atomic fp branch vector"
    SKIPPED_CLASSES=none
    # qemu 7.2 has Zbkb, Zbkx, Zfh and V but leaves them off in its default CPU
    QEMU_CPU="-cpu rv64,zbkb=true,zbkx=true,Zfh=true,v=true,vlen=128,elen=64,vext_spec=v1.0"
    # fp writes frm with any value: a reserved one makes later DYN operations SIGILL
    QSIG_NOTE="in fp: a reserved frm, else a generator bug?"
    ;;
  *) echo "difftest.sh: unknown GUEST=$GUEST (aarch64, riscv64 or all)" >&2; exit 2 ;;
esac
QEMU=${QEMU:-qemu-$GUEST}
QEMU_RUN="$QEMU ${QEMU_CPU:-}"
KNOWN=$("$GEN" classes 2>/dev/null | grep -vxE "$SKIPPED_CLASSES" | tr '\n' ' ')
if [ -n "${CLASSES:-}" ] && [ -n "${DT_ALL:-}" ]; then # both guests: keep this one's classes
  CLASSES=$(for c in $CLASSES; do case " $KNOWN ${SKIPPED_CLASSES/none/} " in *" $c "*) echo "$c" ;; esac; done)
  [ -n "$CLASSES" ] || exit 0
fi
CLASSES=${CLASSES:-$KNOWN}
CLASSES=${CLASSES:-$DEFAULT_CLASSES}

ulimit -c 0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/xrun-difftest.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT

skip_all() {
  for c in $CLASSES; do echo "SKIP $TAG/$c: $1"; done
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
  run_all "$QEMU_RUN" "$1" 1 "$TMP/b"
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

# dis_raw FILE: objdump's lines "off:\tword\tmnemonic\targs" for raw code.
# A riscv64 raw binary would be taken as plain RV64GC, so its words go
# through `as` as .insn lines under an ISA attribute that names Zb*.
dis_raw() {
  if [ "$GUEST" = aarch64 ]; then
    "$OBJDUMP" -D -b binary -m aarch64 "$1"
    return
  fi
  perl -e 'local $/; my @w = unpack("V*", <STDIN>);
    print "\t.attribute arch, \"rv64i2p1_m2p0_a2p1_f2p2_d2p2_c2p0_zicsr2p0_zfh1p0_zba1p0_zbb1p0_zbc1p0_zbkb1p0_zbkx1p0_zbs1p0_v1p0\"\n";
    for (@w) { if (($_ & 3) == 3) { printf "\t.insn 4, 0x%08x\n", $_ }
      else { printf "\t.insn 2, 0x%04x\n\t.insn 2, 0x%04x\n", $_ & 0xffff, $_ >> 16 } }' \
    <"$1" >"$TMP/dis.s" && "$AS" -o "$TMP/dis.o" "$TMP/dis.s" && "$OBJDUMP" -d -M numeric "$TMP/dis.o"
}

# disasm CASEFILE: "slot: word  instruction" for each non-NOP instruction.
disasm() {
  "$GEN" code "$1" >"$TMP/code"
  dis_raw "$TMP/code" |
    awk -F'\t' -v nop="$NOPWORD" 'function hex(s, i, n) {
        for (i = 1; i <= length(s); i++) n = n * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
        return n
      }
      /^ *[0-9a-f]+:\t/ && $2 !~ "^" nop { a = $1; gsub(/[ :]/, "", a)
        printf "      %d: %s %s %s\n", hex(a) / 4, $2, $3, $4 }'
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
  regs=$(grep -oE "$REGS" "$2" | sed -E "$REGMAP" | sort -u | tr '\n' ' ')
  "$GEN" state "$1" | tr ' ' '\n' | awk -v want=" $regs $STATEREGS " '
    { split($0, f, "=") } index(want, " " f[1] " ") { printf " %s", $0 }
    END { printf "\n" }' | fold -w 110 -s | sed 's/^ */      initial: /'
}

show_case() { # show_case CLASS CASES K [IGNORED]
  local cls=$1 cases=$2 k=$3 mask
  mask=$(minimize "$cases" "$k" "${4:-}")
  "$GEN" pick "$cases" "$k" "$mask" >"$TMP/min"
  echo "    case $k (GUEST=$GUEST CLASSES=$cls N=$N SEED=$SEED), minimized to slots mask $mask:"
  disasm "$TMP/min" | tee "$TMP/dis"
  timeout -k 2 "$TIMEOUT" "$XRUN" "$HARNESS" -m "$TMP/min" >"$TMP/a" 2>/dev/null
  # shellcheck disable=SC2086 # QEMU_RUN carries options
  timeout -k 2 "$TIMEOUT" $QEMU_RUN "$HARNESS" -m "$TMP/min" >"$TMP/b" 2>/dev/null
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
  dis_raw "$TMP/ill.code" | awk -F'\t' '/^ *[0-9a-f]+:\t/ { print $3 }' |
    sort | uniq -c | sort -rn | awk '{ printf "%s %s (%d)", sep, $2, $1; sep = "," }
      END { printf "\n" }' | fold -w 100 -s | sed 's/^/    /'
}

# decode_check: one case per encoding of every template (4 each, one
# instruction) under xrun and qemu; any SIGILL means a template the decoder
# (or qemu) does not take, which would hide behind the random sequences.
decode_check() {
  local n
  "$GEN" selfcases 4 >"$TMP/self.bin" || return 1
  n=$("$GEN" words "$TMP/self.bin" | wc -l)
  run_all "$XRUN" "$TMP/self.bin" "$n" "$TMP/self.xrun" &
  run_all "$QEMU_RUN" "$TMP/self.bin" "$n" "$TMP/self.qemu"
  wait
  if ! grep -qE '^[0-9]+ (signal=4|died)' "$TMP/self.xrun" "$TMP/self.qemu"; then
    echo "PASS $TAG/decode: $n encodings of $((n / 4)) templates"
    return 0
  fi
  echo "FAIL $TAG/decode: SIGILL on some of $n encodings"
  for side in xrun qemu; do
    grep -E '^[0-9]+ (signal=4|died)' "$TMP/self.$side" | cut -d' ' -f1 |
      awk 'NR == FNR { ill[$1] = 1; next } ($1 in ill) { print $2 }' - <("$GEN" words "$TMP/self.bin") |
      perl -ne 'print pack("V", hex($_))' >"$TMP/ill.code"
    [ -s "$TMP/ill.code" ] || continue
    echo "    $side raised SIGILL on:"
    dis_raw "$TMP/ill.code" | awk -F'\t' '/^ *[0-9a-f]+:\t/ && $2 !~ /^0001/ { print "      " $2 " " $3 " " $4 }' | sort -u | head -20
  done
  return 1
}

nfail=0
"$GEN" selfcheck 64 || nfail=$((nfail + 1))
[ "$GUEST" = riscv64 ] && { decode_check || nfail=$((nfail + 1)); }
for cls in $CLASSES; do
  cases=$TMP/$cls.bin
  "$GEN" gen "$cls" "$N" "$SEED" >"$cases" || { echo "FAIL $TAG/$cls: generator failed"; nfail=$((nfail + 1)); continue; }
  run_all "$XRUN" "$cases" "$N" "$TMP/$cls.xrun" &
  run_all "$QEMU_RUN" "$cases" "$N" "$TMP/$cls.qemu"
  wait
  # bad: every mismatch; core: those that remain when the FP flags are left out
  paste -d'\t' "$TMP/$cls.xrun" "$TMP/$cls.qemu" | awk -F'\t' '$1 != $2 { print NR - 1 }' >"$TMP/$cls.bad"
  paste -d'\t' <(strip "$IGNORE $FPFLAGS" <"$TMP/$cls.xrun") <(strip "$IGNORE $FPFLAGS" <"$TMP/$cls.qemu") |
    awk -F'\t' '$1 != $2 { print NR - 1 }' >"$TMP/$cls.core"
  if [ -n "$IGNORE" ]; then
    paste -d'\t' <(strip "$IGNORE" <"$TMP/$cls.xrun") <(strip "$IGNORE" <"$TMP/$cls.qemu") |
      awk -F'\t' '$1 != $2 { print NR - 1 }' >"$TMP/$cls.bad"
  fi
  bad=$(wc -l <"$TMP/$cls.bad")
  core=$(wc -l <"$TMP/$cls.core")
  qsig=$(grep -c -E '^[0-9]+ (signal|died)' "$TMP/$cls.qemu")
  note=""
  [ "$qsig" -gt 0 ] && note=" ($qsig raise a signal under qemu too: $QSIG_NOTE)"
  [ "$bad" -gt "$core" ] && note="$note ($((bad - core)) of them only in $FPFLAGS)"
  if [ "$bad" = 0 ]; then
    echo "PASS $TAG/$cls: $N sequences$note"
    continue
  fi
  nfail=$((nfail + 1))
  echo "FAIL $TAG/$cls: $bad of $N mismatch$note"
  sigill_summary "$cls" "$cases"
  head -"$SHOW" "$TMP/$cls.core" | while read -r k; do show_case "$cls" "$cases" "$k" "$IGNORE $FPFLAGS"; done
  if [ "$bad" -gt "$core" ]; then # one example of an FPSR-only difference
    k=$(comm -23 <(sort "$TMP/$cls.bad") <(sort "$TMP/$cls.core") | sort -n | head -1)
    show_case "$cls" "$cases" "$k" "$IGNORE"
  fi
done
[ $nfail = 0 ]
