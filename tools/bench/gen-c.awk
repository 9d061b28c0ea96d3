# gen-c.awk - a deterministic C program of about `lines` lines for the gcc
# benchmark: `awk -v lines=500 -f gen-c.awk >prog.c`. Functions of a few
# kinds (loops over arrays, a switch, a linked list, string work, a struct
# sort with qsort), each calling the previous one, and a main that prints what
# they return. Fixed-width integers only, no floating point and no plain char
# arithmetic, so the x86-64 and the arm64 builds print the same.

function arith(i) {
  printf "static uint64_t f%d(uint64_t x) {\n", i
  printf "  uint64_t a[%d];\n", 8 + i % 9
  printf "  for (unsigned k = 0; k < %d; k++)\n", 8 + i % 9
  printf "    a[k] = x * %dU + k * k + (x >> %d);\n", 2 * i + 3, 1 + i % 13
  printf "  uint64_t s = %d;\n", i
  printf "  for (unsigned k = 0; k < %d; k++)\n", 8 + i % 9
  printf "    s = (s << %d | s >> %d) ^ a[k];\n", 1 + i % 31, 63 - i % 31
  printf "  return s + f%d(x ^ s);\n", i - 1
  print "}\n"
}

function sw(i) {
  printf "static uint64_t f%d(uint64_t x) {\n", i
  print "  uint64_t r = 0;"
  printf "  for (unsigned k = 0; k < %d; k++) {\n", 20 + i
  print "    switch ((x + k) % 6) {"
  printf "    case 0: r += x / %d; break;\n", 3 + i
  printf "    case 1: r ^= x * %d; break;\n", 7 + i
  printf "    case 2: r -= (x %% %d) << 3; break;\n", 11 + i
  print "    case 3: r = r * 31 + k; break;"
  printf "    case 4: r |= (uint64_t)1 << ((x + k) %% %d); break;\n", 40 + i % 20
  print "    default: r = ~r; break;"
  print "    }"
  print "    x = x * 6364136223846793005ULL + 1442695040888963407ULL;"
  print "  }"
  printf "  return r + f%d(r);\n", i - 1
  print "}\n"
}

function list(i) {
  printf "static uint64_t f%d(uint64_t x) {\n", i
  print "  struct node *head = NULL;"
  printf "  for (unsigned k = 0; k < %d; k++) {\n", 16 + i % 17
  print "    struct node *n = malloc(sizeof *n);"
  printf "    n->key = (uint32_t)(x >> (k %% 32)) %% %d;\n", 97 + i
  print "    n->val = (int64_t)(x + k) - 1000;"
  print "    n->next = head;"
  print "    head = n;"
  print "  }"
  print "  int64_t s = 0;"
  print "  while (head) {"
  print "    struct node *n = head;"
  print "    s += n->key % 2 ? n->val : -(int64_t)n->key;"
  print "    head = n->next;"
  print "    free(n);"
  print "  }"
  printf "  return (uint64_t)s + f%d(x + (uint64_t)s);\n", i - 1
  print "}\n"
}

function str(i) {
  printf "static uint64_t f%d(uint64_t x) {\n", i
  print "  unsigned char buf[96];"
  printf "  int n = snprintf((char *)buf, sizeof buf, \"%%llu-%d-%%llx\", (unsigned long long)x,\n", i
  print "                   (unsigned long long)(x * 3));"
  print "  uint64_t h = 1469598103934665603ULL;"
  print "  for (int k = 0; k < n; k++)"
  print "    h = (h ^ buf[k]) * 1099511628211ULL;"
  printf "  if (memchr(buf, '%d', (size_t)n))\n", i % 10
  print "    h += (uint64_t)n;"
  printf "  return h ^ f%d(h >> 7);\n", i - 1
  print "}\n"
}

function sort(i) {
  printf "static uint64_t f%d(uint64_t x) {\n", i
  printf "  struct rec r[%d];\n", 10 + i % 11
  printf "  for (unsigned k = 0; k < %d; k++) {\n", 10 + i % 11
  printf "    r[k].a = (uint32_t)((x >> (k %% 29)) %% %d);\n", 50 + i
  print "    r[k].b = (int32_t)k - 5;"
  print "  }"
  printf "  qsort(r, %d, sizeof r[0], cmp_rec);\n", 10 + i % 11
  print "  uint64_t s = 0;"
  printf "  for (unsigned k = 0; k < %d; k++)\n", 10 + i % 11
  print "    s = s * 131 + r[k].a + (uint64_t)(r[k].b & 0xff);"
  printf "  return s + f%d(x ^ (s << 1));\n", i - 1
  print "}\n"
}

BEGIN {
  if (!lines)
    lines = 500
  print "#include <stdint.h>\n#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n"
  print "struct node {\n  uint32_t key;\n  int64_t val;\n  struct node *next;\n};\n"
  print "struct rec {\n  uint32_t a;\n  int32_t b;\n};\n"
  print "static int cmp_rec(const void *p, const void *q) {"
  print "  const struct rec *x = p, *y = q;"
  print "  return x->a != y->a ? (x->a < y->a ? -1 : 1) : (x->b > y->b) - (x->b < y->b);"
  print "}\n"
  print "static uint64_t f0(uint64_t x) {\n  return x ^ 0x9e3779b97f4a7c15ULL;\n}\n"
  n = int((lines - 40) / 14)
  for (i = 1; i <= n; i++) {
    k = i % 5
    if (k == 0) arith(i)
    else if (k == 1) sw(i)
    else if (k == 2) list(i)
    else if (k == 3) str(i)
    else sort(i)
  }
  print "int main(void) {"
  print "  uint64_t t = 0;"
  printf "  for (uint64_t x = 1; x <= 20; x++) {\n"
  printf "    uint64_t v = f%d(x * 0x1234567ULL);\n", n
  print "    t ^= v + x;"
  print "    if (x % 5 == 0)"
  print "      printf(\"%llu %016llx\\n\", (unsigned long long)x, (unsigned long long)v);"
  print "  }"
  print "  printf(\"%016llx\\n\", (unsigned long long)t);"
  print "  return 0;"
  print "}"
}
