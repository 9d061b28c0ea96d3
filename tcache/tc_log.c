/* tc_log.c - -d out_asm: host code of a block, disassembled by the system's
 * objdump when it is installed, else as bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "tc_int.h"

static void tc_dump_bytes(const struct tc_block *blk) {
  FILE *f = xrun_log_stream();
  for (uint32_t i = 0; i < blk->code_size; i += 16) {
    fprintf(f, "  %p:", (void *)(blk->code + i));
    for (uint32_t j = i; j < i + 16 && j < blk->code_size; j++)
      fprintf(f, " %02x", blk->code[j]);
    fputc('\n', f);
  }
}

static int tc_objdump(const struct tc_block *blk, const char *machine) {
  char path[] = "/tmp/xrun-out-asm-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0)
    return -1;
  ssize_t n = write(fd, blk->code, blk->code_size);
  close(fd);
  char cmd[256];
  snprintf(cmd, sizeof(cmd),
           "objdump -D -b binary -m %s --adjust-vma=%p %s 2>/dev/null | tail -n +8", machine,
           (void *)blk->code, path);
  FILE *p = n == (ssize_t)blk->code_size ? popen(cmd, "r") : NULL;
  char line[512];
  size_t lines = 0;
  while (p && fgets(line, sizeof(line), p) && ++lines)
    fputs(line, xrun_log_stream());
  int rc = p ? pclose(p) : -1;
  unlink(path);
  return rc == 0 && lines ? 0 : -1;
}

void tc_log_out_asm(const struct tc_block *blk) {
  xrun_log("OUT: guest 0x%llx -> host %p, %u bytes", (unsigned long long)blk->guest_pc,
           (void *)blk->code, blk->code_size);
  if (!tc_backend->objdump_machine || tc_objdump(blk, tc_backend->objdump_machine) != 0)
    tc_dump_bytes(blk);
}
