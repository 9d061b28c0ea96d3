/* sieve_primes.c - sieve of Eratosthenes up to N (default 20 million, or
 * argv[1]), run several times; prints the prime count, the largest primes and
 * a checksum. Also used by tools/bench.sh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 20000000;
  unsigned char *comp = malloc((size_t)n + 1);
  long count = 0;
  unsigned long long sum = 0;
  for (int round = 0; round < 3; round++) {
    memset(comp, 0, (size_t)n + 1);
    count = 0;
    sum = 0;
    for (long i = 2; i * i <= n; i++)
      if (!comp[i])
        for (long j = i * i; j <= n; j += i)
          comp[j] = 1;
    for (long i = 2; i <= n; i++)
      if (!comp[i]) {
        count++;
        sum = sum * 3 + (unsigned long long)i;
      }
  }
  printf("primes <= %ld: %ld\n", n, count);
  printf("largest:");
  int shown = 0;
  for (long i = n; i >= 2 && shown < 5; i--)
    if (!comp[i]) {
      printf(" %ld", i);
      shown++;
    }
  printf("\nchecksum %016llx\n", sum);
  free(comp);
  return 0;
}
