/* V loads and stores that fault (RVV 1.0, chapter 7): a unit-stride load,
 * a store, a strided load, an indexed load and a whole-register load that
 * reach an inaccessible page take SIGSEGV at the instruction with vstart
 * naming the faulting element, the elements before it done and the rest
 * untouched; masked-off elements never fault; a fault-only-first load whose
 * element 0 faults takes SIGSEGV, and one whose later element would fault
 * trims vl to it instead (7.7), vl unchanged when element 0 faults. The
 * signal handler reads vstart, which the kernel leaves as the trap set it;
 * a handler that makes the page accessible and returns has the load go on
 * from vstart. */
// test: guest-only: RVV inline assembly
// test: cflags: -march=rv64gcv
// test: qemu-flags: -cpu rv64,v=true,vlen=128,elen=64,vext_spec=v1.0
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static sigjmp_buf back;
static volatile long fault_off, fault_vstart;
static uint8_t *page; /* two pages: the second is PROT_NONE */
static long pagesz;

static volatile int resume; /* the handler makes the page accessible and returns */

static void on_segv(int sig, siginfo_t *si, void *uc) {
  (void)sig, (void)uc;
  long vs;
  __asm__ volatile("csrr %0, vstart" : "=r"(vs));
  fault_vstart = vs;
  fault_off = (uint8_t *)si->si_addr - (page + pagesz);
  if (resume) {
    mprotect(page + pagesz, pagesz, PROT_READ | PROT_WRITE);
    for (long i = 0; i < 6; i++) {
      page[pagesz + i] = (uint8_t)(0xa0 + i);
      page[pagesz - 6 + i] = 0x11; /* elements 0..5: already loaded */
    }
    return;
  }
  siglongjmp(back, 1);
}

static void report(const char *what, int faulted) {
  if (faulted)
    printf("%s: SIGSEGV at page+%ld, vstart %ld\n", what, fault_off, fault_vstart);
  else
    printf("%s: no fault\n", what);
  __asm__ volatile("csrw vstart, zero");
}

/* v8..v15 as bytes (vs8r.v: whole registers, any vtype). */
static void dump_v8(const char *what, int n) {
  uint8_t buf[128];
  __asm__ volatile("vs8r.v v8, (%0)" ::"r"(buf) : "memory");
  printf("%s:", what);
  for (int i = 0; i < n; i++)
    printf(" %02x", buf[i]);
  printf("\n");
}

static void fill_v8(void) {
  uint8_t buf[128];
  memset(buf, 0xee, sizeof buf);
  __asm__ volatile("vl8re8.v v8, (%0)" ::"r"(buf) : "memory");
}

/* The load restarts at vstart once the handler returns: the elements
 * before it are not loaded again (their memory changes in between here). */
static void restart(void) {
  fill_v8();
  uint8_t *p = page + pagesz - 6;
  resume = 1;
  fault_off = fault_vstart = -1;
  __asm__ volatile("vsetivli zero, 12, e8, m1, tu, mu\n vle8.v v8, (%0)" ::"r"(p) : "memory");
  printf("vle8.v restarted after the handler: fault at page+%ld, vstart %ld\n", fault_off,
         fault_vstart);
  dump_v8("  v8", 16);
  resume = 0;
}

static void unit_load(void) {
  fill_v8();
  uint8_t *p = page + pagesz - 10;
  int f = sigsetjmp(back, 1);
  if (!f)
    __asm__ volatile("vsetivli zero, 24, e8, m2, tu, mu\n vle8.v v8, (%0)" ::"r"(p) : "memory");
  report("vle8.v across the page end", f);
  dump_v8("  v8", 24);
}

static void unit_store(void) {
  uint8_t src[32];
  for (int i = 0; i < 32; i++)
    src[i] = (uint8_t)(i + 1);
  uint8_t *p = page + pagesz - 12;
  memset(p, 0, 12);
  int f = sigsetjmp(back, 1);
  if (!f)
    __asm__ volatile(
        "vsetivli zero, 8, e32, m2, tu, mu\n vle32.v v8, (%0)\n vse32.v v8, (%1)" ::"r"(src), "r"(p)
        : "memory");
  report("vse32.v across the page end", f);
  printf("  memory:");
  for (int i = 0; i < 12; i++)
    printf(" %02x", p[i]);
  printf("\n");
}

static void strided_load(void) {
  fill_v8();
  uint8_t *p = page + pagesz - 3 * 40 - 4;
  int f = sigsetjmp(back, 1);
  if (!f)
    __asm__ volatile("vsetivli zero, 6, e64, m4, tu, mu\n vlse64.v v8, (%0), %1" ::"r"(p), "r"(40L)
                     : "memory");
  report("vlse64.v stride 40", f);
  dump_v8("  v8", 48);
}

static void indexed_load(void) {
  fill_v8();
  uint16_t idx[8] = {0, 2, 4, 6, 8, 100, 10, 12};
  uint8_t *p = page + pagesz - 64;
  int f = sigsetjmp(back, 1);
  if (!f)
    __asm__ volatile("vsetivli zero, 8, e16, m1, tu, mu\n vle16.v v1, (%1)\n"
                     "vluxei16.v v8, (%0), v1" ::"r"(p),
                     "r"(idx)
                     : "memory");
  report("vluxei16.v, index 5 past the end", f);
  dump_v8("  v8", 16);
}

static void whole_load(void) {
  fill_v8();
  uint8_t *p = page + pagesz - 20;
  int f = sigsetjmp(back, 1);
  if (!f)
    __asm__ volatile("vl2re32.v v8, (%0)" ::"r"(p) : "memory");
  report("vl2re32.v across the page end", f);
  dump_v8("  v8", 32);
}

/* Elements 4..7 would cross into the inaccessible page, but are masked off. */
static void masked_load(void) {
  fill_v8();
  uint8_t mask = 0x0f;
  uint8_t *p = page + pagesz - 16;
  int f = sigsetjmp(back, 1);
  if (!f)
    __asm__ volatile("vsetivli zero, 8, e32, m2, tu, mu\n vlm.v v0, (%1)\n"
                     "vle32.v v8, (%0), v0.t" ::"r"(p),
                     "r"(&mask)
                     : "memory");
  report("vle32.v, the elements past the end masked off", f);
  dump_v8("  v8", 32);
}

static void first_only(long back_off, const char *what) {
  fill_v8();
  uint8_t *p = page + pagesz - back_off;
  long vl = -1;
  int f = sigsetjmp(back, 1);
  if (!f)
    __asm__ volatile("vsetivli zero, 24, e8, m2, tu, mu\n vle8ff.v v8, (%1)\n csrr %0, vl"
                     : "=r"(vl)
                     : "r"(p)
                     : "memory");
  report(what, f);
  __asm__ volatile("csrr %0, vl" : "=r"(vl));
  printf("  vl %ld\n", vl);
  dump_v8("  v8", 24);
}

int main(void) {
  pagesz = sysconf(_SC_PAGESIZE);
  page = mmap(NULL, 2 * pagesz, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  for (long i = 0; i < pagesz; i++)
    page[i] = (uint8_t)(i * 7 + 3);
  mprotect(page + pagesz, pagesz, PROT_NONE);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);
  unit_load();
  unit_store();
  strided_load();
  indexed_load();
  whole_load();
  masked_load();
  first_only(0, "vle8ff.v, element 0 faults");
  first_only(10, "vle8ff.v, element 10 would fault");
  restart();
  return 0;
}
