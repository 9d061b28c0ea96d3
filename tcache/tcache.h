/* tcache.h - the translation cache: executable memory, the guest-pc -> host-code
 * map (hashed with xxhash), the per-thread jump cache for indirect branches,
 * chaining of direct exits, and the run loop that ties them together.
 *
 *   tc_init(&x64_backend, &a64_guest);
 *   tc_run(cpu);            // returns when the guest thread exits
 *
 * The contract with a backend is struct backend below: a backend turns one IR
 * block into code inside a struct tc_buf and describes the block's exits and
 * memory accesses in a struct tc_block; tcache owns everything else.
 */
#ifndef TCACHE_H
#define TCACHE_H

#include <stdint.h>
#include <stddef.h>
#include "../xrun.h"

struct ir_block;

/* Emission cursor into the code buffer. Overflow is sticky: emitters write
 * nothing once cur would pass end, and the block checks once at the end.
 * start, cur and end are where the code runs; its bytes are written at
 * those addresses + wdelta (the buffer's writable view, tc_buf.c). */
struct tc_buf {
  uint8_t *start, *cur, *end;
  int overflow;
  intptr_t wdelta;
};

/* One chainable direct exit of a block: one of its exits[], 32 bytes (a
 * loaded block's record is most of a start's fresh memory: each page of it
 * costs a fault). Its places in the code are offsets (tc_exit_jump). */
struct tc_exit {
  uint64_t target_pc;      /* guest pc the exit leads to */
  struct tc_block *to;     /* block chained to, or NULL */
  struct tc_exit *next_in; /* next exit chained into the same 'to' */
  uint32_t jump;           /* from the block's code to the byte before the patchable
                              jump's rel32 (4-byte aligned) */
  uint16_t stub;           /* from there to where that jump goes while unchained */
  uint8_t index;           /* in the block's exits[] (tc_exit_from) */
  uint8_t unused;
};

/* host offset of a memory access -> guest pc offset, for precise faults */
struct tc_pcmap {
  uint32_t host_off;                 /* from tc_block.code to the start of the host instruction */
  uint32_t guest_off;                /* from tc_block.guest_pc */
  uint32_t defer_first, defer_count; /* the backend's records of guest state a fault here
                                        must still write (tc_block.defer, backend.fault_state) */
};

enum { TC_MAX_EXITS = 8 };

/* A place in a block's host code that holds an address of this run: the
 * persistent cache (tc_persist.c) saves the block with these made relative
 * and loads it at other addresses. The backend records every such place
 * (tc_block_reloc); code with an address it cannot describe sets
 * tc_block.unsaveable instead. */
enum tc_reloc_kind {
  TC_RELOC_GUEST64 = 1, /* 8-byte immediate: a guest address (a guest pc, or a
                           constant the decoder made from one) */
  TC_RELOC_HOST64,      /* 8-byte immediate: an address inside xrun's own image */
  TC_RELOC_HOST32,      /* rel32 (from the end of its 4 bytes) to an address in xrun's image */
  TC_RELOC_BUF32,       /* rel32 to the shared code at the start of the code buffer */
  TC_RELOC_EXIT64,      /* 8-byte immediate: the address of one of the block's tc_exits */
  TC_RELOC_GUEST32,     /* 4-byte immediate or displacement: a guest address below
                           TC_GUEST32_LIMIT, the same zero- or sign-extended (a
                           program not built as PIE is mapped there) */
};
enum { TC_GUEST32_LIMIT = 1u << 31 };
struct tc_reloc {
  uint32_t off; /* from tc_block.code to the first byte of the immediate */
  uint32_t kind;
};

/* tc_block.borrowed: pcmap or defer are read where they are in a cache file's
 * mapping (kept for the process's life), not copies that xrun frees. */
enum { TC_BORROWED_PCMAP = 1, TC_BORROWED_DEFER = 2 };

/* What only a block translated in this process keeps: what saving it to
 * the persistent cache takes (a block loaded from there has none). */
struct tc_fresh {
  uint64_t guest_hash; /* xxh3 of the guest bytes [guest_pc, guest_pc + guest_size) */
  uint32_t n_relocs, relocs_cap;
  struct tc_reloc relocs[]; /* addresses of this run in the code (tc_block_reloc) */
};

struct tc_block {
  uint64_t guest_pc;
  uint8_t *code;            /* entry of the host code */
  struct tc_pcmap *pcmap;   /* pcmap is allocated by tcache, filled by the backend */
  void *defer;              /* the backend's deferred-state records (tc_block_data) */
  uint64_t defer_delta;     /* what the guest addresses among them still need added (a block
                               loaded from the cache reads them unrelocated, in the file) */
  struct tc_exit *incoming; /* exits of other blocks chained to this one */
  uintptr_t hnext;          /* hash chain: a link to the next block (tc_map.c) */
  struct tc_fresh *fresh;   /* NULL until the backend or the translator needs it */
  uint32_t guest_size;
  uint32_t code_size;
  uint32_t n_pcmap, pcmap_cap;
  uint32_t defer_size; /* bytes at defer */
  uint32_t hot;        /* entries left before a block without the passes is translated
                          again with them (xrun_opt.tier_up; ir_block.countdown) */
  uint8_t n_exits;
  uint8_t invalid;
  uint8_t unsaveable; /* the code holds something no tc_reloc describes */
  uint8_t from_disk;  /* loaded from the persistent cache */
  uint8_t borrowed;   /* TC_BORROWED_*: what points into a persistent-cache file */
  uint8_t exits_cap;  /* room at exits[] (tc_block_alloc): at most TC_MAX_EXITS */
  uint8_t in_arena;   /* a loaded block's, in tc_map.c's arena: not freed alone */
  uint8_t quick;      /* translated without the IR passes: its code counts down hot */
  /* Last: a block is allocated with room for exits_cap of them only
   * (tc_block_alloc), not TC_MAX_EXITS: a loaded block for its own n_exits,
   * a new one for its IR's direct exits. The fields above go from the
   * widest to the narrowest: no padding (96 bytes; with one exit 128, a
   * size mimalloc has). */
  struct tc_exit exits[TC_MAX_EXITS];
};

_Static_assert(sizeof(struct tc_exit) == 32, "tc_exit: 32 bytes");
_Static_assert(offsetof(struct tc_block, exits) == 96, "tc_block: no padding");

/* The block e is one of the exits of. */
static inline struct tc_block *tc_exit_from(const struct tc_exit *e) {
  return (struct tc_block *)(uintptr_t)((const uint8_t *)(e - e->index) -
                                        offsetof(struct tc_block, exits));
}

/* The byte before e's patchable rel32, and where that jump goes unchained. */
static inline uint8_t *tc_exit_jump(const struct tc_exit *e) {
  return tc_exit_from(e)->code + e->jump;
}
static inline uint8_t *tc_exit_stub(const struct tc_exit *e) {
  return tc_exit_jump(e) + e->stub;
}

/* The return-address stack, one per guest thread (struct cpu.ras): where
 * translated code looks first for a guest return's host code. It is kept
 * as a table indexed by the return address, not as a stack: a call (IR
 * RET_PUSH) writes its return address's slot with code of its own block, a
 * stub that checks the return's guest pc and goes on to the block there,
 * chained like any exit; a return (IR_JUMP_RETURN) jumps to the slot of
 * the address it returns to. Nothing has to stay in step with the guest's
 * stack: a longjmp, a signal handler's return or a changed link register
 * costs one jump-cache probe, as does a slot a later call took. The
 * backend picks the slot (x64_ras.c); the backend's ras_miss code fills an
 * empty one (tc_ras.c). */

/* The jump cache, one per guest thread (struct cpu.jc, 64-byte aligned):
 * entries in groups of TC_JC_WAYS (four, a cache line), a pc is looked up at
 * tc_jc_index(pc, mask), then index ^ 1 (both inline in translated code),
 * then index ^ 2 and ^ 3 (the backend's shared miss code). A new entry goes
 * to its index and pushes the ones there towards ^ 3, so up to four targets
 * that share a group stay: with pairs only, three hot return targets of
 * sqlite3 on one pair took turns evicting each other, 100,000 misses in a
 * run of 2 seconds, in half the runs, as address randomization placed the
 * library. An
 * empty entry holds TC_JC_EMPTY and the backend's miss code, so translated
 * code needs no test for it: a pc that matches still lands somewhere safe.
 * It starts with 1 << TC_JC_MIN_BITS entries (one page: a short-lived
 * process touches and clears no more) and grows (x4) up to TC_JC_SIZE as the
 * thread fills it (tc_jc.c); struct cpu.jc_mask is its entry-byte mask,
 * TC_JC_MASK(entries), which translated code reads at each probe. */
enum { TC_JC_BITS = 16, TC_JC_SIZE = 1 << TC_JC_BITS, TC_JC_MIN_BITS = 8, TC_JC_WAYS = 4 };
#define TC_JC_EMPTY         (~(uint64_t)0)
#define TC_JC_MASK(entries) (((uint32_t)(entries)-1) << 4)
struct tc_jc_entry {
  uint64_t pc;
  const void *code;
};
/* Translated code computes the same index inline (x64_jc_hash): the low 32
 * bits of pc * 36 + (pc >> 14), over the 16 bytes of an entry. Return
 * sites a few instructions apart (calls in a row) land 9 entries apart, in
 * other groups, and the bits above the cache's reach are added in. Two
 * instructions' latency on x86-64 (lea, lea; rorx beside them), where a
 * multiply and shift took four on every indirect jump. A warm cc1 misses
 * 45,000 times where that hash missed 71,000, and pc >> 3 alone 193,000. */
static inline uint32_t tc_jc_index(uint64_t pc, uint32_t jc_mask) {
  return ((uint32_t)(pc >> 14) + (uint32_t)pc * 36u) >> 4 & (jc_mask >> 4);
}

/* The bytes IC IVAU drops translations for: the smallest instruction cache
 * line a guest may be told of (A64 CTR_EL0.IminLine as xrun reports it). */
enum { TC_CODE_LINE = 64 };

/* What a host backend provides. */
struct backend {
  const char *name;
  /* Emit the shared entry/exit trampolines at the start of an empty buffer. */
  void (*init)(struct tc_buf *buf);
  /* Before init: keep the 8-byte state slots at offs (the guest's hot_regs,
   * most used first) in host registers across translated code, as many as
   * the backend has registers for; at every return to C code the state
   * struct holds them again. NULL: the backend keeps none. */
  void (*pin_slots)(const uint32_t *offs, unsigned n);
  /* Translate b into buf and describe it in blk (code, code_size, exits, pcmap).
   * Returns 0, or -1 when buf overflowed (the caller makes room and retries). */
  int (*translate)(const struct ir_block *b, struct tc_block *blk, struct tc_buf *buf);
  /* Run translated code at code until it leaves: returns an enum cpu_exit value,
   * or a struct tc_exit * for a direct exit whose target is not chained yet. */
  uintptr_t (*enter)(struct cpu *c, const void *code);
  /* Code for an empty jump-cache entry: back to the run loop for the guest pc
   * translated code was jumping to. */
  const void *(*jc_miss)(void);
  /* Code for an empty return-address stack entry (struct cpu.ras), or NULL:
   * the backend pushes none. */
  const void *(*ras_miss)(void);
  /* Point e's jump at code, or back at its stub when code is NULL; one atomic write. */
  void (*patch)(struct tc_exit *e, const void *code);
  /* Point the patchable jump at jump (a copy of a block's code) at to. */
  void (*patch_at)(uint8_t *jump, const uint8_t *to);
  /* The pending FP exceptions (IR_FPEXC_*) in the host context a fault
   * handler got (ucontext_t *), where translated code was interrupted. */
  uint32_t (*fault_fpexc)(const void *uctx);
  /* Clear every FP exception flag of the host thread, at less cost than
   * feclearexcept has (NULL: the caller uses that). */
  void (*fp_clear)(void);
  /* Write into c the guest state blk keeps out of it (deferred stores) at the
   * memory access at host_pc, from the host context uctx. */
  void (*fault_state)(const struct tc_block *blk, const void *host_pc, const void *uctx,
                      struct cpu *c);
  /* Add guest_delta to every guest address inside a block's deferred-state
   * records (size bytes at data, as tc_block_data gave them): the
   * persistent cache stores them relative to the guest file's load bias.
   * A loaded block's records are not rewritten: fault_state adds
   * blk->defer_delta to those addresses as it reads them. */
  void (*relocate_data)(void *data, uint32_t size, uint64_t guest_delta);
  /* What, besides xrun's build, shapes the code: the host CPU features used. */
  uint64_t (*codegen_key)(void);
  /* objdump's -m name for this host, for -d out_asm (NULL: print bytes). */
  const char *objdump_machine;
};

extern const struct backend x64_backend;

void tc_init(const struct backend *be, const struct guest *g);
/* Empty every entry of c's jump cache. */
void tc_jc_clear(struct cpu *c);
/* Run the guest thread c until it exits. */
void tc_run(struct cpu *c);
/* An exec in place (syscall/sys_exec_here.c), after c's tc_run returned:
 * the old program's memory is unmapped, everything translated from it is
 * forgotten and c's jump cache made anew, as in a new process; xrun's own
 * memory stays. maps: /proc/self/maps as tc_maps_read read it at the exec
 * (NUL ended, and written in), or NULL where the guest's mappings are known
 * (tc_guest_mappings_known). tc_maps_read returns NULL if it cannot. */
char *tc_maps_read(void);
void tc_new_image(struct cpu *c, char *maps);
/* Memory mapped for the guest at [start, start+len) (tc_guestmem.c): an
 * exec in place unmaps it. Known: every such mapping is listed, and
 * tc_new_image needs no maps. */
void tc_guest_mapped(uint64_t start, uint64_t len);
bool tc_guest_mappings_known(void);
/* A new guest thread is one of the running threads (tc_threads_each) from
 * here on, called on its own host thread before its creator goes on (so
 * that gdb lists a thread as soon as clone returned its id); else tc_run
 * makes it one. */
void tc_thread_start(struct cpu *c);
/* Find or translate the block at pc. */
struct tc_block *tc_get(struct cpu *c, uint64_t pc);
/* The code buffer's regions, for gc/ (tc_mutex held): which to empty next,
 * its blocks out of every table (returns how many it held), then (after a
 * grace period) freed and the region written next. */
unsigned tc_region_next(void);
size_t tc_region_drop(unsigned region);
void tc_region_reuse(unsigned region);
/* Drop translations overlapping [start, start+len) (munmap, mprotect, code writes):
 * they leave the map, every chain and every thread's jump cache; their code
 * stays in the buffer until its region is reused, as a thread may still be in it. */
void tc_invalidate(uint64_t start, uint64_t len);
/* The guest made [start, start+len) executable or not (mmap, mprotect; exec
 * 1 for munmap: forgotten). Code there is then refused: SIGSEGV, SEGV_ACCERR. */
void tc_exec_set(uint64_t start, uint64_t len, int exec);
int tc_exec_denied(uint64_t pc);
/* The block whose host code contains host_pc, or NULL. */
struct tc_block *tc_find_host(const void *host_pc);
/* Guest pc of the memory access at host_pc inside blk, or blk->guest_pc. */
uint64_t tc_guest_pc_at(const struct tc_block *blk, const void *host_pc);
/* Memory that lives and dies with blk, for a backend's tables (blk->defer). */
void *tc_block_data(struct tc_block *blk, size_t size);
/* The backend wrote an address of this run at blk->code + off (enum tc_reloc_kind). */
void tc_block_reloc(struct tc_block *blk, uint32_t off, enum tc_reloc_kind kind);
/* blk's fresh part, made when it has none. */
struct tc_fresh *tc_block_fresh(struct tc_block *blk);
/* True if host_pc is inside the code buffer. */
int tc_in_code(const void *host_pc);
/* Where to write the code byte at p: its writable view inside the code
 * buffer, p itself elsewhere. */
void *tc_writable(const void *p);
/* True if [start, start+len) overlaps memory the translator owns (code buffer,
 * its own stacks): a guest MAP_FIXED there is refused. */
int tc_overlaps_translator(uint64_t start, uint64_t len);
/* The first part of [lo, hi) that is not xrun's own memory: its start
 * (hi if there is none) and, in *gap_hi, its end. */
uint64_t tc_own_gap(uint64_t lo, uint64_t hi, uint64_t *gap_hi);
/* A copy of the table of xrun's own memory, of this process or of another
 * that runs this same xrun binary (its tables are at the same offsets from
 * its image): the code buffer and the sorted, disjoint ranges r[0..n). */
struct tc_own_range {
  uint64_t lo, hi;
};
struct tc_own_view {
  struct tc_own_range *r;
  unsigned n;
  uint64_t code_lo, code_hi;
};
/* Reads len bytes of the other process, at the address src has there
 * (where this process has src); false if it cannot. */
typedef bool tc_peek_fn(void *ctx, void *dst, const void *src, size_t len);
/* Copies the table into v: this process's (peek NULL), or another's through
 * peek, retried while it changes. False if it could not (v is then empty);
 * else tc_own_view_free frees it. */
bool tc_own_snapshot(struct tc_own_view *v, tc_peek_fn *peek, void *ctx);
void tc_own_view_free(struct tc_own_view *v);
/* As tc_overlaps_translator and tc_own_gap, in the copy v. */
bool tc_own_view_overlaps(const struct tc_own_view *v, uint64_t lo, uint64_t hi);
uint64_t tc_own_view_gap(const struct tc_own_view *v, uint64_t lo, uint64_t hi, uint64_t *gap_hi);
/* Call in each new host thread that runs a guest thread: its stack is xrun's. */
void tc_own_thread(void);

/* The guest mapped len bytes of the file open at fd, from offset, at start,
 * executable (the loader's segments, mmap), writable too or not: code there
 * may be cached. */
void tc_file_mapped(int fd, uint64_t start, uint64_t len, uint64_t offset, bool writable);
/* The same for a MAP_SHARED mapping of the file (executable or not): another
 * mapping of the same pages may run code written through this one. */
void tc_file_mapped_shared(int fd, uint64_t start, uint64_t len, uint64_t offset);
/* [start, start+len) was unmapped or mapped anew (munmap, mmap, mremap). */
void tc_file_unmapped(uint64_t start, uint64_t len);
/* [start, start+len) was given the protection prot (mprotect): once
 * writable, the code there is no longer known to be the file's bytes. */
void tc_file_protected(uint64_t start, uint64_t len, int prot);
/* IC IVAU at [start, start+len) (offline): drop translations there and at
 * every other address the guest maps the same file pages at, as the
 * instruction cache is maintained by physical line. */
void tc_invalidate_code_line(uint64_t start, uint64_t len);
/* Call fn(c, arg) on each running guest thread, under the translator's lock
 * (fn must not translate or take it). */
void tc_threads_each(void (*fn)(struct cpu *c, void *arg), void *arg);
/* True when one guest thread runs (the caller's). */
bool tc_threads_alone(void);
/* xrun --cache stats|clear|wait: returns the exit status. */
int tc_cache_command(const char *action);

/* Diagnostics (--perfmap, --stats). The process ends: exit_group, the last
 * thread, or the fatal signal sig (0: none). Writes out the perf map and
 * prints the statistics, once. */
void tc_diag_exit(int sig);
/* The same at exit_group, right before _exit: the persistent cache may be
 * written after this process is gone (tc_bgsave.c). */
void tc_diag_exit_group(void);
/* The process is about to execve: write out the perf map. */
void tc_diag_exec(void);
/* A guest signal handler is being entered (for --stats). */
void tc_stats_signal(void);

#endif
