/* interrupt.c - a program that spins until gdb, having interrupted it
 * (Ctrl-C: 0x03 while it runs), sets the flag it waits for. */
volatile int flag;
volatile long spins;

int main(void) {
  while (!flag)
    spins++;
  return 5;
}
