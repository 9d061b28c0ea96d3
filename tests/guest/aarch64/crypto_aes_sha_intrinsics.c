/* crypto_aes_sha_intrinsics.c - the AES and SHA instructions through
 * arm_neon.h: AES-128 of the FIPS-197 appendix C.1 vector (AESE/AESMC) and
 * back (AESD/AESIMC), CBC over a longer buffer, SHA-256 (SHA256H/H2/SU0/SU1)
 * and SHA-1 (SHA1C/P/M/H/SU0/SU1) of the FIPS 180 examples and of a
 * 1000-byte message. Each known answer is printed with "ok" or "BAD". */
// test: arm-only: AES and SHA intrinsics of the Cryptographic Extension
// test: cflags: -march=armv8-a+crypto
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static void hex(const char *what, const uint8_t *p, size_t n, const char *want) {
  char s[129];
  for (size_t i = 0; i < n; i++)
    sprintf(s + 2 * i, "%02x", p[i]);
  printf("%-16s %s%s\n", what, s, want ? (strcmp(s, want) ? " BAD" : " ok") : "");
}

/* ---- AES-128: the key schedule in software, the rounds in hardware ---- */

static uint8_t gmul(uint8_t x, uint8_t y) {
  uint8_t r = 0;
  for (; y; y >>= 1, x = (uint8_t)(x << 1 ^ (x & 0x80 ? 0x1b : 0)))
    if (y & 1)
      r ^= x;
  return r;
}

static uint8_t sbox(uint8_t x) {
  uint8_t inv = 1;
  for (int i = 0; i < 254; i++)
    inv = gmul(inv, x); /* x^254, and 0 for 0 */
  uint8_t s = 0x63;
  for (int i = 0; i < 5; i++)
    s ^= (uint8_t)(inv << i | inv >> ((8 - i) & 7));
  return s;
}

static void aes128_expand(const uint8_t key[16], uint8x16_t rk[11]) {
  uint8_t w[176];
  uint8_t rcon = 1;
  memcpy(w, key, 16);
  for (int i = 16; i < 176; i += 4) {
    uint8_t t[4] = {w[i - 4], w[i - 3], w[i - 2], w[i - 1]};
    if (i % 16 == 0) {
      uint8_t t0 = t[0];
      t[0] = sbox(t[1]) ^ rcon, t[1] = sbox(t[2]), t[2] = sbox(t[3]), t[3] = sbox(t0);
      rcon = gmul(rcon, 2);
    }
    for (int j = 0; j < 4; j++)
      w[i + j] = w[i + j - 16] ^ t[j];
  }
  for (int r = 0; r < 11; r++)
    rk[r] = vld1q_u8(w + 16 * r);
}

static uint8x16_t aes128_encrypt(uint8x16_t s, const uint8x16_t rk[11]) {
  for (int r = 0; r < 9; r++)
    s = vaesmcq_u8(vaeseq_u8(s, rk[r]));
  return veorq_u8(vaeseq_u8(s, rk[9]), rk[10]);
}

/* The equivalent inverse cipher: middle round keys through InvMixColumns. */
static uint8x16_t aes128_decrypt(uint8x16_t s, const uint8x16_t rk[11]) {
  s = vaesimcq_u8(vaesdq_u8(s, rk[10]));
  for (int r = 9; r > 1; r--)
    s = vaesimcq_u8(vaesdq_u8(s, vaesimcq_u8(rk[r])));
  return veorq_u8(vaesdq_u8(s, vaesimcq_u8(rk[1])), rk[0]);
}

static void test_aes(void) {
  uint8_t key[16], pt[16], out[16];
  uint8x16_t rk[11];
  for (int i = 0; i < 16; i++)
    key[i] = (uint8_t)i, pt[i] = (uint8_t)(i * 0x11);
  aes128_expand(key, rk);
  vst1q_u8(out, rk[10]);
  hex("aes round key 10", out, 16, "13111d7fe3944a17f307a78b4d2b30c5");
  uint8x16_t ct = aes128_encrypt(vld1q_u8(pt), rk);
  vst1q_u8(out, ct);
  hex("aes-128 encrypt", out, 16, "69c4e0d86a7b0430d8cdb78070b4c55a");
  vst1q_u8(out, aes128_decrypt(ct, rk));
  hex("aes-128 decrypt", out, 16, "00112233445566778899aabbccddeeff");

  /* CBC over 256 bytes, then decrypt it back */
  uint8_t buf[256], back[256];
  for (int i = 0; i < 256; i++)
    buf[i] = (uint8_t)(i * 7 + 1);
  uint8x16_t iv = vdupq_n_u8(0xa5), c = iv;
  for (int b = 0; b < 16; b++) {
    c = aes128_encrypt(veorq_u8(c, vld1q_u8(buf + 16 * b)), rk);
    vst1q_u8(out, c);
    if (b == 15)
      hex("aes cbc last", out, 16, NULL);
    vst1q_u8(back + 16 * b, c);
  }
  uint8x16_t prev = iv;
  for (int b = 0; b < 16; b++) {
    uint8x16_t cb = vld1q_u8(back + 16 * b);
    vst1q_u8(back + 16 * b, veorq_u8(aes128_decrypt(cb, rk), prev));
    prev = cb;
  }
  printf("aes cbc roundtrip %s\n", memcmp(buf, back, 256) ? "BAD" : "ok");
}

/* ---- SHA-256 and SHA-1 over padded messages ---- */

static const uint32_t sha256_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

/* Message padding: len bytes, 0x80, zeros, 64-bit big-endian bit length. */
static size_t pad(uint8_t *out, const char *msg, size_t len) {
  size_t n = (len + 9 + 63) / 64 * 64;
  memset(out, 0, n);
  memcpy(out, msg, len);
  out[len] = 0x80;
  for (int i = 0; i < 8; i++)
    out[n - 1 - i] = (uint8_t)((uint64_t)len * 8 >> (8 * i));
  return n;
}

static uint32x4_t load_be(const uint8_t *p) {
  return vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(p)));
}

static void sha256_block(uint32x4_t st[2], const uint8_t *p) {
  uint32x4_t abcd = st[0], efgh = st[1], m[4];
  for (int i = 0; i < 4; i++)
    m[i] = load_be(p + 16 * i);
  for (int g = 0; g < 16; g++) {
    uint32x4_t *w = &m[g % 4];
    if (g >= 4)
      *w = vsha256su1q_u32(vsha256su0q_u32(*w, m[(g + 1) % 4]), m[(g + 2) % 4], m[(g + 3) % 4]);
    uint32x4_t wk = vaddq_u32(*w, vld1q_u32(sha256_k + 4 * g)), save = abcd;
    abcd = vsha256hq_u32(abcd, efgh, wk);
    efgh = vsha256h2q_u32(efgh, save, wk);
  }
  st[0] = vaddq_u32(st[0], abcd);
  st[1] = vaddq_u32(st[1], efgh);
}

static void sha256(const char *msg, size_t len, uint8_t digest[32]) {
  static const uint32_t h0[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  static uint8_t buf[1088];
  uint32x4_t st[2] = {vld1q_u32(h0), vld1q_u32(h0 + 4)};
  size_t n = pad(buf, msg, len);
  for (size_t off = 0; off < n; off += 64)
    sha256_block(st, buf + off);
  vst1q_u8(digest, vrev32q_u8(vreinterpretq_u8_u32(st[0])));
  vst1q_u8(digest + 16, vrev32q_u8(vreinterpretq_u8_u32(st[1])));
}

/* Four rounds per group: choose for 0-19, parity for 20-39 and 60-79,
 * majority for 40-59; e of the next group is SHA1H of this abcd[0]. */
static void sha1_block(uint32x4_t *abcd_io, uint32_t *e_io, const uint8_t *p) {
  static const uint32_t k[4] = {0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6};
  uint32x4_t abcd = *abcd_io, m[4];
  uint32_t e = *e_io;
  for (int i = 0; i < 4; i++)
    m[i] = load_be(p + 16 * i);
  for (int g = 0; g < 20; g++) {
    uint32x4_t *w = &m[g % 4];
    if (g >= 4)
      *w = vsha1su1q_u32(vsha1su0q_u32(*w, m[(g + 1) % 4], m[(g + 2) % 4]), m[(g + 3) % 4]);
    uint32x4_t wk = vaddq_u32(*w, vdupq_n_u32(k[g / 5]));
    uint32_t next_e = vsha1h_u32(vgetq_lane_u32(abcd, 0));
    if (g < 5)
      abcd = vsha1cq_u32(abcd, e, wk);
    else if (g < 10 || g >= 15)
      abcd = vsha1pq_u32(abcd, e, wk);
    else
      abcd = vsha1mq_u32(abcd, e, wk);
    e = next_e;
  }
  *abcd_io = vaddq_u32(*abcd_io, abcd);
  *e_io += e;
}

static void sha1(const char *msg, size_t len, uint8_t digest[20]) {
  static const uint32_t h0[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
  static uint8_t buf[1088];
  uint32x4_t abcd = vld1q_u32(h0);
  uint32_t e = 0xc3d2e1f0;
  size_t n = pad(buf, msg, len);
  for (size_t off = 0; off < n; off += 64)
    sha1_block(&abcd, &e, buf + off);
  vst1q_u8(digest, vrev32q_u8(vreinterpretq_u8_u32(abcd)));
  for (int i = 0; i < 4; i++)
    digest[16 + i] = (uint8_t)(e >> (24 - 8 * i));
}

static void test_sha(void) {
  static const char two[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  static char big[1000];
  uint8_t d[32];
  for (int i = 0; i < 1000; i++)
    big[i] = (char)('a' + i % 26);
  sha256("abc", 3, d);
  hex("sha256 abc", d, 32, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  sha256("", 0, d);
  hex("sha256 empty", d, 32, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  sha256(two, strlen(two), d);
  hex("sha256 448 bits", d, 32, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  sha256(big, sizeof(big), d);
  hex("sha256 1000", d, 32, NULL);
  sha1("abc", 3, d);
  hex("sha1 abc", d, 20, "a9993e364706816aba3e25717850c26c9cd0d89d");
  sha1(two, strlen(two), d);
  hex("sha1 448 bits", d, 20, "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  sha1(big, sizeof(big), d);
  hex("sha1 1000", d, 20, NULL);
}

int main(void) {
  test_aes();
  test_sha();
  return 0;
}
