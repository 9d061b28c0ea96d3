/* atomics_lse.c - the atomics workout built for ARMv8.1, so atomics are LSE
 * instructions inline: LDADD, LDEOR, LDSET, LDCLR, SWP, CAS, CASP. */
// test: cflags: -march=armv8.1-a
#include "atomics_common.h"
