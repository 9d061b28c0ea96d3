/* smc_dual_map_rewrite.c - W^X by two views of one memfd page, as JITs that
 * never make a page writable and executable at once do: the code is written
 * through the RW view, the cache maintenance (__builtin___clear_cache) is
 * done on one of the two views, and the RX view is called; 1,000 rewrites
 * with the maintenance on the RX view, then 1,000 with it on the RW view.
 * Arm maintains the instruction cache by physical line, so both must run the
 * new code. No mprotect or mmap happens between a write and the call. */
// test: arm-only: A64 instruction words written at run time
// test: qemu-wrong: qemu-aarch64 runs the old code at the RX view whichever view the maintenance is
// on (1 of 1000 each): it notices code writes by page protection, and these go through the other
// mapping; on Arm hardware every call sees the new code, and the program checks each return value
// itself
#define _GNU_SOURCE /* memfd_create */
#include <unistd.h>
#include "smc_common.h"

/* 1,000 rewrites, each synced through the view sync; how many calls saw the new code. */
static int rewrites(uint32_t *rw, uint32_t *rx, uint32_t *sync) {
  smc_fn fn = (smc_fn)(uintptr_t)rx;
  int good = 0;
  for (uint32_t i = 0; i < 1000; i++) {
    uint32_t imm = (i * 3251 + 9) & 0xffff;
    smc_write_const(rw, imm);
    smc_sync(sync, 2);
    good += fn() == (int)imm;
  }
  return good;
}

int main(void) {
  int fd = memfd_create("jit", 0);
  if (fd < 0 || ftruncate(fd, 4096))
    return 2;
  uint32_t *rw = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  uint32_t *rx = mmap(NULL, 4096, PROT_READ | PROT_EXEC, MAP_SHARED, fd, 0);
  if (rw == MAP_FAILED || rx == MAP_FAILED)
    return 2;
  int via_rx = rewrites(rw, rx, rx), via_rw = rewrites(rw, rx, rw);
  printf("maintenance on the RX view: %d of 1000 calls returned the new constant\n", via_rx);
  printf("maintenance on the RW view: %d of 1000 calls returned the new constant\n", via_rw);
  return via_rx == 1000 && via_rw == 1000 ? 0 : 1;
}
