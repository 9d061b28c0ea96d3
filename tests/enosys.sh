# enosys.sh - sourced by the tests that run Debian's real arm64 programs under
# xrun (realprogs.sh, jit.sh, openssl.sh). They run xrun with -d unimpl and
# -D FILE (FILE with %d: one file per process), so that every system call
# xrun answers ENOSYS (one it has no handler for, or one the host refused),
# every ioctl request, prctl option and fcntl command it refuses unchecked,
# and every instruction it does not implement is named in FILE, never on the
# program's stdout or stderr; a case fails when its files name one.
#
# The exceptions: calls that arm64 Linux itself answers ENOSYS, on a kernel
# built without the feature, and that the programs expect to be missing.
ENOSYS_ALLOWED=(
  # rseq: CONFIG_RSEQ=n kernels have none (kernel/sys_ni.c), and glibc (2.35
  # on) registers its area at each thread's start and goes on without one
  # when refused (sched_getcpu then asks getcpu). xrun refuses it: a
  # registered area promises that a critical section the thread is preempted
  # or migrated in restarts at its abort handler, and a user-mode translator
  # is not told of preemption or migration (qemu-user refuses it too).
  rseq
)

# enosys_found FILE...: what the -d unimpl logs FILE... name, on one line (the
# calls by name, any other line as it is), less ENOSYS_ALLOWED; empty when
# there is nothing.
enosys_found() {
  local allowed
  allowed=$(printf '%s\n' "${ENOSYS_ALLOWED[@]}")
  cat "$@" 2>/dev/null |
    sed -e 's/^xrun: \(unimplemented \)\{0,1\}system call \([^ :]*\).*ENOSYS.*/\2/' \
      -e 's/^xrun: unimplemented \(ioctl\|prctl option\|fcntl command\) \(0x[0-9a-f]*\):.*/\1 \2/' |
    grep -vxF -e "${allowed:-/}" | sort -u | head -5 | tr '\n' ' ' | sed 's/ $//'
}
