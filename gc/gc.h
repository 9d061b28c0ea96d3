/* gc.h - reclaiming translated code.
 *
 *   gc_code_full();   // the code buffer has no room: make some
 *
 * Today the policy is the simplest safe one: drop every translation and start
 * the buffer afresh (tc_flush), after stopping every guest thread outside
 * translated code. Reclaiming less than everything (epochs per block) belongs
 * here too.
 */
#ifndef GC_H
#define GC_H

void gc_code_full(void);

#endif
