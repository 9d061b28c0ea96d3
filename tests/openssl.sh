#!/bin/bash
# openssl.sh - Debian's arm64 openssl (dynamic, with Debian's arm64 glibc and
# libcrypto from the sysroot) hashing, encrypting and MACing a file under $XRUN.
# libcrypto picks its code by AT_HWCAP, so this runs the AES, PMULL, SHA-1,
# SHA-256, SHA-512 and SHA-3 instructions and NEON (ChaCha20) on real data.
# Each result is compared with the host's own openssl (a native x86-64 answer)
# and, when installed, with qemu-aarch64 running the same binary.
#
#   tests/openssl.sh                    # under ./xrun
#   XRUN=qemu-aarch64 tests/openssl.sh  # check the harness itself
#
# One line per case: PASS openssl/NAME, FAIL openssl/NAME: reason, or SKIP
# openssl/NAME: reason (the packages could not be fetched, no host openssl).
# A case also fails when xrun answered one of openssl's system calls ENOSYS
# or refused it unchecked (tests/enosys.sh), naming the call.
set -u

cd "$(dirname "$0")/.." || exit 2
XRUN=${XRUN:-./xrun}
QEMU=${QEMU:-qemu-aarch64}
TIMEOUT=${TIMEOUT:-60}
SYSROOT=${SYSROOT:-o/sysroot/aarch64}
GUEST=$SYSROOT/usr/bin/openssl
KEY=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
IV=f0e0d0c0b0a090807060504030201000
. tests/enosys.sh

# NAME|openssl arguments (the input file is $IN)
CASES=(
  "md5|dgst -md5 -r \$IN"
  "sha1|dgst -sha1 -r \$IN"
  "sha256|dgst -sha256 -r \$IN"
  "sha512|dgst -sha512 -r \$IN"
  "sha3_256|dgst -sha3-256 -r \$IN"
  "hmac_sha256|dgst -sha256 -r -hmac secret \$IN"
  "aes128_cbc|enc -aes-128-cbc -K ${KEY:0:32} -iv $IV -in \$IN"
  "aes256_cbc_decrypt|enc -d -aes-256-cbc -K $KEY -iv $IV -in \$ENC"
  "aes256_ctr|enc -aes-256-ctr -K $KEY -iv $IV -in \$IN"
  "chacha20|enc -chacha20 -K $KEY -iv $IV -in \$IN"
  "gmac_aes128_gcm|mac -cipher AES-128-GCM -macopt hexkey:${KEY:0:32} -macopt hexiv:${IV:0:24} -in \$IN GMAC"
)

skip_all() { for c in "${CASES[@]}"; do echo "SKIP openssl/${c%%|*}: $1"; done; exit 0; }

command -v openssl >/dev/null || skip_all "no host openssl to compare with (apt-get install openssl)"
if ! err=$(tools/fetch-arm64 -d "$SYSROOT" libc6 libssl3 openssl 2>&1 >/dev/null); then
  skip_all "arm64 openssl not available: ${err:-tools/fetch-arm64 failed}"
fi
have_qemu=0
command -v "$QEMU" >/dev/null 2>&1 && have_qemu=1

T=$(mktemp -d "${TMPDIR:-/tmp}/xrun-openssl.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
# 1 MiB + 13 bytes of pseudo-random input (not a multiple of any block size),
# and its AES-256-CBC encryption for the decryption case, both from the host
IN=$T/in.bin
ENC=$T/in.enc
head -c 1048589 /dev/zero | openssl enc -aes-128-ctr -K "${KEY:0:32}" -iv "$IV" >"$IN"
openssl enc -aes-256-cbc -K "$KEY" -iv "$IV" -in "$IN" >"$ENC"

# run OUT RUNNER... ARGS: openssl's stdout (hashed) to OUT; prints the status
run() {
  local out=$1; shift
  timeout -k 2 "$TIMEOUT" "$@" 2>"$out.err" | sha256sum >"$out"
  echo "${PIPESTATUS[0]}"
}

audit=(-d unimpl -D "$T/unimpl/%d") # tests/enosys.sh; qemu has its own -d unimpl
[ "$XRUN" = "$QEMU" ] && audit=()
nfail=0
for c in "${CASES[@]}"; do
  name=${c%%|*}
  eval "args=(${c#*|})"
  host_st=$(run "$T/host" openssl "${args[@]}")
  rm -rf "$T/unimpl" && mkdir "$T/unimpl"
  st=$(run "$T/xrun" "$XRUN" -L "$SYSROOT" "${audit[@]}" "$GUEST" "${args[@]}")
  nosys=$(enosys_found "$T/unimpl"/*)
  why=
  if [ "$host_st" != 0 ]; then
    why="the host's openssl failed: $(head -c 200 "$T/host.err")"
  elif [ "$st" != 0 ]; then
    why="status $st, stderr: $(head -c 200 "$T/xrun.err")"
  elif ! cmp -s "$T/host" "$T/xrun"; then
    why="output differs from the host's openssl"
  elif [ -n "$nosys" ]; then
    why="unimplemented in xrun: $nosys"
  elif [ $have_qemu = 1 ]; then
    qst=$(run "$T/qemu" "$QEMU" -L "$SYSROOT" "$GUEST" "${args[@]}")
    [ "$qst" = 0 ] && ! cmp -s "$T/qemu" "$T/xrun" && why="output differs from qemu-aarch64's"
  fi
  if [ -n "$why" ]; then
    echo "FAIL openssl/$name: $why"
    nfail=$((nfail + 1))
  else
    echo "PASS openssl/$name"
  fi
done
[ $nfail = 0 ]
