/* calls.c - gdb through the stub: a breakpoint at a function, registers,
 * backtrace, arguments and locals, step/next/stepi, finish, memory, a
 * (software) watchpoint, a conditional breakpoint in a recursion, and the
 * exit status (173 % 50 = 23). */
#include <stdio.h>

long table[8] = {3, 1, 4, 1, 5, 9, 2, 6};
long counter;

static long square(long x) {
  long r = x * x;
  return r;
}

long sum_squares(const long *v, int n) {
  long total = 0;
  for (int i = 0; i < n; i++) {
    total += square(v[i]);
    counter++;
  }
  return total;
}

int depth(int n) {
  return n ? depth(n - 1) + 1 : 0;
}

int main(void) {
  long s = sum_squares(table, 8);
  int d = depth(3);
  printf("sum %ld depth %d\n", s, d);
  return (int)(s % 50);
}
