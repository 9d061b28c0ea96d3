/* return_reclaim.c - calls 240 functions deep, each to one of its own,
 * with a translated-code buffer so small (64 KB) that it fills up and is
 * reclaimed, region by region, while the calls wait for their returns: a
 * return must never go to code of a region that was emptied and written
 * again, whatever a translator remembered of where its call's code was.
 * Threads return through the same functions too. */
// test: xrun-flags: -tb-size 64K
#include <pthread.h>
#include <stdio.h>

typedef unsigned long u64;

static u64 f240(u64 x, int depth) {
  return x + (u64)depth;
}

static __attribute__((noinline)) u64 f239(u64 x, int depth) {
  x = x * 6364136223846793005u + 479u;
  x ^= x >> 18;
  return depth ? f240(x, depth - 1) ^ (x + 239u) : x;
}

static __attribute__((noinline)) u64 f238(u64 x, int depth) {
  x = x * 6364136223846793005u + 477u;
  x ^= x >> 17;
  return depth ? f239(x, depth - 1) ^ (x + 238u) : x;
}

static __attribute__((noinline)) u64 f237(u64 x, int depth) {
  x = x * 6364136223846793005u + 475u;
  x ^= x >> 16;
  return depth ? f238(x, depth - 1) ^ (x + 237u) : x;
}

static __attribute__((noinline)) u64 f236(u64 x, int depth) {
  x = x * 6364136223846793005u + 473u;
  x ^= x >> 15;
  return depth ? f237(x, depth - 1) ^ (x + 236u) : x;
}

static __attribute__((noinline)) u64 f235(u64 x, int depth) {
  x = x * 6364136223846793005u + 471u;
  x ^= x >> 14;
  return depth ? f236(x, depth - 1) ^ (x + 235u) : x;
}

static __attribute__((noinline)) u64 f234(u64 x, int depth) {
  x = x * 6364136223846793005u + 469u;
  x ^= x >> 13;
  return depth ? f235(x, depth - 1) ^ (x + 234u) : x;
}

static __attribute__((noinline)) u64 f233(u64 x, int depth) {
  x = x * 6364136223846793005u + 467u;
  x ^= x >> 12;
  return depth ? f234(x, depth - 1) ^ (x + 233u) : x;
}

static __attribute__((noinline)) u64 f232(u64 x, int depth) {
  x = x * 6364136223846793005u + 465u;
  x ^= x >> 11;
  return depth ? f233(x, depth - 1) ^ (x + 232u) : x;
}

static __attribute__((noinline)) u64 f231(u64 x, int depth) {
  x = x * 6364136223846793005u + 463u;
  x ^= x >> 10;
  return depth ? f232(x, depth - 1) ^ (x + 231u) : x;
}

static __attribute__((noinline)) u64 f230(u64 x, int depth) {
  x = x * 6364136223846793005u + 461u;
  x ^= x >> 9;
  return depth ? f231(x, depth - 1) ^ (x + 230u) : x;
}

static __attribute__((noinline)) u64 f229(u64 x, int depth) {
  x = x * 6364136223846793005u + 459u;
  x ^= x >> 8;
  return depth ? f230(x, depth - 1) ^ (x + 229u) : x;
}

static __attribute__((noinline)) u64 f228(u64 x, int depth) {
  x = x * 6364136223846793005u + 457u;
  x ^= x >> 7;
  return depth ? f229(x, depth - 1) ^ (x + 228u) : x;
}

static __attribute__((noinline)) u64 f227(u64 x, int depth) {
  x = x * 6364136223846793005u + 455u;
  x ^= x >> 25;
  return depth ? f228(x, depth - 1) ^ (x + 227u) : x;
}

static __attribute__((noinline)) u64 f226(u64 x, int depth) {
  x = x * 6364136223846793005u + 453u;
  x ^= x >> 24;
  return depth ? f227(x, depth - 1) ^ (x + 226u) : x;
}

static __attribute__((noinline)) u64 f225(u64 x, int depth) {
  x = x * 6364136223846793005u + 451u;
  x ^= x >> 23;
  return depth ? f226(x, depth - 1) ^ (x + 225u) : x;
}

static __attribute__((noinline)) u64 f224(u64 x, int depth) {
  x = x * 6364136223846793005u + 449u;
  x ^= x >> 22;
  return depth ? f225(x, depth - 1) ^ (x + 224u) : x;
}

static __attribute__((noinline)) u64 f223(u64 x, int depth) {
  x = x * 6364136223846793005u + 447u;
  x ^= x >> 21;
  return depth ? f224(x, depth - 1) ^ (x + 223u) : x;
}

static __attribute__((noinline)) u64 f222(u64 x, int depth) {
  x = x * 6364136223846793005u + 445u;
  x ^= x >> 20;
  return depth ? f223(x, depth - 1) ^ (x + 222u) : x;
}

static __attribute__((noinline)) u64 f221(u64 x, int depth) {
  x = x * 6364136223846793005u + 443u;
  x ^= x >> 19;
  return depth ? f222(x, depth - 1) ^ (x + 221u) : x;
}

static __attribute__((noinline)) u64 f220(u64 x, int depth) {
  x = x * 6364136223846793005u + 441u;
  x ^= x >> 18;
  return depth ? f221(x, depth - 1) ^ (x + 220u) : x;
}

static __attribute__((noinline)) u64 f219(u64 x, int depth) {
  x = x * 6364136223846793005u + 439u;
  x ^= x >> 17;
  return depth ? f220(x, depth - 1) ^ (x + 219u) : x;
}

static __attribute__((noinline)) u64 f218(u64 x, int depth) {
  x = x * 6364136223846793005u + 437u;
  x ^= x >> 16;
  return depth ? f219(x, depth - 1) ^ (x + 218u) : x;
}

static __attribute__((noinline)) u64 f217(u64 x, int depth) {
  x = x * 6364136223846793005u + 435u;
  x ^= x >> 15;
  return depth ? f218(x, depth - 1) ^ (x + 217u) : x;
}

static __attribute__((noinline)) u64 f216(u64 x, int depth) {
  x = x * 6364136223846793005u + 433u;
  x ^= x >> 14;
  return depth ? f217(x, depth - 1) ^ (x + 216u) : x;
}

static __attribute__((noinline)) u64 f215(u64 x, int depth) {
  x = x * 6364136223846793005u + 431u;
  x ^= x >> 13;
  return depth ? f216(x, depth - 1) ^ (x + 215u) : x;
}

static __attribute__((noinline)) u64 f214(u64 x, int depth) {
  x = x * 6364136223846793005u + 429u;
  x ^= x >> 12;
  return depth ? f215(x, depth - 1) ^ (x + 214u) : x;
}

static __attribute__((noinline)) u64 f213(u64 x, int depth) {
  x = x * 6364136223846793005u + 427u;
  x ^= x >> 11;
  return depth ? f214(x, depth - 1) ^ (x + 213u) : x;
}

static __attribute__((noinline)) u64 f212(u64 x, int depth) {
  x = x * 6364136223846793005u + 425u;
  x ^= x >> 10;
  return depth ? f213(x, depth - 1) ^ (x + 212u) : x;
}

static __attribute__((noinline)) u64 f211(u64 x, int depth) {
  x = x * 6364136223846793005u + 423u;
  x ^= x >> 9;
  return depth ? f212(x, depth - 1) ^ (x + 211u) : x;
}

static __attribute__((noinline)) u64 f210(u64 x, int depth) {
  x = x * 6364136223846793005u + 421u;
  x ^= x >> 8;
  return depth ? f211(x, depth - 1) ^ (x + 210u) : x;
}

static __attribute__((noinline)) u64 f209(u64 x, int depth) {
  x = x * 6364136223846793005u + 419u;
  x ^= x >> 7;
  return depth ? f210(x, depth - 1) ^ (x + 209u) : x;
}

static __attribute__((noinline)) u64 f208(u64 x, int depth) {
  x = x * 6364136223846793005u + 417u;
  x ^= x >> 25;
  return depth ? f209(x, depth - 1) ^ (x + 208u) : x;
}

static __attribute__((noinline)) u64 f207(u64 x, int depth) {
  x = x * 6364136223846793005u + 415u;
  x ^= x >> 24;
  return depth ? f208(x, depth - 1) ^ (x + 207u) : x;
}

static __attribute__((noinline)) u64 f206(u64 x, int depth) {
  x = x * 6364136223846793005u + 413u;
  x ^= x >> 23;
  return depth ? f207(x, depth - 1) ^ (x + 206u) : x;
}

static __attribute__((noinline)) u64 f205(u64 x, int depth) {
  x = x * 6364136223846793005u + 411u;
  x ^= x >> 22;
  return depth ? f206(x, depth - 1) ^ (x + 205u) : x;
}

static __attribute__((noinline)) u64 f204(u64 x, int depth) {
  x = x * 6364136223846793005u + 409u;
  x ^= x >> 21;
  return depth ? f205(x, depth - 1) ^ (x + 204u) : x;
}

static __attribute__((noinline)) u64 f203(u64 x, int depth) {
  x = x * 6364136223846793005u + 407u;
  x ^= x >> 20;
  return depth ? f204(x, depth - 1) ^ (x + 203u) : x;
}

static __attribute__((noinline)) u64 f202(u64 x, int depth) {
  x = x * 6364136223846793005u + 405u;
  x ^= x >> 19;
  return depth ? f203(x, depth - 1) ^ (x + 202u) : x;
}

static __attribute__((noinline)) u64 f201(u64 x, int depth) {
  x = x * 6364136223846793005u + 403u;
  x ^= x >> 18;
  return depth ? f202(x, depth - 1) ^ (x + 201u) : x;
}

static __attribute__((noinline)) u64 f200(u64 x, int depth) {
  x = x * 6364136223846793005u + 401u;
  x ^= x >> 17;
  return depth ? f201(x, depth - 1) ^ (x + 200u) : x;
}

static __attribute__((noinline)) u64 f199(u64 x, int depth) {
  x = x * 6364136223846793005u + 399u;
  x ^= x >> 16;
  return depth ? f200(x, depth - 1) ^ (x + 199u) : x;
}

static __attribute__((noinline)) u64 f198(u64 x, int depth) {
  x = x * 6364136223846793005u + 397u;
  x ^= x >> 15;
  return depth ? f199(x, depth - 1) ^ (x + 198u) : x;
}

static __attribute__((noinline)) u64 f197(u64 x, int depth) {
  x = x * 6364136223846793005u + 395u;
  x ^= x >> 14;
  return depth ? f198(x, depth - 1) ^ (x + 197u) : x;
}

static __attribute__((noinline)) u64 f196(u64 x, int depth) {
  x = x * 6364136223846793005u + 393u;
  x ^= x >> 13;
  return depth ? f197(x, depth - 1) ^ (x + 196u) : x;
}

static __attribute__((noinline)) u64 f195(u64 x, int depth) {
  x = x * 6364136223846793005u + 391u;
  x ^= x >> 12;
  return depth ? f196(x, depth - 1) ^ (x + 195u) : x;
}

static __attribute__((noinline)) u64 f194(u64 x, int depth) {
  x = x * 6364136223846793005u + 389u;
  x ^= x >> 11;
  return depth ? f195(x, depth - 1) ^ (x + 194u) : x;
}

static __attribute__((noinline)) u64 f193(u64 x, int depth) {
  x = x * 6364136223846793005u + 387u;
  x ^= x >> 10;
  return depth ? f194(x, depth - 1) ^ (x + 193u) : x;
}

static __attribute__((noinline)) u64 f192(u64 x, int depth) {
  x = x * 6364136223846793005u + 385u;
  x ^= x >> 9;
  return depth ? f193(x, depth - 1) ^ (x + 192u) : x;
}

static __attribute__((noinline)) u64 f191(u64 x, int depth) {
  x = x * 6364136223846793005u + 383u;
  x ^= x >> 8;
  return depth ? f192(x, depth - 1) ^ (x + 191u) : x;
}

static __attribute__((noinline)) u64 f190(u64 x, int depth) {
  x = x * 6364136223846793005u + 381u;
  x ^= x >> 7;
  return depth ? f191(x, depth - 1) ^ (x + 190u) : x;
}

static __attribute__((noinline)) u64 f189(u64 x, int depth) {
  x = x * 6364136223846793005u + 379u;
  x ^= x >> 25;
  return depth ? f190(x, depth - 1) ^ (x + 189u) : x;
}

static __attribute__((noinline)) u64 f188(u64 x, int depth) {
  x = x * 6364136223846793005u + 377u;
  x ^= x >> 24;
  return depth ? f189(x, depth - 1) ^ (x + 188u) : x;
}

static __attribute__((noinline)) u64 f187(u64 x, int depth) {
  x = x * 6364136223846793005u + 375u;
  x ^= x >> 23;
  return depth ? f188(x, depth - 1) ^ (x + 187u) : x;
}

static __attribute__((noinline)) u64 f186(u64 x, int depth) {
  x = x * 6364136223846793005u + 373u;
  x ^= x >> 22;
  return depth ? f187(x, depth - 1) ^ (x + 186u) : x;
}

static __attribute__((noinline)) u64 f185(u64 x, int depth) {
  x = x * 6364136223846793005u + 371u;
  x ^= x >> 21;
  return depth ? f186(x, depth - 1) ^ (x + 185u) : x;
}

static __attribute__((noinline)) u64 f184(u64 x, int depth) {
  x = x * 6364136223846793005u + 369u;
  x ^= x >> 20;
  return depth ? f185(x, depth - 1) ^ (x + 184u) : x;
}

static __attribute__((noinline)) u64 f183(u64 x, int depth) {
  x = x * 6364136223846793005u + 367u;
  x ^= x >> 19;
  return depth ? f184(x, depth - 1) ^ (x + 183u) : x;
}

static __attribute__((noinline)) u64 f182(u64 x, int depth) {
  x = x * 6364136223846793005u + 365u;
  x ^= x >> 18;
  return depth ? f183(x, depth - 1) ^ (x + 182u) : x;
}

static __attribute__((noinline)) u64 f181(u64 x, int depth) {
  x = x * 6364136223846793005u + 363u;
  x ^= x >> 17;
  return depth ? f182(x, depth - 1) ^ (x + 181u) : x;
}

static __attribute__((noinline)) u64 f180(u64 x, int depth) {
  x = x * 6364136223846793005u + 361u;
  x ^= x >> 16;
  return depth ? f181(x, depth - 1) ^ (x + 180u) : x;
}

static __attribute__((noinline)) u64 f179(u64 x, int depth) {
  x = x * 6364136223846793005u + 359u;
  x ^= x >> 15;
  return depth ? f180(x, depth - 1) ^ (x + 179u) : x;
}

static __attribute__((noinline)) u64 f178(u64 x, int depth) {
  x = x * 6364136223846793005u + 357u;
  x ^= x >> 14;
  return depth ? f179(x, depth - 1) ^ (x + 178u) : x;
}

static __attribute__((noinline)) u64 f177(u64 x, int depth) {
  x = x * 6364136223846793005u + 355u;
  x ^= x >> 13;
  return depth ? f178(x, depth - 1) ^ (x + 177u) : x;
}

static __attribute__((noinline)) u64 f176(u64 x, int depth) {
  x = x * 6364136223846793005u + 353u;
  x ^= x >> 12;
  return depth ? f177(x, depth - 1) ^ (x + 176u) : x;
}

static __attribute__((noinline)) u64 f175(u64 x, int depth) {
  x = x * 6364136223846793005u + 351u;
  x ^= x >> 11;
  return depth ? f176(x, depth - 1) ^ (x + 175u) : x;
}

static __attribute__((noinline)) u64 f174(u64 x, int depth) {
  x = x * 6364136223846793005u + 349u;
  x ^= x >> 10;
  return depth ? f175(x, depth - 1) ^ (x + 174u) : x;
}

static __attribute__((noinline)) u64 f173(u64 x, int depth) {
  x = x * 6364136223846793005u + 347u;
  x ^= x >> 9;
  return depth ? f174(x, depth - 1) ^ (x + 173u) : x;
}

static __attribute__((noinline)) u64 f172(u64 x, int depth) {
  x = x * 6364136223846793005u + 345u;
  x ^= x >> 8;
  return depth ? f173(x, depth - 1) ^ (x + 172u) : x;
}

static __attribute__((noinline)) u64 f171(u64 x, int depth) {
  x = x * 6364136223846793005u + 343u;
  x ^= x >> 7;
  return depth ? f172(x, depth - 1) ^ (x + 171u) : x;
}

static __attribute__((noinline)) u64 f170(u64 x, int depth) {
  x = x * 6364136223846793005u + 341u;
  x ^= x >> 25;
  return depth ? f171(x, depth - 1) ^ (x + 170u) : x;
}

static __attribute__((noinline)) u64 f169(u64 x, int depth) {
  x = x * 6364136223846793005u + 339u;
  x ^= x >> 24;
  return depth ? f170(x, depth - 1) ^ (x + 169u) : x;
}

static __attribute__((noinline)) u64 f168(u64 x, int depth) {
  x = x * 6364136223846793005u + 337u;
  x ^= x >> 23;
  return depth ? f169(x, depth - 1) ^ (x + 168u) : x;
}

static __attribute__((noinline)) u64 f167(u64 x, int depth) {
  x = x * 6364136223846793005u + 335u;
  x ^= x >> 22;
  return depth ? f168(x, depth - 1) ^ (x + 167u) : x;
}

static __attribute__((noinline)) u64 f166(u64 x, int depth) {
  x = x * 6364136223846793005u + 333u;
  x ^= x >> 21;
  return depth ? f167(x, depth - 1) ^ (x + 166u) : x;
}

static __attribute__((noinline)) u64 f165(u64 x, int depth) {
  x = x * 6364136223846793005u + 331u;
  x ^= x >> 20;
  return depth ? f166(x, depth - 1) ^ (x + 165u) : x;
}

static __attribute__((noinline)) u64 f164(u64 x, int depth) {
  x = x * 6364136223846793005u + 329u;
  x ^= x >> 19;
  return depth ? f165(x, depth - 1) ^ (x + 164u) : x;
}

static __attribute__((noinline)) u64 f163(u64 x, int depth) {
  x = x * 6364136223846793005u + 327u;
  x ^= x >> 18;
  return depth ? f164(x, depth - 1) ^ (x + 163u) : x;
}

static __attribute__((noinline)) u64 f162(u64 x, int depth) {
  x = x * 6364136223846793005u + 325u;
  x ^= x >> 17;
  return depth ? f163(x, depth - 1) ^ (x + 162u) : x;
}

static __attribute__((noinline)) u64 f161(u64 x, int depth) {
  x = x * 6364136223846793005u + 323u;
  x ^= x >> 16;
  return depth ? f162(x, depth - 1) ^ (x + 161u) : x;
}

static __attribute__((noinline)) u64 f160(u64 x, int depth) {
  x = x * 6364136223846793005u + 321u;
  x ^= x >> 15;
  return depth ? f161(x, depth - 1) ^ (x + 160u) : x;
}

static __attribute__((noinline)) u64 f159(u64 x, int depth) {
  x = x * 6364136223846793005u + 319u;
  x ^= x >> 14;
  return depth ? f160(x, depth - 1) ^ (x + 159u) : x;
}

static __attribute__((noinline)) u64 f158(u64 x, int depth) {
  x = x * 6364136223846793005u + 317u;
  x ^= x >> 13;
  return depth ? f159(x, depth - 1) ^ (x + 158u) : x;
}

static __attribute__((noinline)) u64 f157(u64 x, int depth) {
  x = x * 6364136223846793005u + 315u;
  x ^= x >> 12;
  return depth ? f158(x, depth - 1) ^ (x + 157u) : x;
}

static __attribute__((noinline)) u64 f156(u64 x, int depth) {
  x = x * 6364136223846793005u + 313u;
  x ^= x >> 11;
  return depth ? f157(x, depth - 1) ^ (x + 156u) : x;
}

static __attribute__((noinline)) u64 f155(u64 x, int depth) {
  x = x * 6364136223846793005u + 311u;
  x ^= x >> 10;
  return depth ? f156(x, depth - 1) ^ (x + 155u) : x;
}

static __attribute__((noinline)) u64 f154(u64 x, int depth) {
  x = x * 6364136223846793005u + 309u;
  x ^= x >> 9;
  return depth ? f155(x, depth - 1) ^ (x + 154u) : x;
}

static __attribute__((noinline)) u64 f153(u64 x, int depth) {
  x = x * 6364136223846793005u + 307u;
  x ^= x >> 8;
  return depth ? f154(x, depth - 1) ^ (x + 153u) : x;
}

static __attribute__((noinline)) u64 f152(u64 x, int depth) {
  x = x * 6364136223846793005u + 305u;
  x ^= x >> 7;
  return depth ? f153(x, depth - 1) ^ (x + 152u) : x;
}

static __attribute__((noinline)) u64 f151(u64 x, int depth) {
  x = x * 6364136223846793005u + 303u;
  x ^= x >> 25;
  return depth ? f152(x, depth - 1) ^ (x + 151u) : x;
}

static __attribute__((noinline)) u64 f150(u64 x, int depth) {
  x = x * 6364136223846793005u + 301u;
  x ^= x >> 24;
  return depth ? f151(x, depth - 1) ^ (x + 150u) : x;
}

static __attribute__((noinline)) u64 f149(u64 x, int depth) {
  x = x * 6364136223846793005u + 299u;
  x ^= x >> 23;
  return depth ? f150(x, depth - 1) ^ (x + 149u) : x;
}

static __attribute__((noinline)) u64 f148(u64 x, int depth) {
  x = x * 6364136223846793005u + 297u;
  x ^= x >> 22;
  return depth ? f149(x, depth - 1) ^ (x + 148u) : x;
}

static __attribute__((noinline)) u64 f147(u64 x, int depth) {
  x = x * 6364136223846793005u + 295u;
  x ^= x >> 21;
  return depth ? f148(x, depth - 1) ^ (x + 147u) : x;
}

static __attribute__((noinline)) u64 f146(u64 x, int depth) {
  x = x * 6364136223846793005u + 293u;
  x ^= x >> 20;
  return depth ? f147(x, depth - 1) ^ (x + 146u) : x;
}

static __attribute__((noinline)) u64 f145(u64 x, int depth) {
  x = x * 6364136223846793005u + 291u;
  x ^= x >> 19;
  return depth ? f146(x, depth - 1) ^ (x + 145u) : x;
}

static __attribute__((noinline)) u64 f144(u64 x, int depth) {
  x = x * 6364136223846793005u + 289u;
  x ^= x >> 18;
  return depth ? f145(x, depth - 1) ^ (x + 144u) : x;
}

static __attribute__((noinline)) u64 f143(u64 x, int depth) {
  x = x * 6364136223846793005u + 287u;
  x ^= x >> 17;
  return depth ? f144(x, depth - 1) ^ (x + 143u) : x;
}

static __attribute__((noinline)) u64 f142(u64 x, int depth) {
  x = x * 6364136223846793005u + 285u;
  x ^= x >> 16;
  return depth ? f143(x, depth - 1) ^ (x + 142u) : x;
}

static __attribute__((noinline)) u64 f141(u64 x, int depth) {
  x = x * 6364136223846793005u + 283u;
  x ^= x >> 15;
  return depth ? f142(x, depth - 1) ^ (x + 141u) : x;
}

static __attribute__((noinline)) u64 f140(u64 x, int depth) {
  x = x * 6364136223846793005u + 281u;
  x ^= x >> 14;
  return depth ? f141(x, depth - 1) ^ (x + 140u) : x;
}

static __attribute__((noinline)) u64 f139(u64 x, int depth) {
  x = x * 6364136223846793005u + 279u;
  x ^= x >> 13;
  return depth ? f140(x, depth - 1) ^ (x + 139u) : x;
}

static __attribute__((noinline)) u64 f138(u64 x, int depth) {
  x = x * 6364136223846793005u + 277u;
  x ^= x >> 12;
  return depth ? f139(x, depth - 1) ^ (x + 138u) : x;
}

static __attribute__((noinline)) u64 f137(u64 x, int depth) {
  x = x * 6364136223846793005u + 275u;
  x ^= x >> 11;
  return depth ? f138(x, depth - 1) ^ (x + 137u) : x;
}

static __attribute__((noinline)) u64 f136(u64 x, int depth) {
  x = x * 6364136223846793005u + 273u;
  x ^= x >> 10;
  return depth ? f137(x, depth - 1) ^ (x + 136u) : x;
}

static __attribute__((noinline)) u64 f135(u64 x, int depth) {
  x = x * 6364136223846793005u + 271u;
  x ^= x >> 9;
  return depth ? f136(x, depth - 1) ^ (x + 135u) : x;
}

static __attribute__((noinline)) u64 f134(u64 x, int depth) {
  x = x * 6364136223846793005u + 269u;
  x ^= x >> 8;
  return depth ? f135(x, depth - 1) ^ (x + 134u) : x;
}

static __attribute__((noinline)) u64 f133(u64 x, int depth) {
  x = x * 6364136223846793005u + 267u;
  x ^= x >> 7;
  return depth ? f134(x, depth - 1) ^ (x + 133u) : x;
}

static __attribute__((noinline)) u64 f132(u64 x, int depth) {
  x = x * 6364136223846793005u + 265u;
  x ^= x >> 25;
  return depth ? f133(x, depth - 1) ^ (x + 132u) : x;
}

static __attribute__((noinline)) u64 f131(u64 x, int depth) {
  x = x * 6364136223846793005u + 263u;
  x ^= x >> 24;
  return depth ? f132(x, depth - 1) ^ (x + 131u) : x;
}

static __attribute__((noinline)) u64 f130(u64 x, int depth) {
  x = x * 6364136223846793005u + 261u;
  x ^= x >> 23;
  return depth ? f131(x, depth - 1) ^ (x + 130u) : x;
}

static __attribute__((noinline)) u64 f129(u64 x, int depth) {
  x = x * 6364136223846793005u + 259u;
  x ^= x >> 22;
  return depth ? f130(x, depth - 1) ^ (x + 129u) : x;
}

static __attribute__((noinline)) u64 f128(u64 x, int depth) {
  x = x * 6364136223846793005u + 257u;
  x ^= x >> 21;
  return depth ? f129(x, depth - 1) ^ (x + 128u) : x;
}

static __attribute__((noinline)) u64 f127(u64 x, int depth) {
  x = x * 6364136223846793005u + 255u;
  x ^= x >> 20;
  return depth ? f128(x, depth - 1) ^ (x + 127u) : x;
}

static __attribute__((noinline)) u64 f126(u64 x, int depth) {
  x = x * 6364136223846793005u + 253u;
  x ^= x >> 19;
  return depth ? f127(x, depth - 1) ^ (x + 126u) : x;
}

static __attribute__((noinline)) u64 f125(u64 x, int depth) {
  x = x * 6364136223846793005u + 251u;
  x ^= x >> 18;
  return depth ? f126(x, depth - 1) ^ (x + 125u) : x;
}

static __attribute__((noinline)) u64 f124(u64 x, int depth) {
  x = x * 6364136223846793005u + 249u;
  x ^= x >> 17;
  return depth ? f125(x, depth - 1) ^ (x + 124u) : x;
}

static __attribute__((noinline)) u64 f123(u64 x, int depth) {
  x = x * 6364136223846793005u + 247u;
  x ^= x >> 16;
  return depth ? f124(x, depth - 1) ^ (x + 123u) : x;
}

static __attribute__((noinline)) u64 f122(u64 x, int depth) {
  x = x * 6364136223846793005u + 245u;
  x ^= x >> 15;
  return depth ? f123(x, depth - 1) ^ (x + 122u) : x;
}

static __attribute__((noinline)) u64 f121(u64 x, int depth) {
  x = x * 6364136223846793005u + 243u;
  x ^= x >> 14;
  return depth ? f122(x, depth - 1) ^ (x + 121u) : x;
}

static __attribute__((noinline)) u64 f120(u64 x, int depth) {
  x = x * 6364136223846793005u + 241u;
  x ^= x >> 13;
  return depth ? f121(x, depth - 1) ^ (x + 120u) : x;
}

static __attribute__((noinline)) u64 f119(u64 x, int depth) {
  x = x * 6364136223846793005u + 239u;
  x ^= x >> 12;
  return depth ? f120(x, depth - 1) ^ (x + 119u) : x;
}

static __attribute__((noinline)) u64 f118(u64 x, int depth) {
  x = x * 6364136223846793005u + 237u;
  x ^= x >> 11;
  return depth ? f119(x, depth - 1) ^ (x + 118u) : x;
}

static __attribute__((noinline)) u64 f117(u64 x, int depth) {
  x = x * 6364136223846793005u + 235u;
  x ^= x >> 10;
  return depth ? f118(x, depth - 1) ^ (x + 117u) : x;
}

static __attribute__((noinline)) u64 f116(u64 x, int depth) {
  x = x * 6364136223846793005u + 233u;
  x ^= x >> 9;
  return depth ? f117(x, depth - 1) ^ (x + 116u) : x;
}

static __attribute__((noinline)) u64 f115(u64 x, int depth) {
  x = x * 6364136223846793005u + 231u;
  x ^= x >> 8;
  return depth ? f116(x, depth - 1) ^ (x + 115u) : x;
}

static __attribute__((noinline)) u64 f114(u64 x, int depth) {
  x = x * 6364136223846793005u + 229u;
  x ^= x >> 7;
  return depth ? f115(x, depth - 1) ^ (x + 114u) : x;
}

static __attribute__((noinline)) u64 f113(u64 x, int depth) {
  x = x * 6364136223846793005u + 227u;
  x ^= x >> 25;
  return depth ? f114(x, depth - 1) ^ (x + 113u) : x;
}

static __attribute__((noinline)) u64 f112(u64 x, int depth) {
  x = x * 6364136223846793005u + 225u;
  x ^= x >> 24;
  return depth ? f113(x, depth - 1) ^ (x + 112u) : x;
}

static __attribute__((noinline)) u64 f111(u64 x, int depth) {
  x = x * 6364136223846793005u + 223u;
  x ^= x >> 23;
  return depth ? f112(x, depth - 1) ^ (x + 111u) : x;
}

static __attribute__((noinline)) u64 f110(u64 x, int depth) {
  x = x * 6364136223846793005u + 221u;
  x ^= x >> 22;
  return depth ? f111(x, depth - 1) ^ (x + 110u) : x;
}

static __attribute__((noinline)) u64 f109(u64 x, int depth) {
  x = x * 6364136223846793005u + 219u;
  x ^= x >> 21;
  return depth ? f110(x, depth - 1) ^ (x + 109u) : x;
}

static __attribute__((noinline)) u64 f108(u64 x, int depth) {
  x = x * 6364136223846793005u + 217u;
  x ^= x >> 20;
  return depth ? f109(x, depth - 1) ^ (x + 108u) : x;
}

static __attribute__((noinline)) u64 f107(u64 x, int depth) {
  x = x * 6364136223846793005u + 215u;
  x ^= x >> 19;
  return depth ? f108(x, depth - 1) ^ (x + 107u) : x;
}

static __attribute__((noinline)) u64 f106(u64 x, int depth) {
  x = x * 6364136223846793005u + 213u;
  x ^= x >> 18;
  return depth ? f107(x, depth - 1) ^ (x + 106u) : x;
}

static __attribute__((noinline)) u64 f105(u64 x, int depth) {
  x = x * 6364136223846793005u + 211u;
  x ^= x >> 17;
  return depth ? f106(x, depth - 1) ^ (x + 105u) : x;
}

static __attribute__((noinline)) u64 f104(u64 x, int depth) {
  x = x * 6364136223846793005u + 209u;
  x ^= x >> 16;
  return depth ? f105(x, depth - 1) ^ (x + 104u) : x;
}

static __attribute__((noinline)) u64 f103(u64 x, int depth) {
  x = x * 6364136223846793005u + 207u;
  x ^= x >> 15;
  return depth ? f104(x, depth - 1) ^ (x + 103u) : x;
}

static __attribute__((noinline)) u64 f102(u64 x, int depth) {
  x = x * 6364136223846793005u + 205u;
  x ^= x >> 14;
  return depth ? f103(x, depth - 1) ^ (x + 102u) : x;
}

static __attribute__((noinline)) u64 f101(u64 x, int depth) {
  x = x * 6364136223846793005u + 203u;
  x ^= x >> 13;
  return depth ? f102(x, depth - 1) ^ (x + 101u) : x;
}

static __attribute__((noinline)) u64 f100(u64 x, int depth) {
  x = x * 6364136223846793005u + 201u;
  x ^= x >> 12;
  return depth ? f101(x, depth - 1) ^ (x + 100u) : x;
}

static __attribute__((noinline)) u64 f99(u64 x, int depth) {
  x = x * 6364136223846793005u + 199u;
  x ^= x >> 11;
  return depth ? f100(x, depth - 1) ^ (x + 99u) : x;
}

static __attribute__((noinline)) u64 f98(u64 x, int depth) {
  x = x * 6364136223846793005u + 197u;
  x ^= x >> 10;
  return depth ? f99(x, depth - 1) ^ (x + 98u) : x;
}

static __attribute__((noinline)) u64 f97(u64 x, int depth) {
  x = x * 6364136223846793005u + 195u;
  x ^= x >> 9;
  return depth ? f98(x, depth - 1) ^ (x + 97u) : x;
}

static __attribute__((noinline)) u64 f96(u64 x, int depth) {
  x = x * 6364136223846793005u + 193u;
  x ^= x >> 8;
  return depth ? f97(x, depth - 1) ^ (x + 96u) : x;
}

static __attribute__((noinline)) u64 f95(u64 x, int depth) {
  x = x * 6364136223846793005u + 191u;
  x ^= x >> 7;
  return depth ? f96(x, depth - 1) ^ (x + 95u) : x;
}

static __attribute__((noinline)) u64 f94(u64 x, int depth) {
  x = x * 6364136223846793005u + 189u;
  x ^= x >> 25;
  return depth ? f95(x, depth - 1) ^ (x + 94u) : x;
}

static __attribute__((noinline)) u64 f93(u64 x, int depth) {
  x = x * 6364136223846793005u + 187u;
  x ^= x >> 24;
  return depth ? f94(x, depth - 1) ^ (x + 93u) : x;
}

static __attribute__((noinline)) u64 f92(u64 x, int depth) {
  x = x * 6364136223846793005u + 185u;
  x ^= x >> 23;
  return depth ? f93(x, depth - 1) ^ (x + 92u) : x;
}

static __attribute__((noinline)) u64 f91(u64 x, int depth) {
  x = x * 6364136223846793005u + 183u;
  x ^= x >> 22;
  return depth ? f92(x, depth - 1) ^ (x + 91u) : x;
}

static __attribute__((noinline)) u64 f90(u64 x, int depth) {
  x = x * 6364136223846793005u + 181u;
  x ^= x >> 21;
  return depth ? f91(x, depth - 1) ^ (x + 90u) : x;
}

static __attribute__((noinline)) u64 f89(u64 x, int depth) {
  x = x * 6364136223846793005u + 179u;
  x ^= x >> 20;
  return depth ? f90(x, depth - 1) ^ (x + 89u) : x;
}

static __attribute__((noinline)) u64 f88(u64 x, int depth) {
  x = x * 6364136223846793005u + 177u;
  x ^= x >> 19;
  return depth ? f89(x, depth - 1) ^ (x + 88u) : x;
}

static __attribute__((noinline)) u64 f87(u64 x, int depth) {
  x = x * 6364136223846793005u + 175u;
  x ^= x >> 18;
  return depth ? f88(x, depth - 1) ^ (x + 87u) : x;
}

static __attribute__((noinline)) u64 f86(u64 x, int depth) {
  x = x * 6364136223846793005u + 173u;
  x ^= x >> 17;
  return depth ? f87(x, depth - 1) ^ (x + 86u) : x;
}

static __attribute__((noinline)) u64 f85(u64 x, int depth) {
  x = x * 6364136223846793005u + 171u;
  x ^= x >> 16;
  return depth ? f86(x, depth - 1) ^ (x + 85u) : x;
}

static __attribute__((noinline)) u64 f84(u64 x, int depth) {
  x = x * 6364136223846793005u + 169u;
  x ^= x >> 15;
  return depth ? f85(x, depth - 1) ^ (x + 84u) : x;
}

static __attribute__((noinline)) u64 f83(u64 x, int depth) {
  x = x * 6364136223846793005u + 167u;
  x ^= x >> 14;
  return depth ? f84(x, depth - 1) ^ (x + 83u) : x;
}

static __attribute__((noinline)) u64 f82(u64 x, int depth) {
  x = x * 6364136223846793005u + 165u;
  x ^= x >> 13;
  return depth ? f83(x, depth - 1) ^ (x + 82u) : x;
}

static __attribute__((noinline)) u64 f81(u64 x, int depth) {
  x = x * 6364136223846793005u + 163u;
  x ^= x >> 12;
  return depth ? f82(x, depth - 1) ^ (x + 81u) : x;
}

static __attribute__((noinline)) u64 f80(u64 x, int depth) {
  x = x * 6364136223846793005u + 161u;
  x ^= x >> 11;
  return depth ? f81(x, depth - 1) ^ (x + 80u) : x;
}

static __attribute__((noinline)) u64 f79(u64 x, int depth) {
  x = x * 6364136223846793005u + 159u;
  x ^= x >> 10;
  return depth ? f80(x, depth - 1) ^ (x + 79u) : x;
}

static __attribute__((noinline)) u64 f78(u64 x, int depth) {
  x = x * 6364136223846793005u + 157u;
  x ^= x >> 9;
  return depth ? f79(x, depth - 1) ^ (x + 78u) : x;
}

static __attribute__((noinline)) u64 f77(u64 x, int depth) {
  x = x * 6364136223846793005u + 155u;
  x ^= x >> 8;
  return depth ? f78(x, depth - 1) ^ (x + 77u) : x;
}

static __attribute__((noinline)) u64 f76(u64 x, int depth) {
  x = x * 6364136223846793005u + 153u;
  x ^= x >> 7;
  return depth ? f77(x, depth - 1) ^ (x + 76u) : x;
}

static __attribute__((noinline)) u64 f75(u64 x, int depth) {
  x = x * 6364136223846793005u + 151u;
  x ^= x >> 25;
  return depth ? f76(x, depth - 1) ^ (x + 75u) : x;
}

static __attribute__((noinline)) u64 f74(u64 x, int depth) {
  x = x * 6364136223846793005u + 149u;
  x ^= x >> 24;
  return depth ? f75(x, depth - 1) ^ (x + 74u) : x;
}

static __attribute__((noinline)) u64 f73(u64 x, int depth) {
  x = x * 6364136223846793005u + 147u;
  x ^= x >> 23;
  return depth ? f74(x, depth - 1) ^ (x + 73u) : x;
}

static __attribute__((noinline)) u64 f72(u64 x, int depth) {
  x = x * 6364136223846793005u + 145u;
  x ^= x >> 22;
  return depth ? f73(x, depth - 1) ^ (x + 72u) : x;
}

static __attribute__((noinline)) u64 f71(u64 x, int depth) {
  x = x * 6364136223846793005u + 143u;
  x ^= x >> 21;
  return depth ? f72(x, depth - 1) ^ (x + 71u) : x;
}

static __attribute__((noinline)) u64 f70(u64 x, int depth) {
  x = x * 6364136223846793005u + 141u;
  x ^= x >> 20;
  return depth ? f71(x, depth - 1) ^ (x + 70u) : x;
}

static __attribute__((noinline)) u64 f69(u64 x, int depth) {
  x = x * 6364136223846793005u + 139u;
  x ^= x >> 19;
  return depth ? f70(x, depth - 1) ^ (x + 69u) : x;
}

static __attribute__((noinline)) u64 f68(u64 x, int depth) {
  x = x * 6364136223846793005u + 137u;
  x ^= x >> 18;
  return depth ? f69(x, depth - 1) ^ (x + 68u) : x;
}

static __attribute__((noinline)) u64 f67(u64 x, int depth) {
  x = x * 6364136223846793005u + 135u;
  x ^= x >> 17;
  return depth ? f68(x, depth - 1) ^ (x + 67u) : x;
}

static __attribute__((noinline)) u64 f66(u64 x, int depth) {
  x = x * 6364136223846793005u + 133u;
  x ^= x >> 16;
  return depth ? f67(x, depth - 1) ^ (x + 66u) : x;
}

static __attribute__((noinline)) u64 f65(u64 x, int depth) {
  x = x * 6364136223846793005u + 131u;
  x ^= x >> 15;
  return depth ? f66(x, depth - 1) ^ (x + 65u) : x;
}

static __attribute__((noinline)) u64 f64(u64 x, int depth) {
  x = x * 6364136223846793005u + 129u;
  x ^= x >> 14;
  return depth ? f65(x, depth - 1) ^ (x + 64u) : x;
}

static __attribute__((noinline)) u64 f63(u64 x, int depth) {
  x = x * 6364136223846793005u + 127u;
  x ^= x >> 13;
  return depth ? f64(x, depth - 1) ^ (x + 63u) : x;
}

static __attribute__((noinline)) u64 f62(u64 x, int depth) {
  x = x * 6364136223846793005u + 125u;
  x ^= x >> 12;
  return depth ? f63(x, depth - 1) ^ (x + 62u) : x;
}

static __attribute__((noinline)) u64 f61(u64 x, int depth) {
  x = x * 6364136223846793005u + 123u;
  x ^= x >> 11;
  return depth ? f62(x, depth - 1) ^ (x + 61u) : x;
}

static __attribute__((noinline)) u64 f60(u64 x, int depth) {
  x = x * 6364136223846793005u + 121u;
  x ^= x >> 10;
  return depth ? f61(x, depth - 1) ^ (x + 60u) : x;
}

static __attribute__((noinline)) u64 f59(u64 x, int depth) {
  x = x * 6364136223846793005u + 119u;
  x ^= x >> 9;
  return depth ? f60(x, depth - 1) ^ (x + 59u) : x;
}

static __attribute__((noinline)) u64 f58(u64 x, int depth) {
  x = x * 6364136223846793005u + 117u;
  x ^= x >> 8;
  return depth ? f59(x, depth - 1) ^ (x + 58u) : x;
}

static __attribute__((noinline)) u64 f57(u64 x, int depth) {
  x = x * 6364136223846793005u + 115u;
  x ^= x >> 7;
  return depth ? f58(x, depth - 1) ^ (x + 57u) : x;
}

static __attribute__((noinline)) u64 f56(u64 x, int depth) {
  x = x * 6364136223846793005u + 113u;
  x ^= x >> 25;
  return depth ? f57(x, depth - 1) ^ (x + 56u) : x;
}

static __attribute__((noinline)) u64 f55(u64 x, int depth) {
  x = x * 6364136223846793005u + 111u;
  x ^= x >> 24;
  return depth ? f56(x, depth - 1) ^ (x + 55u) : x;
}

static __attribute__((noinline)) u64 f54(u64 x, int depth) {
  x = x * 6364136223846793005u + 109u;
  x ^= x >> 23;
  return depth ? f55(x, depth - 1) ^ (x + 54u) : x;
}

static __attribute__((noinline)) u64 f53(u64 x, int depth) {
  x = x * 6364136223846793005u + 107u;
  x ^= x >> 22;
  return depth ? f54(x, depth - 1) ^ (x + 53u) : x;
}

static __attribute__((noinline)) u64 f52(u64 x, int depth) {
  x = x * 6364136223846793005u + 105u;
  x ^= x >> 21;
  return depth ? f53(x, depth - 1) ^ (x + 52u) : x;
}

static __attribute__((noinline)) u64 f51(u64 x, int depth) {
  x = x * 6364136223846793005u + 103u;
  x ^= x >> 20;
  return depth ? f52(x, depth - 1) ^ (x + 51u) : x;
}

static __attribute__((noinline)) u64 f50(u64 x, int depth) {
  x = x * 6364136223846793005u + 101u;
  x ^= x >> 19;
  return depth ? f51(x, depth - 1) ^ (x + 50u) : x;
}

static __attribute__((noinline)) u64 f49(u64 x, int depth) {
  x = x * 6364136223846793005u + 99u;
  x ^= x >> 18;
  return depth ? f50(x, depth - 1) ^ (x + 49u) : x;
}

static __attribute__((noinline)) u64 f48(u64 x, int depth) {
  x = x * 6364136223846793005u + 97u;
  x ^= x >> 17;
  return depth ? f49(x, depth - 1) ^ (x + 48u) : x;
}

static __attribute__((noinline)) u64 f47(u64 x, int depth) {
  x = x * 6364136223846793005u + 95u;
  x ^= x >> 16;
  return depth ? f48(x, depth - 1) ^ (x + 47u) : x;
}

static __attribute__((noinline)) u64 f46(u64 x, int depth) {
  x = x * 6364136223846793005u + 93u;
  x ^= x >> 15;
  return depth ? f47(x, depth - 1) ^ (x + 46u) : x;
}

static __attribute__((noinline)) u64 f45(u64 x, int depth) {
  x = x * 6364136223846793005u + 91u;
  x ^= x >> 14;
  return depth ? f46(x, depth - 1) ^ (x + 45u) : x;
}

static __attribute__((noinline)) u64 f44(u64 x, int depth) {
  x = x * 6364136223846793005u + 89u;
  x ^= x >> 13;
  return depth ? f45(x, depth - 1) ^ (x + 44u) : x;
}

static __attribute__((noinline)) u64 f43(u64 x, int depth) {
  x = x * 6364136223846793005u + 87u;
  x ^= x >> 12;
  return depth ? f44(x, depth - 1) ^ (x + 43u) : x;
}

static __attribute__((noinline)) u64 f42(u64 x, int depth) {
  x = x * 6364136223846793005u + 85u;
  x ^= x >> 11;
  return depth ? f43(x, depth - 1) ^ (x + 42u) : x;
}

static __attribute__((noinline)) u64 f41(u64 x, int depth) {
  x = x * 6364136223846793005u + 83u;
  x ^= x >> 10;
  return depth ? f42(x, depth - 1) ^ (x + 41u) : x;
}

static __attribute__((noinline)) u64 f40(u64 x, int depth) {
  x = x * 6364136223846793005u + 81u;
  x ^= x >> 9;
  return depth ? f41(x, depth - 1) ^ (x + 40u) : x;
}

static __attribute__((noinline)) u64 f39(u64 x, int depth) {
  x = x * 6364136223846793005u + 79u;
  x ^= x >> 8;
  return depth ? f40(x, depth - 1) ^ (x + 39u) : x;
}

static __attribute__((noinline)) u64 f38(u64 x, int depth) {
  x = x * 6364136223846793005u + 77u;
  x ^= x >> 7;
  return depth ? f39(x, depth - 1) ^ (x + 38u) : x;
}

static __attribute__((noinline)) u64 f37(u64 x, int depth) {
  x = x * 6364136223846793005u + 75u;
  x ^= x >> 25;
  return depth ? f38(x, depth - 1) ^ (x + 37u) : x;
}

static __attribute__((noinline)) u64 f36(u64 x, int depth) {
  x = x * 6364136223846793005u + 73u;
  x ^= x >> 24;
  return depth ? f37(x, depth - 1) ^ (x + 36u) : x;
}

static __attribute__((noinline)) u64 f35(u64 x, int depth) {
  x = x * 6364136223846793005u + 71u;
  x ^= x >> 23;
  return depth ? f36(x, depth - 1) ^ (x + 35u) : x;
}

static __attribute__((noinline)) u64 f34(u64 x, int depth) {
  x = x * 6364136223846793005u + 69u;
  x ^= x >> 22;
  return depth ? f35(x, depth - 1) ^ (x + 34u) : x;
}

static __attribute__((noinline)) u64 f33(u64 x, int depth) {
  x = x * 6364136223846793005u + 67u;
  x ^= x >> 21;
  return depth ? f34(x, depth - 1) ^ (x + 33u) : x;
}

static __attribute__((noinline)) u64 f32(u64 x, int depth) {
  x = x * 6364136223846793005u + 65u;
  x ^= x >> 20;
  return depth ? f33(x, depth - 1) ^ (x + 32u) : x;
}

static __attribute__((noinline)) u64 f31(u64 x, int depth) {
  x = x * 6364136223846793005u + 63u;
  x ^= x >> 19;
  return depth ? f32(x, depth - 1) ^ (x + 31u) : x;
}

static __attribute__((noinline)) u64 f30(u64 x, int depth) {
  x = x * 6364136223846793005u + 61u;
  x ^= x >> 18;
  return depth ? f31(x, depth - 1) ^ (x + 30u) : x;
}

static __attribute__((noinline)) u64 f29(u64 x, int depth) {
  x = x * 6364136223846793005u + 59u;
  x ^= x >> 17;
  return depth ? f30(x, depth - 1) ^ (x + 29u) : x;
}

static __attribute__((noinline)) u64 f28(u64 x, int depth) {
  x = x * 6364136223846793005u + 57u;
  x ^= x >> 16;
  return depth ? f29(x, depth - 1) ^ (x + 28u) : x;
}

static __attribute__((noinline)) u64 f27(u64 x, int depth) {
  x = x * 6364136223846793005u + 55u;
  x ^= x >> 15;
  return depth ? f28(x, depth - 1) ^ (x + 27u) : x;
}

static __attribute__((noinline)) u64 f26(u64 x, int depth) {
  x = x * 6364136223846793005u + 53u;
  x ^= x >> 14;
  return depth ? f27(x, depth - 1) ^ (x + 26u) : x;
}

static __attribute__((noinline)) u64 f25(u64 x, int depth) {
  x = x * 6364136223846793005u + 51u;
  x ^= x >> 13;
  return depth ? f26(x, depth - 1) ^ (x + 25u) : x;
}

static __attribute__((noinline)) u64 f24(u64 x, int depth) {
  x = x * 6364136223846793005u + 49u;
  x ^= x >> 12;
  return depth ? f25(x, depth - 1) ^ (x + 24u) : x;
}

static __attribute__((noinline)) u64 f23(u64 x, int depth) {
  x = x * 6364136223846793005u + 47u;
  x ^= x >> 11;
  return depth ? f24(x, depth - 1) ^ (x + 23u) : x;
}

static __attribute__((noinline)) u64 f22(u64 x, int depth) {
  x = x * 6364136223846793005u + 45u;
  x ^= x >> 10;
  return depth ? f23(x, depth - 1) ^ (x + 22u) : x;
}

static __attribute__((noinline)) u64 f21(u64 x, int depth) {
  x = x * 6364136223846793005u + 43u;
  x ^= x >> 9;
  return depth ? f22(x, depth - 1) ^ (x + 21u) : x;
}

static __attribute__((noinline)) u64 f20(u64 x, int depth) {
  x = x * 6364136223846793005u + 41u;
  x ^= x >> 8;
  return depth ? f21(x, depth - 1) ^ (x + 20u) : x;
}

static __attribute__((noinline)) u64 f19(u64 x, int depth) {
  x = x * 6364136223846793005u + 39u;
  x ^= x >> 7;
  return depth ? f20(x, depth - 1) ^ (x + 19u) : x;
}

static __attribute__((noinline)) u64 f18(u64 x, int depth) {
  x = x * 6364136223846793005u + 37u;
  x ^= x >> 25;
  return depth ? f19(x, depth - 1) ^ (x + 18u) : x;
}

static __attribute__((noinline)) u64 f17(u64 x, int depth) {
  x = x * 6364136223846793005u + 35u;
  x ^= x >> 24;
  return depth ? f18(x, depth - 1) ^ (x + 17u) : x;
}

static __attribute__((noinline)) u64 f16(u64 x, int depth) {
  x = x * 6364136223846793005u + 33u;
  x ^= x >> 23;
  return depth ? f17(x, depth - 1) ^ (x + 16u) : x;
}

static __attribute__((noinline)) u64 f15(u64 x, int depth) {
  x = x * 6364136223846793005u + 31u;
  x ^= x >> 22;
  return depth ? f16(x, depth - 1) ^ (x + 15u) : x;
}

static __attribute__((noinline)) u64 f14(u64 x, int depth) {
  x = x * 6364136223846793005u + 29u;
  x ^= x >> 21;
  return depth ? f15(x, depth - 1) ^ (x + 14u) : x;
}

static __attribute__((noinline)) u64 f13(u64 x, int depth) {
  x = x * 6364136223846793005u + 27u;
  x ^= x >> 20;
  return depth ? f14(x, depth - 1) ^ (x + 13u) : x;
}

static __attribute__((noinline)) u64 f12(u64 x, int depth) {
  x = x * 6364136223846793005u + 25u;
  x ^= x >> 19;
  return depth ? f13(x, depth - 1) ^ (x + 12u) : x;
}

static __attribute__((noinline)) u64 f11(u64 x, int depth) {
  x = x * 6364136223846793005u + 23u;
  x ^= x >> 18;
  return depth ? f12(x, depth - 1) ^ (x + 11u) : x;
}

static __attribute__((noinline)) u64 f10(u64 x, int depth) {
  x = x * 6364136223846793005u + 21u;
  x ^= x >> 17;
  return depth ? f11(x, depth - 1) ^ (x + 10u) : x;
}

static __attribute__((noinline)) u64 f9(u64 x, int depth) {
  x = x * 6364136223846793005u + 19u;
  x ^= x >> 16;
  return depth ? f10(x, depth - 1) ^ (x + 9u) : x;
}

static __attribute__((noinline)) u64 f8(u64 x, int depth) {
  x = x * 6364136223846793005u + 17u;
  x ^= x >> 15;
  return depth ? f9(x, depth - 1) ^ (x + 8u) : x;
}

static __attribute__((noinline)) u64 f7(u64 x, int depth) {
  x = x * 6364136223846793005u + 15u;
  x ^= x >> 14;
  return depth ? f8(x, depth - 1) ^ (x + 7u) : x;
}

static __attribute__((noinline)) u64 f6(u64 x, int depth) {
  x = x * 6364136223846793005u + 13u;
  x ^= x >> 13;
  return depth ? f7(x, depth - 1) ^ (x + 6u) : x;
}

static __attribute__((noinline)) u64 f5(u64 x, int depth) {
  x = x * 6364136223846793005u + 11u;
  x ^= x >> 12;
  return depth ? f6(x, depth - 1) ^ (x + 5u) : x;
}

static __attribute__((noinline)) u64 f4(u64 x, int depth) {
  x = x * 6364136223846793005u + 9u;
  x ^= x >> 11;
  return depth ? f5(x, depth - 1) ^ (x + 4u) : x;
}

static __attribute__((noinline)) u64 f3(u64 x, int depth) {
  x = x * 6364136223846793005u + 7u;
  x ^= x >> 10;
  return depth ? f4(x, depth - 1) ^ (x + 3u) : x;
}

static __attribute__((noinline)) u64 f2(u64 x, int depth) {
  x = x * 6364136223846793005u + 5u;
  x ^= x >> 9;
  return depth ? f3(x, depth - 1) ^ (x + 2u) : x;
}

static __attribute__((noinline)) u64 f1(u64 x, int depth) {
  x = x * 6364136223846793005u + 3u;
  x ^= x >> 8;
  return depth ? f2(x, depth - 1) ^ (x + 1u) : x;
}

static __attribute__((noinline)) u64 f0(u64 x, int depth) {
  x = x * 6364136223846793005u + 1u;
  x ^= x >> 7;
  return depth ? f1(x, depth - 1) ^ (x + 0u) : x;
}

static void *run(void *arg) {
  u64 r = 0;
  for (u64 i = 0; i < 300; i++)
    r += f0(i + (u64)arg, (int)(i % 240));
  return (void *)r;
}

int main(void) {
  pthread_t t[2];
  for (long k = 0; k < 2; k++)
    pthread_create(&t[k], NULL, run, (void *)(k * 1000));
  u64 mine = (u64)run((void *)7);
  printf("main: %016lx\n", mine);
  for (int k = 0; k < 2; k++) {
    void *r;
    pthread_join(t[k], &r);
    printf("thread %d: %016lx\n", k, (u64)r);
  }
  return 0;
}
