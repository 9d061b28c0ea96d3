/* tc_int.h - private to tcache: the code buffer and the block map. */
#ifndef TC_INT_H
#define TC_INT_H

#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include "tcache.h"
#include "tc_fork.h"

extern const struct backend *tc_backend;
extern const struct guest *tc_guest;
extern struct tc_buf tc_code; /* the whole executable buffer */
/* Right after the shared code: where tc_translate_again writes the code it
 * saves, one block at a time (never run; the regions start after it). */
extern struct tc_buf tc_again;
enum { TC_AGAIN_SCRATCH = 64 << 10 };
extern size_t tc_code_shared;  /* bytes of the backend's shared code at its start */
extern uint8_t *tc_code_top;   /* the end of the whole buffer (tc_code.end: of the region) */
extern uint64_t tc_generation; /* bumped whenever blocks are dropped for room */
extern __thread struct cpu *tc_current;   /* the guest thread running on this host thread */
extern __thread volatile int tc_in_guest; /* inside translated code or its helpers */

void tc_buf_init(size_t size);
void tc_buf_populate(void); /* after code was added: keep the pages ahead present */
/* In a forked child (tc_threads.c): a code buffer of its own, empty but for
 * the shared code, and no blocks. */
void tc_buf_fork_child(void);
void tc_regions_forked(void);
/* A new program (tc_new_image): no blocks, their memory freed. */
void tc_regions_reset(void);

void tc_map_init(void);
struct tc_block *tc_lookup(uint64_t pc);
/* A block with room for pcmap_cap pcmap entries and max_exits exits (at
 * most TC_MAX_EXITS; as many as it can have: a block loaded from the
 * persistent cache its own count, a new one its IR's direct exits; most
 * have one or two). */
struct tc_block *tc_block_alloc(uint32_t pcmap_cap, uint32_t max_exits);
void tc_block_commit(struct tc_block *blk);
/* Around a translation's reads of guest code, up to its commit (tc_mutex
 * held): tc_invalidate, which runs without it, then waits for the block. */
void tc_guest_read_begin(void);
void tc_guest_read_end(void);
void tc_block_discard(struct tc_block *blk);
/* Every block is gone: the arena of loaded blocks' descriptors goes too. */
void tc_arena_reset(void);
void tc_arena_forked(void);
/* tc_guestmem.c: the guest's mappings listed, each passed to fn (NULL: none);
 * the list starts again. */
void tc_guest_mappings_take(void (*fn)(uint64_t lo, uint64_t hi));
/* Drop the valid ones of n blocks from the map, the chains and the jump
 * caches (tc_mutex held). */
void tc_drop_blocks(struct tc_block *const *blocks, size_t n);
void tc_drop_block(struct tc_block *blk);
/* Every block forgotten (before they are freed, if they are): a forked child,
 * or a new program (a table of the usual size). */
void tc_map_forget_all(bool fork);

/* The code buffer's regions (tc_region.c; gc/ uses the rest, tcache.h). */
void tc_regions_init(uint8_t *from, uint8_t *to);
void tc_region_add(struct tc_block *blk);

/* The valid blocks of each guest page (tc_pages.c), under tc_mutex. */
void tc_pages_add(struct tc_block *blk);
/* Call drop(blk, arg) on, and forget, each indexed block overlapping [start, start+len). */
void tc_pages_drop(uint64_t start, uint64_t len, void (*drop)(struct tc_block *blk, void *arg),
                   void *arg);
void tc_pages_remove(const struct tc_block *blk);
bool tc_pages_may_start(uint64_t pc);
void tc_pages_clear(void);
void tc_pages_forget(void);

/* Translate the block at pc; NULL if the guest code at pc cannot be read
 * (cpu->trap_signal is then set to SIGSEGV). */
struct tc_block *tc_translate(struct cpu *c, uint64_t pc);
/* Decode and optimize one block into b; returns 0, or -1 if pc was unreadable.
 * tc_decode_hash is then the xxh3 of the guest bytes decoded. */
int tc_decode(struct ir_block *b, uint64_t pc);
/* The same without the passes: the decoder's IR, each guest register
 * stored where its instruction stores it. */
int tc_decode_raw(struct ir_block *b, uint64_t pc);
extern __thread uint64_t tc_decode_hash;
/* True when the guest's code b was decoded from is there still, executable,
 * its bytes hashing to hash (tc_decode_hash then): decoding again would
 * give b. An unreadable page is false, as in a decode. */
bool tc_decode_same(const struct ir_block *b, uint64_t hash);
/* The size guest bytes at pc hash to hash (a fault reading them: no). */
bool tc_guest_bytes_are(uint64_t pc, uint32_t size, uint64_t hash);

/* The -d categories that log code as it is translated. */
#define TC_LOG_CODE (LOG_IN_ASM | LOG_IR | LOG_OPT | LOG_OUT_ASM)

/* Blocks interpreted before they are translated (tc_tier.c). tc_get
 * returns TC_INTERP for a block to interpret: tc_tier_decode has decoded
 * it, and tc_tier_run runs it. */
#define TC_INTERP ((struct tc_block *)1)
/* Run block b in the interpreter as guest code (tc_run.c): a fault in it
 * is the guest's, its FP exceptions go to the guest's FPSR. */
struct ir_block;
uintptr_t tc_interp(struct cpu *c, const struct ir_block *b);
/* A program's start-up: while at most TC_TIER_START_BLOCKS blocks have been
 * counted, a block waits TC_TIER_START_FACTOR times as many runs. */
enum { TC_TIER_START_BLOCKS = 1000, TC_TIER_START_FACTOR = 4 };
bool tc_tier_wait(uint64_t pc);
struct tc_block *tc_tier_decode(struct cpu *c, uint64_t pc);
uintptr_t tc_tier_run(struct cpu *c);
/* A decode of pc this thread kept from interpreting it, copied into b
 * (tc_decode_hash set) and given up; false when none is valid. */
bool tc_tier_take(struct ir_block *b, uint64_t pc);
void tc_tier_forget(void);
void tc_tier_thread_leave(void);
void tc_tier_forked(void);
/* Counts the times code, or how it is to be decoded (a speculation that
 * failed, a tagged access, a breakpoint), may have changed: tc_invalidate.
 * A decode kept from before another count is not used. */
extern uint64_t tc_code_epoch;

void tc_chain(struct tc_exit *e, struct tc_block *to);
void tc_unchain_all(struct tc_block *blk);

/* Set while decoding: a fault reading guest code jumps back here. */
extern __thread sigjmp_buf *tc_decode_jmp;

/* A fault in xrun itself (tc_crash.c): report it with the guest's pc and a
 * host backtrace on stderr, then exit XRUN_EXIT_INTERNAL. */
_Noreturn void tc_crash(int sig, const siginfo_t *si, void *uc, const void *host_pc);
/* The guest signal for the last tc_decode that failed, and its si_code:
 * SIGSEGV with SEGV_MAPERR for code in no mapping, SEGV_ACCERR for a page the
 * guest cannot read; SIGBUS with BUS_ADRALN for a pc off the instruction
 * alignment. */
extern __thread int tc_decode_sig, tc_decode_si_code;
/* xrun's own memory (tc_own.c): taken at start, and ranges added later. */
void tc_own_init(void);
void tc_own_add(uint64_t lo, uint64_t hi);
void tc_own_remove(uint64_t lo, uint64_t hi);
/* Finds the allocator's code, whose mmap and munmap calls tc_own_alloc.c
 * records (called before main). */
void tc_own_alloc_init(void);

/* The leaf locks of tc_exec.c, tc_own.c and tc_pfile.c (tc_fork_lock_add). */
extern pthread_mutex_t tc_exec_lock, tc_own_lock, tc_pfile_lock;

/* Threads (tc_threads.c). A thread in its run loop is online (gc.h); it goes
 * offline for system calls, translation and anything else that waits. */
extern pthread_mutex_t tc_mutex, tc_chain_lock;
void tc_threads_init(void);
void tc_thread_enter(struct cpu *c);
void tc_thread_leave(struct cpu *c);
void tc_clear_jump_caches(void);
bool tc_lock_briefly(pthread_mutex_t *m);
extern struct cpu *tc_cpus;   /* the running guest threads, under tc_mutex */
bool tc_threads_others(void); /* another guest thread runs than the caller's (tc_mutex held) */
extern bool tc_threaded;      /* another guest thread has run (tc_threads.c) */

/* Jump caches (tc_jc.c): fill one after a miss, and take a dropped block's
 * pc out of every thread's (tc_mutex held). */
void tc_jc_fill(struct cpu *c, struct tc_block *blk);
void tc_jc_reserve(struct cpu *c);
void tc_ras_reset(struct cpu *c);  /* tc_ras.c: an empty return-address stack */
void tc_jc_init(struct cpu *c);    /* an empty one, of the smallest size */
void tc_jc_restart(struct cpu *c); /* a new program: back to the smallest, empty */
/* Fork: before it (tc_mutex held), an empty spare is made ready; in the
 * child, c's jump cache is emptied by taking the spare in its place. */
void tc_jc_fork_prepare(void);
void tc_jc_fork_child(struct cpu *c);
void tc_jc_forget(uint64_t pc);

/* Speculation that failed (tc_deopt.c) and the host FP status (tc_fp.c). */
void tc_deopt(struct cpu *c);
bool tc_is_hot(uint64_t pc);
void tc_tier_up(struct cpu *c);
void tc_hot_forget(void);
/* A pc in [start, end) whose translation changed since (deopted, tagged). */
bool tc_deopt_within(uint64_t start, uint64_t end);
/* Set by the fault handler: the access at cpu->pc faulted on an address the
 * host cannot have (a tag); the run loop calls tc_tagged_retry. */
extern __thread int tc_tagged_pending;
void tc_tagged_retry(struct cpu *c);
/* True if host_pc is the start of one of blk's guest memory accesses. */
bool tc_access_at(const struct tc_block *blk, const void *host_pc);

void tc_fault_init(void);
/* xrun -g: the guest signal a fault handler left for the run loop, which
 * tells gdb of it before it is delivered (tc_run.c). */
struct tc_deferred {
  int sig, code;
  uint64_t addr;
};
extern __thread struct tc_deferred tc_deferred;
void tc_log_out_asm(const struct tc_block *blk);
/* Every committed block, in code order (for a forked child's perf map). */
void tc_map_each(void (*fn)(const struct tc_block *blk));

/* --stats (tc_stats.c): counters kept per guest thread, plain increments,
 * summed when the process ends. */
enum tc_stat {
  TC_ST_BLOCKS,          /* blocks translated */
  TC_ST_INSNS,           /* guest instructions in them */
  TC_ST_CODE_BYTES,      /* host code emitted for them */
  TC_ST_XLATE_NS,        /* time translating (reclaiming not included); only with --stats */
  TC_ST_CHAINS,          /* direct exits patched to jump straight to their target */
  TC_ST_ENTERS,          /* entries into translated code from the run loop */
  TC_ST_EXIT_INDIRECT,   /* exits to the run loop: indirect branch the jump cache missed */
  TC_ST_EXIT_DIRECT,     /* ... direct exit not chained (yet) */
  TC_ST_EXIT_SYSCALL,    /* ... syscall */
  TC_ST_EXIT_TRAP,       /* ... guest trap (SIGILL, brk, ...) */
  TC_ST_EXIT_REQUEST,    /* ... exit_request (signal pending, a reclamation waiting) */
  TC_ST_DEOPTS,          /* ... a speculation check failed */
  TC_ST_EXIT_CODE_INVAL, /* ... the guest changed code (IC IVAU) */
  TC_ST_LOOKUPS,         /* run-loop lookups of a guest pc in the block map */
  TC_ST_MISSES,          /* ... that found no block */
  TC_ST_RECLAIMED,       /* code-buffer regions emptied to make room */
  TC_ST_EVICTED,         /* ... and the valid blocks they held */
  TC_ST_INVALIDATED,     /* blocks dropped for munmap/mprotect/deopt/IC IVAU */
  TC_ST_SIGNALS,         /* guest signal handlers entered */
  TC_ST_DISK_LOADS,      /* blocks loaded from the persistent cache */
  TC_ST_DISK_SAVES,      /* blocks written to it */
  TC_ST_INTERPRETED,     /* blocks run in the interpreter, not translated yet (tc_tier.c) */
  TC_ST_KEPT_DECODES,    /* ... or translated from a decode kept from an earlier run */
  TC_ST_QUICK,           /* blocks translated without the IR passes (ir_block.countdown) */
  TC_ST_TIER_UPS,        /* ... that were translated again with them (CPU_EXIT_HOT) */
  TC_ST_COUNT
};
struct tc_stats_thread {
  uint64_t n[TC_ST_COUNT];
  struct tc_stats_thread *next;
};
extern __thread struct tc_stats_thread tc_tstats;
static inline void tc_count(enum tc_stat s, uint64_t n) {
  tc_tstats.n[s] += n;
}
/* Monotonic nanoseconds with --stats, else 0 (no clock read). */
uint64_t tc_stats_clock(void);
void tc_stats_thread_enter(void);
void tc_stats_thread_leave(void);
void tc_stats_forked(void);
void tc_stats_init(void); /* --stats: keep this stderr for the report */
void tc_stats_print(int sig);

/* --perfmap (tc_perfmap.c). */
void tc_perfmap_block(const struct tc_block *blk); /* with tc_mutex held */
void tc_perfmap_flush(bool whole);                 /* whole: in a forked child, all blocks */
void tc_perfmap_forked(void);
/* The persistent translation cache (tc_persist.c, tc_pfile.c, tc_pdir.c). */
struct tc_pfresh {
  struct tc_block *blk; /* translated in this process, not saved yet */
  uint64_t bias;        /* of its file's mapping then */
  bool as_file;         /* translated from the file's own bytes (tc_pfile_find) */
};
/* A cache file mapped (p: NULL when none), and its entries' guest offsets
 * in an array of their own (tc_persist.c). */
struct tc_pimage {
  const uint8_t *p;
  size_t size;
  uint64_t *keys;   /* its entries' guest offsets, ascending (one allocation with bucket) */
  uint32_t *bucket; /* nb + 1: bucket[b] is the first key whose key >> shift is b or more */
  uint32_t nb;
  uint8_t shift;
};
struct tc_pfile { /* a guest file that code was mapped from */
  uint64_t dev, ino, size, mtime_ns, ctime_ns;
  /* Its status changed long enough before it was first mapped that any later
   * change of its bytes shows in ctime_ns, and no mapping of it in this
   * process was ever writable: its bytes in memory are the bytes that every
   * process saw under this identity (tc_pfile.c). */
  bool settled, written;
  int state;  /* 0: cache file not looked at yet, 1: mapped, -1: none */
  bool stale; /* mapped by the parent of this forked process: others may have
                 saved more since (tc_persist_forked) */
  /* Its cache files, mapped read-only and checked: the main one and the
   * delta, which holds blocks saved since the main one was last written
   * (tc_persist.c). */
  struct tc_pimage disk, delta;
  struct tc_pfresh *fresh; /* blocks to add to it */
  size_t n_fresh, cap_fresh;
  struct tc_pfile *next;
};
/* tc_pfile.c: file mappings of the guest (tc_file_mapped, tcache.h). */
/* The file mapped at pc, with its bias and the end of that mapping; *as_file:
 * the guest bytes there are the file's (never writable in this process, the
 * file settled). */
struct tc_pfile *tc_pfile_find(uint64_t pc, uint64_t *bias, uint64_t *end, bool *as_file);
struct tc_pfile *tc_pfile_list(void);
/* tc_persist.c */
bool tc_persist_wanted(void); /* the options allow a cache */
void tc_persist_init(void);   /* after the backend's init */
/* The block at pc from the cache, committed; NULL when there is none that
 * fits (tc_mutex held). */
struct tc_block *tc_persist_load(uint64_t pc);
/* Whether a block translated at pc would be saved for later runs: then it
 * is translated at once (tc_tier.c). */
bool tc_persist_keeps(uint64_t pc);
/* A block just translated from guest bytes hashing to hash (tc_mutex held). */
void tc_persist_note(struct tc_block *blk);
/* tc_translate.c: the block quick (translated without the IR passes) made
 * again with them for the persistent cache: its code in tc_again, valid
 * until the next such translation; not in the map, not chained. NULL when the guest bytes are gone
 * or changed, or there is no room. The caller saves it and tc_block_discards it (tc_mutex held). */
struct tc_block *tc_translate_again(const struct tc_block *quick);
/* Write the blocks noted since the last save into the cache (tc_mutex held). */
void tc_persist_save(void);
bool tc_persist_pending(void);                /* some blocks are noted: a save would write */
void tc_persist_unmapped(struct tc_pfile *f); /* its last mapping went: save it now */
void tc_persist_forked(void);
void tc_persist_forget(void); /* forget every noted block (a forked child) */
void tc_persist_reopen(void); /* a new program: the cache files read again */
/* The noted blocks with code in [lo, hi) are about to be freed (their region
 * is reclaimed): the files they belong to are saved now, so that what a long
 * run translated persists even when the code buffer wraps (tc_mutex held). */
void tc_persist_save_code(const uint8_t *lo, const uint8_t *hi);
/* Fuzzing and tests: what a load does with each entry of the cache-file image
 * p (size bytes), short of the guest bytes' hash and the code buffer: every
 * check, then the relocations in a scratch copy. fix_sums first rewrites the
 * checksums to match, so that changed bytes reach the checks behind them.
 * Returns how many entries would load. */
size_t tc_persist_check_image(uint8_t *p, size_t size, bool fix_sums);
/* tc_xxh.c: XXH3_64bits(p, n) with AVX2 instructions; only on a host with AVX2. */
uint64_t tc_xxh3_avx2(const void *p, size_t n);
/* XXH3_64bits, with tc_xxh3_avx2 where the host has AVX2 (tc_persist.c). */
uint64_t tc_xxh3(const void *p, size_t n);
/* tc_pdir.c: the cache directory. */
const char *tc_pdir_path(void); /* NULL: no usable directory */
/* The cache file of key, mapped read-only if it is ours and whole; NULL else. */
const uint8_t *tc_pdir_open(uint64_t key, size_t *size);
/* A directory found missing or unusable is looked at again: another process
 * (a sibling, forked from the same parent) may have made it since. */
void tc_pdir_recheck(void);
/* Publish the parts, one after another, as key's cache file (written under
 * a temporary name, then renamed into place). */
struct iovec;
void tc_pdir_publish(uint64_t key, const struct iovec *parts, int n_parts);
/* Remove the cache file of key, if there is one. */
void tc_pdir_remove(uint64_t key);
/* The cache directory's .writers file, opened at 3 or above and locked with
 * flock's how (LOCK_SH: a saver at work; LOCK_EX: none is); -1 when it
 * cannot be. */
int tc_pdir_writers_lock(int how);
/* tc_bgsave.c: at exit_group, the cache written by a child that shares this
 * process's memory, while this process ends; false: write it now. */
bool tc_bgsave_start(void);
/* tc_diag.c: the end of the process for both. */
void tc_diag_init(void);
/* The run loop's resume point: a host fault handler that has set up a guest
 * signal jumps back here. */
extern __thread sigjmp_buf tc_resume;

#endif
