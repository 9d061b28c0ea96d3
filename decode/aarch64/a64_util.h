/* a64_util.h - decode helpers shared by the A64 trans_ files (operand
 * shifts and extends, DecodeBitMasks, add/sub with flags). The trans_
 * functions of a64.decode are declared in the generated a64_decode.gen.h.
 *
 *   uint64_t wmask, tmask;
 *   if (!a64_decode_bit_masks(n, imms, immr, true, sf, &wmask, &tmask))
 *     return false;                      // reserved encoding: SIGILL
 *   uint32_t y = a64_shift_imm(s, sf, a64_rd(s, rm, sf, false), A64_SHIFT_LSR, 3);
 */
#ifndef A64_UTIL_H
#define A64_UTIL_H

#include "a64.h"

/* a64_decode.c: append IR for the block at pc (a64_guest.decode_block). */
void a64_decode_block(struct ir_block *b, uint64_t pc);
/* The registers as gdb numbers them (a64_gdb.c). */
extern const struct guest_gdb a64_gdb;

/* ShiftType (Arm ARM J1.1.3 DecodeShift). */
enum a64_shift { A64_SHIFT_LSL, A64_SHIFT_LSR, A64_SHIFT_ASR, A64_SHIFT_ROR };

/* DecodeBitMasks (Arm ARM J1.1.3) for a datasize of 64 (sf) or 32 bits.
 * Returns false for a reserved encoding. */
bool a64_decode_bit_masks(unsigned n, unsigned imms, unsigned immr, bool immediate, int sf,
                          uint64_t *wmask, uint64_t *tmask);
/* v shifted by a constant amount (0 returns v). */
uint32_t a64_shift_imm(struct a64_ctx *s, int sf, uint32_t v, enum a64_shift type, unsigned amount);
/* ExtendReg(rm, option, shift) (Arm ARM C6.2.5) in the operation width. */
uint32_t a64_extend_reg(struct a64_ctx *s, int sf, unsigned rm, unsigned option, unsigned shift);
/* Rd = x +/- y (Rd 31: SP where rd_sp, else ZR, no result at all), the
 * flags too where setflags. */
void a64_add_sub(struct a64_ctx *s, int sf, bool sub, bool setflags, uint32_t x, uint32_t y,
                 unsigned rd, bool rd_sp);
/* The carry flag as a 0/1 value of the operation width. */
uint32_t a64_carry(struct a64_ctx *s, int sf);
/* Width-typed shift helpers that skip a shift by zero. */
uint32_t a64_shl(struct a64_ctx *s, int sf, uint32_t v, unsigned n);
uint32_t a64_shr(struct a64_ctx *s, int sf, uint32_t v, unsigned n);
uint32_t a64_sar(struct a64_ctx *s, int sf, uint32_t v, unsigned n);

/* Helpers called from translated code (public for tests). */
uint64_t a64_helper_crc32(struct cpu *c, uint64_t acc, uint64_t val, uint64_t bytes);
uint64_t a64_helper_crc32c(struct cpu *c, uint64_t acc, uint64_t val, uint64_t bytes);
uint64_t a64_helper_cntvct(struct cpu *c, uint64_t a, uint64_t b, uint64_t d);

#endif
