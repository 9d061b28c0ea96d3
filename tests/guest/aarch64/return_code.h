/* return_code.h - "return imm" in the machine's own code (movz/ret on arm64,
 * mov/ret on x86-64), for tests whose native build shows what Linux does
 * with code a program writes (smc_madvise_dontneed_code, shm_exec_code). */
#include <stdint.h>
#include <string.h>

/* "return imm" at p, with the cache maintenance arm64 requires. */
static void write_return(unsigned char *p, uint16_t imm) {
#if defined(__aarch64__)
  uint32_t insn[2] = {0x52800000u | (uint32_t)imm << 5, 0xd65f03c0u}; /* movz w0, #imm; ret */
#else
  unsigned char insn[6] = {0xb8, imm & 0xff, imm >> 8, 0, 0, 0xc3}; /* mov eax, imm; ret */
#endif
  memcpy(p, insn, sizeof(insn));
  __builtin___clear_cache((char *)p, (char *)p + sizeof(insn));
}
