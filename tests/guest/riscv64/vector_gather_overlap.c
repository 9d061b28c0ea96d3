/* vrgather.vv and vrgatherei16.vv (RVV 1.0, 16.4): the destination group may
 * overlap neither source group, not even where the index group of
 * vrgatherei16 (EMUL = 16 / SEW * LMUL) is smaller than the destination and
 * lies in its highest registers (the exception of widening instructions does
 * not apply); the index group must be aligned to its EMUL. Each case runs
 * under a SIGILL handler and prints the first element of the destination,
 * every source element being gathered from element 0. */
// test: guest-only: RVV inline assembly
// test: cflags: -march=rv64gcv
// test: qemu-flags: -cpu rv64,v=true,vlen=128,elen=64,vext_spec=v1.0
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static sigjmp_buf back;

static void on_ill(int sig) {
  (void)sig;
  siglongjmp(back, 1);
}

/* Every register: v16.. the data (element 0 = 0x11 in each byte), the rest
 * zero, so every index is 0. */
static void fill(void) {
  __asm__ volatile("li t0, 128\n"
                   "vsetvli zero, t0, e8, m8, ta, ma\n"
                   "vmv.v.i v0, 0\n vmv.v.i v8, 0\n vmv.v.i v24, 0\n"
                   "li t1, 0x11\n vmv.v.x v16, t1" ::
                       : "t0", "t1", "memory");
}

#define GATHER(name, vtype, insn)                                                                  \
  do {                                                                                             \
    uint64_t first = 0;                                                                            \
    fill();                                                                                        \
    if (sigsetjmp(back, 1)) {                                                                      \
      printf("%-44s SIGILL\n", name);                                                              \
      break;                                                                                       \
    }                                                                                              \
    __asm__ volatile("li t0, 4\n vsetvli zero, t0, " vtype ", ta, ma\n" insn "\n"                  \
                     "vmv.x.s %0, v0"                                                              \
                     : "=r"(first)                                                                 \
                     :                                                                             \
                     : "t0", "memory");                                                            \
    printf("%-44s vd[0] = %#llx\n", name, (unsigned long long)first);                              \
  } while (0)

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_handler = on_ill;
  sigaction(SIGILL, &sa, NULL);
  /* index group v4-v7 in the destination's v0-v7: reserved */
  GATHER("e32,m8 vrgatherei16.vv v0, v16, v4", "e32, m8", "vrgatherei16.vv v0, v16, v4");
  /* index group v4-v7 next to the destination's v0-v3 */
  GATHER("e16,m4 vrgatherei16.vv v0, v16, v4", "e16, m4", "vrgatherei16.vv v0, v16, v4");
  /* index EMUL 8: v4 is not aligned to it */
  GATHER("e8,m4 vrgatherei16.vv v0, v16, v4", "e8, m4", "vrgatherei16.vv v0, v16, v4");
  /* index EMUL 1/4 (e64, m1): one register, apart */
  GATHER("e64,m1 vrgatherei16.vv v0, v16, v3", "e64, m1", "vrgatherei16.vv v0, v16, v3");
  /* index v0-v7 below a destination v8-v15 */
  GATHER("e16,m8 vrgatherei16.vv v8, v16, v0 (vd v8)", "e16, m8",
         "vrgatherei16.vv v8, v16, v0\n vmv.v.v v0, v8");
  /* vrgather.vv: the index group is the destination's size */
  GATHER("e32,m8 vrgather.vv v0, v16, v8", "e32, m8", "vrgather.vv v0, v16, v8");
  GATHER("e32,m4 vrgather.vv v0, v16, v0", "e32, m4", "vrgather.vv v0, v16, v0");
  return 0;
}
