/* mutual_recursion.c - is_even/is_odd mutual recursion, a recursive-descent
 * expression parser (expr/term/factor call each other), and Hofstadter's
 * female/male sequences. */
#include <stdio.h>

static int is_odd(unsigned n);
static __attribute__((noinline)) int is_even(unsigned n) {
  return n == 0 ? 1 : is_odd(n - 1);
}
static __attribute__((noinline)) int is_odd(unsigned n) {
  return n == 0 ? 0 : is_even(n - 1);
}

static const char *p;
static long expr(void);
static long factor(void) {
  if (*p == '(') {
    p++;
    long v = expr();
    p++;
    return v;
  }
  if (*p == '-') {
    p++;
    return -factor();
  }
  long v = 0;
  while (*p >= '0' && *p <= '9')
    v = v * 10 + (*p++ - '0');
  return v;
}
static long term(void) {
  long v = factor();
  while (*p == '*' || *p == '/' || *p == '%') {
    char op = *p++;
    long r = factor();
    v = op == '*' ? v * r : op == '/' ? v / r : v % r;
  }
  return v;
}
static long expr(void) {
  long v = term();
  while (*p == '+' || *p == '-') {
    char op = *p++;
    long r = term();
    v = op == '+' ? v + r : v - r;
  }
  return v;
}

static int M(int n);
static int F(int n) {
  return n == 0 ? 1 : n - M(F(n - 1));
}
static int M(int n) {
  return n == 0 ? 0 : n - F(M(n - 1));
}

int main(void) {
  printf("even(10001)=%d odd(10001)=%d even(54321)=%d\n", is_even(10001), is_odd(10001),
         is_even(54321));
  const char *exprs[] = {"1+2*3",
                         "(1+2)*3",
                         "-(4-10)*(3+-2)",
                         "100/7%4+2*(((5)))",
                         "2*3*4*5*6*7*8*9*10*11*12*13",
                         "((((((((1+1)*2)*2)*2)*2)*2)*2)*2)-1"};
  for (unsigned i = 0; i < sizeof exprs / sizeof *exprs; i++) {
    p = exprs[i];
    printf("%s = %ld\n", exprs[i], expr());
  }
  printf("F:");
  for (int i = 0; i < 20; i++)
    printf(" %d", F(i));
  printf("\nM:");
  for (int i = 0; i < 20; i++)
    printf(" %d", M(i));
  printf("\n");
  return 0;
}
