#!/bin/bash
# decodegen.sh - tests tools/decodegen, the decoder spec generator: builds the
# dispatch of tests/decodegen/tiny.decode, runs it over a few words (fields,
# signed and multi-part fields, !function, constants, first match wins, a
# declining trans_ falls through, --only), and checks the file:line: message of each
# kind of spec error. One PASS/FAIL line per check.
#
#   tests/decodegen.sh
set -u
cd "$(dirname "$0")/.." || exit 2
O=${O:-o}
D=$O/tests/decodegen
mkdir -p "$D"
GEN=tools/decodegen
CC=${CC:-cc}

gen() { # gen SPEC: generate $D/tiny.gen.[ch] from SPEC
  $GEN --prefix t --ctx 'struct t_ctx' --include tiny.h --undo t_undo --only \
    --spec-name "$1" -o "$D/tiny.gen.c" --header "$D/tiny.gen.h" "$1"
}

if ! command -v python3 >/dev/null; then
  echo "SKIP decodegen: no python3"
  exit 0
fi

# The dispatch of the tiny spec.
if gen tests/decodegen/tiny.decode &&
  $CC -std=gnu11 -Wall -Wextra -Werror -I tests/decodegen -I "$D" -o "$D/tiny" \
    tests/decodegen/tiny_main.c "$D/tiny.gen.c"; then
  "$D/tiny" >"$D/tiny.out"
  cat >"$D/tiny.want" <<'OUT'
ADDI rd=4 rn=3 imm=291
SUBI rd=4 rn=3 imm=2049
SUBX rd=4 rn=31 imm=2049 undone=1
SUBX rd=4 rn=31 imm=1 undone=0
NOP
ALT
SIGNED imm_s=-123
SIGNED imm_s=127
DBL dbl=30 op=3
none 0x10000000
only SUBI: 0
SUBX rd=4 rn=31 imm=2049 undone=0
only SUBX: 1
OUT
  if diff -u "$D/tiny.want" "$D/tiny.out"; then
    echo "PASS decodegen/dispatch"
  else
    echo "FAIL decodegen/dispatch: output differs"
  fi
  if head -1 "$D/tiny.gen.c" | grep -q 'Generated from tests/decodegen/tiny.decode by tools/decodegen: do not edit' &&
    head -1 "$D/tiny.gen.h" | grep -q 'do not edit'; then
    echo "PASS decodegen/banner"
  else
    echo "FAIL decodegen/banner: first line does not say the file is generated"
  fi
else
  echo "FAIL decodegen/dispatch: the tiny spec did not generate or compile"
fi

# A 16-bit spec whose patterns call the trans_ functions of tiny.decode
# with its argument set (--width 16 --extern-argsets, field=%f).
if $GEN --width 16 --extern-argsets --header-include tiny.gen.h --prefix t16 \
  --ctx 'struct t_ctx' --include tiny.h --undo t_undo -o "$D/tiny16.gen.c" \
  --header "$D/tiny16.gen.h" tests/decodegen/tiny16.decode &&
  $CC -std=gnu11 -Wall -Wextra -Werror -I tests/decodegen -I "$D" -Dmain=tiny_main -c \
    -o "$D/tiny_trans.o" tests/decodegen/tiny_main.c &&
  $CC -std=gnu11 -Wall -Wextra -Werror -I tests/decodegen -I "$D" -o "$D/tiny16" \
    tests/decodegen/tiny16_main.c "$D/tiny_trans.o" "$D/tiny.gen.c" "$D/tiny16.gen.c"; then
  "$D/tiny16" >"$D/tiny16.out"
  cat >"$D/tiny16.want" <<'OUT'
ADDI rd=11 rn=11 imm=-1
ADDI rd=8 rn=8 imm=5
none 0x0a39 undone=1
none 0x0000 undone=0
OUT
  if diff -u "$D/tiny16.want" "$D/tiny16.out"; then
    echo "PASS decodegen/width16"
  else
    echo "FAIL decodegen/width16: output differs"
  fi
else
  echo "FAIL decodegen/width16: the 16-bit spec did not generate or compile"
fi
# --trans-prefix: the pattern functions get the decoder's own names.
if $GEN --prefix t --trans-prefix t_trans_ --ctx 'struct t_ctx' -o "$D/tp.gen.c" \
  --header "$D/tp.gen.h" tests/decodegen/tiny.decode &&
  grep -q 'bool t_trans_ADDI(struct t_ctx \*s, const struct arg_rri \*a);' "$D/tp.gen.h" &&
  grep -q 'if (t_trans_ADDI(s, ' "$D/tp.gen.c" && ! grep -q '[^_]trans_ADDI' "$D/tp.gen.c"; then
  echo "PASS decodegen/trans_prefix"
else
  echo "FAIL decodegen/trans_prefix: the pattern functions are not named t_trans_NAME"
fi

err16() { # err16 NAME MESSAGE SPEC-TEXT: as err, for a --width 16 spec
  local spec=$D/$1.decode got st
  printf '%s\n' "$3" >"$spec"
  got=$($GEN --width 16 --prefix t -o "$D/e16.gen.c" --header "$D/e16.gen.h" "$spec" 2>&1 >/dev/null)
  st=$?
  if [ $st -ne 0 ] && [ "$got" = "$spec:$2" ]; then
    echo "PASS decodegen/$1"
  else
    echo "FAIL decodegen/$1: status $st, got '$got', want '$spec:$2'"
  fi
}
err16 wide16 '1: X is 32 bits wide, more than 16' 'X 00000000000000000000000000000000'
err16 field_ref '1: unknown field %nope' 'X 0000000000000000 f=%nope'

# err NAME MESSAGE SPEC-TEXT: the spec must fail with exactly MESSAGE on stderr.
err() {
  local name=$1 want=$2 spec=$D/$1.decode
  printf '%s\n' "$3" >"$spec"
  local got
  got=$(gen "$spec" 2>&1 >/dev/null)
  local st=$?
  if [ $st -ne 0 ] && [ "$got" = "$spec:$want" ]; then
    echo "PASS decodegen/$name"
  else
    echo "FAIL decodegen/$name: status $st, got '$got', want '$spec:$want'"
  fi
}

err overlap '3: overlapping fields: parts of %f overlap' \
  '# a field whose parts overlap
&a f
%f 0:5 3:4
X 00000000000000000000000000000000'
err overlap_format '3: overlapping fields: x and rd (format @f)' \
  '@f ---------------------------- rd:4
# the pattern puts x on bits the format gives rd
X 0000000000000000000000000000 -- x:2 @f'
err undefined '1: bits 0x000000f0 are '"'.'"' but no field uses them (left undefined; '"'-'"' ignores a bit)' \
  'X 000000000000000000000000 .... 0000'
err short '1: X has 28 bits: bits 3..0 left undefined' \
  'X 0000000000000000000000000000'
err wide '2: X is 33 bits wide, more than 32' \
  '
X 000000000000000000000000000000000'
err unknown_field '1: unknown field %nope' \
  'X 00000000000000000000000000000000 %nope'
err unknown_member '2: unknown field y: not in &a' \
  '&a x
X 0000000000000000000000000000 x:2 y:2 &a'
err missing_member '2: field y of &a has no value' \
  '&a x y
X 000000000000000000000000000000 x:2 &a'
err unknown_format '1: unknown format @g' \
  'X 00000000000000000000000000000000 @g'
err fixed_clash '2: fixed bits 0x00000001 differ from format @f' \
  '@f -------------------------------0
X 00000000000000000000000000000001 @f'
