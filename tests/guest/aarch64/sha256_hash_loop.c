/* sha256_hash_loop.c - SHA-256 (FIPS 180-4) in plain C: the standard test
 * vectors, then hashing 8 MB of generated data (or argv[1] MB) and iterated
 * hashing of the digest. Rotates, shifts, adds: used by tools/bench.sh. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void block(uint32_t h[8], const unsigned char *p) {
  uint32_t w[64], a, b, c, d, e, f, g, hh;
  for (int i = 0; i < 16; i++)
    w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 |
           p[4 * i + 3];
  for (int i = 16; i < 64; i++) {
    uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  a = h[0];
  b = h[1];
  c = h[2];
  d = h[3];
  e = h[4];
  f = h[5];
  g = h[6];
  hh = h[7];
  for (int i = 0; i < 64; i++) {
    uint32_t t1 = hh + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
    uint32_t t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    hh = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
  h[4] += e;
  h[5] += f;
  h[6] += g;
  h[7] += hh;
}

static void sha256(const unsigned char *msg, size_t len, unsigned char out[32]) {
  uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  size_t i = 0;
  for (; i + 64 <= len; i += 64)
    block(h, msg + i);
  unsigned char tail[128] = {0};
  size_t rest = len - i;
  memcpy(tail, msg + i, rest);
  tail[rest] = 0x80;
  size_t tl = rest + 9 <= 64 ? 64 : 128;
  uint64_t bitlen = (uint64_t)len * 8;
  for (int k = 0; k < 8; k++)
    tail[tl - 1 - k] = (unsigned char)(bitlen >> (8 * k));
  for (size_t k = 0; k < tl; k += 64)
    block(h, tail + k);
  for (int k = 0; k < 8; k++) {
    out[4 * k] = h[k] >> 24;
    out[4 * k + 1] = h[k] >> 16;
    out[4 * k + 2] = h[k] >> 8;
    out[4 * k + 3] = (unsigned char)h[k];
  }
}

static void hex(const char *label, const unsigned char d[32]) {
  printf("%s ", label);
  for (int i = 0; i < 32; i++)
    printf("%02x", d[i]);
  printf("\n");
}

int main(int argc, char **argv) {
  unsigned char d[32];
  sha256((const unsigned char *)"", 0, d);
  hex("sha256('')", d);
  sha256((const unsigned char *)"abc", 3, d);
  hex("sha256('abc')", d);
  const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  sha256((const unsigned char *)two, strlen(two), d);
  hex("sha256(448 bits)", d);
  size_t mb = argc > 1 ? (size_t)atol(argv[1]) : 8;
  size_t len = mb << 20;
  unsigned char *buf = malloc(len);
  uint32_t x = 2463534242u;
  for (size_t i = 0; i < len; i++) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    buf[i] = (unsigned char)x;
  }
  sha256(buf, len, d);
  printf("%zu MB ", mb);
  hex("data", d);
  for (int i = 0; i < 10000; i++)
    sha256(d, 32, d);
  hex("iterated", d);
  free(buf);
  return 0;
}
