/* gc.h - reclaiming translated code.
 *
 *   gc_code_full();   // the code buffer has no room: make some
 *
 * Today the policy is the simplest safe one for a single guest thread: drop
 * every translation and start the buffer afresh (tc_flush). Epoch-based
 * reclamation for several guest threads belongs here too.
 */
#ifndef GC_H
#define GC_H

void gc_code_full(void);

#endif
