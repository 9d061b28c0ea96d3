/* tc_int.h - private to tcache: the code buffer and the block map. */
#ifndef TC_INT_H
#define TC_INT_H

#include <pthread.h>
#include <setjmp.h>
#include "tcache.h"

extern const struct backend *tc_backend;
extern const struct guest *tc_guest;
extern struct tc_buf tc_code;             /* the whole executable buffer */
extern uint64_t tc_generation;            /* bumped by every flush */
extern __thread struct cpu *tc_current;   /* the guest thread running on this host thread */
extern __thread volatile int tc_in_guest; /* inside translated code or its helpers */

void tc_buf_init(size_t size);
void tc_buf_reset(void);

void tc_map_init(void);
struct tc_block *tc_lookup(uint64_t pc);
struct tc_block *tc_block_alloc(uint32_t pcmap_cap);
void tc_block_commit(struct tc_block *blk);
void tc_block_discard(struct tc_block *blk);
void tc_map_clear(void);

/* Translate the block at pc; NULL if the guest code at pc cannot be read
 * (cpu->trap_signal is then set to SIGSEGV). */
struct tc_block *tc_translate(struct cpu *c, uint64_t pc);
/* Decode and optimize one block into b; returns 0, or -1 if pc was unreadable. */
int tc_decode(struct ir_block *b, uint64_t pc);

void tc_chain(struct tc_exit *e, struct tc_block *to);
void tc_unchain_all(struct tc_block *blk);

/* Set while decoding: a fault reading guest code jumps back here. */
extern __thread sigjmp_buf *tc_decode_jmp;

/* Threads (tc_threads.c). */
extern pthread_mutex_t tc_mutex, tc_chain_lock;
extern pthread_rwlock_t tc_code_lock;
void tc_threads_init(void);
void tc_thread_enter(struct cpu *c);
void tc_thread_leave(struct cpu *c);
void tc_clear_jump_caches(void);
void tc_stop_world(void);
void tc_start_world(void);
void tc_yield_code(void);

/* Speculation that failed (tc_deopt.c) and the host FP status (tc_fp.c). */
void tc_deopt(struct cpu *c);
void tc_fp_clear(void);

void tc_fault_init(void);
void tc_log_out_asm(const struct tc_block *blk);
/* The run loop's resume point: a host fault handler that has set up a guest
 * signal jumps back here. */
extern __thread sigjmp_buf tc_resume;

#endif
