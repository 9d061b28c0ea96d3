/* getrandom_len.c - getrandom returns the length asked for (small, 256, and
 * 4096 bytes), fills the buffer (not all zero), and two draws differ; also
 * GRND_NONBLOCK. Only lengths and yes/no facts are printed. */
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

int main(void) {
  static unsigned char a[4096], b[4096];
  size_t lens[] = {1, 16, 256, 4096};
  for (int i = 0; i < 4; i++) {
    memset(a, 0, sizeof a);
    ssize_t n = getrandom(a, lens[i], 0);
    int nz = 0;
    for (size_t j = 0; j < lens[i]; j++)
      nz |= a[j];
    printf("getrandom(%zu) = %zd%s\n", lens[i], n,
           lens[i] >= 16 ? (nz ? ", nonzero" : ", ALL ZERO") : "");
  }
  getrandom(a, 64, 0);
  getrandom(b, 64, GRND_NONBLOCK);
  printf("two draws differ: %d\n", memcmp(a, b, 64) != 0);
  printf("getrandom(0) = %zd\n", getrandom(a, 0, 0));
  return 0;
}
