/* function_pointers.c - calls through tables of function pointers (blr),
 * callbacks, a pointer returned from a function, and tail calls through
 * pointers; the targets are chosen at run time. */
#include <stdio.h>

typedef long (*binop)(long, long);
static long add(long a, long b) {
  return a + b;
}
static long sub(long a, long b) {
  return a - b;
}
static long mul(long a, long b) {
  return a * b;
}
static long mx(long a, long b) {
  return a > b ? a : b;
}
static long xr(long a, long b) {
  return a ^ b;
}
static binop table[] = {add, sub, mul, mx, xr};
static const char *names[] = {"add", "sub", "mul", "max", "xor"};

static binop pick(int i) {
  return table[i % 5];
}
static long fold(const long *v, int n, binop f, long init) {
  for (int i = 0; i < n; i++)
    init = f(init, v[i]);
  return init;
}

struct shape {
  const char *name;
  double (*area)(const struct shape *);
  double a, b;
};
static double rect_area(const struct shape *s) {
  return s->a * s->b;
}
static double tri_area(const struct shape *s) {
  return s->a * s->b / 2;
}

static int countdown(int n);
static int (*volatile next_step)(int) = countdown;
static int countdown(int n) {
  return n <= 0 ? 0 : 1 + next_step(n - 1);
}

int main(void) {
  long v[] = {3, -1, 4, 1, -5, 9, 2, -6, 5, 3};
  for (int i = 0; i < 5; i++)
    printf("%s fold = %ld\n", names[i], fold(v, 10, table[i], i == 2 ? 1 : 0));
  long acc = 7;
  for (int i = 0; i < 1000; i++)
    acc = pick(i * 7 + 3)(acc, i) & 0xffffff;
  printf("acc = %ld\n", acc);
  struct shape shapes[] = {
      {"rect", rect_area, 3, 4}, {"tri", tri_area, 3, 4}, {"sq", rect_area, 2.5, 2.5}};
  for (int i = 0; i < 3; i++)
    printf("%s area %.2f\n", shapes[i].name, shapes[i].area(&shapes[i]));
  printf("countdown = %d\n", countdown(5000));
  return 0;
}
