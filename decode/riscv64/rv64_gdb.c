/* rv64_gdb.c - the RV64GC registers as gdb numbers them (gdb/gdb.h): the
 * features org.gnu.gdb.riscv.cpu (x0-x31 by their ABI names, then pc: 0-32)
 * and org.gnu.gdb.riscv.fpu (f0-f31 of 64 bits, then the FP CSRs fflags,
 * frm and fcsr: 33-67), with the names and types of gdb's own
 * riscv/64bit-cpu.xml and 64bit-fpu.xml, which gdb's riscv:rv64 knows by
 * name. Breakpoints are of kind 2 (c.ebreak, where the program has the C
 * extension) or 4 (ebreak). */
#include <string.h>
#include "rv64.h"
#include "../../gdb/gdb.h"

enum { RV64_GDB_PC = 32, RV64_GDB_F0, RV64_GDB_FFLAGS = 65, RV64_GDB_FRM, RV64_GDB_FCSR };

/* The integer registers' ABI names and gdb types (the RISC-V psABI). */
static const struct {
  const char *name, *type;
} rv64_gdb_x[32] = {
    {"zero", "int"}, {"ra", "code_ptr"}, {"sp", "data_ptr"}, {"gp", "data_ptr"}, {"tp", "data_ptr"},
    {"t0", "int"},   {"t1", "int"},      {"t2", "int"},      {"fp", "data_ptr"}, {"s1", "int"},
    {"a0", "int"},   {"a1", "int"},      {"a2", "int"},      {"a3", "int"},      {"a4", "int"},
    {"a5", "int"},   {"a6", "int"},      {"a7", "int"},      {"s2", "int"},      {"s3", "int"},
    {"s4", "int"},   {"s5", "int"},      {"s6", "int"},      {"s7", "int"},      {"s8", "int"},
    {"s9", "int"},   {"s10", "int"},     {"s11", "int"},     {"t3", "int"},      {"t4", "int"},
    {"t5", "int"},   {"t6", "int"},
};

/* The FP registers' ABI names. */
static const char *const rv64_gdb_f[32] = {
    "ft0", "ft1", "ft2", "ft3", "ft4",  "ft5",  "ft6", "ft7", "fs0",  "fs1",  "fa0",
    "fa1", "fa2", "fa3", "fa4", "fa5",  "fa6",  "fa7", "fs2", "fs3",  "fs4",  "fs5",
    "fs6", "fs7", "fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11",
};

static unsigned rv64_gdb_reg_size(unsigned n) {
  return n < RV64_GDB_FFLAGS ? 8 : 4;
}

/* The FP CSRs, from fcsr with the pending exception flags folded in. */
static uint32_t rv64_gdb_fcsr_get(struct rv64_cpu *r, unsigned n) {
  uint64_t fcsr = rv64_fcsr_merge(r);
  if (n == RV64_GDB_FFLAGS)
    return fcsr & RV64_FFLAGS_MASK;
  return n == RV64_GDB_FRM ? fcsr >> RV64_FRM_SHIFT & 7 : fcsr & RV64_FCSR_MASK;
}

static void rv64_gdb_fcsr_set(struct rv64_cpu *r, unsigned n, uint32_t v) {
  uint64_t fcsr = rv64_fcsr_merge(r);
  if (n == RV64_GDB_FFLAGS)
    fcsr = (fcsr & ~(uint64_t)RV64_FFLAGS_MASK) | (v & RV64_FFLAGS_MASK);
  else if (n == RV64_GDB_FRM)
    fcsr = (fcsr & RV64_FFLAGS_MASK) | (v & 7) << RV64_FRM_SHIFT;
  else
    fcsr = v & RV64_FCSR_MASK;
  r->fcsr = fcsr;
}

static void rv64_gdb_reg_get(struct cpu *c, unsigned n, uint8_t *buf) {
  struct rv64_cpu *r = (struct rv64_cpu *)c;
  uint32_t w;
  if (n < RV64_GDB_PC)
    memcpy(buf, &r->x[n], 8);
  else if (n == RV64_GDB_PC)
    memcpy(buf, &c->pc, 8);
  else if (n < RV64_GDB_FFLAGS)
    memcpy(buf, &r->f[n - RV64_GDB_F0], 8);
  else {
    w = rv64_gdb_fcsr_get(r, n);
    memcpy(buf, &w, 4);
  }
}

/* x0 stays zero, as the hardware keeps it. */
static void rv64_gdb_reg_set(struct cpu *c, unsigned n, const uint8_t *buf) {
  struct rv64_cpu *r = (struct rv64_cpu *)c;
  uint32_t w;
  if (n == 0)
    return;
  if (n < RV64_GDB_PC)
    memcpy(&r->x[n], buf, 8);
  else if (n == RV64_GDB_PC)
    memcpy(&c->pc, buf, 8);
  else if (n < RV64_GDB_FFLAGS)
    memcpy(&r->f[n - RV64_GDB_F0], buf, 8);
  else {
    memcpy(&w, buf, 4);
    rv64_gdb_fcsr_set(r, n, w);
  }
}

static size_t rv64_gdb_target_xml(char *t, size_t cap) {
  struct gdb_xml x = {t, cap, 0};
  gdb_xml(&x, "<?xml version=\"1.0\"?><!DOCTYPE target SYSTEM \"gdb-target.dtd\">"
              "<target><architecture>riscv:rv64</architecture>"
              "<feature name=\"org.gnu.gdb.riscv.cpu\">");
  for (int i = 0; i < 32; i++)
    gdb_xml(&x, "<reg name=\"%s\" bitsize=\"64\" type=\"%s\"/>", rv64_gdb_x[i].name,
            rv64_gdb_x[i].type);
  gdb_xml(&x, "<reg name=\"pc\" bitsize=\"64\" type=\"code_ptr\"/></feature>"
              "<feature name=\"org.gnu.gdb.riscv.fpu\"><union id=\"riscv_double\">"
              "<field name=\"float\" type=\"ieee_single\"/>"
              "<field name=\"double\" type=\"ieee_double\"/></union>");
  for (int i = 0; i < 32; i++)
    gdb_xml(&x, "<reg name=\"%s\" bitsize=\"64\" type=\"riscv_double\"/>", rv64_gdb_f[i]);
  gdb_xml(&x, "<reg name=\"fflags\" bitsize=\"32\" type=\"int\"/>"
              "<reg name=\"frm\" bitsize=\"32\" type=\"int\"/>"
              "<reg name=\"fcsr\" bitsize=\"32\" type=\"int\"/></feature></target>");
  return gdb_xml_len(&x);
}

const struct guest_gdb rv64_gdb = {
    .n_regs = RV64_GDB_FCSR + 1,
    .reg_size = rv64_gdb_reg_size,
    .reg_get = rv64_gdb_reg_get,
    .reg_set = rv64_gdb_reg_set,
    .target_xml = rv64_gdb_target_xml,
    .break_kinds = 1 << 2 | 1 << 4, /* c.ebreak, ebreak */
};
