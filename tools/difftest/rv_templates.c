/* rv_templates.c - the riscv64 instruction templates of the differential
 * tester, by extension (RISC-V unprivileged ISA, chapter "RV32/64G
 * Instruction Set Listings" and the Zb* and C tables), and their fix-ups.
 *
 * Left out on purpose: ctzw from the random sequences (a qemu 7.2 bug,
 * below); Zicond (czero.eqz/czero.nez), which qemu 7.2 does not
 * know (it raises SIGILL); counters (rdcycle, rdtime, rdinstret), which differ
 * from run to run; ecall/ebreak/fence.i; C.JR/C.JALR and backward branches,
 * which could loop. */
#include "rv_gen.h"

#define I   C(INT)
#define ZB  C(BITMANIP)
#define RVC C(COMPRESSED)
#define LS  C(LDST)
#define AMO C(ATOMIC)
#define FP  C(FP)
#define BR  C(BRANCH)
#define V   C(VECTOR)
#define VF  C(VECTORFP)
#define VC  C(VECTORCVT16)

const char *const rv_class_names[] = {
#define RV_CLASS_NAME(id, name) name,
    RV_CLASSES(RV_CLASS_NAME)
#undef RV_CLASS_NAME
};

// clang-format off
const struct rv_tmpl rv_tmpls[] = {
    /* RV64I */
    {"lui",    "iiiiiiiiiiiiiiiiiiii ddddd 0110111", I, 0},
    {"auipc",  "iiiiiiiiiiiiiiiiiiii ddddd 0010111", I, 0},
    {"addi",   "iiiiiiiiiiii sssss 000 ddddd 0010011", I | RVC | LS | BR, 0},
    {"slti",   "iiiiiiiiiiii sssss 010 ddddd 0010011", I | BR, 0},
    {"sltiu",  "iiiiiiiiiiii sssss 011 ddddd 0010011", I, 0},
    {"xori",   "iiiiiiiiiiii sssss 100 ddddd 0010011", I, 0},
    {"ori",    "iiiiiiiiiiii sssss 110 ddddd 0010011", I, 0},
    {"andi",   "iiiiiiiiiiii sssss 111 ddddd 0010011", I, 0},
    {"slli",   "000000 iiiiii sssss 001 ddddd 0010011", I, 0},
    {"srli",   "000000 iiiiii sssss 101 ddddd 0010011", I, 0},
    {"srai",   "010000 iiiiii sssss 101 ddddd 0010011", I, 0},
    {"addiw",  "iiiiiiiiiiii sssss 000 ddddd 0011011", I, 0},
    {"slliw",  "0000000 iiiii sssss 001 ddddd 0011011", I, 0},
    {"srliw",  "0000000 iiiii sssss 101 ddddd 0011011", I, 0},
    {"sraiw",  "0100000 iiiii sssss 101 ddddd 0011011", I, 0},
    {"add",    "0000000 ttttt sssss 000 ddddd 0110011", I | RVC | LS | BR, 0},
    {"sub",    "0100000 ttttt sssss 000 ddddd 0110011", I | BR, 0},
    {"sll",    "0000000 ttttt sssss 001 ddddd 0110011", I, 0},
    {"slt",    "0000000 ttttt sssss 010 ddddd 0110011", I | BR, 0},
    {"sltu",   "0000000 ttttt sssss 011 ddddd 0110011", I | BR, 0},
    {"xor",    "0000000 ttttt sssss 100 ddddd 0110011", I | RVC | BR, 0},
    {"srl",    "0000000 ttttt sssss 101 ddddd 0110011", I, 0},
    {"sra",    "0100000 ttttt sssss 101 ddddd 0110011", I, 0},
    {"or",     "0000000 ttttt sssss 110 ddddd 0110011", I, 0},
    {"and",    "0000000 ttttt sssss 111 ddddd 0110011", I, 0},
    {"addw",   "0000000 ttttt sssss 000 ddddd 0111011", I, 0},
    {"subw",   "0100000 ttttt sssss 000 ddddd 0111011", I, 0},
    {"sllw",   "0000000 ttttt sssss 001 ddddd 0111011", I, 0},
    {"srlw",   "0000000 ttttt sssss 101 ddddd 0111011", I, 0},
    {"sraw",   "0100000 ttttt sssss 101 ddddd 0111011", I, 0},
    /* M: the seeds make division by zero and INT_MIN / -1 common */
    {"mul",    "0000001 ttttt sssss 000 ddddd 0110011", I | RVC, 0},
    {"mulh",   "0000001 ttttt sssss 001 ddddd 0110011", I, 0},
    {"mulhsu", "0000001 ttttt sssss 010 ddddd 0110011", I, 0},
    {"mulhu",  "0000001 ttttt sssss 011 ddddd 0110011", I, 0},
    {"div",    "0000001 ttttt sssss 100 ddddd 0110011", I, 0},
    {"divu",   "0000001 ttttt sssss 101 ddddd 0110011", I, 0},
    {"rem",    "0000001 ttttt sssss 110 ddddd 0110011", I, 0},
    {"remu",   "0000001 ttttt sssss 111 ddddd 0110011", I, 0},
    {"mulw",   "0000001 ttttt sssss 000 ddddd 0111011", I, 0},
    {"divw",   "0000001 ttttt sssss 100 ddddd 0111011", I, 0},
    {"divuw",  "0000001 ttttt sssss 101 ddddd 0111011", I, 0},
    {"remw",   "0000001 ttttt sssss 110 ddddd 0111011", I, 0},
    {"remuw",  "0000001 ttttt sssss 111 ddddd 0111011", I, 0},
    /* Zba */
    {"sh1add",    "0010000 ttttt sssss 010 ddddd 0110011", ZB, 0},
    {"sh2add",    "0010000 ttttt sssss 100 ddddd 0110011", ZB, 0},
    {"sh3add",    "0010000 ttttt sssss 110 ddddd 0110011", ZB, 0},
    {"add.uw",    "0000100 ttttt sssss 000 ddddd 0111011", ZB, 0},
    {"sh1add.uw", "0010000 ttttt sssss 010 ddddd 0111011", ZB, 0},
    {"sh2add.uw", "0010000 ttttt sssss 100 ddddd 0111011", ZB, 0},
    {"sh3add.uw", "0010000 ttttt sssss 110 ddddd 0111011", ZB, 0},
    {"slli.uw",   "000010 iiiiii sssss 001 ddddd 0011011", ZB, 0},
    /* Zbb */
    {"andn",   "0100000 ttttt sssss 111 ddddd 0110011", ZB, 0},
    {"orn",    "0100000 ttttt sssss 110 ddddd 0110011", ZB, 0},
    {"xnor",   "0100000 ttttt sssss 100 ddddd 0110011", ZB, 0},
    {"clz",    "0110000 00000 sssss 001 ddddd 0010011", ZB, 0},
    {"ctz",    "0110000 00001 sssss 001 ddddd 0010011", ZB, 0},
    {"cpop",   "0110000 00010 sssss 001 ddddd 0010011", ZB, 0},
    {"clzw",   "0110000 00000 sssss 001 ddddd 0011011", ZB, 0},
    /* ctzw only in the selfcheck and decode check: qemu 7.2 counts past bit
     * 31 when the low word is zero (ctzw of 0xa600000000 gives 33, not 32) */
    {"ctzw",   "0110000 00001 sssss 001 ddddd 0011011", 0, 0},
    {"cpopw",  "0110000 00010 sssss 001 ddddd 0011011", ZB, 0},
    {"max",    "0000101 ttttt sssss 110 ddddd 0110011", ZB, 0},
    {"maxu",   "0000101 ttttt sssss 111 ddddd 0110011", ZB, 0},
    {"min",    "0000101 ttttt sssss 100 ddddd 0110011", ZB, 0},
    {"minu",   "0000101 ttttt sssss 101 ddddd 0110011", ZB, 0},
    {"sext.b", "0110000 00100 sssss 001 ddddd 0010011", ZB, 0},
    {"sext.h", "0110000 00101 sssss 001 ddddd 0010011", ZB, 0},
    {"zext.h", "0000100 00000 sssss 100 ddddd 0111011", ZB, 0},
    {"rol",    "0110000 ttttt sssss 001 ddddd 0110011", ZB, 0},
    {"ror",    "0110000 ttttt sssss 101 ddddd 0110011", ZB, 0},
    {"rolw",   "0110000 ttttt sssss 001 ddddd 0111011", ZB, 0},
    {"rorw",   "0110000 ttttt sssss 101 ddddd 0111011", ZB, 0},
    {"rori",   "011000 iiiiii sssss 101 ddddd 0010011", ZB, 0},
    {"roriw",  "0110000 iiiii sssss 101 ddddd 0011011", ZB, 0},
    {"orc.b",  "001010000111 sssss 101 ddddd 0010011", ZB, 0},
    {"rev8",   "011010111000 sssss 101 ddddd 0010011", ZB, 0},
    /* Zbc */
    {"clmul",  "0000101 ttttt sssss 001 ddddd 0110011", ZB, 0},
    {"clmulr", "0000101 ttttt sssss 010 ddddd 0110011", ZB, 0},
    {"clmulh", "0000101 ttttt sssss 011 ddddd 0110011", ZB, 0},
    /* Zbkb (rev8, rol, ror, andn, orn, xnor are Zbb's above), Zbkx */
    {"pack",   "0000100 ttttt sssss 100 ddddd 0110011", ZB, 0},
    {"packh",  "0000100 ttttt sssss 111 ddddd 0110011", ZB, 0},
    {"packw",  "0000100 ttttt sssss 100 ddddd 0111011", ZB, 0},
    {"brev8",  "011010000111 sssss 101 ddddd 0010011", ZB, 0},
    {"xperm4", "0010100 ttttt sssss 010 ddddd 0110011", ZB, 0},
    {"xperm8", "0010100 ttttt sssss 100 ddddd 0110011", ZB, 0},
    /* Zbs */
    {"bclr",   "0100100 ttttt sssss 001 ddddd 0110011", ZB, 0},
    {"bclri",  "010010 iiiiii sssss 001 ddddd 0010011", ZB, 0},
    {"bext",   "0100100 ttttt sssss 101 ddddd 0110011", ZB, 0},
    {"bexti",  "010010 iiiiii sssss 101 ddddd 0010011", ZB, 0},
    {"binv",   "0110100 ttttt sssss 001 ddddd 0110011", ZB, 0},
    {"binvi",  "011010 iiiiii sssss 001 ddddd 0010011", ZB, 0},
    {"bset",   "0010100 ttttt sssss 001 ddddd 0110011", ZB, 0},
    {"bseti",  "001010 iiiiii sssss 001 ddddd 0010011", ZB, 0},
    /* loads and stores: base x27 in the middle of the scratch memory, any
     * 12-bit offset, so any alignment */
    {"lb",     "iiiiiiiiiiii bbbbb 000 ddddd 0000011", LS, 0},
    {"lh",     "iiiiiiiiiiii bbbbb 001 ddddd 0000011", LS, 0},
    {"lw",     "iiiiiiiiiiii bbbbb 010 ddddd 0000011", LS | RVC, 0},
    {"ld",     "iiiiiiiiiiii bbbbb 011 ddddd 0000011", LS | RVC, 0},
    {"lbu",    "iiiiiiiiiiii bbbbb 100 ddddd 0000011", LS, 0},
    {"lhu",    "iiiiiiiiiiii bbbbb 101 ddddd 0000011", LS, 0},
    {"lwu",    "iiiiiiiiiiii bbbbb 110 ddddd 0000011", LS, 0},
    {"sb",     "iiiiiii ttttt bbbbb 000 iiiii 0100011", LS, 0},
    {"sh",     "iiiiiii ttttt bbbbb 001 iiiii 0100011", LS, 0},
    {"sw",     "iiiiiii ttttt bbbbb 010 iiiii 0100011", LS | RVC, 0},
    {"sd",     "iiiiiii ttttt bbbbb 011 iiiii 0100011", LS | RVC, 0},
    {"flw",    "iiiiiiiiiiii bbbbb 010 DDDDD 0000111", LS, 0},
    {"fld",    "iiiiiiiiiiii bbbbb 011 DDDDD 0000111", LS, 0},
    {"fsw",    "iiiiiii TTTTT bbbbb 010 iiiii 0100111", LS, 0},
    {"fsd",    "iiiiiii TTTTT bbbbb 011 iiiii 0100111", LS, 0},
    {"flh",    "iiiiiiiiiiii bbbbb 001 DDDDD 0000111", LS, 0},
    {"fsh",    "iiiiiii TTTTT bbbbb 001 iiiii 0100111", LS, 0},
    /* A: LR/SC and AMOs on x26 (8-aligned), aq/rl random; plain accesses to
     * the same word break reservations */
    {"lr.w",      "00010 ii 00000 aaaaa 010 ddddd 0101111", AMO, 0},
    {"lr.d",      "00010 ii 00000 aaaaa 011 ddddd 0101111", AMO, 0},
    {"sc.w",      "00011 ii ttttt aaaaa 010 ddddd 0101111", AMO, 0},
    {"sc.d",      "00011 ii ttttt aaaaa 011 ddddd 0101111", AMO, 0},
    {"amoswap.w", "00001 ii ttttt aaaaa 010 ddddd 0101111", AMO, 0},
    {"amoadd.w",  "00000 ii ttttt aaaaa 010 ddddd 0101111", AMO, 0},
    {"amoxor.w",  "00100 ii ttttt aaaaa 010 ddddd 0101111", AMO, 0},
    {"amoand.w",  "01100 ii ttttt aaaaa 010 ddddd 0101111", AMO, 0},
    {"amoor.w",   "01000 ii ttttt aaaaa 010 ddddd 0101111", AMO, 0},
    {"amomin.w",  "10000 ii ttttt aaaaa 010 ddddd 0101111", AMO, 0},
    {"amomax.w",  "10100 ii ttttt aaaaa 010 ddddd 0101111", AMO, 0},
    {"amominu.w", "11000 ii ttttt aaaaa 010 ddddd 0101111", AMO, 0},
    {"amomaxu.w", "11100 ii ttttt aaaaa 010 ddddd 0101111", AMO, 0},
    {"amoswap.d", "00001 ii ttttt aaaaa 011 ddddd 0101111", AMO, 0},
    {"amoadd.d",  "00000 ii ttttt aaaaa 011 ddddd 0101111", AMO, 0},
    {"amoxor.d",  "00100 ii ttttt aaaaa 011 ddddd 0101111", AMO, 0},
    {"amoand.d",  "01100 ii ttttt aaaaa 011 ddddd 0101111", AMO, 0},
    {"amoor.d",   "01000 ii ttttt aaaaa 011 ddddd 0101111", AMO, 0},
    {"amomin.d",  "10000 ii ttttt aaaaa 011 ddddd 0101111", AMO, 0},
    {"amomax.d",  "10100 ii ttttt aaaaa 011 ddddd 0101111", AMO, 0},
    {"amominu.d", "11000 ii ttttt aaaaa 011 ddddd 0101111", AMO, 0},
    {"amomaxu.d", "11100 ii ttttt aaaaa 011 ddddd 0101111", AMO, 0},
    {"ld-amo",    "000000000000 aaaaa 011 ddddd 0000011", AMO, 0},
    {"sd-amo",    "0000000 ttttt aaaaa 011 00000 0100011", AMO, 0},
    {"sw-amo",    "0000000 ttttt aaaaa 010 00000 0100011", AMO, 0},
    /* F and D: 'r' is a static rounding mode or DYN (frm, random per case) */
    {"fadd.s",    "0000000 TTTTT SSSSS rrr DDDDD 1010011", FP, 0},
    {"fsub.s",    "0000100 TTTTT SSSSS rrr DDDDD 1010011", FP, 0},
    {"fmul.s",    "0001000 TTTTT SSSSS rrr DDDDD 1010011", FP, 0},
    {"fdiv.s",    "0001100 TTTTT SSSSS rrr DDDDD 1010011", FP, 0},
    {"fsqrt.s",   "0101100 00000 SSSSS rrr DDDDD 1010011", FP, 0},
    {"fadd.d",    "0000001 TTTTT SSSSS rrr DDDDD 1010011", FP, 0},
    {"fsub.d",    "0000101 TTTTT SSSSS rrr DDDDD 1010011", FP, 0},
    {"fmul.d",    "0001001 TTTTT SSSSS rrr DDDDD 1010011", FP, 0},
    {"fdiv.d",    "0001101 TTTTT SSSSS rrr DDDDD 1010011", FP, 0},
    {"fsqrt.d",   "0101101 00000 SSSSS rrr DDDDD 1010011", FP, 0},
    {"fmadd.s",   "RRRRR 00 TTTTT SSSSS rrr DDDDD 1000011", FP, 0},
    {"fmsub.s",   "RRRRR 00 TTTTT SSSSS rrr DDDDD 1000111", FP, 0},
    {"fnmsub.s",  "RRRRR 00 TTTTT SSSSS rrr DDDDD 1001011", FP, 0},
    {"fnmadd.s",  "RRRRR 00 TTTTT SSSSS rrr DDDDD 1001111", FP, 0},
    {"fmadd.d",   "RRRRR 01 TTTTT SSSSS rrr DDDDD 1000011", FP, 0},
    {"fmsub.d",   "RRRRR 01 TTTTT SSSSS rrr DDDDD 1000111", FP, 0},
    {"fnmsub.d",  "RRRRR 01 TTTTT SSSSS rrr DDDDD 1001011", FP, 0},
    {"fnmadd.d",  "RRRRR 01 TTTTT SSSSS rrr DDDDD 1001111", FP, 0},
    {"fsgnj.s",   "0010000 TTTTT SSSSS 000 DDDDD 1010011", FP, 0},
    {"fsgnjn.s",  "0010000 TTTTT SSSSS 001 DDDDD 1010011", FP, 0},
    {"fsgnjx.s",  "0010000 TTTTT SSSSS 010 DDDDD 1010011", FP, 0},
    {"fsgnj.d",   "0010001 TTTTT SSSSS 000 DDDDD 1010011", FP, 0},
    {"fsgnjn.d",  "0010001 TTTTT SSSSS 001 DDDDD 1010011", FP, 0},
    {"fsgnjx.d",  "0010001 TTTTT SSSSS 010 DDDDD 1010011", FP, 0},
    {"fmin.s",    "0010100 TTTTT SSSSS 000 DDDDD 1010011", FP, 0},
    {"fmax.s",    "0010100 TTTTT SSSSS 001 DDDDD 1010011", FP, 0},
    {"fmin.d",    "0010101 TTTTT SSSSS 000 DDDDD 1010011", FP, 0},
    {"fmax.d",    "0010101 TTTTT SSSSS 001 DDDDD 1010011", FP, 0},
    {"fcvt.w.s",  "1100000 00000 SSSSS rrr ddddd 1010011", FP, 0},
    {"fcvt.wu.s", "1100000 00001 SSSSS rrr ddddd 1010011", FP, 0},
    {"fcvt.l.s",  "1100000 00010 SSSSS rrr ddddd 1010011", FP, 0},
    {"fcvt.lu.s", "1100000 00011 SSSSS rrr ddddd 1010011", FP, 0},
    {"fcvt.w.d",  "1100001 00000 SSSSS rrr ddddd 1010011", FP, 0},
    {"fcvt.wu.d", "1100001 00001 SSSSS rrr ddddd 1010011", FP, 0},
    {"fcvt.l.d",  "1100001 00010 SSSSS rrr ddddd 1010011", FP, 0},
    {"fcvt.lu.d", "1100001 00011 SSSSS rrr ddddd 1010011", FP, 0},
    {"fcvt.s.w",  "1101000 00000 sssss rrr DDDDD 1010011", FP, 0},
    {"fcvt.s.wu", "1101000 00001 sssss rrr DDDDD 1010011", FP, 0},
    {"fcvt.s.l",  "1101000 00010 sssss rrr DDDDD 1010011", FP, 0},
    {"fcvt.s.lu", "1101000 00011 sssss rrr DDDDD 1010011", FP, 0},
    {"fcvt.d.w",  "1101001 00000 sssss rrr DDDDD 1010011", FP, 0},
    {"fcvt.d.wu", "1101001 00001 sssss rrr DDDDD 1010011", FP, 0},
    {"fcvt.d.l",  "1101001 00010 sssss rrr DDDDD 1010011", FP, 0},
    {"fcvt.d.lu", "1101001 00011 sssss rrr DDDDD 1010011", FP, 0},
    {"fcvt.s.d",  "0100000 00001 SSSSS rrr DDDDD 1010011", FP, 0},
    {"fcvt.d.s",  "0100001 00000 SSSSS rrr DDDDD 1010011", FP, 0},
    {"fmv.x.w",   "1110000 00000 SSSSS 000 ddddd 1010011", FP, 0},
    {"fmv.x.d",   "1110001 00000 SSSSS 000 ddddd 1010011", FP, 0},
    {"fmv.w.x",   "1111000 00000 sssss 000 DDDDD 1010011", FP, 0},
    {"fmv.d.x",   "1111001 00000 sssss 000 DDDDD 1010011", FP, 0},
    {"fclass.s",  "1110000 00000 SSSSS 001 ddddd 1010011", FP, 0},
    {"fclass.d",  "1110001 00000 SSSSS 001 ddddd 1010011", FP, 0},
    {"feq.s",     "1010000 TTTTT SSSSS 010 ddddd 1010011", FP, 0},
    {"flt.s",     "1010000 TTTTT SSSSS 001 ddddd 1010011", FP, 0},
    {"fle.s",     "1010000 TTTTT SSSSS 000 ddddd 1010011", FP, 0},
    {"feq.d",     "1010001 TTTTT SSSSS 010 ddddd 1010011", FP, 0},
    {"flt.d",     "1010001 TTTTT SSSSS 001 ddddd 1010011", FP, 0},
    {"fle.d",     "1010001 TTTTT SSSSS 000 ddddd 1010011", FP, 0},
    /* Zfh, Zfhmin (qemu with -cpu rv64,Zfh=true) */
    {"fadd.h",    "0000010 TTTTT SSSSS rrr DDDDD 1010011", FP, 0},
    {"fsub.h",    "0000110 TTTTT SSSSS rrr DDDDD 1010011", FP, 0},
    {"fmul.h",    "0001010 TTTTT SSSSS rrr DDDDD 1010011", FP, 0},
    {"fdiv.h",    "0001110 TTTTT SSSSS rrr DDDDD 1010011", FP, 0},
    {"fsqrt.h",   "0101110 00000 SSSSS rrr DDDDD 1010011", FP, 0},
    {"fmadd.h",   "RRRRR 10 TTTTT SSSSS rrr DDDDD 1000011", FP, 0},
    {"fmsub.h",   "RRRRR 10 TTTTT SSSSS rrr DDDDD 1000111", FP, 0},
    {"fnmsub.h",  "RRRRR 10 TTTTT SSSSS rrr DDDDD 1001011", FP, 0},
    {"fnmadd.h",  "RRRRR 10 TTTTT SSSSS rrr DDDDD 1001111", FP, 0},
    {"fsgnj.h",   "0010010 TTTTT SSSSS 000 DDDDD 1010011", FP, 0},
    {"fsgnjn.h",  "0010010 TTTTT SSSSS 001 DDDDD 1010011", FP, 0},
    {"fsgnjx.h",  "0010010 TTTTT SSSSS 010 DDDDD 1010011", FP, 0},
    {"fmin.h",    "0010110 TTTTT SSSSS 000 DDDDD 1010011", FP, 0},
    {"fmax.h",    "0010110 TTTTT SSSSS 001 DDDDD 1010011", FP, 0},
    {"fcvt.w.h",  "1100010 00000 SSSSS rrr ddddd 1010011", FP, 0},
    {"fcvt.wu.h", "1100010 00001 SSSSS rrr ddddd 1010011", FP, 0},
    {"fcvt.l.h",  "1100010 00010 SSSSS rrr ddddd 1010011", FP, 0},
    {"fcvt.lu.h", "1100010 00011 SSSSS rrr ddddd 1010011", FP, 0},
    {"fcvt.h.w",  "1101010 00000 sssss rrr DDDDD 1010011", FP, 0},
    {"fcvt.h.wu", "1101010 00001 sssss rrr DDDDD 1010011", FP, 0},
    {"fcvt.h.l",  "1101010 00010 sssss rrr DDDDD 1010011", FP, 0},
    {"fcvt.h.lu", "1101010 00011 sssss rrr DDDDD 1010011", FP, 0},
    /* fcvt.s.h and fcvt.d.h never round: binutils 2.40 disassembles them
     * only with rm = 000 */
    {"fcvt.s.h",  "0100000 00010 SSSSS 000 DDDDD 1010011", FP, 0},
    {"fcvt.h.s",  "0100010 00000 SSSSS rrr DDDDD 1010011", FP, 0},
    {"fcvt.d.h",  "0100001 00010 SSSSS 000 DDDDD 1010011", FP, 0},
    {"fcvt.h.d",  "0100010 00001 SSSSS rrr DDDDD 1010011", FP, 0},
    {"fmv.x.h",   "1110010 00000 SSSSS 000 ddddd 1010011", FP, 0},
    {"fmv.h.x",   "1111010 00000 sssss 000 DDDDD 1010011", FP, 0},
    {"fclass.h",  "1110010 00000 SSSSS 001 ddddd 1010011", FP, 0},
    {"feq.h",     "1010010 TTTTT SSSSS 010 ddddd 1010011", FP, 0},
    {"flt.h",     "1010010 TTTTT SSSSS 001 ddddd 1010011", FP, 0},
    {"fle.h",     "1010010 TTTTT SSSSS 000 ddddd 1010011", FP, 0},
    /* Zicsr on fflags, frm, fcsr (a bad frm makes later DYN ops SIGILL) */
    {"csrrw",     "iiiiiiiiiiii sssss 001 ddddd 1110011", FP, F(CSR)},
    {"csrrs",     "iiiiiiiiiiii sssss 010 ddddd 1110011", FP, F(CSR)},
    {"csrrc",     "iiiiiiiiiiii sssss 011 ddddd 1110011", FP, F(CSR)},
    {"csrrwi",    "iiiiiiiiiiii iiiii 101 ddddd 1110011", FP, F(CSR)},
    {"csrrsi",    "iiiiiiiiiiii iiiii 110 ddddd 1110011", FP, F(CSR)},
    {"csrrci",    "iiiiiiiiiiii iiiii 111 ddddd 1110011", FP, F(CSR)},
    /* branches and jumps, forward within the case (to a slot or the exit) */
    {"beq",    "ooooooo ttttt sssss 000 ooooo 1100011", BR, F(BR)},
    {"bne",    "ooooooo ttttt sssss 001 ooooo 1100011", BR | RVC, F(BR)},
    {"blt",    "ooooooo ttttt sssss 100 ooooo 1100011", BR, F(BR)},
    {"bge",    "ooooooo ttttt sssss 101 ooooo 1100011", BR, F(BR)},
    {"bltu",   "ooooooo ttttt sssss 110 ooooo 1100011", BR, F(BR)},
    {"bgeu",   "ooooooo ttttt sssss 111 ooooo 1100011", BR, F(BR)},
    {"jal",    "oooooooooooooooooooo ddddd 1101111", BR, F(JAL)},
    {"jalr",   "oooooooooooo ccccc 000 ddddd 1100111", BR, F(JALR)},
    /* C (16 bits): C.LW/C.LD/... on s1, C.*SP on sp, both in the scratch memory */
    {"c.addi4spn", "000 iiiiiiii ppp 00", RVC, F(CIW)},
    {"c.fld",      "001 iii kkk ii PPP 00", RVC, 0},
    {"c.lw",       "010 iii kkk ii ppp 00", RVC, 0},
    {"c.ld",       "011 iii kkk ii ppp 00", RVC, 0},
    {"c.fsd",      "101 iii kkk ii PPP 00", RVC, 0},
    {"c.sw",       "110 iii kkk ii qqq 00", RVC, 0},
    {"c.sd",       "111 iii kkk ii qqq 00", RVC, 0},
    {"c.addi",     "000 i ddddd iiiii 01", RVC, F(NZRD) | F(NZIMM6)},
    {"c.addiw",    "001 i ddddd iiiii 01", RVC, F(NZRD)},
    {"c.li",       "010 i ddddd iiiii 01", RVC, F(NZRD)},
    {"c.addi16sp", "011 i 00010 iiiii 01", RVC, F(SP16)},
    {"c.lui",      "011 i ddddd iiiii 01", RVC, F(NZRD) | F(NZIMM6)},
    {"c.srli",     "100 i 00 ppp iiiii 01", RVC, F(NZIMM6)},
    {"c.srai",     "100 i 01 ppp iiiii 01", RVC, F(NZIMM6)},
    {"c.andi",     "100 i 10 ppp iiiii 01", RVC, 0},
    {"c.sub",      "100 0 11 ppp 00 qqq 01", RVC, 0},
    {"c.xor",      "100 0 11 ppp 01 qqq 01", RVC, 0},
    {"c.or",       "100 0 11 ppp 10 qqq 01", RVC, 0},
    {"c.and",      "100 0 11 ppp 11 qqq 01", RVC, 0},
    {"c.subw",     "100 1 11 ppp 00 qqq 01", RVC, 0},
    {"c.addw",     "100 1 11 ppp 01 qqq 01", RVC, 0},
    {"c.j",        "101 ooooooooooo 01", RVC, F(CJ)},
    {"c.beqz",     "110 ooo qqq ooooo 01", RVC, F(CB)},
    {"c.bnez",     "111 ooo qqq ooooo 01", RVC, F(CB)},
    {"c.slli",     "000 i ddddd iiiii 10", RVC, F(NZRD) | F(NZIMM6)},
    {"c.fldsp",    "001 i DDDDD iiiii 10", RVC, 0},
    {"c.lwsp",     "010 i ddddd iiiii 10", RVC, F(NZRD)},
    {"c.ldsp",     "011 i ddddd iiiii 10", RVC, F(NZRD)},
    {"c.mv",       "100 0 ddddd ttttt 10", RVC, F(NZRD) | F(NZRS2)},
    {"c.add",      "100 1 ddddd ttttt 10", RVC, F(NZRD) | F(NZRS2)},
    {"c.fsdsp",    "101 iiiiii TTTTT 10", RVC, 0},
    {"c.swsp",     "110 iiiiii ttttt 10", RVC, 0},
    {"c.sdsp",     "111 iiiiii ttttt 10", RVC, 0},
    /* V (RVV 1.0): every integer, fixed-point, mask, permutation and
     * reduction instruction, vsetvl*, loads and stores at x27 (strided by
     * any register, indexed by any vector), and the vector CSRs. vm is set
     * three times in four; vector FP is not implemented (SIGILL) */
    {"vadd.vv", "000000 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vadd.vx", "000000 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vadd.vi", "000000 i wwwww iiiii 011 vvvvv 1010111", V, F(VM)},
    {"vsub.vv", "000010 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vsub.vx", "000010 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vrsub.vx", "000011 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vrsub.vi", "000011 i wwwww iiiii 011 vvvvv 1010111", V, F(VM)},
    {"vminu.vv", "000100 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vminu.vx", "000100 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vmin.vv", "000101 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vmin.vx", "000101 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vmaxu.vv", "000110 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vmaxu.vx", "000110 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vmax.vv", "000111 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vmax.vx", "000111 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vand.vv", "001001 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vand.vx", "001001 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vand.vi", "001001 i wwwww iiiii 011 vvvvv 1010111", V, F(VM)},
    {"vor.vv", "001010 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vor.vx", "001010 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vor.vi", "001010 i wwwww iiiii 011 vvvvv 1010111", V, F(VM)},
    {"vxor.vv", "001011 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vxor.vx", "001011 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vxor.vi", "001011 i wwwww iiiii 011 vvvvv 1010111", V, F(VM)},
    {"vrgather.vv", "001100 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vrgather.vx", "001100 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vrgather.vi", "001100 i wwwww iiiii 011 vvvvv 1010111", V, F(VM)},
    {"vslideup.vx", "001110 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vslideup.vi", "001110 i wwwww iiiii 011 vvvvv 1010111", V, F(VM)},
    {"vrgatherei16.vv", "001110 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vslidedown.vx", "001111 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vslidedown.vi", "001111 i wwwww iiiii 011 vvvvv 1010111", V, F(VM)},
    {"vmadc.vv", "010001 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vmadc.vx", "010001 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vmadc.vi", "010001 i wwwww iiiii 011 vvvvv 1010111", V, F(VM)},
    {"vmsbc.vv", "010011 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vmsbc.vx", "010011 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vmseq.vv", "011000 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vmseq.vx", "011000 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vmseq.vi", "011000 i wwwww iiiii 011 vvvvv 1010111", V, F(VM)},
    {"vmsne.vv", "011001 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vmsne.vx", "011001 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vmsne.vi", "011001 i wwwww iiiii 011 vvvvv 1010111", V, F(VM)},
    {"vmsltu.vv", "011010 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vmsltu.vx", "011010 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vmslt.vv", "011011 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vmslt.vx", "011011 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vmsleu.vv", "011100 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vmsleu.vx", "011100 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vmsleu.vi", "011100 i wwwww iiiii 011 vvvvv 1010111", V, F(VM)},
    {"vmsle.vv", "011101 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vmsle.vx", "011101 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vmsle.vi", "011101 i wwwww iiiii 011 vvvvv 1010111", V, F(VM)},
    {"vmsgtu.vx", "011110 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vmsgtu.vi", "011110 i wwwww iiiii 011 vvvvv 1010111", V, F(VM)},
    {"vmsgt.vx", "011111 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vmsgt.vi", "011111 i wwwww iiiii 011 vvvvv 1010111", V, F(VM)},
    {"vsaddu.vv", "100000 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vsaddu.vx", "100000 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vsaddu.vi", "100000 i wwwww iiiii 011 vvvvv 1010111", V, F(VM)},
    {"vsadd.vv", "100001 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vsadd.vx", "100001 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vsadd.vi", "100001 i wwwww iiiii 011 vvvvv 1010111", V, F(VM)},
    {"vssubu.vv", "100010 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vssubu.vx", "100010 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vssub.vv", "100011 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vssub.vx", "100011 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vsll.vv", "100101 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vsll.vx", "100101 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vsll.vi", "100101 i wwwww iiiii 011 vvvvv 1010111", V, F(VM)},
    {"vsmul.vv", "100111 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vsmul.vx", "100111 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vsrl.vv", "101000 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vsrl.vx", "101000 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vsrl.vi", "101000 i wwwww iiiii 011 vvvvv 1010111", V, F(VM)},
    {"vsra.vv", "101001 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vsra.vx", "101001 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vsra.vi", "101001 i wwwww iiiii 011 vvvvv 1010111", V, F(VM)},
    {"vssrl.vv", "101010 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vssrl.vx", "101010 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vssrl.vi", "101010 i wwwww iiiii 011 vvvvv 1010111", V, F(VM)},
    {"vssra.vv", "101011 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vssra.vx", "101011 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vssra.vi", "101011 i wwwww iiiii 011 vvvvv 1010111", V, F(VM)},
    {"vnsrl.vv", "101100 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vnsrl.vx", "101100 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vnsrl.vi", "101100 i wwwww iiiii 011 vvvvv 1010111", V, F(VM)},
    {"vnsra.vv", "101101 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vnsra.vx", "101101 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vnsra.vi", "101101 i wwwww iiiii 011 vvvvv 1010111", V, F(VM)},
    {"vnclipu.vv", "101110 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vnclipu.vx", "101110 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vnclipu.vi", "101110 i wwwww iiiii 011 vvvvv 1010111", V, F(VM)},
    {"vnclip.vv", "101111 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vnclip.vx", "101111 i wwwww sssss 100 vvvvv 1010111", V, F(VM)},
    {"vnclip.vi", "101111 i wwwww iiiii 011 vvvvv 1010111", V, F(VM)},
    {"vwredsumu.vv", "110000 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vwredsum.vv", "110001 i wwwww uuuuu 000 vvvvv 1010111", V, F(VM)},
    {"vredsum.vv", "000000 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vredand.vv", "000001 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vredor.vv", "000010 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vredxor.vv", "000011 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vredminu.vv", "000100 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vredmin.vv", "000101 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vredmaxu.vv", "000110 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vredmax.vv", "000111 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vaaddu.vv", "001000 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vaaddu.vx", "001000 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vaadd.vv", "001001 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vaadd.vx", "001001 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vasubu.vv", "001010 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vasubu.vx", "001010 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vasub.vv", "001011 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vasub.vx", "001011 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vslide1up.vx", "001110 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vslide1down.vx", "001111 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vdivu.vv", "100000 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vdivu.vx", "100000 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vdiv.vv", "100001 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vdiv.vx", "100001 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vremu.vv", "100010 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vremu.vx", "100010 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vrem.vv", "100011 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vrem.vx", "100011 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vmulhu.vv", "100100 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vmulhu.vx", "100100 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vmul.vv", "100101 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vmul.vx", "100101 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vmulhsu.vv", "100110 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vmulhsu.vx", "100110 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vmulh.vv", "100111 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vmulh.vx", "100111 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vmadd.vv", "101001 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vmadd.vx", "101001 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vnmsub.vv", "101011 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vnmsub.vx", "101011 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vmacc.vv", "101101 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vmacc.vx", "101101 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vnmsac.vv", "101111 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vnmsac.vx", "101111 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vwaddu.vv", "110000 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vwaddu.vx", "110000 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vwadd.vv", "110001 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vwadd.vx", "110001 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vwsubu.vv", "110010 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vwsubu.vx", "110010 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vwsub.vv", "110011 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vwsub.vx", "110011 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vwaddu.w.vv", "110100 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vwaddu.w.vx", "110100 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vwadd.w.vv", "110101 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vwadd.w.vx", "110101 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vwsubu.w.vv", "110110 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vwsubu.w.vx", "110110 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vwsub.w.vv", "110111 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vwsub.w.vx", "110111 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vwmulu.vv", "111000 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vwmulu.vx", "111000 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vwmulsu.vv", "111010 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vwmulsu.vx", "111010 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vwmul.vv", "111011 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vwmul.vx", "111011 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vwmaccu.vv", "111100 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vwmaccu.vx", "111100 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vwmacc.vv", "111101 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vwmacc.vx", "111101 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vwmaccus.vx", "111110 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vwmaccsu.vv", "111111 i wwwww uuuuu 010 vvvvv 1010111", V, F(VM)},
    {"vwmaccsu.vx", "111111 i wwwww sssss 110 vvvvv 1010111", V, F(VM)},
    {"vadc.vvm", "010000 0 wwwww uuuuu 000 vvvvv 1010111", V, 0},
    {"vadc.vxm", "010000 0 wwwww sssss 100 vvvvv 1010111", V, 0},
    {"vadc.vim", "010000 0 wwwww iiiii 011 vvvvv 1010111", V, 0},
    {"vsbc.vvm", "010010 0 wwwww uuuuu 000 vvvvv 1010111", V, 0},
    {"vsbc.vxm", "010010 0 wwwww sssss 100 vvvvv 1010111", V, 0},
    {"vmerge.vvm", "010111 0 wwwww uuuuu 000 vvvvv 1010111", V, 0},
    {"vmerge.vxm", "010111 0 wwwww sssss 100 vvvvv 1010111", V, 0},
    {"vmerge.vim", "010111 0 wwwww iiiii 011 vvvvv 1010111", V, 0},
    {"vmv.v.v", "010111 1 00000 uuuuu 000 vvvvv 1010111", V, 0},
    {"vmv.v.x", "010111 1 00000 sssss 100 vvvvv 1010111", V, 0},
    {"vmv.v.i", "010111 1 00000 iiiii 011 vvvvv 1010111", V, 0},
    {"vmv1r.v", "100111 1 wwwww 00000 011 vvvvv 1010111", V, 0},
    {"vmv2r.v", "100111 1 wwwww 00001 011 vvvvv 1010111", V, 0},
    {"vmv4r.v", "100111 1 wwwww 00011 011 vvvvv 1010111", V, 0},
    {"vmv8r.v", "100111 1 wwwww 00111 011 vvvvv 1010111", V, 0},
    {"vmv.x.s", "010000 1 wwwww 00000 010 ddddd 1010111", V, 0},
    {"vmv.s.x", "010000 1 00000 sssss 110 vvvvv 1010111", V, 0},
    {"vcpop.m", "010000 i wwwww 10000 010 ddddd 1010111", V, F(VM)},
    {"vfirst.m", "010000 i wwwww 10001 010 ddddd 1010111", V, F(VM)},
    {"vzext.vf8", "010010 i wwwww 00010 010 vvvvv 1010111", V, F(VM)},
    {"vsext.vf8", "010010 i wwwww 00011 010 vvvvv 1010111", V, F(VM)},
    {"vzext.vf4", "010010 i wwwww 00100 010 vvvvv 1010111", V, F(VM)},
    {"vsext.vf4", "010010 i wwwww 00101 010 vvvvv 1010111", V, F(VM)},
    {"vzext.vf2", "010010 i wwwww 00110 010 vvvvv 1010111", V, F(VM)},
    {"vsext.vf2", "010010 i wwwww 00111 010 vvvvv 1010111", V, F(VM)},
    {"vmsbf.m", "010100 i wwwww 00001 010 vvvvv 1010111", V, F(VM)},
    {"vmsof.m", "010100 i wwwww 00010 010 vvvvv 1010111", V, F(VM)},
    {"vmsif.m", "010100 i wwwww 00011 010 vvvvv 1010111", V, F(VM)},
    {"viota.m", "010100 i wwwww 10000 010 vvvvv 1010111", V, F(VM)},
    {"vid.v", "010100 i 00000 10001 010 vvvvv 1010111", V, F(VM)},
    {"vcompress.vm", "010111 1 wwwww uuuuu 010 vvvvv 1010111", V, 0},
    {"vmandn.mm", "011000 1 wwwww uuuuu 010 vvvvv 1010111", V, 0},
    {"vmand.mm", "011001 1 wwwww uuuuu 010 vvvvv 1010111", V, 0},
    {"vmor.mm", "011010 1 wwwww uuuuu 010 vvvvv 1010111", V, 0},
    {"vmxor.mm", "011011 1 wwwww uuuuu 010 vvvvv 1010111", V, 0},
    {"vmorn.mm", "011100 1 wwwww uuuuu 010 vvvvv 1010111", V, 0},
    {"vmnand.mm", "011101 1 wwwww uuuuu 010 vvvvv 1010111", V, 0},
    {"vmnor.mm", "011110 1 wwwww uuuuu 010 vvvvv 1010111", V, 0},
    {"vmxnor.mm", "011111 1 wwwww uuuuu 010 vvvvv 1010111", V, 0},
    {"vsetvli", "0 iiiiiiiiiii sssss 111 ddddd 1010111", V, F(VTYPE)},
    {"vsetivli", "11 iiiiiiiiii iiiii 111 ddddd 1010111", V, F(VTYPE)},
    {"vsetvl", "1000000 ttttt sssss 111 ddddd 1010111", V, 0},
    {"vle", "iii 0 00 i 00000 bbbbb 000 vvvvv 0000111", V, F(VM) | F(VW)},
    {"vleff", "iii 0 00 i 10000 bbbbb 000 vvvvv 0000111", V, F(VM) | F(VW)},
    {"vlse", "iii 0 10 i ttttt bbbbb 000 vvvvv 0000111", V, F(VM) | F(VW)},
    {"vluxei", "iii 0 01 i wwwww bbbbb 000 vvvvv 0000111", V, F(VM) | F(VW)},
    {"vloxei", "iii 0 11 i wwwww bbbbb 000 vvvvv 0000111", V, F(VM) | F(VW)},
    {"vlm", "000 0 00 1 01011 bbbbb 000 vvvvv 0000111", V, 0},
    {"vl000rre", "000 0 00 1 01000 bbbbb 000 vvvvv 0000111", V, F(VW)},
    {"vl001rre", "001 0 00 1 01000 bbbbb 000 vvvvv 0000111", V, F(VW)},
    {"vl011rre", "011 0 00 1 01000 bbbbb 000 vvvvv 0000111", V, F(VW)},
    {"vl111rre", "111 0 00 1 01000 bbbbb 000 vvvvv 0000111", V, F(VW)},
    {"vse", "iii 0 00 i 00000 bbbbb 000 vvvvv 0100111", V, F(VM) | F(VW)},
    {"vsse", "iii 0 10 i ttttt bbbbb 000 vvvvv 0100111", V, F(VM) | F(VW)},
    {"vsuxei", "iii 0 01 i wwwww bbbbb 000 vvvvv 0100111", V, F(VM) | F(VW)},
    {"vsoxei", "iii 0 11 i wwwww bbbbb 000 vvvvv 0100111", V, F(VM) | F(VW)},
    {"vsm", "000 0 00 1 01011 bbbbb 000 vvvvv 0100111", V, 0},
    {"vs000r", "000 0 00 1 01000 bbbbb 000 vvvvv 0100111", V, 0},
    {"vs001r", "001 0 00 1 01000 bbbbb 000 vvvvv 0100111", V, 0},
    {"vs011r", "011 0 00 1 01000 bbbbb 000 vvvvv 0100111", V, 0},
    {"vs111r", "111 0 00 1 01000 bbbbb 000 vvvvv 0100111", V, 0},
    {"csrr.v", "iiiiiiiiiiii 00000 010 ddddd 1110011", V, F(VCSR)},
    /* csrrwi with 0..3: qemu 7.2 keeps (and reads back) the bits a write to
     * vxrm or vxsat sets above the field, which the spec has as zeros */
    {"csrwi.v", "iiiiiiiiiiii 000ii 101 ddddd 1110011", V, F(VCSRW)},
    /* V floating point at SEW 32 and 64 (SEW 16 is Zvfh, which V alone does
     * not have; qemu 7.2 runs it): class vectorfp starts from such a vtype,
     * and its vsetvli keeps to them */
    {"vfadd.vv", "000000 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfadd.vf", "000000 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfredusum.vv", "000001 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfsub.vv", "000010 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfsub.vf", "000010 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfredosum.vv", "000011 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfmin.vv", "000100 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfmin.vf", "000100 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfredmin.vv", "000101 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfmax.vv", "000110 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfmax.vf", "000110 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfredmax.vv", "000111 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfsgnj.vv", "001000 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfsgnj.vf", "001000 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfsgnjn.vv", "001001 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfsgnjn.vf", "001001 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfsgnjx.vv", "001010 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfsgnjx.vf", "001010 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfslide1up.vf", "001110 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfslide1down.vf", "001111 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vmfeq.vv", "011000 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vmfeq.vf", "011000 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vmfle.vv", "011001 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vmfle.vf", "011001 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vmflt.vv", "011011 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vmflt.vf", "011011 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vmfne.vv", "011100 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vmfne.vf", "011100 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vmfgt.vf", "011101 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vmfge.vf", "011111 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfdiv.vv", "100000 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfdiv.vf", "100000 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfrdiv.vf", "100001 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfmul.vv", "100100 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfmul.vf", "100100 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfrsub.vf", "100111 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfmadd.vv", "101000 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfmadd.vf", "101000 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfnmadd.vv", "101001 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfnmadd.vf", "101001 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfmsub.vv", "101010 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfmsub.vf", "101010 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfnmsub.vv", "101011 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfnmsub.vf", "101011 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfmacc.vv", "101100 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfmacc.vf", "101100 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfnmacc.vv", "101101 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfnmacc.vf", "101101 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfmsac.vv", "101110 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfmsac.vf", "101110 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfnmsac.vv", "101111 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfnmsac.vf", "101111 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfsqrt.v", "010011 i wwwww 00000 001 vvvvv 1010111", VF, F(VM)},
    {"vfclass.v", "010011 i wwwww 10000 001 vvvvv 1010111", VF, F(VM)},
    {"vfrsqrt7.v", "010011 i wwwww 00100 001 vvvvv 1010111", VF, F(VM)},
    {"vfrec7.v", "010011 i wwwww 00101 001 vvvvv 1010111", VF, F(VM)},
    /* SEW 16: the conversions between int16 and binary32 (class vectorcvt16;
     * the .rtz. forms stay out, qemu 7.2 aborts on them) */
    {"vsetivli.e16", "11 iiiiiiiiii iiiii 111 ddddd 1010111", VC, F(VTYPE16)},
    {"vfwcvt.f.xu.v.e16", "010010 i wwwww 01010 001 vvvvv 1010111", VC, F(VM)},
    {"vfwcvt.f.x.v.e16", "010010 i wwwww 01011 001 vvvvv 1010111", VC, F(VM)},
    {"vfncvt.xu.f.w.e16", "010010 i wwwww 10000 001 vvvvv 1010111", VC, F(VM)},
    {"vfncvt.x.f.w.e16", "010010 i wwwww 10001 001 vvvvv 1010111", VC, F(VM)},
    {"vfwadd.vv", "110000 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfwadd.vf", "110000 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfwredusum.sv", "110001 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfwsub.vv", "110010 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfwsub.vf", "110010 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfwredosum.sv", "110011 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfwadd.wv", "110100 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfwadd.wf", "110100 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfwsub.wv", "110110 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfwsub.wf", "110110 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfwmul.vv", "111000 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfwmul.vf", "111000 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfwmacc.vv", "111100 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfwmacc.vf", "111100 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfwnmacc.vv", "111101 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfwnmacc.vf", "111101 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfwmsac.vv", "111110 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfwmsac.vf", "111110 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    {"vfwnmsac.vv", "111111 i wwwww uuuuu 001 vvvvv 1010111", VF, F(VM)},
    {"vfwnmsac.vf", "111111 i wwwww SSSSS 101 vvvvv 1010111", VF, F(VM)},
    /* the .rtz. forms only in the selfcheck: qemu 7.2 aborts on them
     * (decode_save_opc: Assertion `ctx->insn_start != NULL' failed) */
    {"vfcvt.xu.f.v", "010010 i wwwww 00000 001 vvvvv 1010111", VF, F(VM)},
    {"vfcvt.x.f.v", "010010 i wwwww 00001 001 vvvvv 1010111", VF, F(VM)},
    {"vfcvt.f.xu.v", "010010 i wwwww 00010 001 vvvvv 1010111", VF, F(VM)},
    {"vfcvt.f.x.v", "010010 i wwwww 00011 001 vvvvv 1010111", VF, F(VM)},
    {"vfcvt.rtz.xu.f.v", "010010 i wwwww 00110 001 vvvvv 1010111", 0, F(VM)},
    {"vfcvt.rtz.x.f.v", "010010 i wwwww 00111 001 vvvvv 1010111", 0, F(VM)},
    {"vfwcvt.xu.f.v", "010010 i wwwww 01000 001 vvvvv 1010111", VF, F(VM)},
    {"vfwcvt.x.f.v", "010010 i wwwww 01001 001 vvvvv 1010111", VF, F(VM)},
    {"vfwcvt.f.xu.v", "010010 i wwwww 01010 001 vvvvv 1010111", VF, F(VM)},
    {"vfwcvt.f.x.v", "010010 i wwwww 01011 001 vvvvv 1010111", VF, F(VM)},
    {"vfwcvt.f.f.v", "010010 i wwwww 01100 001 vvvvv 1010111", VF, F(VM)},
    {"vfwcvt.rtz.xu.f.v", "010010 i wwwww 01110 001 vvvvv 1010111", 0, F(VM)},
    {"vfwcvt.rtz.x.f.v", "010010 i wwwww 01111 001 vvvvv 1010111", 0, F(VM)},
    {"vfncvt.xu.f.w", "010010 i wwwww 10000 001 vvvvv 1010111", VF, F(VM)},
    {"vfncvt.x.f.w", "010010 i wwwww 10001 001 vvvvv 1010111", VF, F(VM)},
    {"vfncvt.f.xu.w", "010010 i wwwww 10010 001 vvvvv 1010111", VF, F(VM)},
    {"vfncvt.f.x.w", "010010 i wwwww 10011 001 vvvvv 1010111", VF, F(VM)},
    {"vfncvt.f.f.w", "010010 i wwwww 10100 001 vvvvv 1010111", VF, F(VM)},
    {"vfncvt.rod.f.f.w", "010010 i wwwww 10101 001 vvvvv 1010111", VF, F(VM)},
    {"vfncvt.rtz.xu.f.w", "010010 i wwwww 10110 001 vvvvv 1010111", 0, F(VM)},
    {"vfncvt.rtz.x.f.w", "010010 i wwwww 10111 001 vvvvv 1010111", 0, F(VM)},
    {"vfmerge.vfm", "010111 0 wwwww SSSSS 101 vvvvv 1010111", VF, 0},
    {"vfmv.v.f", "010111 1 00000 SSSSS 101 vvvvv 1010111", VF, 0},
    {"vfmv.f.s", "010000 1 wwwww 00000 001 DDDDD 1010111", VF, 0},
    {"vfmv.s.f", "010000 1 00000 SSSSS 101 vvvvv 1010111", VF, 0},
    {"vsetvli.f", "0 iiiiiiiiiii sssss 111 ddddd 1010111", VF, F(VTYPEF)},
    {"vsetivli.f", "11 iiiiiiiiii iiiii 111 ddddd 1010111", VF, F(VTYPEF)},
    {"vle.f", "000 0 00 i 00000 bbbbb 11i vvvvv 0000111", VF, F(VM)},
    {"vse.f", "000 0 00 i 00000 bbbbb 11i vvvvv 0100111", VF, F(VM)},
    {"vmv.v.v.f", "010111 1 00000 uuuuu 000 vvvvv 1010111", VF, 0},
    {"vmerge.vvm.f", "010111 0 wwwww uuuuu 000 vvvvv 1010111", VF, 0},
};
// clang-format on
const int rv_ntmpls = sizeof rv_tmpls / sizeof rv_tmpls[0];

/* Every fix-up has one signature: uint32_t fix_NAME(template, word, pos, rng);
 * pos is the instruction's byte offset in the code page. */

/* A forward target: the start of a later slot, or the exit stub after them. */
static int target(int pos, struct rv_rng *r) {
  int slot = pos / 4 + 1;
  return 4 * (slot + (int)rv_below(r, RV_SLOTS + 1 - slot));
}

/* Scatters the bits of v: map[i] is the bit of v that goes to word bit i,
 * or -1. */
static uint32_t scatter(uint32_t w, uint32_t v, const signed char map[32]) {
  for (int i = 0; i < 32; i++)
    if (map[i] >= 0)
      w = rv_set(w, i, 1, v >> map[i] & 1);
  return w;
}

#define _ -1
static uint32_t fix_BR(const struct rv_tmpl *t, uint32_t w, int pos, struct rv_rng *r) {
  /* imm[12|10:5] in 31:25, imm[4:1|11] in 11:7 */
  static const signed char m[32] = {_, _, _, _, _, _, _, 11, 1, 2, 3, 4, _, _, _,  _,
                                    _, _, _, _, _, _, _, _,  _, 5, 6, 7, 8, 9, 10, 12};
  (void)t;
  return scatter(w, (uint32_t)(target(pos, r) - pos), m);
}

static uint32_t fix_JAL(const struct rv_tmpl *t, uint32_t w, int pos, struct rv_rng *r) {
  /* imm[20|10:1|11|19:12] in 31:12 */
  static const signed char m[32] = {_,  _,  _,  _,  _,  _, _, _, _, _, _, _, 12, 13, 14, 15,
                                    16, 17, 18, 19, 11, 1, 2, 3, 4, 5, 6, 7, 8,  9,  10, 20};
  (void)t;
  return scatter(w, (uint32_t)(target(pos, r) - pos), m);
}

static uint32_t fix_JALR(const struct rv_tmpl *t, uint32_t w, int pos, struct rv_rng *r) {
  (void)t; /* x25 holds the page address */
  return rv_set(w, 20, 12, (uint32_t)target(pos, r));
}

static uint32_t fix_CJ(const struct rv_tmpl *t, uint32_t w, int pos, struct rv_rng *r) {
  /* C.J: imm[11|4|9:8|10|6|7|3:1|5] in 12:2 */
  static const signed char m[32] = {_, _, 5, 1, 2, 3, 7, 6, 10, 8, 9, 4, 11, _, _, _,
                                    _, _, _, _, _, _, _, _, _,  _, _, _, _,  _, _, _};
  (void)t;
  return scatter(w, (uint32_t)(target(pos, r) - pos), m);
}

static uint32_t fix_CB(const struct rv_tmpl *t, uint32_t w, int pos, struct rv_rng *r) {
  /* C.BEQZ/C.BNEZ: imm[8|4:3] in 12:10, imm[7:6|2:1|5] in 6:2 */
  static const signed char m[32] = {_, _, 5, 1, 2, 6, 7, _, _, _, 3, 4, 8, _, _, _,
                                    _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _};
  (void)t;
  return scatter(w, (uint32_t)(target(pos, r) - pos), m);
}

static uint32_t fix_SP16(const struct rv_tmpl *t, uint32_t w, int pos, struct rv_rng *r) {
  /* C.ADDI16SP: nzimm[9] in 12, nzimm[4|6|8:7|5] in 6:2; small steps keep
   * sp inside the scratch memory */
  static const signed char m[32] = {_, _, 5, 7, 8, 6, 4, _, _, _, _, _, 9, _, _, _,
                                    _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _};
  int k = 1 + (int)rv_below(r, 4);
  (void)t, (void)pos;
  return scatter(w, (uint32_t)((rv_below(r, 2) ? k : -k) * 16), m);
}
#undef _

/* A register the generator may write, other than x0. */
static uint32_t writable(struct rv_rng *r) {
  static const uint8_t regs[] = {1,  5,  6,  7,  8,  10, 11, 12, 13, 14, 15, 16,
                                 17, 18, 19, 20, 21, 22, 23, 24, 28, 29, 30, 31};
  return regs[rv_below(r, sizeof regs)];
}

static uint32_t fix_NZRD(const struct rv_tmpl *t, uint32_t w, int pos, struct rv_rng *r) {
  (void)t, (void)pos;
  return rv_get(w, 7, 5) ? w : rv_set(w, 7, 5, writable(r));
}

static uint32_t fix_NZRS2(const struct rv_tmpl *t, uint32_t w, int pos, struct rv_rng *r) {
  (void)t, (void)pos;
  return rv_get(w, 2, 5) ? w : rv_set(w, 2, 5, writable(r));
}

static uint32_t fix_NZIMM6(const struct rv_tmpl *t, uint32_t w, int pos, struct rv_rng *r) {
  (void)t, (void)pos; /* imm[5] in 12, imm[4:0] in 6:2 */
  return rv_get(w, 12, 1) || rv_get(w, 2, 5) ? w : rv_set(w, 2, 5, 1 + rv_below(r, 31));
}

static uint32_t fix_CIW(const struct rv_tmpl *t, uint32_t w, int pos, struct rv_rng *r) {
  (void)t, (void)pos; /* C.ADDI4SPN: a zero immediate is reserved */
  return rv_get(w, 5, 8) ? w : rv_set(w, 5, 8, 1 + rv_below(r, 255));
}

static uint32_t fix_CSR(const struct rv_tmpl *t, uint32_t w, int pos, struct rv_rng *r) {
  (void)t, (void)pos; /* fflags, frm or fcsr */
  return rv_set(w, 20, 12, 1 + rv_below(r, 3));
}

/* The vm bit (25) set three times in four. */
static uint32_t fix_VM(const struct rv_tmpl *t, uint32_t w, int pos, struct rv_rng *r) {
  (void)t, (void)pos;
  return rv_set(w, 25, 1, rv_below(r, 4) != 0);
}

/* A vector load's or store's width: EEW 8, 16, 32 or 64. */
static uint32_t fix_VW(const struct rv_tmpl *t, uint32_t w, int pos, struct rv_rng *r) {
  static const uint8_t width[] = {0, 5, 6, 7};
  (void)t, (void)pos;
  return rv_set(w, 12, 3, width[rv_below(r, 4)]);
}

/* vsetvli's and vsetivli's vtype: mostly SEW 8..64, any LMUL but the
 * reserved one, random vta and vma; now and then any bits (vill). */
static uint32_t fix_VTYPE(const struct rv_tmpl *t, uint32_t w, int pos, struct rv_rng *r) {
  static const uint8_t lmul[] = {0, 1, 2, 3, 5, 6, 7, 0, 1};
  (void)t, (void)pos;
  if (rv_below(r, 16) == 0)
    return w;
  uint32_t vtype = (uint32_t)(rv_below(r, 4) << 6 | rv_below(r, 4) << 3 | lmul[rv_below(r, 9)]);
  w = rv_set(w, 20, 10, vtype);
  return w >> 31 ? w : rv_set(w, 30, 1, 0);
}

/* The same with SEW 32 or 64 and an LMUL that allows it. */
static uint32_t fix_VTYPEF(const struct rv_tmpl *t, uint32_t w, int pos, struct rv_rng *r) {
  static const uint8_t lmul[] = {0, 1, 2, 3, 7, 0, 1};
  (void)t, (void)pos;
  unsigned lm = lmul[rv_below(r, 7)], sew = lm == 7 ? 2 : 2 + rv_below(r, 2);
  w = rv_set(w, 20, 10, (uint32_t)(rv_below(r, 4) << 6 | sew << 3 | lm));
  return w >> 31 ? w : rv_set(w, 30, 1, 0);
}

/* SEW 16 with an LMUL that allows it. */
static uint32_t fix_VTYPE16(const struct rv_tmpl *t, uint32_t w, int pos, struct rv_rng *r) {
  static const uint8_t lmul[] = {0, 1, 2, 6, 7};
  (void)t, (void)pos;
  return rv_set(w, 20, 10, (uint32_t)(rv_below(r, 4) << 6 | 1 << 3 | lmul[rv_below(r, 5)]));
}

/* csrr of vstart, vxsat, vxrm, vcsr, vl, vtype or vlenb. */
static uint32_t fix_VCSR(const struct rv_tmpl *t, uint32_t w, int pos, struct rv_rng *r) {
  static const uint16_t csr[] = {0x008, 0x009, 0x00a, 0x00f, 0xc20, 0xc21, 0xc22};
  (void)t, (void)pos;
  return rv_set(w, 20, 12, csr[rv_below(r, 7)]);
}

/* csrrw of vxsat, vxrm or vcsr. */
static uint32_t fix_VCSRW(const struct rv_tmpl *t, uint32_t w, int pos, struct rv_rng *r) {
  static const uint16_t csr[] = {0x009, 0x00a, 0x00f};
  (void)t, (void)pos;
  return rv_set(w, 20, 12, csr[rv_below(r, 3)]);
}

typedef uint32_t rv_fix_fn(const struct rv_tmpl *t, uint32_t w, int pos, struct rv_rng *r);

static rv_fix_fn *const rv_fix_fns[RV_NFIXES] = {
#define RV_FIX_FN(name) fix_##name,
    RV_FIXES(RV_FIX_FN)
#undef RV_FIX_FN
};

uint32_t rv_fix(const struct rv_tmpl *t, uint32_t w, int pos, struct rv_rng *r) {
  for (int i = 0; i < RV_NFIXES; i++)
    if (t->fixes >> i & 1)
      w = rv_fix_fns[i](t, w, pos, r);
  return w;
}
