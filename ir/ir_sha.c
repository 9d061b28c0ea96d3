/* ir_sha.c - the SHA-256 steps of the IR (ir_ops.def VSHA256RND2 VSHA256MSG1
 * VSHA256MSG2), defined as Intel's SHA extension defines SHA256RNDS2,
 * SHA256MSG1 and SHA256MSG2 (SDM Vol. 2, FIPS 180-4 section 6.2). A vector is
 * four 32-bit words, w[0] the least significant; the hash state is split in
 * Intel's two registers: ABEF = {F, E, B, A} and CDGH = {H, G, D, C} (w[0] first).
 *
 *   uint32_t abef2[4];
 *   ir_sha256_rnds2(abef2, cdgh, abef, wk);  // two rounds with wk[0], wk[1]
 */
#include "ir_crypto.h"

static uint32_t ror32(uint32_t x, unsigned n) {
  return x >> n | x << (32 - n);
}

uint32_t ir_sha256_s0(uint32_t x) { /* sigma0 of the message schedule */
  return ror32(x, 7) ^ ror32(x, 18) ^ x >> 3;
}

uint32_t ir_sha256_s1(uint32_t x) { /* sigma1 of the message schedule */
  return ror32(x, 17) ^ ror32(x, 19) ^ x >> 10;
}

static uint32_t sha256_sum0(uint32_t x) { /* Sigma0 of the rounds */
  return ror32(x, 2) ^ ror32(x, 13) ^ ror32(x, 22);
}

static uint32_t sha256_sum1(uint32_t x) { /* Sigma1 of the rounds */
  return ror32(x, 6) ^ ror32(x, 11) ^ ror32(x, 25);
}

/* Two rounds on the state a..h = {A, B, E, F} from abef and {C, D, G, H}
 * from cdgh with the words wk[0], wk[1] (W + K); r = the new {F, E, B, A}. */
void ir_sha256_rnds2(uint32_t r[4], const uint32_t cdgh[4], const uint32_t abef[4],
                     const uint32_t wk[4]) {
  uint32_t a = abef[3], b = abef[2], c = cdgh[3], d = cdgh[2];
  uint32_t e = abef[1], f = abef[0], g = cdgh[1], h = cdgh[0];
  for (unsigned i = 0; i < 2; i++) {
    uint32_t t = h + sha256_sum1(e) + ((e & f) ^ (~e & g)) + wk[i];
    uint32_t t2 = sha256_sum0(a) + ((a & b) ^ (a & c) ^ (b & c));
    h = g, g = f, f = e, e = d + t;
    d = c, c = b, b = a, a = t + t2;
  }
  r[0] = f, r[1] = e, r[2] = b, r[3] = a;
}

/* r[i] = w[i] + s0(w[i + 1]) over the words w = x[0..3], y[0]. */
void ir_sha256_msg1(uint32_t r[4], const uint32_t x[4], const uint32_t y[4]) {
  uint32_t next[4] = {x[1], x[2], x[3], y[0]};
  for (unsigned i = 0; i < 4; i++)
    r[i] = x[i] + ir_sha256_s0(next[i]);
}

/* W16..W19 = x[i] + s1(W[14 + i]), W14, W15 = y[2], y[3]. */
void ir_sha256_msg2(uint32_t r[4], const uint32_t x[4], const uint32_t y[4]) {
  uint32_t w[6] = {y[2], y[3]};
  for (unsigned i = 0; i < 4; i++)
    w[i + 2] = x[i] + ir_sha256_s1(w[i]);
  for (unsigned i = 0; i < 4; i++)
    r[i] = w[i + 2];
}
