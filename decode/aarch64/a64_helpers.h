/* a64_helpers.h - private to the AArch64 decoder: the C helpers that
 * translated code calls (through IR CALL) for loads, stores and atomics that
 * do not fit straight-line IR, and for FP/SIMD instructions interpreted on
 * struct a64_cpu.
 *
 *   uint32_t st = ir_call(b, IR_I64, a64_h_stxr[size], addr, value, pc);
 *
 * Every helper that touches guest memory sets cpu->pc to the instruction's
 * pc first, so that a fault inside it is reported at the right guest pc.
 */
#ifndef A64_HELPERS_H
#define A64_HELPERS_H

#include <stdbool.h>
#include <stdint.h>
#include "../../xrun.h"

/* STXR/STLXR of 1 << size bytes: status 0 on success, 1 on failure. */
typedef uint64_t a64_stxr_fn(struct cpu *c, uint64_t addr, uint64_t value, uint64_t pc);
extern a64_stxr_fn *const a64_h_stxr[4];

/* Instruction helpers: uint64_t f(struct cpu *, insn, pc, 0). */
typedef uint64_t a64_insn_helper_fn(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused);
uint64_t a64_h_stxp(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused);
uint64_t a64_h_casp(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused);
uint64_t a64_h_ldst_struct(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused);

/* Decode checks shared by the trans_ functions and the helpers. */
bool a64_struct_multi_ok(uint32_t insn);
bool a64_struct_single_ok(uint32_t insn);

struct a64_ctx;
/* Scalar FP (a64_fp.c): the classes with bits 28:25 = 1111 and bit 30 = 0. */
bool a64_trans_fp(struct a64_ctx *s, uint32_t insn);
/* VFPExpandImm: the FMOV immediate imm8 as single (ftype 0) or double bits. */
uint64_t a64_vfp_expand_imm(unsigned imm8, unsigned ftype);

#endif
