/* setjmp_longjmp.c - setjmp/longjmp out of nested calls, returning the value
 * passed (and 1 for longjmp(env, 0)), with volatile locals kept across the
 * jump, and a loop driven by repeated longjmps. */
#include <setjmp.h>
#include <stdio.h>

static jmp_buf env;
static int depth_reached;

static void dive(int depth, int limit) {
  depth_reached = depth;
  if (depth == limit)
    longjmp(env, depth * 10);
  dive(depth + 1, limit);
  printf("not reached\n");
}

int main(void) {
  for (int limit = 1; limit <= 50; limit += 7) {
    int r = setjmp(env);
    if (r == 0)
      dive(0, limit);
    else
      printf("limit %d: longjmp returned %d, depth %d\n", limit, r, depth_reached);
  }
  volatile int count = 0;
  jmp_buf loop;
  int r = setjmp(loop);
  count++;
  if (count < 5)
    longjmp(loop, count);
  printf("loop ended: r=%d count=%d\n", r, count);
  jmp_buf z;
  if ((r = setjmp(z)) == 0)
    longjmp(z, 0);
  printf("longjmp(.., 0) gives %d\n", r);
  volatile double d = 1.5;
  if (setjmp(env) == 0) {
    d *= 4;
    longjmp(env, 2);
  }
  printf("double kept: %.2f\n", d);
  return 0;
}
