#!/bin/bash
# mksysroot.sh - tools/mksysroot builds a bookworm arm64 sysroot with Debian's
# hello, mawk and dash and everything they need; each program runs from it
# under $XRUN with the output qemu-aarch64 gives from the same sysroot, and
# awk and sh also with the host's own awk and dash (an answer that comes from
# no emulator). `awk` exists only because mksysroot made the alternative.
# First the alternatives step alone (no network) on a package made here whose
# postinst continues an update-alternatives line with a backslash.
#
# One line per case: PASS mksysroot/NAME, FAIL mksysroot/NAME: reason, or
# SKIP mksysroot/NAME: reason (no network to Debian's mirror, no qemu).
set -u

cd "$(dirname "$0")/.." || exit 2
XRUN=${XRUN:-./xrun}
QEMU=${QEMU:-qemu-aarch64}
DIR=${O:-o}/mksysroot
CASES="build hello awk sh"

# alternatives: the links the postinst of a package made here asks for, one
# of them on a continued line; nothing made outside the sysroot.
alternatives() {
  local t=$DIR.alt want="bar -> bar-1 foo -> foo-1" got
  rm -rf "$t" "$t\\"
  mkdir -p "$t/pkg/DEBIAN" "$t/root/var/cache/apt/archives" "$t/root/usr/bin"
  printf 'Package: t\nVersion: 1\nArchitecture: all\nMaintainer: t <t@t>\nDescription: t\n' \
    >"$t/pkg/DEBIAN/control"
  printf '#!/bin/sh\nupdate-alternatives --install \\\n  /usr/bin/foo foo /usr/bin/foo-1 20\n%s\n' \
    'update-alternatives --install /usr/bin/bar bar /usr/bin/bar-1 10' >"$t/pkg/DEBIAN/postinst"
  chmod 755 "$t/pkg/DEBIAN/postinst"
  touch "$t/root/usr/bin/foo-1" "$t/root/usr/bin/bar-1"
  if ! dpkg-deb --build "$t/pkg" "$t/root/var/cache/apt/archives/t.deb" >/dev/null 2>&1; then
    echo "FAIL mksysroot/alternatives: dpkg-deb --build failed"
    return
  fi
  tools/mksysroot --alternatives "$t/root"
  got=$(cd "$t/root/usr/bin" && for l in *; do [ -L "$l" ] && printf '%s -> %s ' "$l" "$(readlink "$l")"; done)
  if [ "${got% }" != "$want" ]; then
    echo "FAIL mksysroot/alternatives: links [${got% }], want [$want]"
  elif [ -e "$t/root\\" ] || [ -L "$t/root\\" ]; then
    echo "FAIL mksysroot/alternatives: a link made beside the sysroot ($t/root\\)"
  else
    echo "PASS mksysroot/alternatives"
  fi
  rm -rf "$t"
}
alternatives

rm -rf "$DIR"
if ! err=$(tools/mksysroot "$DIR" hello mawk dash 2>&1 >/dev/null); then
  case $err in
    *"mmdebstrap failed"*) for c in $CASES; do echo "SKIP mksysroot/$c: $err"; done ;;
    *) echo "FAIL mksysroot/build: $err" ;;
  esac
  exit 0
fi
echo "PASS mksysroot/build"

# check NAME HOST_CMD|- PROGRAM ARGS...: under xrun, qemu and (unless -) the host
check() {
  local name=$1 host=$2 prog=$3
  shift 3
  local got want native
  got=$(timeout 20 "$XRUN" -L "$DIR" "$DIR$prog" "$@" 2>&1)
  if command -v "$QEMU" >/dev/null; then
    want=$(timeout 20 "$QEMU" -L "$DIR" "$DIR$prog" "$@" 2>&1)
  else
    echo "SKIP mksysroot/$name: no $QEMU to compare with"
    return
  fi
  if [ "$got" != "$want" ]; then
    echo "FAIL mksysroot/$name: xrun printed [$got], qemu [$want]"
  elif [ "$host" != - ] && [ "$got" != "$(timeout 20 "$host" "$@" 2>&1)" ]; then
    echo "FAIL mksysroot/$name: xrun printed [$got], the host's $host [$(timeout 20 "$host" "$@" 2>&1)]"
  elif [ -z "$got" ]; then
    echo "FAIL mksysroot/$name: no output"
  else
    echo "PASS mksysroot/$name"
  fi
}

check hello - /usr/bin/hello
check awk /usr/bin/awk /usr/bin/awk 'BEGIN { for (i = 1; i <= 5; i++) s += i * i; print "sum", s }'
check sh /bin/dash /bin/sh -c 'x=0; for i in 1 2 3 4; do x=$((x + i)); done; echo "$x $(echo nested)"'

