/* tc_fp.c - the pending FP exceptions (ir.h) seen from C.
 *
 * While translated code runs, the exceptions its VF* ops raise sit in the
 * host's FP status. The backend moves them to cpu->fp_pending when control
 * returns to the run loop; a helper called from translated code that reads
 * or writes the guest's flags takes them first with xrun_fp_take.
 */
#include <fenv.h>
#include "tc_int.h"
#include "../ir/ir.h"

static const struct {
  int host;
  uint32_t ir;
} tc_fpexc_map[] = {
    {FE_INVALID, IR_FPEXC_INVALID},   {FE_DIVBYZERO, IR_FPEXC_DIVZERO},
    {FE_OVERFLOW, IR_FPEXC_OVERFLOW}, {FE_UNDERFLOW, IR_FPEXC_UNDERFLOW},
    {FE_INEXACT, IR_FPEXC_INEXACT},
};

/* The host's raised exceptions as IR_FPEXC_* bits. */
static uint32_t tc_fpexc_of_host(int raised) {
  uint32_t r = 0;
  for (size_t i = 0; i < sizeof(tc_fpexc_map) / sizeof(tc_fpexc_map[0]); i++)
    if (raised & tc_fpexc_map[i].host)
      r |= tc_fpexc_map[i].ir;
  return r;
}

void xrun_fp_reset(void) {
  if (tc_backend && tc_backend->fp_clear)
    tc_backend->fp_clear();
  else
    feclearexcept(FE_ALL_EXCEPT);
}

void xrun_fp_take(struct cpu *c) {
  int raised = fetestexcept(FE_ALL_EXCEPT);
  if (raised) {
    c->fp_pending |= tc_fpexc_of_host(raised);
    xrun_fp_reset();
  }
}

void xrun_fp_clear(void) {
  if (fetestexcept(FE_ALL_EXCEPT))
    xrun_fp_reset();
}
