/* ir_aes.c - the AES round primitives of FIPS-197 (and the Arm ARM's
 * shared/functions/crypto: AESSubBytes, AESShiftRows, AESMixColumns and their
 * inverses) on a 16-byte state whose byte r + 4c holds row r of column c, as
 * both A64 AESE/AESMC and x86 aesenc/aesenclast lay it out in a register.
 *
 *   uint8_t s[16] = {...};
 *   ir_aes_sub(s);   // AESE's work after the key XOR; x86 aesenclast with a 0 key
 *   ir_aes_mix(s);   // AESMC
 */
#include <pthread.h>
#include <string.h>
#include "ir_crypto.h"

static uint8_t ir_aes_sbox[256], ir_aes_inv_sbox[256];

/* Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1. */
static uint8_t ir_gf8_mul(uint8_t x, uint8_t y) {
  uint8_t r = 0;
  for (; y; y >>= 1) {
    if (y & 1)
      r ^= x;
    x = (uint8_t)(x << 1 ^ (x & 0x80 ? 0x1b : 0));
  }
  return r;
}

static uint8_t ir_rol8(uint8_t x, unsigned n) {
  return (uint8_t)(x << n | x >> (8 - n));
}

/* The S-box is the multiplicative inverse (x^254, 0 for 0) followed by the
 * affine map b ^ rol(b,1) ^ rol(b,2) ^ rol(b,3) ^ rol(b,4) ^ 0x63. Built once,
 * by the first AES instruction a guest runs (most never do). */
static void ir_aes_tables_init(void) {
  for (unsigned x = 0; x < 256; x++) {
    uint8_t inv = 1, sq = (uint8_t)x;
    for (unsigned e = 254; e; e >>= 1, sq = ir_gf8_mul(sq, sq))
      if (e & 1)
        inv = ir_gf8_mul(inv, sq);
    uint8_t s = inv ^ ir_rol8(inv, 1) ^ ir_rol8(inv, 2) ^ ir_rol8(inv, 3) ^ ir_rol8(inv, 4) ^ 0x63;
    ir_aes_sbox[x] = s;
    ir_aes_inv_sbox[s] = (uint8_t)x;
  }
}

/* ShiftRows: row r rotates left by r columns; InvShiftRows undoes it. Then
 * every byte through the (inverse) S-box. */
static void ir_aes_rows_bytes(uint8_t s[16], int inverse) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, ir_aes_tables_init);
  const uint8_t *box = inverse ? ir_aes_inv_sbox : ir_aes_sbox;
  uint8_t in[16];
  memcpy(in, s, 16);
  for (unsigned c = 0; c < 4; c++)
    for (unsigned r = 0; r < 4; r++) {
      unsigned from = r + 4 * ((c + r) % 4), to = r + 4 * c;
      if (inverse)
        s[from] = box[in[to]];
      else
        s[to] = box[in[from]];
    }
}

/* MixColumns (coefficients 2 3 1 1) and InvMixColumns (14 11 13 9):
 * out[r] = sum over i of k[i] * in[(r + i) % 4], per column. */
static void ir_aes_columns(uint8_t s[16], int inverse) {
  static const uint8_t fwd[4] = {2, 3, 1, 1}, inv[4] = {14, 11, 13, 9};
  const uint8_t *k = inverse ? inv : fwd;
  uint8_t in[16];
  memcpy(in, s, 16);
  for (unsigned c = 0; c < 4; c++)
    for (unsigned r = 0; r < 4; r++) {
      uint8_t x = 0;
      for (unsigned i = 0; i < 4; i++)
        x ^= ir_gf8_mul(k[i], in[4 * c + (r + i) % 4]);
      s[4 * c + r] = x;
    }
}

void ir_aes_sub(uint8_t s[16]) {
  ir_aes_rows_bytes(s, 0);
}

void ir_aes_isub(uint8_t s[16]) {
  ir_aes_rows_bytes(s, 1);
}

void ir_aes_mix(uint8_t s[16]) {
  ir_aes_columns(s, 0);
}

void ir_aes_imix(uint8_t s[16]) {
  ir_aes_columns(s, 1);
}
