/* The V state in the riscv64 signal frame (Linux's arch/riscv/kernel/
 * signal.c): a thread that has run no vector instruction gets frames with
 * only the end record after the FP state; one that has gets the V record
 * there (RISCV_V_MAGIC, size 568: the header, struct __sc_riscv_v_state
 * with vstart, vl, vtype, vcsr, vlenb and datap, then 32 * vlenb bytes of
 * registers at datap, 16-byte aligned) and the end record after it, and
 * rt_sigreturn restores the registers from datap and the CSRs from the
 * record. qemu-riscv64 7.2 writes no V state into its frames; the expected
 * output was checked line by line against the kernel's layout and
 * save_v_state/__restore_v_state (vtype 50: e32, m1, ta; vcsr 5: vxrm 2,
 * vxsat 1; size 8 + 48 + 512). */
// test: guest-only: RVV inline assembly
// test: qemu-wrong: qemu 7.2 puts no V state in signal frames
// test: cflags: -march=rv64gcv
// test: qemu-flags: -cpu rv64,v=true,vlen=128,elen=64,vext_spec=v1.0
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

struct v_record {
  uint32_t magic, size;
  uint64_t vstart, vl, vtype, vcsr, vlenb, datap;
};

static int changes;

static void on_usr1(int sig, siginfo_t *si, void *ucp) {
  (void)sig, (void)si;
  ucontext_t *uc = ucp;
  uint8_t *hdr = (uint8_t *)&uc->uc_mcontext.__fpregs + sizeof(uc->uc_mcontext.__fpregs) - 8;
  uint32_t reserved, magic, size;
  memcpy(&reserved, hdr - 4, 4);
  memcpy(&magic, hdr, 4);
  memcpy(&size, hdr + 4, 4);
  printf("reserved %u magic %08x size %u\n", reserved, magic, size);
  if (magic != 0x53465457)
    return;
  struct v_record v;
  memcpy(&v, hdr, sizeof v);
  printf("vstart %lu vl %lu vtype %lx vcsr %lx vlenb %lu datap at hdr+%ld, %s\n",
         (unsigned long)v.vstart, (unsigned long)v.vl, (unsigned long)v.vtype,
         (unsigned long)v.vcsr, (unsigned long)v.vlenb, (long)((uint8_t *)v.datap - hdr),
         v.datap % 16 ? "misaligned" : "16-byte aligned");
  uint8_t *regs = (uint8_t *)v.datap;
  printf("v1 in the frame:");
  for (int i = 0; i < 16; i++)
    printf(" %02x", regs[16 + i]);
  printf("\nend record: %08x %08x\n", *(uint32_t *)(hdr + size), *(uint32_t *)(hdr + size + 4));
  if (changes) { /* the frame's v1 and vxrm come back; the live ones do not matter */
    memset(regs + 16, 0x77, 16);
    v.vcsr = 3 << 1;
    memcpy(hdr, &v, sizeof v);
    __asm__ volatile("vsetivli zero, 2, e8, m1, tu, mu\n vmv.v.i v1, 0\n csrwi vxrm, 0");
  }
}

static void show_live(void) {
  uint8_t buf[16];
  unsigned long vl, vtype, vxrm;
  __asm__ volatile("csrr %0, vl\n csrr %1, vtype\n csrr %2, vxrm\n vs1r.v v1, (%3)"
                   : "=r"(vl), "=r"(vtype), "=r"(vxrm)
                   : "r"(buf)
                   : "memory");
  printf("after the handler: vl %lu vtype %lx vxrm %lu v1:", vl, vtype, vxrm);
  for (int i = 0; i < 16; i++)
    printf(" %02x", buf[i]);
  printf("\n");
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_usr1;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGUSR1, &sa, NULL);
  raise(SIGUSR1); /* no vector instruction yet */
  uint32_t init[4] = {0x11111111, 0x22222222, 0x33333333, 0x44444444};
  __asm__ volatile("vsetivli zero, 3, e32, m1, ta, mu\n vle32.v v1, (%0)\n csrwi vxrm, 2\n"
                   "csrwi vxsat, 1" ::"r"(init)
                   : "memory");
  raise(SIGUSR1);
  show_live();
  changes = 1;
  raise(SIGUSR1);
  show_live();
  return 0;
}
