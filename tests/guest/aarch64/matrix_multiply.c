/* matrix_multiply.c - dense matrix multiply: 200x200 doubles (naive i-k-j
 * loop) and 200x200 32-bit integers, with trace and checksums. The double
 * product uses exactly representable inputs so every sum is exact and the
 * result cannot depend on evaluation order. Also used by tools/bench.sh. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { N = 200 };
static double A[N][N], B[N][N], C[N][N];
static uint32_t IA[N][N], IB[N][N], IC[N][N];

int main(int argc, char **argv) {
  int reps = argc > 1 ? atoi(argv[1]) : 3;
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      A[i][j] = (double)((i * 7 + j * 3) % 17) - 8;
      B[i][j] = (double)((i * 5 + j * 11) % 13) * 0.5;
      IA[i][j] = (uint32_t)(i * 2654435761u + j);
      IB[i][j] = (uint32_t)(j * 40503u ^ i);
    }
  double trace = 0, sum = 0;
  uint32_t isum = 0;
  for (int r = 0; r < reps; r++) {
    for (int i = 0; i < N; i++)
      for (int j = 0; j < N; j++) {
        C[i][j] = 0;
        IC[i][j] = 0;
      }
    for (int i = 0; i < N; i++)
      for (int k = 0; k < N; k++) {
        double a = A[i][k];
        uint32_t ia = IA[i][k];
        for (int j = 0; j < N; j++) {
          C[i][j] += a * B[k][j];
          IC[i][j] += ia * IB[k][j];
        }
      }
    trace = 0;
    sum = 0;
    isum = 0;
    for (int i = 0; i < N; i++) {
      trace += C[i][i];
      for (int j = 0; j < N; j++) {
        sum += C[i][j];
        isum = isum * 31 + IC[i][j];
      }
    }
  }
  printf("double trace %.1f sum %.1f C[17][42] %.1f\n", trace, sum, C[17][42]);
  printf("int checksum %08x IC[199][0] %u\n", isum, IC[199][0]);
  return 0;
}
