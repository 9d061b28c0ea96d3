/* sys_peer.c - the process whose /proc files the guest opened, as the guest
 * sees it: this process, or another that runs this same xrun binary (a
 * guest's child or parent). What the host's maps do not say (xrun's own
 * memory, where the guest's stack, break and vDSO are, its arguments and
 * auxv) each process publishes in its own memory, in struct sys_pub and in
 * tcache's table of its own ranges. Another process finds them at the same
 * offsets from its image of xrun (the same binary), reads them from
 * /proc/PID/mem (the PID of the path, which process_vm_readv would take in
 * another PID namespace), and retries while their sequence counts say they
 * change. Nothing of this is done at start: only a reader pays. */
#define _GNU_SOURCE
#include <elf.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include "sys_int.h"
#include "../tcache/tc_fork.h"

struct sys_pub sys_pub;
static pthread_mutex_t sys_pub_lock = PTHREAD_MUTEX_INITIALIZER;

/* The first byte of xrun's image: the ELF header, at the start of its
 * first mapping. */
extern const char __ehdr_start[];

void sys_pub_begin(void) {
  static bool forks; /* first called at start, with no other thread */
  if (!forks)
    forks = true, tc_fork_lock_add(&sys_pub_lock); /* a fork never inherits it held */
  pthread_mutex_lock(&sys_pub_lock);
  __atomic_store_n(&sys_pub.seq, sys_pub.seq + 1, __ATOMIC_RELAXED);
  __atomic_thread_fence(__ATOMIC_RELEASE); /* odd before any field changes */
}

void sys_pub_end(void) {
  __atomic_store_n(&sys_pub.seq, sys_pub.seq + 1, __ATOMIC_RELEASE);
  pthread_mutex_unlock(&sys_pub_lock);
}

void sys_pub_set(uint64_t *field, uint64_t value) {
  sys_pub_begin();
  *field = value;
  sys_pub_end();
}

/* Reads [at, at+len) of the peer p; false unless all of it was read. */
static bool sys_peer_read(const struct sys_proc *p, void *dst, uint64_t at, size_t len) {
  size_t n = 0;
  ssize_t k = 1;
  while (n < len && at + n < INT64_MAX &&
         (k = pread(p->mem, (char *)dst + n, len - n, (off_t)(at + n))) > 0)
    n += (size_t)k;
  return n == len;
}

/* tc_peek_fn for a peer: src is where this process has the same variable. */
static bool sys_peer_peek(void *ctx, void *dst, const void *src, size_t len) {
  const struct sys_proc *p = ctx;
  return sys_peer_read(p, dst, (uintptr_t)src + (uint64_t)p->delta, len);
}

bool sys_proc_read_guest(const struct sys_proc *p, void *dst, uint64_t at, size_t len) {
  return p->pid ? sys_peer_read(p, dst, at, len) : !sys_copy_in(dst, at, len);
}

/* True if the peer's exe is the file this process runs (st: its stat). */
static bool sys_peer_same_exe(const struct sys_proc *p, struct stat *st) {
  char exe[64];
  struct stat other;
  snprintf(exe, sizeof(exe), "%sexe", p->dir);
  return !stat("/proc/self/exe", st) && !stat(exe, &other) && other.st_dev == st->st_dev &&
         other.st_ino == st->st_ino;
}

/* Where the peer has the start of the file st (its first mapping at offset
 * 0), from its host maps; 0 if nowhere. */
static uint64_t sys_peer_base(const struct sys_proc *p, const struct stat *st) {
  char path[64], line[4096];
  uint64_t base = 0;
  snprintf(path, sizeof(path), "%smaps", p->dir);
  FILE *f = fopen(path, "re");
  while (f && !base && fgets(line, sizeof(line), f)) {
    unsigned long long lo, off, ino;
    unsigned maj, min;
    if (sscanf(line, "%llx-%*x %*s %llx %x:%x %llu", &lo, &off, &maj, &min, &ino) == 5 &&
        off == 0 && ino == st->st_ino && maj == major(st->st_dev) && min == minor(st->st_dev))
      base = lo;
  }
  if (f)
    fclose(f);
  return base;
}

/* One try at the peer's sys_pub: false if it changed meanwhile. */
static bool sys_peer_pub_once(struct sys_proc *p) {
  unsigned again;
  return sys_peer_peek(p, &p->pub, &sys_pub, sizeof(p->pub)) && !(p->pub.seq & 1) &&
         sys_peer_peek(p, &again, &sys_pub.seq, sizeof(again)) && again == p->pub.seq;
}

/* The peer's published view, if it runs this same xrun. */
static bool sys_peer_load(struct sys_proc *p) {
  char mem[64];
  struct stat st;
  uint64_t base;
  if (!sys_peer_same_exe(p, &st) || !(base = sys_peer_base(p, &st)))
    return false;
  snprintf(mem, sizeof(mem), "%smem", p->dir);
  if ((p->mem = open(mem, O_RDONLY | O_CLOEXEC)) < 0)
    return false;
  p->delta = (int64_t)(base - (uintptr_t)__ehdr_start);
  for (int tries = 0; tries < 100; tries++)
    if (sys_peer_pub_once(p))
      return tc_own_snapshot(&p->own, sys_peer_peek, p);
  return false;
}

bool sys_proc_load(struct sys_proc *p, int pid) {
  memset(p, 0, sizeof(*p));
  p->pid = pid;
  p->mem = -1;
  snprintf(p->dir, sizeof(p->dir), pid ? "/proc/%d/" : "/proc/self/", pid);
  if (pid)
    return sys_peer_load(p);
  pthread_mutex_lock(&sys_pub_lock);
  p->pub = sys_pub;
  pthread_mutex_unlock(&sys_pub_lock);
  return tc_own_snapshot(&p->own, NULL, NULL);
}

void sys_proc_free(struct sys_proc *p) {
  tc_own_view_free(&p->own);
  if (p->mem >= 0)
    close(p->mem);
}
