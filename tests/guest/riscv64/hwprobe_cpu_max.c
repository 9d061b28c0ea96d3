/* -cpu max presents V as well: riscv_hwprobe's IMA_V (and a vsetvli runs),
 * misaligned vector accesses FAST, v in /proc/cpuinfo's isa line, AT_HWCAP's
 * V bit and AT_MINSIGSTKSZ with room for the V record xrun puts in signal frames (1664:
 * the rt_sigframe of sys_sigframe_rv64.c with
 * __riscv_v_ext_state's 32 registers of 16 bytes and the vector CSRs). The
 * probes are hwprobe_isa_ext.c's. */
// test: qemu-wrong: qemu-riscv64 7.2 has no riscv_hwprobe and no guest /proc/cpuinfo
// test: xrun-flags: -cpu max
#include <sys/auxv.h>
#define main hwprobe_isa_ext_main
#include "hwprobe_isa_ext.c"
#undef main

int main(void) {
  hwprobe_isa_ext_main();
  printf("AT_HWCAP V: %lu\n", getauxval(AT_HWCAP) >> ('V' - 'A') & 1);
  printf("AT_MINSIGSTKSZ: %lu\n", getauxval(51));
  return 0;
}
