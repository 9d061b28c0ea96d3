/* ir_crypto.h - the reference semantics of the IR's cryptographic primitives
 * (ir_ops.def VAESSUB VAESISUB VAESMIX VAESIMIX VCLMUL CRC32C VSHA256*), shared by the
 * evaluators (ir_veval.c, ir_eval.c), the backends' C fallbacks and the
 * guests' helpers, so that each table and loop exists once.
 *
 *   uint8_t s[16];             // an AES state, byte r + 4c = row r, column c
 *   ir_aes_sub(s);             // ShiftRows then SubBytes, in place
 *   uint32_t c = ir_crc32_le(IR_CRC32C_POLY, c0, data, 8);
 */
#ifndef IR_CRYPTO_H
#define IR_CRYPTO_H

#include <stdint.h>

/* ir_aes.c: FIPS-197 rounds on a 16-byte state, in place. */
void ir_aes_sub(uint8_t s[16]);  /* ShiftRows, then SubBytes */
void ir_aes_isub(uint8_t s[16]); /* InvShiftRows, then InvSubBytes */
void ir_aes_mix(uint8_t s[16]);  /* MixColumns */
void ir_aes_imix(uint8_t s[16]); /* InvMixColumns */

/* ir_gf2.c: arithmetic on polynomials over GF(2). */
enum { IR_CRC32_POLY = 0xedb88320u, IR_CRC32C_POLY = 0x82f63b78u }; /* bit-reflected */
/* The carry-less product of the low bits bits of x and y. */
unsigned __int128 ir_clmul(uint64_t x, uint64_t y, unsigned bits);
/* crc updated with the low bytes bytes of data, LSB first (reflected), with no
 * pre- or post-inversion: what CRC32C{B,H,W,X} and x86's crc32 compute. */
uint32_t ir_crc32_le(uint32_t poly, uint32_t crc, uint64_t data, unsigned bytes);

/* ir_sha.c: SHA-256 as Intel's SHA extension computes it (VSHA256RND2 VSHA256MSG1
 * VSHA256MSG2); four 32-bit words per vector, [0] the least significant. */
void ir_sha256_rnds2(uint32_t r[4], const uint32_t cdgh[4], const uint32_t abef[4],
                     const uint32_t wk[4]); /* SHA256RNDS2: two rounds, r = new ABEF */
void ir_sha256_msg1(uint32_t r[4], const uint32_t x[4], const uint32_t y[4]); /* SHA256MSG1 */
void ir_sha256_msg2(uint32_t r[4], const uint32_t x[4], const uint32_t y[4]); /* SHA256MSG2 */
uint32_t ir_sha256_s0(uint32_t x); /* the message schedule's sigma0 */
uint32_t ir_sha256_s1(uint32_t x); /* the message schedule's sigma1 */

#endif
