/* rv64_fpenv.h - the exact F and D helpers' view of one operation: its
 * operands as host floats, the rounding mode it runs under, and the fflags
 * it raised (rv64_fpops.c computes, rv64_fphelp.c decodes and dispatches). */
#ifndef RV64_FPENV_H
#define RV64_FPENV_H

#include <stdbool.h>
#include <stdint.h>

/* RISC-V rounding modes (unprivileged ISA, table 20.1). */
enum { RV64_RNE, RV64_RTZ, RV64_RDN, RV64_RUP, RV64_RMM, RV64_DYN = 7 };

/* fflags bits. */
enum { RV64_NX = 1, RV64_UF = 2, RV64_OF = 4, RV64_DZ = 8, RV64_NV = 16 };

enum { RV64_CANON_S = 0x7fc00000u };
#define RV64_CANON_D 0x7ff8000000000000ull
#define RV64_BOX     0xffffffff00000000ull

/* Run the host's IEEE arithmetic under rm (RNE RTZ RDN RUP; RMM is rounded
 * as RNE by the caller's choice) with its exception flags cleared; end (of
 * the same rm) returns the fflags raised and puts the host back to
 * round-to-nearest. */
void rv64_fpenv_begin(unsigned rm);
unsigned rv64_fpenv_end(unsigned rm);

/* A binary32 operand from a 64-bit FP register: the canonical NaN unless it
 * is NaN-boxed (upper 32 bits all ones). */
static inline uint32_t rv64_unbox(uint64_t v) {
  return (v >> 32) == 0xffffffffu ? (uint32_t)v : RV64_CANON_S;
}

/* fmt: 0 binary32, 1 binary64. Values travel as register bits (binary32 in
 * the low half, not boxed). */
uint64_t rv64_fp_arith(unsigned op, unsigned fmt, unsigned rm, uint64_t a, uint64_t b, uint64_t c,
                       unsigned *flags);
uint64_t rv64_fp_minmax(bool max, unsigned fmt, uint64_t a, uint64_t b, unsigned *flags);
uint64_t rv64_fp_minmaxm(bool max, unsigned fmt, uint64_t a, uint64_t b, unsigned *flags);
uint64_t rv64_fp_round_int(bool nx, unsigned fmt, unsigned rm, uint64_t a, unsigned *flags);
uint64_t rv64_fp_cvtmod_w(uint64_t a, unsigned *flags);
uint64_t rv64_fp_cmp(unsigned kind, unsigned fmt, uint64_t a, uint64_t b, unsigned *flags);
uint64_t rv64_fp_class(unsigned fmt, uint64_t a);
uint64_t rv64_fp_to_int(unsigned kind, unsigned fmt, unsigned rm, uint64_t a, unsigned *flags);
uint64_t rv64_fp_from_int(unsigned kind, unsigned fmt, unsigned rm, uint64_t x, unsigned *flags);
uint64_t rv64_fp_convert(unsigned to_fmt, unsigned rm, uint64_t a, unsigned *flags);

/* binary16 (rv64_fphalf.c): binary16 to binary32 (to_fmt 0) or binary64
 * (1), register rs as binary16 (unboxed), the operations of fmt H on the
 * state. */
struct rv64_cpu;
uint64_t rv64_fp_from_half(unsigned to_fmt, uint64_t h, unsigned *flags);
uint64_t rv64_hget(const struct rv64_cpu *r, unsigned rs);
void rv64_fp_op_h(struct rv64_cpu *r, uint32_t insn, unsigned rm, unsigned *fl);
void rv64_fp_fused_h(struct rv64_cpu *r, uint32_t insn, unsigned rm, unsigned *fl);

/* rv64_fp_arith's op. */
enum { RV64_FADD, RV64_FSUB, RV64_FMUL, RV64_FDIV, RV64_FSQRT, RV64_FMADD };

#endif
