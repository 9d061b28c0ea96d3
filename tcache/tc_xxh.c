/* tc_xxh.c - XXH3 with xxhash's AVX2 loop, for the buffers the persistent
 * cache checks at each start (a block's saved data, some 900 bytes: a
 * dynamic /bin/true hashes about 1 MB of it). The library is built for
 * baseline x86-64 (SSE2); the value is the same, as XXH3 is defined
 * independently of the vector width. This whole file is compiled for AVX2:
 * call it only when the host has AVX2 (tc_xxh3, tc_persist.c).
 */
#pragma GCC target("avx2")
#define XXH_INLINE_ALL
#include <xxhash.h>
#include "tc_int.h"

#ifndef __AVX2__
#error "tc_xxh.c needs the AVX2 target"
#endif

uint64_t tc_xxh3_avx2(const void *p, size_t n) {
  return XXH3_64bits(p, n);
}
