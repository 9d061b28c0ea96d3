/* rv64_valu.h - the element operations of V's integer instructions
 * (rv64_valu.c), shared by the single-width, widening and reduction
 * loops. */
#ifndef RV64_VALU_H
#define RV64_VALU_H

#include <stdbool.h>
#include <stdint.h>

enum rv64_valu_op {
  RV64_VADD,
  RV64_VSUB,
  RV64_VRSUB,
  RV64_VMINU,
  RV64_VMIN,
  RV64_VMAXU,
  RV64_VMAX,
  RV64_VAND,
  RV64_VOR,
  RV64_VXOR,
  RV64_VSLL,
  RV64_VSRL,
  RV64_VSRA,
  RV64_VMUL,
  RV64_VMULH,
  RV64_VMULHU,
  RV64_VMULHSU,
  RV64_VDIVU,
  RV64_VDIV,
  RV64_VREMU,
  RV64_VREM,
  RV64_VNONE
};

uint64_t rv64_valu(unsigned op, uint64_t a, uint64_t b, unsigned eew);
bool rv64_vcmp(unsigned kind, uint64_t a, uint64_t b, unsigned eew);

#endif
