#!/bin/bash
# realprogs.sh - Debian's arm64 programs doing real work under xrun, each
# compared with the amd64 build of the same Debian package running the same
# work natively: bash, perl, git (init, commit, log, diff, gc, fsck), make -j2
# with recipes, gcc-12 (its assembly against the host's aarch64 cross gcc-12,
# the same compiler; the program it links, run), python3 (loopback sockets,
# threads, asyncio, subprocess), gnupg (a key made in batch, a signature made
# and verified, through gpg-agent), rsync (local), sqlite3, xz/zstd/gzip (the
# compressed bytes), coreutils (ls -l, cp -a keeping xattrs).
#
#   tests/realprogs.sh              # every case
#   tests/realprogs.sh git make     # the cases named
#
# The arm64 sysroot is built once by tools/mksysroot in o/sysroot/real; the
# amd64 packages are installed with apt-get when missing (as root). One line
# per case: PASS realprogs/NAME, FAIL realprogs/NAME: reason (with a short
# diff), or SKIP realprogs/NAME: reason (the sysroot could not be built: no
# network to Debian's mirror). A case also fails when xrun answered one of its
# system calls ENOSYS or refused it unchecked (tests/enosys.sh), naming the
# call.
set -u

cd "$(dirname "$0")/.." || exit 2
XRUN=${XRUN:-$PWD/xrun}
case $XRUN in /*) ;; *) XRUN=$PWD/$XRUN ;; esac
SR=$PWD/${O:-o}/sysroot/real
. tests/enosys.sh
TIMEOUT=${TIMEOUT:-180}
CASES=(bash perl git make gcc python gnupg rsync sqlite compress coreutils)
ARM64_PKGS="bash perl git make gcc-12 libc6-dev python3 gnupg rsync sqlite3 xz-utils zstd gzip
  coreutils attr"
HOST_PKGS="git make gcc-12 gnupg rsync sqlite3 python3.11 xz-utils zstd attr"

[ $# -gt 0 ] && CASES=("$@")
skip_all() { for c in "${CASES[@]}"; do echo "SKIP realprogs/$c: $1"; done; exit 0; }

[ -x "$XRUN" ] || skip_all "$XRUN not built"
if [ ! -e "$SR/.complete" ]; then
  rm -rf "$SR"
  # shellcheck disable=SC2086 # a list of packages
  if ! err=$(tools/mksysroot "$SR" $ARM64_PKGS 2>&1 >/dev/null); then
    case $err in
      *"mmdebstrap failed"*) skip_all "$err" ;;
      *) for c in "${CASES[@]}"; do echo "FAIL realprogs/$c: $err"; done; exit 0 ;;
    esac
  fi
  touch "$SR/.complete"
fi
missing=""
for p in $HOST_PKGS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  # shellcheck disable=SC2086 # a list of packages
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >/dev/null 2>&1 ||
    skip_all "cannot install the amd64 packages to compare with:$missing"
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/xrun-realprogs.XXXXXX") || exit 2
[ -n "${KEEP:-}" ] || trap 'rm -rf "$T"' EXIT
export LC_ALL=C TZ=UTC XRUN SR
# run from make check: the make case must not join the outer make's jobserver
unset MAKEFLAGS MAKELEVEL MFLAGS MAKEOVERRIDES

# g PATH ARGS...: Debian's program PATH, the host's amd64 build natively
# (MODE native) or the arm64 build from the sysroot under xrun (MODE xrun).
g() {
  local path=$1
  shift
  if [ "$MODE" = native ]; then
    "$path" "$@"
  else
    xr "$SR$path" "$@"
  fi
}

# xr PROGRAM ARGS...: an arm64 program under xrun, its -d unimpl log in the
# case's $UNIMPL directory
xr() {
  "$XRUN" -L "$SR" -d unimpl -D "$UNIMPL/%d" "$@"
}

# ---------------------------------------------------------------- cases
# w_NAME: run in a fresh directory (the cwd) with $MODE set; what it prints
# on stdout is compared.

w_bash() {
  g /bin/bash -c '
    declare -A n
    for w in apple banana cherry apple banana apple; do n[$w]=$(( ${n[$w]:-0} + 1 )); done
    for k in $(printf "%s\n" "${!n[@]}" | sort); do echo "$k ${n[$k]}"; done
    fact() { local k=$1; if (( k <= 1 )); then echo 1; else echo $(( k * $(fact $((k - 1))) )); fi; }
    fact 15
    s="Hello, World"; echo "${s^^} ${s,,} ${s//o/0} ${#s} ${s:7:5}"
    printf "%05.2f|%-6s|%x|%s\n" 3.14159 ab 255 "$(echo nested $(echo twice))"
    a=(3 1 4 1 5 9 2 6); IFS=$'\n'; echo $(sort -n <<<"${a[*]}" | uniq | tr "\n" " "); unset IFS
    while read -r x y; do echo "$((x * y))"; done <<EOF
6 7
12 12
EOF
    ( exit 3 ); echo "subshell status $?"
    trap "echo trapped" EXIT'
}

w_perl() {
  g /usr/bin/perl -e '
    use strict; use warnings; use Digest::MD5 qw(md5_hex); use POSIX qw(floor);
    my %c; $c{$_}++ for split //, "mississippi";
    print join(",", map { "$_=$c{$_}" } sort keys %c), "\n";
    printf "%.10f %d\n", atan2(1, 1) * 4, floor(-2.5);
    my @a = sort { $a <=> $b } map { ($_ * 7919) % 1000 } 1 .. 20; print "@a\n";
    my $s = "the quick brown fox jumps"; $s =~ s/(\w+)/\u$1/g; print "$s\n";
    print scalar reverse("xrun"), " ", md5_hex("abc"), " ", join("-", unpack("(A3)*", "abcdefgh")), "\n";
    my $t = 0; $t += $_ ** 2 for 1 .. 100000; print "$t\n";
    open(my $fh, "-|", "echo", "from a child") or die; print scalar <$fh>; close $fh;'
}

w_git() {
  export GIT_AUTHOR_NAME=Tester GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=Tester
  export GIT_COMMITTER_EMAIL=t@example.org GIT_AUTHOR_DATE='2020-01-02T03:04:05Z'
  export GIT_COMMITTER_DATE='2020-01-02T03:04:05Z' HOME=$PWD GIT_CONFIG_NOSYSTEM=1
  g /usr/bin/git init -q -b main repo && cd repo || return
  seq 1 200 >numbers && printf 'a\nb\nc\n' >letters
  g /usr/bin/git add numbers letters && g /usr/bin/git commit -q -m first
  sed -i 's/^5$/five/; s/b/B/' numbers letters && seq 201 220 >>numbers
  g /usr/bin/git commit -q -am second && g /usr/bin/git tag v1
  g /usr/bin/git log --format='%H %an %ad %s' --date=iso-strict
  g /usr/bin/git diff --stat HEAD~1
  g /usr/bin/git diff HEAD~1 -- letters
  g /usr/bin/git gc -q && g /usr/bin/git count-objects -v | grep -v '^size'
  g /usr/bin/git fsck --no-progress 2>&1 && echo fsck ok
  g /usr/bin/git describe --tags
}

w_make() {
  cat >Makefile <<'EOF'
OBJS := $(patsubst %,part%.txt,1 2 3 4 5 6)
all: total.txt
part%.txt:
	@echo "building $@"; seq 1 $* | awk '{ s += $$1 } END { print "$*:", s }' >$@
total.txt: $(OBJS)
	@cat $^ | sort >$@; echo "total from $(words $^) parts"
clean:
	rm -f $(OBJS) total.txt
EOF
  g /usr/bin/make -j2 2>&1 | sort
  cat total.txt
  g /usr/bin/make -j2 -q all && echo "up to date"
  g /usr/bin/make clean >/dev/null && ls
}

w_gcc() {
  cat >prog.c <<'EOF'
#include <math.h>
#include <stdio.h>
#include <string.h>
static unsigned long collatz(unsigned long n) {
  unsigned long steps = 0;
  for (; n != 1; steps++)
    n = n % 2 ? 3 * n + 1 : n / 2;
  return steps;
}
int main(int argc, char **argv) {
  unsigned long best = 0, at = 0;
  for (unsigned long i = 1; i < 300000; i++)
    if (collatz(i) > best)
      best = collatz(i), at = i;
  printf("%lu %lu %.6f %zu\n", at, best, sqrt((double)at), strlen(argv[0]) > 0 ? (size_t)argc : 0);
  return 0;
}
EOF
  if [ "$MODE" = native ]; then
    aarch64-linux-gnu-gcc-12 -O2 -S -o prog.s prog.c && gcc-12 -O2 -o prog prog.c -lm && ./prog
  else
    g /usr/bin/gcc-12 -O2 -S -o prog.s prog.c && g /usr/bin/gcc-12 -O2 -o prog prog.c -lm &&
      xr ./prog
  fi
  grep -v '\.ident' prog.s | md5sum
}

w_python() {
  cat >t.py <<'EOF'
import asyncio, json, select, socket, subprocess, threading
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
def serve():
    c, _ = srv.accept()
    data = b""
    while not data.endswith(b"\n"):
        data += c.recv(100)
    c.sendall(data.upper())
    c.close()
t = threading.Thread(target=serve)
t.start()
c = socket.create_connection(srv.getsockname())
c.sendall(b"hello over loopback\n")
print(c.recv(100))
t.join()
a, b = socket.socketpair()
a.send(b"pair")
print(select.select([b], [], [], 5)[0] == [b], b.recv(10))
async def main():
    p = await asyncio.create_subprocess_exec("/bin/sh", "-c", "echo async $((6 * 7))",
                                             stdout=asyncio.subprocess.PIPE)
    out, _ = await p.communicate()
    r, w = await asyncio.open_connection(*srv2.getsockname())
    w.write(b"ping\n")
    await w.drain()
    return out, await r.readline()
async def echo(r, w):
    w.write((await r.readline()).upper())
    await w.drain()
    w.close()
async def run():
    global srv2
    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    srv2 = server.sockets[0]
    async with server:
        return await main()
print(asyncio.run(run()))
print(subprocess.run(["/bin/sh", "-c", "echo sub $((2 + 3)); exit 4"], capture_output=True, text=True))
print(json.dumps({"k": [1, 2.5, None, "x"]}, sort_keys=True), sum(i * i for i in range(10 ** 6)))
EOF
  g /usr/bin/python3.11 -I t.py
}

w_gnupg() {
  export GNUPGHOME=$PWD/gnupg
  mkdir -m 700 "$GNUPGHOME"
  local q="--batch --quiet --no-tty --pinentry-mode loopback --passphrase="
  # shellcheck disable=SC2086 # options
  g /usr/bin/gpg $q --quick-gen-key 'Tester <t@example.org>' ed25519 sign never 2>/dev/null &&
    echo "a message" >msg &&
    g /usr/bin/gpg $q --yes -u t@example.org --detach-sign msg 2>/dev/null &&
    g /usr/bin/gpg $q --status-fd 1 --verify msg.sig msg 2>/dev/null | awk '{ print $2 }' | grep -E '^(GOODSIG|VALIDSIG|TRUST_ULTIMATE)$'
  echo "changed" >msg
  # shellcheck disable=SC2086 # options
  g /usr/bin/gpg $q --status-fd 1 --verify msg.sig msg 2>/dev/null | awk '{ print $2 }' | grep -E '^(BADSIG)$'
  g /usr/bin/gpg --batch --with-colons --list-keys 2>/dev/null | awk -F: '$1 == "pub" { print $1, $2, $3, $4, $12 }'
  g /usr/bin/gpgconf --kill gpg-agent
}

w_rsync() {
  mkdir -p src/a/b src/c && seq 1 5000 >src/a/b/numbers && echo hi >src/c/hello &&
    ln -s ../c/hello src/a/link && chmod 640 src/c/hello
  touch -d '2021-02-03 04:05:06' src/c/hello src/a/b/numbers
  g /usr/bin/rsync -a src/ dst/ && diff -r src dst && echo "trees equal"
  echo more >>src/c/hello && touch -d '2021-02-03 04:05:07' src/c/hello
  g /usr/bin/rsync -ai src/ dst/ | sort
  stat -c '%n %a %s %Y' dst/c/hello dst/a/b/numbers && readlink dst/a/link
}

w_sqlite() {
  g /usr/bin/sqlite3 :memory: <<'EOF'
CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, v REAL);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
INSERT INTO t(name, v) SELECT printf('name%04d', i % 97), i * 1.5 FROM n;
CREATE INDEX t_name ON t(name);
SELECT name, count(*), printf('%.2f', sum(v)), min(id) FROM t GROUP BY name ORDER BY 3 DESC LIMIT 5;
SELECT group_concat(id, ',') FROM (SELECT id FROM t WHERE name = 'name0042' ORDER BY id LIMIT 8);
SELECT printf('%.6f', avg(v)), total(id), hex(randomblob(0)), upper('xrun'), length(zeroblob(33));
EOF
}

w_compress() {
  awk 'BEGIN { srand(7); for (i = 0; i < 60000; i++) printf "line %d %x %s\n", i, int(rand() * 1e6), (i % 7 ? "common" : "rare") }' >data
  g /usr/bin/xz -6 -T1 -c data >data.xz && g /usr/bin/zstd -q -9 -c data >data.zst &&
    g /bin/gzip -9 -n -c data >data.gz || return
  md5sum data.xz data.zst data.gz
  g /usr/bin/xz -dc data.xz | cmp - data && g /usr/bin/zstd -qdc data.zst | cmp - data &&
    g /bin/gzip -dc data.gz | cmp - data && echo "round trips"
}

w_coreutils() {
  mkdir -p d/sub && printf 'x%.0s' $(seq 1 1000) >d/f && echo small >d/sub/g && ln -s f d/lnk
  touch -h -d '2022-03-04 05:06:07' d/f d/sub/g d/lnk d/sub d
  chmod 751 d/sub && setfattr -n user.note -v "kept by cp -a" d/f
  g /bin/ls -l --time-style=+%F.%T d | sed 1d
  g /bin/ls -lR --time-style=+%F d | awk '{ $3 = $4 = ""; print }'
  g /bin/cp -a d e && getfattr --absolute-names -d e/f | sed 1d && stat -c '%n %a %Y' e/f e/sub e/lnk
  g /usr/bin/sort -t' ' -k2,2n <<<$'b 2\na 10\nc 1' && g /usr/bin/sha256sum d/f | cut -c1-16
}

# ---------------------------------------------------------------- driver

run_case() { # run_case NAME MODE: the workload's stdout in $T/NAME.MODE
  local name=$1
  mkdir -p "$T/$name.$2.dir" "$T/$name.unimpl"
  export -f g xr "w_$name"
  (cd "$T/$name.$2.dir" && MODE=$2 UNIMPL=$T/$name.unimpl timeout "$TIMEOUT" bash -c "w_$name") >"$T/$name.$2" 2>"$T/$name.$2.err"
}

for c in "${CASES[@]}"; do
  if ! declare -F "w_$c" >/dev/null; then
    echo "FAIL realprogs/$c: no such case"
    continue
  fi
  run_case "$c" native
  run_case "$c" xrun
  nosys=$(enosys_found "$T/$c.unimpl"/*)
  if [ ! -s "$T/$c.native" ]; then
    echo "FAIL realprogs/$c: the native run printed nothing: $(head -c 300 "$T/$c.native.err")"
  elif ! cmp -s "$T/$c.native" "$T/$c.xrun"; then
    echo "FAIL realprogs/$c: output differs from the amd64 build's: $(head -c 300 "$T/$c.xrun.err")"
    diff "$T/$c.native" "$T/$c.xrun" | head -10 | sed 's/^/    /'
  elif [ -n "$nosys" ]; then
    echo "FAIL realprogs/$c: unimplemented in xrun: $nosys"
  else
    echo "PASS realprogs/$c"
  fi
done
