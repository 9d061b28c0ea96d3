/* mem_funcs_alignments.c - memcpy/memmove (both directions, overlapping)/
 * memset/memcmp/memchr over lengths 0..600 and source/destination
 * alignments 0..15, checked byte by byte against simple loops. */
#include <stdio.h>
#include <string.h>

static unsigned char src[2048], dst[2048], ref[2048];

static void fill(unsigned char *p, size_t n, unsigned seed) {
  for (size_t i = 0; i < n; i++) {
    seed = seed * 1103515245 + 12345;
    p[i] = (unsigned char)(seed >> 16);
  }
}

int main(void) {
  unsigned long errors[6] = {0}, sum = 0;
  for (size_t len = 0; len <= 600; len += (len < 80 ? 1 : 7))
    for (int sa = 0; sa < 16; sa++)
      for (int da = 0; da < 16; da += 3) {
        fill(src, sizeof src, (unsigned)(len * 31 + sa));
        fill(dst, sizeof dst, 7);
        memcpy(ref, dst, sizeof dst);
        memcpy(dst + da, src + sa, len);
        for (size_t i = 0; i < len; i++)
          ref[da + i] = src[sa + i];
        errors[0] += memcmp(dst, ref, sizeof dst) != 0;
        /* overlapping memmove, forwards and backwards */
        memcpy(ref, dst, sizeof dst);
        memmove(dst + da + 5, dst + da, len);
        for (size_t i = len; i-- > 0;)
          ref[da + 5 + i] = ref[da + i];
        errors[1] += memcmp(dst, ref, sizeof dst) != 0;
        memcpy(ref, dst, sizeof dst);
        memmove(dst + sa, dst + sa + 9, len);
        for (size_t i = 0; i < len; i++)
          ref[sa + i] = ref[sa + 9 + i];
        errors[2] += memcmp(dst, ref, sizeof dst) != 0;
        memset(dst + da, sa * 17, len);
        for (size_t i = 0; i < len; i++)
          ref[da + i] = (unsigned char)(sa * 17);
        errors[3] += memcmp(dst, ref, sizeof dst) != 0;
        memcpy(ref, src, sizeof src);
        if (len)
          ref[sa + len - 1] ^= 0x80;
        int c = memcmp(src + sa, ref + sa, len);
        int want = len ? (src[sa + len - 1] < ref[sa + len - 1] ? -1 : 1) : 0;
        errors[4] += ((c > 0) - (c < 0)) != want;
        unsigned char *p = memchr(src + sa, src[sa + len / 2], len);
        size_t first = len;
        for (size_t i = 0; i < len; i++)
          if (src[sa + i] == src[sa + len / 2]) {
            first = i;
            break;
          }
        errors[5] += (p ? (size_t)(p - (src + sa)) : len) != first;
        for (size_t i = 0; i < sizeof dst; i += 61)
          sum = sum * 33 + dst[i];
      }
  printf("errors memcpy %lu memmove-fwd %lu memmove-back %lu memset %lu memcmp %lu memchr %lu\n",
         errors[0], errors[1], errors[2], errors[3], errors[4], errors[5]);
  printf("checksum %016lx\n", sum);
  return 0;
}
