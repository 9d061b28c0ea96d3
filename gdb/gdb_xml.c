/* gdb_xml.c - building a target description (target.xml) for a guest's
 * struct guest_gdb: text appended piece by piece into a fixed buffer. */
#include <stdarg.h>
#include <stdio.h>
#include "gdb.h"

void gdb_xml(struct gdb_xml *x, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(x->text + x->len, x->len < x->cap ? x->cap - x->len : 0, fmt, ap);
  va_end(ap);
  if (n > 0)
    x->len += (size_t)n;
}

size_t gdb_xml_len(const struct gdb_xml *x) {
  return x->len < x->cap ? x->len : x->cap;
}
