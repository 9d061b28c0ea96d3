/* switch_jump_table.c - dense switches (compiled to jump tables, i.e.
 * indirect branches through a table of offsets), a sparse switch, and a
 * switch-driven little bytecode interpreter. */
#include <stdio.h>

static __attribute__((noinline)) int dense(int x) {
  switch (x) {
  case 0: return 11;
  case 1: return 23;
  case 2: return 37;
  case 3: return 41;
  case 4: return 59;
  case 5: return 61;
  case 6: return 73;
  case 7: return 89;
  case 8: return 97;
  case 9: return 101;
  case 10: return 113;
  case 11: return 127;
  default: return -1;
  }
}

static __attribute__((noinline)) const char *sparse(unsigned x) {
  switch (x) {
  case 1: return "one";
  case 100: return "hundred";
  case 1000: return "thousand";
  case 65536: return "64k";
  case 0xdeadbeef: return "dead";
  default: return "other";
  }
}

enum { PUSH, ADD, MUL, DUP, SWAP, JNZ, DEC, PRINT, HALT };

static void interp(const int *code) {
  int stack[64], sp = 0, pc = 0;
  for (;;) {
    switch (code[pc++]) {
    case PUSH: stack[sp++] = code[pc++]; break;
    case ADD:
      sp--;
      stack[sp - 1] += stack[sp];
      break;
    case MUL:
      sp--;
      stack[sp - 1] *= stack[sp];
      break;
    case DUP:
      stack[sp] = stack[sp - 1];
      sp++;
      break;
    case SWAP: {
      int t = stack[sp - 1];
      stack[sp - 1] = stack[sp - 2];
      stack[sp - 2] = t;
    } break;
    case JNZ: {
      int t = code[pc++];
      if (stack[--sp])
        pc = t;
    } break;
    case DEC: stack[sp - 1]--; break;
    case PRINT: printf("vm: %d\n", stack[sp - 1]); break;
    case HALT: return;
    }
  }
}

int main(void) {
  int sum = 0;
  for (int i = -2; i < 15; i++) {
    printf("dense(%d) = %d\n", i, dense(i));
    sum += dense(i) * i;
  }
  unsigned keys[] = {0, 1, 2, 100, 999, 1000, 65536, 0xdeadbeef, 0xffffffff};
  for (unsigned i = 0; i < sizeof keys / sizeof *keys; i++)
    printf("sparse(%u) = %s\n", keys[i], sparse(keys[i]));
  for (int i = 0; i < 100000; i++)
    sum += dense(i % 13);
  printf("sum %d\n", sum);
  /* count down from 5: PRINT DEC DUP JNZ loop */
  int prog[] = {PUSH, 5, PRINT, DEC, DUP, JNZ, 2, HALT};
  interp(prog);
  int prog2[] = {PUSH, 6, PUSH, 7, MUL, PRINT, PUSH, 3, ADD, PRINT, HALT};
  interp(prog2);
  return 0;
}
