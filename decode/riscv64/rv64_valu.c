/* rv64_valu.c - one element of the single-width integer operations of V
 * (spec chapters 11.1..11.11 and 11.13): a is vs2's element, b vs1's, the
 * scalar or the immediate, each of SEW bits (eew, log2 bytes); the result
 * is truncated to SEW. Division by zero and the signed overflow give what
 * the scalar M instructions give (chapter 11.11). */
#include "rv64_valu.h"
#include "rv64_vec.h"

static uint64_t rv64_vmulh(unsigned op, uint64_t a, uint64_t b, unsigned eew) {
  unsigned bits = 8u << eew;
  __int128 sa = rv64_vsext(a, eew), sb = rv64_vsext(b, eew);
  __int128 p = op == RV64_VMULHU    ? (__int128)((unsigned __int128)a * b)
               : op == RV64_VMULHSU ? sa * (__int128)(unsigned __int128)b
                                    : sa * sb;
  return (uint64_t)(p >> bits);
}

static uint64_t rv64_vdiv(unsigned op, uint64_t a, uint64_t b, unsigned eew) {
  int64_t sa = rv64_vsext(a, eew), sb = rv64_vsext(b, eew);
  bool ovf = sb == -1 && sa == rv64_vsext(1ull << ((8u << eew) - 1), eew);
  switch (op) {
  case RV64_VDIVU: return b ? a / b : ~0ull;
  case RV64_VREMU: return b ? a % b : a;
  case RV64_VDIV: return !sb ? ~0ull : ovf ? (uint64_t)sa : (uint64_t)(sa / sb);
  default: return !sb ? (uint64_t)sa : ovf ? 0 : (uint64_t)(sa % sb);
  }
}

static uint64_t rv64_valu_raw(unsigned op, uint64_t a, uint64_t b, unsigned eew) {
  int64_t sa = rv64_vsext(a, eew), sb = rv64_vsext(b, eew);
  unsigned sh = (unsigned)b & ((8u << eew) - 1);
  switch (op) {
  case RV64_VADD: return a + b;
  case RV64_VSUB: return a - b;
  case RV64_VRSUB: return b - a;
  case RV64_VMINU: return a < b ? a : b;
  case RV64_VMIN: return sa < sb ? a : b;
  case RV64_VMAXU: return a > b ? a : b;
  case RV64_VMAX: return sa > sb ? a : b;
  case RV64_VAND: return a & b;
  case RV64_VOR: return a | b;
  case RV64_VXOR: return a ^ b;
  case RV64_VSLL: return a << sh;
  case RV64_VSRL: return a >> sh;
  case RV64_VSRA: return (uint64_t)(sa >> sh);
  case RV64_VMUL: return a * b;
  case RV64_VMULH:
  case RV64_VMULHU:
  case RV64_VMULHSU: return rv64_vmulh(op, a, b, eew);
  default: return rv64_vdiv(op, a, b, eew);
  }
}

uint64_t rv64_valu(unsigned op, uint64_t a, uint64_t b, unsigned eew) {
  return rv64_vtrunc(rv64_valu_raw(op, a, b, eew), eew);
}

/* vs2 < vs1 and the like: kind is funct6 & 7 of vmseq..vmsgt. */
bool rv64_vcmp(unsigned kind, uint64_t a, uint64_t b, unsigned eew) {
  int64_t sa = rv64_vsext(a, eew), sb = rv64_vsext(b, eew);
  switch (kind) {
  case 0: return a == b;
  case 1: return a != b;
  case 2: return a < b;
  case 3: return sa < sb;
  case 4: return a <= b;
  case 5: return sa <= sb;
  case 6: return a > b;
  default: return sa > sb;
  }
}
