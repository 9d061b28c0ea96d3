/* x64_ras.c - the return-address stack in translated code (tcache.h): a
 * call writes the slot of its return address, a return jumps through the
 * slot of the address it returns to.
 *
 * A slot holds host code that takes the return's guest pc in rax: the stub
 * of the last call whose return address has that slot, which goes on to
 * that address's block (a chainable exit) when rax is it, or x64_ras_miss,
 * where an empty slot or another address leads, and which probes the jump
 * cache as any indirect jump does. The stub's exit is taken only while no
 * signal or flush waits: returns to their calls' stubs can make a loop.
 *
 * A call costs two instructions, a return three and the stub five, where
 * the probe a return would make takes ten, and it reads its entry from a
 * 2 KB table in the state, not from a jump cache that grows to 1 MB.
 */
#include "x64.h"

/* The slot of return pc pc: its bits 2-9, 8 bytes apart. */
_Static_assert(CPU_RAS_SIZE == 256, "slots of pc bits 2-9");
static int32_t x64_ras_slot(uint64_t pc) {
  return (int32_t)offsetof(struct cpu, ras) - X64_STATE_BIAS + (int32_t)((pc >> 2) & 255) * 8;
}

/* A call that ends the block (its RET_PUSH seen, rdx free): its return
 * pc's slot = the block's return stub, which x64_ras_stub places after the
 * call's own exit, when the block has room for the stub's exit. Returns the
 * lea's rel32 to point at it, or NULL.
 *   lea   rdx, [rip+stub]
 *   mov   [r14+slot], rdx */
uint8_t *x64_ras_push(struct x64_ctx *x, unsigned exits) {
  struct tc_buf *b = x->buf;
  if (!x->ret_push || x->blk->n_exits + exits > x->blk->exits_cap)
    return NULL;
  x64_lea(b, 1, X64_RDX, x64_mem(X64_RIP, 0));
  uint8_t *rel = b->cur - 4;
  x64_store(b, 3, x64_mem(X64_R14, x64_ras_slot(x->ret_push)), X64_RDX);
  return rel;
}

/* The return stub of the call whose push set rel: a return that found
 * it comes here with its guest pc in rax, and goes on to the return pc's
 * block, chained like any exit, unless a signal or flush waits (a return
 * to its own call's stub can loop); at another pc, to x64_ras_miss.
 *   stub: movabs rdx, return_pc     (cmp rax, return_pc where it fits
 *         cmp    rax, rdx          4 bytes: x64_cmp_guest)
 *         jne    ras_miss
 *         cmp    dword [r14+exit_request], 0
 *         je     block        (the exit's patchable jump; else its stub) */
void x64_ras_stub(struct x64_ctx *x, uint8_t *rel) {
  if (!rel)
    return;
  x64_fix32(x->buf, rel);
  x64_cmp_guest(x, X64_RAX, x->ret_push, X64_RDX);
  x64_jcc_shared(x, X64_CC_NE, x64_ras_miss);
  x64_exit_checked(x, x->ret_push);
}

/* A return, its guest pc in rax: to the code its pc's slot names, a call's
 * stub or x64_ras_miss.
 *   mov   ecx, eax
 *   and   ecx, 0x3fc
 *   jmp   [r14+rcx*2+ras] */
void x64_ras_pop(struct x64_ctx *x) {
  struct tc_buf *b = x->buf;
  x64_mov_rr(b, 0, X64_RCX, X64_RAX);
  x64_alu_ri(b, 0, X64_AND, X64_RCX, 255 << 2);
  x64_jmp_m(b, (struct x64_mem){X64_R14, X64_RCX, 1, x64_ras_slot(0)});
}

/* Shared, for a return whose slot held another pc or none (rax the guest
 * pc, rcx and rdx free): the jump cache's probe, as x64_lower_jump has it
 * inline.
 *   ras_miss: cmp dword [r14+exit_request], 0; jne jc_miss
 *             (x64_jc_probe_pair); jne other_pair
 *   hit:      jmp [rcx+8] */
void x64_emit_ras_miss(struct tc_buf *b) {
  x64_ras_miss = b->cur;
  x64_alu_mi(b, 2, X64_CMP, x64_cpu_field(offsetof(struct cpu, exit_request)), 0);
  x64_jcc_rel(b, X64_CC_NE, x64_jc_miss);
  uint8_t *hit = x64_jc_probe_pair(b);
  x64_jcc_rel(b, X64_CC_NE, x64_jc_other_pair);
  x64_fix8(b, hit);
  x64_jmp_m(b, x64_mem(X64_RCX, 8));
}

const void *x64_ras_miss_code(void) {
  return x64_ras_miss;
}
