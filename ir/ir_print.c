/* ir_print.c - the IR printer (-d ir): one line per instruction.
 *
 *   block 0x400120: 16 insns, 3 guest insns, 12 bytes
 *     0x400120:
 *      3 i64 = get [+0x40]
 *      5 i64 = add 3, 4
 *      7       put [+0x40] = 5
 *     15       exit.if 14 -> 0x400123
 */
#include <inttypes.h>
#include "ir.h"
#include "ir_eval.h"

static const char *const ir_cmp_names[] = {"eq",  "ne", "ltu", "geu", "leu",
                                           "gtu", "lt", "ge",  "le",  "gt"};
static const char *const ir_cc_names[] = {"eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc",
                                          "hi", "ls", "ge", "lt", "gt", "le", "al", "nv"};
static const char *const ir_atomic_names[] = {"add",  "clr",  "xor",  "or", "smax",
                                              "smin", "umax", "umin", "swp"};

/* fence.full, fence.load, fence.store, or the orders it keeps: fence.rr.rw */
static void ir_print_fence(FILE *f, unsigned aux) {
  static const char *const order[] = {"rr", "rw", "wr", "ww"};
  if (aux == IR_FENCE_FULL || aux == IR_FENCE_LOAD || aux == IR_FENCE_STORE) {
    fputs(aux == IR_FENCE_FULL   ? "fence.full"
          : aux == IR_FENCE_LOAD ? "fence.load"
                                 : "fence.store",
          f);
    return;
  }
  fputs("fence", f);
  for (unsigned k = 0; k < 4; k++)
    if (aux >> k & 1)
      fprintf(f, ".%s", order[k]);
}

const char *ir_type_name(enum ir_type t) {
  switch (t) {
  case IR_VOID: return "void";
  case IR_I32: return "i32";
  case IR_I64: return "i64";
  case IR_F32: return "f32";
  case IR_F64: return "f64";
  case IR_V128: return "v128";
  }
  return "?";
}

static const char *ir_name_at(const char *const *names, unsigned n, unsigned i) {
  return i < n ? names[i] : "?";
}

/* "a, b, c" for the first nargs operands; missing CALL operands print as 0. */
static void ir_print_args(FILE *f, const struct ir_insn *i, unsigned nargs) {
  const uint32_t ops[3] = {i->a, i->b, i->c};
  for (unsigned k = 0; k < nargs; k++)
    fprintf(f, "%s%" PRIu32, k ? ", " : " ", ops[k]);
}

static void ir_print_mem(FILE *f, const struct ir_insn *i, const char *name) {
  unsigned bits = 8u << (i->aux & IR_MEM_SIZE_MASK); /* 128 for a v128 */
  int64_t disp = (i->op == IR_LOAD || i->op == IR_STORE) ? (int64_t)i->imm : 0;
  fprintf(f, "%s.%s%u [%" PRIu32, name, i->aux & IR_MEM_SIGNED ? "s" : "u", bits, i->a);
  if (disp)
    fprintf(f, " %c 0x%" PRIx64, disp < 0 ? '-' : '+', disp < 0 ? -(uint64_t)disp : (uint64_t)disp);
  fputc(']', f);
}

/* Vector ops: name.<lane bits> operands, then the imm where it means something. */
static void ir_print_vec(FILE *f, const struct ir_block *b, const struct ir_insn *i) {
  const char *name = ir_op_info[i->op].name;
  if (i->op == IR_VCONST) {
    struct ir_v128 v = i->imm < b->n_vconst ? b->vconst[i->imm] : (struct ir_v128){0, 0};
    fprintf(f, "vconst 0x%016" PRIx64 "_%016" PRIx64, v.hi, v.lo);
    return;
  }
  if (ir_is_vf_op(i->op)) {
    static const char *const extent[4] = {"", ".half", ".one", "?"};
    fprintf(f, "%s.f%u%s", name, 8u << (i->aux & 3), extent[(i->aux >> 2) & 3]);
    ir_print_args(f, i, ir_op_info[i->op].nargs);
    if (i->op == IR_VFCMP && i->imm)
      fputs(", signalling", f);
    if (i->op == IR_VFCHK && i->imm == IR_VFCHK_NONFINITE)
      fputs(", nonfinite", f);
    if (i->op == IR_VFROUND) {
      static const char *const mode[4] = {"rn", "rm", "rp", "rz"};
      fprintf(f, ", %s%s", mode[i->imm & IR_VF_RMODE_MASK],
              i->imm & IR_VF_RINEXACT ? ", inexact" : "");
    }
    return;
  }
  switch (i->op) {
  case IR_VAND:
  case IR_VOR:
  case IR_VXOR:
  case IR_VANDN:
  case IR_VNOT:
  case IR_VZEXT64:
  case IR_VAESSUB ... IR_VCLMUL:
  case IR_VSHA256RND2 ... IR_VSHA256MSG2: fputs(name, f); break;
  default: fprintf(f, "%s.%u", name, 8u << (i->aux & 3)); break;
  }
  ir_print_args(f, i, ir_op_info[i->op].nargs);
  switch (i->op) {
  case IR_VSHL:
  case IR_VSHRU:
  case IR_VSHRS:
  case IR_VEXTRACT:
  case IR_VINSERT:
  case IR_VCLMUL:
  case IR_VEXT: fprintf(f, ", #%" PRIu64, i->imm); break;
  default: break;
  }
}

static void ir_print_body(FILE *f, const struct ir_block *b, const struct ir_insn *i) {
  const char *name = ir_op_info[i->op].name;
  if (ir_is_vec_op(i->op)) {
    ir_print_vec(f, b, i);
    return;
  }
  switch (i->op) {
  case IR_CONST:
    fprintf(f, "const%s 0x%" PRIx64, i->aux & IR_CONST_GUEST ? ".guest" : "", i->imm);
    break;
  case IR_GET: fprintf(f, "get [+0x%" PRIx64 "]", i->imm); break;
  case IR_PUT:
    fprintf(f, "put%s [+0x%" PRIx64 "] = %" PRIu32, i->aux & IR_PUT_DEFER ? ".defer" : "", i->imm,
            i->a);
    break;
  case IR_ZEXT:
  case IR_SEXT: fprintf(f, "%s.%u %" PRIu32, name, i->aux, i->a); break;
  case IR_CRC32C:
    fprintf(f, "%s.%u", name, 8u << (i->aux & 3));
    ir_print_args(f, i, 2);
    break;
  case IR_CMP:
    fprintf(f, "cmp.%s.%s", ir_name_at(ir_cmp_names, 10, i->aux), ir_type_name(i->imm));
    ir_print_args(f, i, 2);
    break;
  case IR_FLAGS_ADD:
  case IR_FLAGS_SUB:
  case IR_FLAGS_ADC:
  case IR_FLAGS_SBC:
  case IR_FLAGS_LOGIC:
    fprintf(f, "%s.%s", name, ir_type_name(i->aux));
    ir_print_args(f, i, ir_op_info[i->op].nargs);
    break;
  case IR_COND: fprintf(f, "cond.%s %" PRIu32, ir_name_at(ir_cc_names, 16, i->aux), i->a); break;
  case IR_LOAD: ir_print_mem(f, i, name); break;
  case IR_STORE:
    ir_print_mem(f, i, name);
    fprintf(f, " = %" PRIu32, i->b);
    break;
  case IR_CAS:
    ir_print_mem(f, i, name);
    fprintf(f, ", %" PRIu32 ", %" PRIu32, i->b, i->c);
    break;
  case IR_ATOMIC:
    ir_print_mem(f, i, name);
    fprintf(f, " %s %" PRIu32, ir_name_at(ir_atomic_names, 9, i->imm), i->b);
    break;
  case IR_FENCE: ir_print_fence(f, i->aux); break;
  case IR_CALL:
    fprintf(f, "call 0x%" PRIx64 "(%" PRIu32 ", %" PRIu32 ", %" PRIu32 ")", i->imm, i->a, i->b,
            i->c);
    break;
  case IR_EXIT_IF: fprintf(f, "exit.if %" PRIu32 " -> 0x%" PRIx64, i->a, i->imm); break;
  case IR_GOTO: fprintf(f, "goto 0x%" PRIx64, i->imm); break;
  case IR_JUMP:
    fprintf(f, "%s %" PRIu32, i->aux == IR_JUMP_RETURN ? "return" : "jump", i->a);
    break;
  case IR_RET_PUSH: fprintf(f, "ret.push 0x%" PRIx64, i->imm); break;
  case IR_SYSCALL: fprintf(f, "syscall -> 0x%" PRIx64, i->imm); break;
  case IR_TRAP: fprintf(f, "trap sig %u at 0x%" PRIx64, i->aux, i->imm); break;
  case IR_CODE_INVAL: fprintf(f, "code.inval %" PRIu32 " -> 0x%" PRIx64, i->a, i->imm); break;
  default:
    fputs(name, f);
    ir_print_args(f, i, ir_op_info[i->op].nargs);
    break;
  }
}

static void ir_print_insn(FILE *f, const struct ir_block *b, uint32_t ref,
                          const struct ir_insn *i) {
  if (i->op == IR_NOP)
    return;
  if (!ir_has_value(i))
    fprintf(f, "%4" PRIu32 "       ", ref);
  else
    fprintf(f, "%4" PRIu32 " %-3s = ", ref, ir_type_name(i->type));
  ir_print_body(f, b, i);
  fputc('\n', f);
}

void ir_print(FILE *f, const struct ir_block *b) {
  uint32_t live = 0;
  for (uint32_t r = 1; r < b->n; r++)
    live += b->insn[r].op != IR_NOP;
  fprintf(f,
          "block 0x%" PRIx64 ": %" PRIu32 " insns (%" PRIu32 " live), %" PRIu32
          " guest insns, %" PRIu32 " bytes\n",
          b->guest_pc, b->n - 1, live, b->guest_insns, b->guest_size);
  uint32_t m = 0;
  for (uint32_t r = 1; r < b->n; r++) {
    for (; m < b->n_marks && b->marks[m].ref <= r; m++)
      fprintf(f, "  0x%" PRIx64 ":\n", b->marks[m].pc);
    ir_print_insn(f, b, r, &b->insn[r]);
  }
  for (; m < b->n_marks; m++) /* guest instructions that left no IR at the end */
    fprintf(f, "  0x%" PRIx64 ":\n", b->marks[m].pc);
}
