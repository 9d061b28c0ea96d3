/* tc_ras.c - emptying the per-thread return-address stack (tcache.h). An
 * entry is code that checks the guest pc it is given, so a wrong one only
 * costs the jump-cache probe it falls back to; but it must be code. Entries
 * are addresses in the code buffer, so the stack is emptied before this
 * thread runs translated code again once the buffer may have been reused:
 * a reclamation began since it was last emptied (its epoch: a thread
 * offline in a system call meanwhile passed no quiescent state), the
 * process forked (the child's buffer is its own) or exec'd.
 */
#include "tc_int.h"
#include "../gc/gc.h"

void tc_ras_reset(struct cpu *c) {
  const void *miss = tc_backend->ras_miss ? tc_backend->ras_miss() : NULL;
  for (unsigned i = 0; i < CPU_RAS_SIZE; i++)
    c->ras[i] = miss;
  c->ras_epoch = __atomic_load_n(&gc_epoch, __ATOMIC_ACQUIRE);
}
