/* atomics_llsc.c - the atomics workout built for ARMv8.0 without outline
 * atomics, so every atomic is an LDXR/STXR (or LDAXR/STLXR, LDXP/STXP)
 * exclusive loop inline. */
// test: cflags: -march=armv8-a -mno-outline-atomics
#include "atomics_common.h"
