/* atomics_outline.c - the atomics workout with GCC's default outline atomics:
 * each atomic calls a libgcc helper that picks LSE or exclusives at run time
 * from AT_HWCAP, so this checks that the advertised hwcaps are truthful. */
// test: cflags: -moutline-atomics
#include "atomics_common.h"
