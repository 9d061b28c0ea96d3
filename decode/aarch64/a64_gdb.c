/* a64_gdb.c - the AArch64 registers as gdb numbers them (gdb/gdb.h): the
 * features org.gnu.gdb.aarch64.core (x0-x30, sp, pc, cpsr: 0-33) and
 * org.gnu.gdb.aarch64.fpu (v0-v31 of 128 bits, fpsr, fpcr: 34-67), in the
 * order and with the types of gdb's own aarch64-core.xml and aarch64-fpu.xml.
 */
#include <stdio.h>
#include <string.h>
#include "a64_util.h"
#include "../../gdb/gdb.h"

enum { A64_GDB_SP = 31, A64_GDB_PC, A64_GDB_CPSR, A64_GDB_V0, A64_GDB_FPSR = 66, A64_GDB_FPCR };

static unsigned a64_gdb_reg_size(unsigned n) {
  if (n < A64_GDB_CPSR)
    return 8;
  if (n >= A64_GDB_V0 && n < A64_GDB_FPSR)
    return 16;
  return 4;
}

/* cpsr: NZCV in bits 31..28 (materialized from the lazy flags); EL0t. */
static void a64_gdb_reg_get(struct cpu *c, unsigned n, uint8_t *buf) {
  struct a64_cpu *a = (struct a64_cpu *)c;
  uint32_t w;
  if (n <= A64_GDB_SP)
    memcpy(buf, &a->x[n], 8);
  else if (n == A64_GDB_PC)
    memcpy(buf, &c->pc, 8);
  else if (n >= A64_GDB_V0 && n < A64_GDB_FPSR)
    memcpy(buf, a->v[n - A64_GDB_V0], 16);
  else {
    w = n == A64_GDB_CPSR   ? (uint32_t)a64_nzcv(a) << 28
        : n == A64_GDB_FPSR ? a64_fpsr_merge(a)
                            : a->fpcr;
    memcpy(buf, &w, 4);
  }
}

static void a64_gdb_reg_set(struct cpu *c, unsigned n, const uint8_t *buf) {
  struct a64_cpu *a = (struct a64_cpu *)c;
  uint32_t w;
  if (n <= A64_GDB_SP)
    memcpy(&a->x[n], buf, 8);
  else if (n == A64_GDB_PC)
    memcpy(&c->pc, buf, 8);
  else if (n >= A64_GDB_V0 && n < A64_GDB_FPSR)
    memcpy(a->v[n - A64_GDB_V0], buf, 16);
  else {
    memcpy(&w, buf, 4);
    if (n == A64_GDB_CPSR)
      a64_set_nzcv_c(a, w >> 28);
    else if (n == A64_GDB_FPSR)
      a->fpsr = w & A64_FPSR_WRITABLE, c->fp_pending = 0;
    else
      a->fpcr = w & A64_FPCR_WRITABLE;
  }
}

static const char a64_gdb_vector_types[] =
    "<vector id=\"v2d\" type=\"ieee_double\" count=\"2\"/>"
    "<vector id=\"v2u\" type=\"uint64\" count=\"2\"/>"
    "<vector id=\"v2i\" type=\"int64\" count=\"2\"/>"
    "<vector id=\"v4f\" type=\"ieee_single\" count=\"4\"/>"
    "<vector id=\"v4u\" type=\"uint32\" count=\"4\"/>"
    "<vector id=\"v4i\" type=\"int32\" count=\"4\"/>"
    "<vector id=\"v8u\" type=\"uint16\" count=\"8\"/>"
    "<vector id=\"v8i\" type=\"int16\" count=\"8\"/>"
    "<vector id=\"v16u\" type=\"uint8\" count=\"16\"/>"
    "<vector id=\"v16i\" type=\"int8\" count=\"16\"/>"
    "<vector id=\"v1u\" type=\"uint128\" count=\"1\"/>"
    "<vector id=\"v1i\" type=\"int128\" count=\"1\"/>"
    "<union id=\"vnd\"><field name=\"f\" type=\"v2d\"/><field name=\"u\" type=\"v2u\"/>"
    "<field name=\"s\" type=\"v2i\"/></union>"
    "<union id=\"vns\"><field name=\"f\" type=\"v4f\"/><field name=\"u\" type=\"v4u\"/>"
    "<field name=\"s\" type=\"v4i\"/></union>"
    "<union id=\"vnh\"><field name=\"u\" type=\"v8u\"/><field name=\"s\" type=\"v8i\"/></union>"
    "<union id=\"vnb\"><field name=\"u\" type=\"v16u\"/><field name=\"s\" type=\"v16i\"/></union>"
    "<union id=\"vnq\"><field name=\"u\" type=\"v1u\"/><field name=\"s\" type=\"v1i\"/></union>"
    "<union id=\"aarch64v\"><field name=\"d\" type=\"vnd\"/><field name=\"s\" type=\"vns\"/>"
    "<field name=\"h\" type=\"vnh\"/><field name=\"b\" type=\"vnb\"/>"
    "<field name=\"q\" type=\"vnq\"/></union>";

static size_t a64_gdb_target_xml(char *t, size_t cap) {
  struct gdb_xml x = {t, cap, 0};
  gdb_xml(&x, "<?xml version=\"1.0\"?><!DOCTYPE target SYSTEM \"gdb-target.dtd\">"
              "<target><architecture>aarch64</architecture>"
              "<feature name=\"org.gnu.gdb.aarch64.core\">");
  for (int i = 0; i < 31; i++)
    gdb_xml(&x, "<reg name=\"x%d\" bitsize=\"64\"/>", i);
  gdb_xml(&x,
          "<reg name=\"sp\" bitsize=\"64\" type=\"data_ptr\"/>"
          "<reg name=\"pc\" bitsize=\"64\" type=\"code_ptr\"/>"
          "<reg name=\"cpsr\" bitsize=\"32\"/></feature>"
          "<feature name=\"org.gnu.gdb.aarch64.fpu\">%s",
          a64_gdb_vector_types);
  for (int i = 0; i < 32; i++)
    gdb_xml(&x, "<reg name=\"v%d\" bitsize=\"128\" type=\"aarch64v\"%s/>", i,
            i ? "" : " regnum=\"34\"");
  gdb_xml(&x, "<reg name=\"fpsr\" bitsize=\"32\"/><reg name=\"fpcr\" bitsize=\"32\"/>"
              "</feature></target>");
  return gdb_xml_len(&x);
}

const struct guest_gdb a64_gdb = {
    .n_regs = A64_GDB_FPCR + 1,
    .reg_size = a64_gdb_reg_size,
    .reg_get = a64_gdb_reg_get,
    .reg_set = a64_gdb_reg_set,
    .target_xml = a64_gdb_target_xml,
    .break_kinds = 1 << 4, /* brk #0 */
};
