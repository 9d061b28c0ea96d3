/* tc_translate.c - guest pc -> decoded, optimized IR -> host code in the buffer. */
#include <signal.h>
#include "tc_int.h"
#include "../ir/ir.h"
#include "../opt/opt.h"
#include "../gc/gc.h"

__thread sigjmp_buf *tc_decode_jmp;
__thread int tc_decode_sig, tc_decode_si_code;
__thread uint64_t tc_decode_hash;
static __thread struct ir_block *tc_ir;

static void tc_log_block(const char *what, const struct ir_block *b) {
  xrun_log("%s: block 0x%llx (%u guest instructions)", what, (unsigned long long)b->guest_pc,
           b->guest_insns);
  ir_print(xrun_log_stream(), b);
}

/* The guest instructions the block was decoded from, each where its IR
 * starts (a block that followed a branch skips what lies between). */
static void tc_log_in_asm(const struct ir_block *b) {
  xrun_log("IN: 0x%llx", (unsigned long long)b->guest_pc);
  for (uint32_t i = 0; i < b->n_marks; i++) {
    uint64_t pc = b->marks[i].pc;
    if (tc_guest->print_insn)
      tc_guest->print_insn(pc);
    else
      xrun_log("0x%016llx:  %08x", (unsigned long long)pc, *(const uint32_t *)pc);
  }
}

int tc_decode_raw(struct ir_block *b, uint64_t pc) {
  sigjmp_buf jb;
  ir_block_reset(b, pc);
  b->forward_state = !xrun_opt.no_opt;                 /* the builder's share of the passes' work */
  if (tc_guest->pc_align && pc % tc_guest->pc_align) { /* as an Arm PC alignment fault */
    tc_decode_sig = SIGBUS;
    tc_decode_si_code = BUS_ADRALN;
    return -1;
  }
  tc_decode_sig = SIGSEGV;
  if (tc_exec_denied(pc)) { /* a page mapped without PROT_EXEC */
    tc_decode_si_code = SEGV_ACCERR;
    return -1;
  }
  if (sigsetjmp(jb, 0)) { /* no mask saved: a system call per block (tc_fault.c) */
    tc_decode_jmp = NULL;
    return -1;
  }
  tc_decode_jmp = &jb;
  tc_guest->decode_block(b, pc);
  tc_decode_hash = tc_xxh3((const void *)(uintptr_t)pc, b->guest_size);
  tc_decode_jmp = NULL;
  if (xrun_log_mask & LOG_IN_ASM)
    tc_log_in_asm(b);
  if (xrun_log_mask & LOG_IR)
    tc_log_block("IR", b);
  return 0;
}

bool tc_guest_bytes_are(uint64_t pc, uint32_t size, uint64_t hash) {
  sigjmp_buf jb;
  if (sigsetjmp(jb, 0)) { /* unmapped since */
    tc_decode_jmp = NULL;
    return false;
  }
  tc_decode_jmp = &jb;
  bool same = tc_xxh3((const void *)(uintptr_t)pc, size) == hash;
  tc_decode_jmp = NULL;
  return same;
}

bool tc_decode_same(const struct ir_block *b, uint64_t hash) {
  return !tc_exec_denied(b->guest_pc) && tc_guest_bytes_are(b->guest_pc, b->guest_size, hash);
}

static void tc_optimize(struct ir_block *b) {
  if (!xrun_opt.no_opt) {
    opt_run(b);
    if (xrun_log_mask & LOG_OPT)
      tc_log_block("IR after opt", b);
  }
}

int tc_decode(struct ir_block *b, uint64_t pc) {
  if (tc_decode_raw(b, pc) < 0)
    return -1;
  tc_optimize(b);
  return 0;
}

/* Whether the block at pc is translated without the passes, counting its
 * entries down (tc_deopt.c): unless it was entered that often before, the
 * passes are off, or -d logs the code (each block logged once, as it is
 * translated, with its passes). A block the persistent cache keeps is
 * translated again with them for the cache when it is saved
 * (tc_translate_again): after the process has ended, by tc_bgsave.c's
 * saver, unless other guest threads run then; so while they run, such a
 * block is translated with the passes at once, as it had always been. */
static bool tc_quick(uint64_t pc) {
  return xrun_opt.tier_up && !xrun_opt.no_opt && !(xrun_log_mask & TC_LOG_CODE) && !tc_is_hot(pc) &&
         (!tc_threads_others() || !tc_persist_keeps(pc));
}

/* The decode for a translation: the one kept from interpreting the block
 * before, when there is one (tc_tier.c), else a new one; then the passes,
 * or (quick) a countdown. */
static int tc_decode_to_translate(struct ir_block *b, uint64_t pc, bool quick) {
  if (!tc_tier_take(b, pc) && tc_decode_raw(b, pc) < 0)
    return -1;
  if (!quick)
    tc_optimize(b);
  b->countdown = quick;
  return 0;
}

/* The chainable exits b's code can have, as many as a block has room for
 * at most: one per direct exit, an EXIT_IF (passes fold some away, never
 * add one) or the GOTO that may end it, and the return of a call that ends
 * it (its RET_PUSH just before the end). A block holds only these
 * (tcache.h): a smaller allocation, fewer pages touched. */
static uint32_t tc_direct_exits(const struct ir_block *b) {
  uint32_t n = b->n_exit_ifs + 1 + (b->n > 2 && b->insn[b->n - 2].op == IR_RET_PUSH);
  return n < TC_MAX_EXITS ? n : TC_MAX_EXITS;
}

static struct tc_block *tc_emit(const struct ir_block *b) {
  struct tc_block *blk = tc_block_alloc(b->n, tc_direct_exits(b));
  uint8_t *mark = tc_code.cur;
  blk->guest_pc = b->guest_pc;
  blk->guest_size = b->guest_size;
  blk->quick = b->countdown;
  blk->hot = xrun_opt.tier_up;
  if (tc_backend->translate(b, blk, &tc_code) == 0 && !tc_code.overflow) {
    tc_block_commit(blk);
    return blk;
  }
  tc_code.cur = mark;
  tc_code.overflow = 0;
  tc_block_discard(blk);
  return NULL;
}

/* --stats and --perfmap: one more block, translated in the time since t0. */
static void tc_note_block(const struct tc_block *blk, const struct ir_block *b, uint64_t t0) {
  tc_count(TC_ST_BLOCKS, 1);
  tc_count(TC_ST_QUICK, b->countdown);
  tc_count(TC_ST_INSNS, b->guest_insns);
  tc_count(TC_ST_CODE_BYTES, blk->code_size);
  if (t0)
    tc_count(TC_ST_XLATE_NS, tc_stats_clock() - t0);
  tc_perfmap_block(blk);
}

/* The IR of the translations made again for the cache: not tc_ir, which a
 * translation that fills the code buffer is using while its regions are
 * saved and reclaimed (tc_persist_save_code). */
static __thread struct ir_block *tc_ir_again;

/* Decoded again from the guest's memory, which must still hold the bytes
 * quick was made from (else other bytes would be saved as the file's: a
 * MAP_FIXED over the library), it may end earlier than quick did: a decode
 * stops where another block starts, and more blocks are known by now. */
struct tc_block *tc_translate_again(const struct tc_block *quick) {
  uint64_t pc = quick->guest_pc;
  if (!tc_ir_again)
    tc_ir_again = ir_block_new(pc);
  if (!quick->fresh || tc_decode_raw(tc_ir_again, pc) < 0 ||
      tc_ir_again->guest_size > quick->guest_size)
    return NULL; /* unmapped since: not saved */
  if (!tc_guest_bytes_are(pc, quick->guest_size, quick->fresh->guest_hash))
    return NULL; /* other bytes there now */
  tc_optimize(tc_ir_again);
  tc_ir_again->countdown = 0;
  struct tc_block *blk = tc_block_alloc(tc_ir_again->n, tc_direct_exits(tc_ir_again));
  blk->guest_pc = pc;
  blk->guest_size = tc_ir_again->guest_size;
  tc_again.cur = tc_again.start; /* the code stays there until the next one */
  tc_again.overflow = 0;
  if (tc_backend->translate(tc_ir_again, blk, &tc_again) || tc_again.overflow) {
    tc_block_discard(blk);
    return NULL;
  }
  tc_block_fresh(blk)->guest_hash = tc_decode_hash;
  blk->unsaveable |= tc_ir_again->unsaveable;
  return blk;
}

/* The block at pc from the persistent cache; when the region being written
 * is full, room is made as for a translation and the load tried again (else
 * each region filled by loading cost a translation, and in every run). */
static struct tc_block *tc_load_saved(uint64_t pc) {
  struct tc_block *saved = tc_persist_load(pc);
  if (!saved && tc_code.overflow) {
    gc_code_full();
    saved = tc_persist_load(pc);
    tc_code.overflow = 0;
  }
  return saved;
}

static struct tc_block *tc_translate_at(struct cpu *c, uint64_t pc) {
  uint64_t t0 = tc_stats_clock();
  struct tc_block *saved = tc_load_saved(pc);
  if (saved) {
    tc_buf_populate();
    tc_perfmap_block(saved);
    if (xrun_log_mask & LOG_OUT_ASM)
      tc_log_out_asm(saved);
    return saved;
  }
  if (tc_tier_wait(pc))
    return tc_tier_decode(c, pc);
  if (!tc_ir)
    tc_ir = ir_block_new(pc);
  if (tc_decode_to_translate(tc_ir, pc, tc_quick(pc)) < 0) {
    c->trap_info = pc;
    return NULL;
  }
  struct tc_block *blk = tc_emit(tc_ir);
  if (!blk) {
    uint64_t t_gc = tc_stats_clock();
    gc_code_full();
    t0 += tc_stats_clock() - t_gc; /* reclaiming is not translation time */
    blk = tc_emit(tc_ir);
  }
  if (!blk)
    xrun_die(XRUN_EXIT_INTERNAL, "xrun: internal error: block at 0x%llx cannot be translated",
             (unsigned long long)pc);
  tc_block_fresh(blk)->guest_hash = tc_decode_hash;
  tc_persist_note(blk);
  tc_note_block(blk, tc_ir, t0);
  tc_buf_populate();
  if (xrun_log_mask & LOG_OUT_ASM)
    tc_log_out_asm(blk);
  return blk;
}

struct tc_block *tc_translate(struct cpu *c, uint64_t pc) {
  tc_guest_read_begin();
  struct tc_block *blk = tc_translate_at(c, pc);
  tc_guest_read_end();
  return blk;
}

/* A new block's direct exits to blocks there already, chained at once:
 * each would otherwise come back to the run loop once to be chained (a
 * start loads hundreds of blocks, gcc's cc1 100,000). tc_mutex held. */
static void tc_chain_ready(struct tc_block *blk) {
  if (!blk || blk == TC_INTERP || xrun_opt.no_chain)
    return;
  pthread_mutex_lock(&tc_chain_lock);
  for (uint32_t i = 0; i < blk->n_exits; i++) {
    struct tc_block *to = tc_lookup(blk->exits[i].target_pc);
    if (to)
      tc_chain(&blk->exits[i], to);
  }
  pthread_mutex_unlock(&tc_chain_lock);
}

/* Called online (gc.h); returns a block that stays valid until the caller's
 * next quiescent state, or NULL when the guest code at pc cannot be read.
 * Translating is done offline: other threads may empty a region meanwhile,
 * and a block found then is looked up again. */
struct tc_block *tc_get(struct cpu *c, uint64_t pc) {
  tc_count(TC_ST_LOOKUPS, 1);
  for (;;) {
    struct tc_block *blk = tc_lookup(pc);
    if (blk)
      return blk;
    tc_count(TC_ST_MISSES, 1);
    gc_offline();
    pthread_mutex_lock(&tc_mutex);
    blk = tc_lookup(pc);
    if (!blk) {
      blk = tc_translate(c, pc);
      tc_chain_ready(blk);
    }
    uint64_t gen = tc_generation;
    pthread_mutex_unlock(&tc_mutex);
    gc_online();
    if (!blk || gen == __atomic_load_n(&tc_generation, __ATOMIC_RELAXED))
      return blk;
  }
}
