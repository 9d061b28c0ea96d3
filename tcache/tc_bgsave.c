/* tc_bgsave.c - the persistent cache written after the process is gone.
 *
 * Writing a run's new translations into the cache (tc_persist_save) is about
 * a tenth of a first run: serializing them and the kernel's copy of tens of
 * megabytes into the page cache (cc1's file for a 500-line program is 40
 * MB). Whoever waits for the program need not wait for that. So at
 * exit_group a process with translations to save hands the writing to a
 * child that shares its memory and exits at once:
 *
 *   clone(saver, stack, CLONE_VM | SIGCHLD)    no copy of the page tables
 *   saver: close every descriptor, block every signal, setsid; save; _exit
 *   the process: _exit(status), its address space kept alive by the saver
 *
 * A fork instead copies the page tables of a process of hundreds of
 * megabytes: it made gcc's first run slower than writing in place did. The
 * saver holds nothing of the program (a pipe the program wrote to ends when
 * the program does) but a shared lock on the cache directory's .writers
 * file, which `xrun --cache wait` takes exclusively. The exiting thread's
 * tc_mutex stays held: no other guest thread translates while the saver
 * reads, and exit_group ends them. Not at an exec (the process goes on with
 * its state), not with --stats (it reports what was saved), not from a
 * signal handler, not while other guest threads run (one may hold a lock of
 * libc's the saver needs), not as init or init's child, and not where
 * close_range(2) is missing: there the process writes the cache itself, as
 * before. A saver ended with its container or service (a cgroup killed
 * whole) loses that run's new translations: the next run makes them again. Blocks translated
 * without the IR passes are translated again with them on the way
 * (tc_translate_again): the passes, too, are off the program's time. A
 * saver that has not finished after TC_BGSAVE_MAX_S seconds ends.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "tc_int.h"

/* The saver's stack, a main thread's (it runs the translator), and the
 * seconds it may take. */
enum { TC_BGSAVE_STACK = 8 << 20, TC_BGSAVE_MAX_S = 300 };

static int tc_bgsave_lock = -1; /* the saver's descriptor of .writers, >= 3 */

/* Every descriptor but keep closed (close_range(2)); 0, 1 and 2 /dev/null. */
static void tc_bgsave_close_all(int keep) {
  syscall(SYS_close_range, 0u, (unsigned)keep - 1, 0u);
  syscall(SYS_close_range, (unsigned)keep + 1, ~0u, 0u);
  int null = open("/dev/null", O_RDWR);
  if (null == 0) {
    dup2(0, 1);
    dup2(0, 2);
  }
}

static int tc_bgsave_child(void *arg) {
  (void)arg;
  sigset_t all; /* but a fault decoding guest code again (tc_translate_again) */
  sigfillset(&all);
  sigdelset(&all, SIGSEGV);
  sigdelset(&all, SIGBUS);
  sigdelset(&all, SIGALRM); /* and the end of a saver that never finishes */
  sigprocmask(SIG_SETMASK, &all, NULL);
  signal(SIGALRM, SIG_DFL);
  alarm(TC_BGSAVE_MAX_S);
  tc_bgsave_close_all(tc_bgsave_lock);
  setsid();
  tc_persist_save();
  _exit(0);
}

/* close_range(2) closes nothing here: it exists (Linux 5.9). */
static bool tc_bgsave_can_close(void) {
  return syscall(SYS_close_range, ~0u, ~0u, 0u) == 0;
}

/* No guest thread runs but the caller (tc_mutex held): none can hold a lock
 * of libc's or the allocator's that the saver would wait for forever. */
static bool tc_bgsave_alone(void) {
  return !tc_threads_others();
}

/* A container's init, or its child (a `sh -c` run as init): when init
 * ends, the kernel ends every process of its PID namespace, a saver too. */
static bool tc_bgsave_under_init(void) {
  return getpid() == 1 || getppid() == 1;
}

bool tc_bgsave_start(void) {
  if (xrun_opt.stats || !tc_persist_pending() || tc_bgsave_under_init() || !tc_bgsave_can_close())
    return false;
  int lock = tc_pdir_writers_lock(LOCK_SH | LOCK_NB); /* else a --cache wait holds it: now */
  if (lock < 0)
    return false;
  void *stack = mmap(NULL, TC_BGSAVE_STACK, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
  if (stack != MAP_FAILED && tc_lock_briefly(&tc_mutex)) {
    tc_bgsave_lock = lock;
    if (tc_bgsave_alone() &&
        clone(tc_bgsave_child, (char *)stack + TC_BGSAVE_STACK, CLONE_VM | SIGCHLD, NULL) > 0)
      return true; /* tc_mutex stays held: the saver works under it */
    pthread_mutex_unlock(&tc_mutex);
  }
  if (stack != MAP_FAILED)
    munmap(stack, TC_BGSAVE_STACK);
  close(lock);
  return false;
}
