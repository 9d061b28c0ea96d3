/* ir_gf2.c - polynomial arithmetic over GF(2): the carry-less multiply
 * (VCLMUL, A64 PMULL, x86 pclmulqdq) and the reflected CRC-32 update (CRC32C,
 * A64 CRC32{C}, x86 crc32). Bit i of a value is the coefficient of x^i.
 *
 *   ir_clmul(3, 3, 64) == 5            // (x + 1)^2 = x^2 + 1
 *   ir_crc32_le(IR_CRC32C_POLY, ~0u, '1', 1)
 */
#include "ir_crypto.h"

unsigned __int128 ir_clmul(uint64_t x, uint64_t y, unsigned bits) {
  unsigned __int128 r = 0;
  for (unsigned i = 0; i < bits; i++)
    if (y >> i & 1)
      r ^= (unsigned __int128)x << i;
  return r;
}

/* The Arm ARM's BitReverse around Poly32Mod2 is this LSB-first form. */
uint32_t ir_crc32_le(uint32_t poly, uint32_t crc, uint64_t data, unsigned bytes) {
  for (unsigned i = 0; i < bytes; i++) {
    crc ^= (uint8_t)(data >> (8 * i));
    for (int k = 0; k < 8; k++)
      crc = (crc >> 1) ^ (poly & -(crc & 1));
  }
  return crc;
}
