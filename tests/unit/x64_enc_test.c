/* x64_enc_test.c - every x86-64 encoder against the system disassembler.
 * Each row of the table is one appender call and the text objdump must print
 * for the bytes it wrote (Intel syntax, whitespace collapsed).
 */
#include <stdint.h>
#include <unistd.h>
#include "test.h"
#include "../../backend-x86_64/x64.h"

enum form {
  E_ALU_RR,
  E_ALU_RI,
  E_ALU_RI32,
  E_ALU_RM,
  E_ALU_MR,
  E_ALU_MI,
  E_ALU_SIZED,
  E_MOV_RR,
  E_MOV_RI,
  E_MOVABS,
  E_LOAD,
  E_STORE,
  E_STORE_IMM,
  E_LEA,
  E_UNARY,
  E_SHIFT_RI,
  E_SHIFT_CL,
  E_IMUL_RR,
  E_IMUL_RRI,
  E_TEST,
  E_SETCC,
  E_CMOV,
  E_MOVZX,
  E_MOVSX,
  E_BSR,
  E_BSF,
  E_TZCNT,
  E_LZCNT,
  E_POPCNT,
  E_BSWAP,
  E_BT,
  E_CMC,
  E_CQO,
  E_XADD,
  E_XCHG,
  E_CMPXCHG,
  E_PUSH,
  E_POP,
  E_RET,
  E_CALL_R,
  E_JMP_R,
  E_CALL_REL,
  E_JMP_REL,
  E_JCC_REL,
  E_NOPS,
  E_SSE_RR,
  E_SSE_RM,
  E_SSE_RRI,
  E_MOVQ_XR,
  E_MOVQ_RX,
  E_PINSR,
  E_PEXTR,
  E_SSE_SHIFT,
  E_SSE_RR_W,
  E_VFMADD,
  E_VCMPP,
  E_RORX,
  E_SHIFTX,
  E_RORX_M,
  E_CRC32,
  E_VSHIFTV,
  E_VEX_RRR,
  E_VEX_SHIFT,
  E_VEX_RM,
  E_TEST_RI,
  E_TEST_MI
};

/* w: width flag, size or bits; a, b, c, d: registers, ops, condition codes;
 * imm: immediate, displacement or jump target (offset from the buffer). */
struct enc_case {
  enum form f;
  int w, a, b, c, d;
  int64_t imm;
  const char *text;
};

enum { RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15 };

static const struct enc_case cases[] = {
    {E_ALU_RR, 1, X64_ADD, RAX, RBX, 0, 0, "add rax,rbx"},
    {E_ALU_RR, 0, X64_SUB, R8, RSI, 0, 0, "sub r8d,esi"},
    {E_ALU_RR, 1, X64_XOR, R15, R12, 0, 0, "xor r15,r12"},
    {E_ALU_RR, 1, X64_CMP, RDI, R13, 0, 0, "cmp rdi,r13"},
    {E_ALU_RR, 0, X64_AND, RBP, RSP, 0, 0, "and ebp,esp"},
    {E_ALU_RR, 1, X64_OR, RCX, RDX, 0, 0, "or rcx,rdx"},
    {E_ALU_RR, 1, X64_ADC, RAX, RAX, 0, 0, "adc rax,rax"},
    {E_ALU_RR, 0, X64_SBB, R11, R9, 0, 0, "sbb r11d,r9d"},
    {E_ALU_RI, 1, X64_ADD, RAX, 0, 0, 1, "add rax,0x1"},
    {E_ALU_RI, 1, X64_SUB, RSP, 0, 0, 1032, "sub rsp,0x408"},
    {E_ALU_RI, 0, X64_AND, R10, 0, 0, 4095, "and r10d,0xfff"},
    {E_ALU_RI, 1, X64_CMP, RCX, 0, 0, -1, "cmp rcx,0xffffffffffffffff"},
    {E_ALU_RI, 0, X64_XOR, RBX, 0, 0, -128, "xor ebx,0xffffff80"},
    {E_ALU_RI, 1, X64_OR, R13, 0, 0, 0x12345678, "or r13,0x12345678"},
    {E_ALU_RI32, 0, X64_CMP, RAX, 0, 0, 0x400004, "cmp rax,0x400004"},
    {E_ALU_RI32, 0, X64_CMP, R9, 0, 0, 16, "cmp r9,0x10"},
    {E_ALU_RM, 1, X64_ADD, RCX, R14, 0, 32, "add rcx,QWORD PTR [r14+0x20]"},
    {E_ALU_RM, 1, X64_CMP, RAX, RCX, 0, 0, "cmp rax,QWORD PTR [rcx]"},
    {E_ALU_RM, 0, X64_SUB, R9, R12, 0, 0, "sub r9d,DWORD PTR [r12]"},
    {E_ALU_RM, 1, X64_AND, RDX, RBP, 0, 0, "and rdx,QWORD PTR [rbp+0x0]"},
    {E_ALU_RM, 1, X64_XOR, RDX, R13, 0, 0x1000, "xor rdx,QWORD PTR [r13+0x1000]"},
    {E_ALU_MR, 1, X64_CMP, RSI, R14, 0, 0x108, "cmp QWORD PTR [r14+0x108],rsi"},
    {E_ALU_MR, 0, X64_CMP, R9, R14, 0, 0x40, "cmp DWORD PTR [r14+0x40],r9d"},
    {E_ALU_MI, 2, X64_CMP, R14, 0, 0, 8, "cmp DWORD PTR [r14+0x8],0x0"},
    {E_ALU_MI, 3, X64_ADD, RSP, 0, 0, 16, "add QWORD PTR [rsp+0x10],0x0"},
    {E_ALU_MI, 0, X64_OR, RAX, 0, 0, 0, "or BYTE PTR [rax],0x0"},
    {E_ALU_MI, 1, X64_CMP, RBX, 0, 0, 0, "cmp WORD PTR [rbx],0x0"},
    {E_ALU_SIZED, 0, X64_CMP, RCX, RSI, 0, 0, "cmp cl,sil"},
    {E_ALU_SIZED, 1, X64_CMP, RCX, R8, 0, 0, "cmp cx,r8w"},
    {E_ALU_SIZED, 2, X64_CMP, RCX, RBX, 0, 0, "cmp ecx,ebx"},
    {E_ALU_SIZED, 3, X64_CMP, RCX, R15, 0, 0, "cmp rcx,r15"},
    {E_MOV_RR, 1, R14, RDI, 0, 0, 0, "mov r14,rdi"},
    {E_MOV_RR, 0, RAX, R10, 0, 0, 0, "mov eax,r10d"},
    {E_MOV_RI, 0, RAX, 0, 0, 0, 0, "mov eax,0x0"},
    {E_MOV_RI, 0, R9, 0, 0, 0, 0xffffffff, "mov r9d,0xffffffff"},
    {E_MOV_RI, 0, RSI, 0, 0, 0, -2, "mov rsi,0xfffffffffffffffe"},
    {E_MOV_RI, 0, R15, 0, 0, 0, 0x123456789a, "movabs r15,0x123456789a"},
    {E_MOVABS, 0, RAX, 0, 0, 0, 0, "movabs rax,0x0"},
    {E_MOVABS, 0, R12, 0, 0, 0, 0x400000, "movabs r12,0x400000"},
    {E_MOVABS, 0, RDI, 0, 0, 0, -2, "movabs rdi,0xfffffffffffffffe"},
    {E_LOAD, 0, 0, 0, RCX, RAX, 0, "movzx ecx,BYTE PTR [rax]"},
    {E_LOAD, 0, 1, 1, RCX, R12, 0, "movsx rcx,BYTE PTR [r12]"},
    {E_LOAD, 0, 1, 0, RSI, RBP, 0, "movsx esi,BYTE PTR [rbp+0x0]"},
    {E_LOAD, 1, 0, 0, R8, RDI, 0, "movzx r8d,WORD PTR [rdi]"},
    {E_LOAD, 1, 1, 1, RBX, R13, 0, "movsx rbx,WORD PTR [r13+0x0]"},
    {E_LOAD, 2, 0, 1, RDX, RSI, 0, "mov edx,DWORD PTR [rsi]"},
    {E_LOAD, 2, 1, 1, R11, RBX, 0, "movsxd r11,DWORD PTR [rbx]"},
    {E_LOAD, 2, 1, 0, R11, RBX, 0, "mov r11d,DWORD PTR [rbx]"},
    {E_LOAD, 3, 0, 1, RAX, RSP, 8, "mov rax,QWORD PTR [rsp+0x8]"},
    {E_LOAD, 3, 0, 1, RAX, RSP, 1016, "mov rax,QWORD PTR [rsp+0x3f8]"},
    {E_LOAD, 3, 0, 1, R13, X64_ABS, 0x20785f0, "mov r13,QWORD PTR ds:0x20785f0"},
    {E_LOAD, 0, 1, 0, RCX, X64_ABS, 0x400010, "movsx ecx,BYTE PTR ds:0x400010"},
    {E_STORE, 2, RSI, 0, X64_ABS, 0, 0x400020, "mov DWORD PTR ds:0x400020,esi"},
    {E_STORE, 0, RSI, 0, RAX, 0, 0, "mov BYTE PTR [rax],sil"},
    {E_STORE, 0, RBX, 0, R8, 0, 0, "mov BYTE PTR [r8],bl"},
    {E_STORE, 1, R9, 0, RDI, 0, 0, "mov WORD PTR [rdi],r9w"},
    {E_STORE, 2, RAX, 0, R14, 0, 12, "mov DWORD PTR [r14+0xc],eax"},
    {E_STORE, 3, R15, 0, RSP, 0, 0, "mov QWORD PTR [rsp],r15"},
    {E_STORE_IMM, 0, 0, 0, RAX, 0, -1, "mov BYTE PTR [rax],0xff"},
    {E_STORE_IMM, 1, 0, 0, RCX, 0, 0x1234, "mov WORD PTR [rcx],0x1234"},
    {E_STORE_IMM, 2, 0, 0, R14, 0, 11, "mov DWORD PTR [r14+0xc],0xb"},
    {E_STORE_IMM, 3, 0, 0, R12, 0, -5, "mov QWORD PTR [r12],0xfffffffffffffffb"},
    {E_LEA, 0, RCX, RSI, RCX, 1, 0, "lea ecx,[rsi+rcx*2]"},
    {E_LEA, 1, R8, R13, RCX, 1, 0, "lea r8,[r13+rcx*2+0x0]"},
    {E_LEA, 1, RAX, RSP, R9, 3, -8, "lea rax,[rsp+r9*8-0x8]"},
    {E_UNARY, 1, X64_NOT, RBX, 0, 0, 0, "not rbx"},
    {E_UNARY, 0, X64_NEG, R12, 0, 0, 0, "neg r12d"},
    {E_UNARY, 1, X64_MUL, RCX, 0, 0, 0, "mul rcx"},
    {E_UNARY, 1, X64_IMUL1, R10, 0, 0, 0, "imul r10"},
    {E_UNARY, 0, X64_DIV, RCX, 0, 0, 0, "div ecx"},
    {E_UNARY, 1, X64_IDIV, RCX, 0, 0, 0, "idiv rcx"},
    {E_SHIFT_RI, 1, X64_SHL, RSI, 0, 0, 3, "shl rsi,0x3"},
    {E_SHIFT_RI, 0, X64_SHR, RCX, 0, 0, 2, "shr ecx,0x2"},
    {E_SHIFT_RI, 1, X64_SAR, R9, 0, 0, 63, "sar r9,0x3f"},
    {E_SHIFT_RI, 0, X64_ROR, RDI, 0, 0, 31, "ror edi,0x1f"},
    {E_SHIFT_CL, 1, X64_SHL, R15, 0, 0, 0, "shl r15,cl"},
    {E_SHIFT_CL, 0, X64_SAR, RBX, 0, 0, 0, "sar ebx,cl"},
    {E_SHIFT_CL, 1, X64_ROR, RBP, 0, 0, 0, "ror rbp,cl"},
    {E_SHIFT_CL, 0, X64_SHR, R8, 0, 0, 0, "shr r8d,cl"},
    {E_IMUL_RR, 1, RBX, R12, 0, 0, 0, "imul rbx,r12"},
    {E_IMUL_RR, 0, R9, RAX, 0, 0, 0, "imul r9d,eax"},
    {E_IMUL_RRI, 1, RSI, RDI, 0, 0, 10, "imul rsi,rdi,0xa"},
    {E_IMUL_RRI, 0, R8, R8, 0, 0, 100000, "imul r8d,r8d,0x186a0"},
    {E_TEST, 1, RCX, RCX, 0, 0, 0, "test rcx,rcx"},
    {E_TEST, 0, R13, RAX, 0, 0, 0, "test r13d,eax"},
    {E_SETCC, 0, X64_CC_E, RCX, 0, 0, 0, "sete cl"},
    {E_SETCC, 0, X64_CC_S, RSI, 0, 0, 0, "sets sil"},
    {E_SETCC, 0, X64_CC_O, R11, 0, 0, 0, "seto r11b"},
    {E_SETCC, 0, X64_CC_AE, RBX, 0, 0, 0, "setae bl"},
    {E_SETCC, 0, X64_CC_G, RDI, 0, 0, 0, "setg dil"},
    {E_CMOV, 1, X64_CC_NE, RBX, RCX, 0, 0, "cmovne rbx,rcx"},
    {E_CMOV, 0, X64_CC_E, R12, RCX, 0, 0, "cmove r12d,ecx"},
    {E_CMOV, 1, X64_CC_L, RCX, R15, 0, 0, "cmovl rcx,r15"},
    {E_MOVZX, 8, RBX, RSI, 0, 0, 0, "movzx ebx,sil"},
    {E_MOVZX, 16, R8, RAX, 0, 0, 0, "movzx r8d,ax"},
    {E_MOVZX, 32, RDI, R9, 0, 0, 0, "mov edi,r9d"},
    {E_MOVSX, 1, 8, RBX, RDI, 0, 0, "movsx rbx,dil"},
    {E_MOVSX, 0, 8, RBX, RCX, 0, 0, "movsx ebx,cl"},
    {E_MOVSX, 1, 16, R13, R10, 0, 0, "movsx r13,r10w"},
    {E_MOVSX, 1, 32, RSI, R8, 0, 0, "movsxd rsi,r8d"},
    {E_BSR, 1, RBX, RAX, 0, 0, 0, "bsr rbx,rax"},
    {E_BSF, 0, R10, RDI, 0, 0, 0, "bsf r10d,edi"},
    {E_TZCNT, 1, RBP, R9, 0, 0, 0, "tzcnt rbp,r9"},
    {E_TZCNT, 0, R11, RSI, 0, 0, 0, "tzcnt r11d,esi"},
    {E_LZCNT, 1, R12, RDI, 0, 0, 0, "lzcnt r12,rdi"},
    {E_LZCNT, 0, RAX, R15, 0, 0, 0, "lzcnt eax,r15d"},
    {E_POPCNT, 1, R8, RBP, 0, 0, 0, "popcnt r8,rbp"},
    {E_POPCNT, 0, RSI, R12, 0, 0, 0, "popcnt esi,r12d"},
    {E_BSWAP, 1, RBX, 0, 0, 0, 0, "bswap rbx"},
    {E_BSWAP, 0, R9, 0, 0, 0, 0, "bswap r9d"},
    {E_BSWAP, 1, R15, 0, 0, 0, 0, "bswap r15"},
    {E_BT, 0, RCX, 0, 0, 0, 0, "bt ecx,0x0"},
    {E_BT, 1, R8, 0, 0, 0, 5, "bt r8,0x5"},
    {E_CMC, 0, 0, 0, 0, 0, 0, "cmc"},
    {E_CQO, 1, 0, 0, 0, 0, 0, "cqo"},
    {E_CQO, 0, 0, 0, 0, 0, 0, "cdq"},
    {E_XADD, 0, RSI, RDX, 0, 0, 0, "lock xadd BYTE PTR [rdx],sil"},
    {E_XADD, 1, RAX, R12, 0, 0, 0, "lock xadd WORD PTR [r12],ax"},
    {E_XADD, 2, RAX, RBX, 0, 0, 0, "lock xadd DWORD PTR [rbx],eax"},
    {E_XADD, 3, RAX, R13, 0, 0, 0, "lock xadd QWORD PTR [r13+0x0],rax"},
    {E_XCHG, 0, RAX, RDX, 0, 0, 0, "xchg BYTE PTR [rdx],al"},
    {E_XCHG, 1, RAX, RDX, 0, 0, 0, "xchg WORD PTR [rdx],ax"},
    {E_XCHG, 2, RAX, R8, 0, 0, 0, "xchg DWORD PTR [r8],eax"},
    {E_XCHG, 3, RAX, RSI, 0, 0, 0, "xchg QWORD PTR [rsi],rax"},
    {E_CMPXCHG, 0, RCX, RDX, 0, 0, 0, "lock cmpxchg BYTE PTR [rdx],cl"},
    {E_CMPXCHG, 1, RCX, RDI, 0, 0, 0, "lock cmpxchg WORD PTR [rdi],cx"},
    {E_CMPXCHG, 2, R9, RBX, 0, 0, 0, "lock cmpxchg DWORD PTR [rbx],r9d"},
    {E_CMPXCHG, 3, RCX, RSP, 0, 0, 0, "lock cmpxchg QWORD PTR [rsp],rcx"},
    {E_PUSH, 0, RBX, 0, 0, 0, 0, "push rbx"},
    {E_PUSH, 0, R14, 0, 0, 0, 0, "push r14"},
    {E_POP, 0, RBP, 0, 0, 0, 0, "pop rbp"},
    {E_POP, 0, R15, 0, 0, 0, 0, "pop r15"},
    {E_RET, 0, 0, 0, 0, 0, 0, "ret"},
    {E_CALL_R, 0, RAX, 0, 0, 0, 0, "call rax"},
    {E_JMP_R, 0, RSI, 0, 0, 0, 0, "jmp rsi"},
    {E_JMP_R, 0, R11, 0, 0, 0, 0, "jmp r11"},
    {E_CALL_REL, 0, 0, 0, 0, 0, 0x10, "call 0x10"},
    {E_JMP_REL, 0, 0, 0, 0, 0, 0x2000, "jmp 0x2000"},
    {E_JCC_REL, 0, X64_CC_NE, 0, 0, 0, 0x40, "jne 0x40"},
    {E_JCC_REL, 0, X64_CC_BE, 0, 0, 0, 0x1000, "jbe 0x1000"},
    {E_NOPS, 1, 0, 0, 0, 0, 0, "nop"},
    {E_NOPS, 2, 0, 0, 0, 0, 0, "xchg ax,ax"},
    {E_NOPS, 3, 0, 0, 0, 0, 0, "nop DWORD PTR [rax]"},
    {E_NOPS, 4, 0, 0, 0, 0, 0, "nop DWORD PTR [rax+0x0]"},
    {E_SSE_RM, 0, X64_MOVDQU_LOAD, 3, R14, 0, 0x120, "movdqu xmm3,XMMWORD PTR [r14+0x120]"},
    {E_SSE_RM, 0, X64_MOVDQU_LOAD, 13, RSP, 0, 16, "movdqu xmm13,XMMWORD PTR [rsp+0x10]"},
    {E_SSE_RM, 0, X64_MOVDQU_STORE, 9, RAX, 0, 0, "movdqu XMMWORD PTR [rax],xmm9"},
    {E_SSE_RM, 0, X64_MOVQ_LOAD, 2, RCX, 0, 0, "movq xmm2,QWORD PTR [rcx]"},
    {E_SSE_RM, 0, X64_MOVQ_STORE, 10, R8, 0, 0, "movq QWORD PTR [r8],xmm10"},
    {E_SSE_RM, 0, X64_MOVD_XR, 1, RDX, 0, 0, "movd xmm1,DWORD PTR [rdx]"},
    {E_SSE_RM, 0, X64_MOVD_RX, 15, RBX, 0, 0, "movd DWORD PTR [rbx],xmm15"},
    {E_SSE_RR, 0, X64_MOVDQU_LOAD, 1, 2, 0, 0, "movdqu xmm1,xmm2"},
    {E_SSE_RR, 0, X64_MOVDQA, 8, 0, 0, 0, "movdqa xmm8,xmm0"},
    {E_SSE_RR, 0, X64_MOVQ_LOAD, 4, 12, 0, 0, "movq xmm4,xmm12"},
    {E_SSE_RR, 0, X64_PAND, 0, 1, 0, 0, "pand xmm0,xmm1"},
    {E_SSE_RR, 0, X64_PANDN, 14, 15, 0, 0, "pandn xmm14,xmm15"},
    {E_SSE_RR, 0, X64_POR, 7, 9, 0, 0, "por xmm7,xmm9"},
    {E_SSE_RR, 0, X64_PXOR, 11, 3, 0, 0, "pxor xmm11,xmm3"},
    {E_SSE_RR, 0, X64_PADDB, 1, 2, 0, 0, "paddb xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PADDW, 1, 2, 0, 0, "paddw xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PADDD, 1, 2, 0, 0, "paddd xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PADDQ, 1, 10, 0, 0, "paddq xmm1,xmm10"},
    {E_SSE_RR, 0, X64_PSUBB, 1, 2, 0, 0, "psubb xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PSUBW, 1, 2, 0, 0, "psubw xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PSUBD, 1, 2, 0, 0, "psubd xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PSUBQ, 12, 2, 0, 0, "psubq xmm12,xmm2"},
    {E_SSE_RR, 0, X64_PMULLW, 1, 2, 0, 0, "pmullw xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PMULLD, 9, 2, 0, 0, "pmulld xmm9,xmm2"},
    {E_SSE_RR, 0, X64_PMULUDQ, 3, 12, 0, 0, "pmuludq xmm3,xmm12"},
    {E_SSE_RR, 0, X64_PMULDQ, 10, 1, 0, 0, "pmuldq xmm10,xmm1"},
    {E_SSE_RR, 0, X64_PADDUSB, 15, 14, 0, 0, "paddusb xmm15,xmm14"},
    {E_SSE_RR, 0, X64_PADDUSW, 1, 9, 0, 0, "paddusw xmm1,xmm9"},
    {E_SSE_RR, 0, X64_PADDSB, 8, 2, 0, 0, "paddsb xmm8,xmm2"},
    {E_SSE_RR, 0, X64_PADDSW, 3, 4, 0, 0, "paddsw xmm3,xmm4"},
    {E_SSE_RR, 0, X64_PSUBUSB, 13, 12, 0, 0, "psubusb xmm13,xmm12"},
    {E_SSE_RR, 0, X64_PSUBUSW, 0, 7, 0, 0, "psubusw xmm0,xmm7"},
    {E_SSE_RR, 0, X64_PSUBSB, 5, 6, 0, 0, "psubsb xmm5,xmm6"},
    {E_SSE_RR, 0, X64_PSUBSW, 10, 11, 0, 0, "psubsw xmm10,xmm11"},
    {E_SSE_RR, 0, X64_PCMPEQB, 1, 2, 0, 0, "pcmpeqb xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PCMPEQW, 1, 2, 0, 0, "pcmpeqw xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PCMPEQD, 1, 2, 0, 0, "pcmpeqd xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PCMPEQQ, 1, 13, 0, 0, "pcmpeqq xmm1,xmm13"},
    {E_SSE_RR, 0, X64_PCMPGTB, 1, 2, 0, 0, "pcmpgtb xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PCMPGTW, 1, 2, 0, 0, "pcmpgtw xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PCMPGTD, 1, 2, 0, 0, "pcmpgtd xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PCMPGTQ, 10, 2, 0, 0, "pcmpgtq xmm10,xmm2"},
    {E_SSE_RR, 0, X64_PMINUB, 1, 2, 0, 0, "pminub xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PMAXUB, 1, 2, 0, 0, "pmaxub xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PMINSW, 1, 2, 0, 0, "pminsw xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PMAXSW, 1, 2, 0, 0, "pmaxsw xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PMINSB, 1, 2, 0, 0, "pminsb xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PMAXSB, 1, 2, 0, 0, "pmaxsb xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PMINUW, 1, 2, 0, 0, "pminuw xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PMAXUW, 1, 2, 0, 0, "pmaxuw xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PMINUD, 1, 2, 0, 0, "pminud xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PMAXUD, 1, 2, 0, 0, "pmaxud xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PMINSD, 1, 2, 0, 0, "pminsd xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PMAXSD, 11, 12, 0, 0, "pmaxsd xmm11,xmm12"},
    {E_SSE_RR, 0, X64_PMOVZXBW, 1, 2, 0, 0, "pmovzxbw xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PMOVZXWD, 1, 2, 0, 0, "pmovzxwd xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PMOVZXDQ, 1, 2, 0, 0, "pmovzxdq xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PMOVSXBW, 1, 2, 0, 0, "pmovsxbw xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PMOVSXWD, 1, 2, 0, 0, "pmovsxwd xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PMOVSXDQ, 9, 8, 0, 0, "pmovsxdq xmm9,xmm8"},
    {E_SSE_RR, 0, X64_PSHUFB, 3, 15, 0, 0, "pshufb xmm3,xmm15"},
    {E_SSE_RR, 0, X64_PUNPCKLBW, 1, 2, 0, 0, "punpcklbw xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PUNPCKLWD, 1, 2, 0, 0, "punpcklwd xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PUNPCKLDQ, 1, 2, 0, 0, "punpckldq xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PUNPCKLQDQ, 1, 14, 0, 0, "punpcklqdq xmm1,xmm14"},
    {E_SSE_RR, 0, X64_PUNPCKHBW, 1, 2, 0, 0, "punpckhbw xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PUNPCKHWD, 1, 2, 0, 0, "punpckhwd xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PUNPCKHDQ, 1, 2, 0, 0, "punpckhdq xmm1,xmm2"},
    {E_SSE_RR, 0, X64_PUNPCKHQDQ, 1, 2, 0, 0, "punpckhqdq xmm1,xmm2"},
    {E_SSE_RRI, 0, X64_PSHUFD, 1, 2, 0, 0xee, "pshufd xmm1,xmm2,0xee"},
    {E_SSE_RRI, 0, X64_PALIGNR, 12, 3, 0, 8, "palignr xmm12,xmm3,0x8"},
    {E_SSE_RRI, 0, X64_SHUFPS, 1, 9, 0, 0x88, "shufps xmm1,xmm9,0x88"},
    {E_MOVQ_XR, 1, 5, RAX, 0, 0, 0, "movq xmm5,rax"},
    {E_MOVQ_XR, 0, 12, R9, 0, 0, 0, "movd xmm12,r9d"},
    {E_MOVQ_RX, 1, R11, 7, 0, 0, 0, "movq r11,xmm7"},
    {E_MOVQ_RX, 0, RCX, 14, 0, 0, 0, "movd ecx,xmm14"},
    {E_PINSR, 0, 1, RCX, 0, 0, 15, "pinsrb xmm1,ecx,0xf"},
    {E_PINSR, 1, 9, R10, 0, 0, 7, "pinsrw xmm9,r10d,0x7"},
    {E_PINSR, 2, 2, RSI, 0, 0, 3, "pinsrd xmm2,esi,0x3"},
    {E_PINSR, 3, 13, RAX, 0, 0, 1, "pinsrq xmm13,rax,0x1"},
    {E_PEXTR, 0, RDX, 3, 0, 0, 9, "pextrb edx,xmm3,0x9"},
    {E_PEXTR, 1, R12, 10, 0, 0, 5, "pextrw r12d,xmm10,0x5"},
    {E_PEXTR, 2, RBX, 11, 0, 0, 2, "pextrd ebx,xmm11,0x2"},
    {E_PEXTR, 3, R15, 0, 0, 0, 1, "pextrq r15,xmm0,0x1"},
    {E_SSE_SHIFT, 0, X64_PSRLW, 1, 0, 0, 3, "psrlw xmm1,0x3"},
    {E_SSE_SHIFT, 0, X64_PSRAW, 9, 0, 0, 15, "psraw xmm9,0xf"},
    {E_SSE_SHIFT, 0, X64_PSLLW, 2, 0, 0, 1, "psllw xmm2,0x1"},
    {E_SSE_SHIFT, 0, X64_PSRLD, 3, 0, 0, 31, "psrld xmm3,0x1f"},
    {E_SSE_SHIFT, 0, X64_PSRAD, 4, 0, 0, 7, "psrad xmm4,0x7"},
    {E_SSE_SHIFT, 0, X64_PSLLD, 5, 0, 0, 2, "pslld xmm5,0x2"},
    {E_SSE_SHIFT, 0, X64_PSRLQ, 14, 0, 0, 63, "psrlq xmm14,0x3f"},
    {E_SSE_SHIFT, 0, X64_PSRLDQ, 6, 0, 0, 8, "psrldq xmm6,0x8"},
    {E_SSE_SHIFT, 0, X64_PSLLQ, 7, 0, 0, 4, "psllq xmm7,0x4"},
    {E_SSE_SHIFT, 0, X64_PSLLDQ, 8, 0, 0, 4, "pslldq xmm8,0x4"},
    {E_SSE_RR, 0, X64_PMOVMSKB, RAX, 3, 0, 0, "pmovmskb eax,xmm3"},
    {E_SSE_RR, 0, X64_ADDPS, 1, 2, 0, 0, "addps xmm1,xmm2"},
    {E_SSE_RR, 0, X64_ADDPD, 9, 3, 0, 0, "addpd xmm9,xmm3"},
    {E_SSE_RR, 0, X64_ADDSS, 4, 14, 0, 0, "addss xmm4,xmm14"},
    {E_SSE_RR, 0, X64_ADDSD, 15, 8, 0, 0, "addsd xmm15,xmm8"},
    {E_SSE_RR, 0, X64_SUBPS, 9, 3, 0, 0, "subps xmm9,xmm3"},
    {E_SSE_RR, 0, X64_SUBPD, 4, 14, 0, 0, "subpd xmm4,xmm14"},
    {E_SSE_RR, 0, X64_SUBSS, 15, 8, 0, 0, "subss xmm15,xmm8"},
    {E_SSE_RR, 0, X64_SUBSD, 1, 2, 0, 0, "subsd xmm1,xmm2"},
    {E_SSE_RR, 0, X64_MULPS, 4, 14, 0, 0, "mulps xmm4,xmm14"},
    {E_SSE_RR, 0, X64_MULPD, 15, 8, 0, 0, "mulpd xmm15,xmm8"},
    {E_SSE_RR, 0, X64_MULSS, 1, 2, 0, 0, "mulss xmm1,xmm2"},
    {E_SSE_RR, 0, X64_MULSD, 9, 3, 0, 0, "mulsd xmm9,xmm3"},
    {E_SSE_RR, 0, X64_DIVPS, 15, 8, 0, 0, "divps xmm15,xmm8"},
    {E_SSE_RR, 0, X64_DIVPD, 1, 2, 0, 0, "divpd xmm1,xmm2"},
    {E_SSE_RR, 0, X64_DIVSS, 9, 3, 0, 0, "divss xmm9,xmm3"},
    {E_SSE_RR, 0, X64_DIVSD, 4, 14, 0, 0, "divsd xmm4,xmm14"},
    {E_SSE_RR, 0, X64_SQRTPS, 1, 2, 0, 0, "sqrtps xmm1,xmm2"},
    {E_SSE_RR, 0, X64_SQRTPD, 9, 3, 0, 0, "sqrtpd xmm9,xmm3"},
    {E_SSE_RR, 0, X64_SQRTSS, 4, 14, 0, 0, "sqrtss xmm4,xmm14"},
    {E_SSE_RR, 0, X64_SQRTSD, 15, 8, 0, 0, "sqrtsd xmm15,xmm8"},
    {E_SSE_RR, 0, X64_MAXPS, 1, 2, 0, 0, "maxps xmm1,xmm2"},
    {E_SSE_RR, 0, X64_MAXPD, 9, 3, 0, 0, "maxpd xmm9,xmm3"},
    {E_SSE_RR, 0, X64_MAXSS, 4, 14, 0, 0, "maxss xmm4,xmm14"},
    {E_SSE_RR, 0, X64_MAXSD, 15, 8, 0, 0, "maxsd xmm15,xmm8"},
    {E_SSE_RR, 0, X64_MINPS, 14, 15, 0, 0, "minps xmm14,xmm15"},
    {E_SSE_RR, 0, X64_MINPD, 0, 13, 0, 0, "minpd xmm0,xmm13"},
    {E_SSE_RR, 0, X64_MINSS, 9, 3, 0, 0, "minss xmm9,xmm3"},
    {E_SSE_RR, 0, X64_MINSD, 1, 2, 0, 0, "minsd xmm1,xmm2"},
    {E_SSE_RRI, 0, X64_ROUNDPS, 1, 2, 0, 8, "roundps xmm1,xmm2,0x8"},
    {E_SSE_RRI, 0, X64_ROUNDPD, 9, 3, 0, 9, "roundpd xmm9,xmm3,0x9"},
    {E_SSE_RRI, 0, X64_ROUNDSS, 4, 14, 0, 2, "roundss xmm4,xmm14,0x2"},
    {E_SSE_RRI, 0, X64_ROUNDSD, 15, 8, 0, 11, "roundsd xmm15,xmm8,0xb"},
    {E_SSE_RRI, 0, X64_CMPPS, 1, 2, 0, 0, "cmpeqps xmm1,xmm2"},
    {E_SSE_RRI, 0, X64_CMPPD, 9, 3, 0, 1, "cmpltpd xmm9,xmm3"},
    {E_SSE_RRI, 0, X64_CMPSS, 4, 14, 0, 2, "cmpless xmm4,xmm14"},
    {E_SSE_RRI, 0, X64_CMPSD, 15, 8, 0, 7, "cmpordsd xmm15,xmm8"},
    {E_SSE_RR, 0, X64_UCOMISS, 1, 2, 0, 0, "ucomiss xmm1,xmm2"},
    {E_SSE_RR, 0, X64_UCOMISD, 9, 3, 0, 0, "ucomisd xmm9,xmm3"},
    {E_SSE_RR, 0, X64_COMISS, 4, 14, 0, 0, "comiss xmm4,xmm14"},
    {E_SSE_RR, 0, X64_COMISD, 15, 8, 0, 0, "comisd xmm15,xmm8"},
    {E_SSE_RR, 0, X64_CVTDQ2PS, 1, 2, 0, 0, "cvtdq2ps xmm1,xmm2"},
    {E_SSE_RR, 0, X64_CVTTPS2DQ, 9, 3, 0, 0, "cvttps2dq xmm9,xmm3"},
    {E_SSE_RR, 0, X64_CVTPS2PD, 4, 14, 0, 0, "cvtps2pd xmm4,xmm14"},
    {E_SSE_RR, 0, X64_CVTPD2PS, 15, 8, 0, 0, "cvtpd2ps xmm15,xmm8"},
    {E_SSE_RR, 0, X64_CVTSS2SD, 1, 2, 0, 0, "cvtss2sd xmm1,xmm2"},
    {E_SSE_RR, 0, X64_CVTSD2SS, 9, 3, 0, 0, "cvtsd2ss xmm9,xmm3"},
    {E_SSE_RR, 0, X64_MOVMSKPS, RAX, 15, 0, 0, "movmskps eax,xmm15"},
    {E_SSE_RR, 0, X64_MOVMSKPD, R9, 2, 0, 0, "movmskpd r9d,xmm2"},
    {E_SSE_RR_W, 0, X64_CVTSI2SS, 1, RAX, 0, 0, "cvtsi2ss xmm1,eax"},
    {E_SSE_RR_W, 1, X64_CVTSI2SS, 14, R10, 0, 0, "cvtsi2ss xmm14,r10"},
    {E_SSE_RR_W, 0, X64_CVTSI2SD, 9, RCX, 0, 0, "cvtsi2sd xmm9,ecx"},
    {E_SSE_RR_W, 1, X64_CVTSI2SD, 3, R15, 0, 0, "cvtsi2sd xmm3,r15"},
    {E_SSE_RR_W, 0, X64_CVTTSS2SI, RDX, 15, 0, 0, "cvttss2si edx,xmm15"},
    {E_SSE_RR_W, 1, X64_CVTTSS2SI, R12, 0, 0, 0, "cvttss2si r12,xmm0"},
    {E_SSE_RR_W, 0, X64_CVTTSD2SI, R8, 7, 0, 0, "cvttsd2si r8d,xmm7"},
    {E_SSE_RR_W, 1, X64_CVTTSD2SI, RAX, 14, 0, 0, "cvttsd2si rax,xmm14"},
    {E_VFMADD, 2, 0, 1, 2, 3, 0, "vfmadd213ps xmm1,xmm2,xmm3"},
    {E_VFMADD, 3, 0, 9, 14, 15, 0, "vfmadd213pd xmm9,xmm14,xmm15"},
    {E_VFMADD, 2, 1, 12, 0, 7, 0, "vfmadd213ss xmm12,xmm0,xmm7"},
    {E_VFMADD, 3, 1, 5, 11, 13, 0, "vfmadd213sd xmm5,xmm11,xmm13"},
    {E_VCMPP, 3, 8, 15, 15, 14, 0, "vcmpeq_uqpd xmm15,xmm15,xmm14"},
    {E_VCMPP, 2, 8, 1, 2, 3, 0, "vcmpeq_uqps xmm1,xmm2,xmm3"},
    {E_VCMPP, 3, 0, 9, 0, 12, 0, "vcmpeqpd xmm9,xmm0,xmm12"},
    {E_SSE_RR, 0, X64_PTEST, 15, 15, 0, 0, "ptest xmm15,xmm15"},
    {E_RORX, 0, RSI, R11, 0, 0, 27, "rorx esi,r11d,0x1b"},
    {E_SHIFTX, 1, X64_SHL, R8, RSI, R9, 0, "shlx r8,rsi,r9"},
    {E_SHIFTX, 0, X64_SHR, RAX, R13, RCX, 0, "shrx eax,r13d,ecx"},
    {E_SHIFTX, 1, X64_SAR, R15, RDI, R10, 0, "sarx r15,rdi,r10"},
    {E_RORX, 1, R9, RAX, 0, 0, 14, "rorx r9,rax,0xe"},
    {E_RORX_M, 0, RDI, 0, 0, 0, 6, "rorx edi,DWORD PTR [rsp+0x18],0x6"},
    {E_RORX_M, 1, R12, 0, 0, 0, 41, "rorx r12,QWORD PTR [r14+0xa8],0x29"},
    {E_SSE_RR, 0, X64_PTEST, 2, 9, 0, 0, "ptest xmm2,xmm9"},
    {E_VSHIFTV, 0, X64_VPSLLV, 1, 2, 3, 0, "vpsllvd xmm1,xmm2,xmm3"},
    {E_VEX_RRR, 0, X64_PADDD, 1, 2, 3, 0, "vpaddd xmm1,xmm2,xmm3"},
    {E_VEX_RRR, 0, X64_PXOR, 9, 14, 7, 0, "vpxor xmm9,xmm14,xmm7"},
    {E_VEX_RRR, 0, X64_POR, 0, 13, 8, 0, "vpor xmm0,xmm13,xmm8"},
    {E_VEX_RRR, 0, X64_PANDN, 15, 15, 12, 0, "vpandn xmm15,xmm15,xmm12"},
    {E_VEX_RRR, 0, X64_PMULLD, 4, 11, 5, 0, "vpmulld xmm4,xmm11,xmm5"},
    {E_VEX_RRR, 0, X64_PSHUFB, 10, 3, 14, 0, "vpshufb xmm10,xmm3,xmm14"},
    {E_VEX_SHIFT, 0, X64_PSRLD, 1, 0, 0, 19, "vpsrld xmm1,xmm0,0x13"},
    {E_VEX_SHIFT, 0, X64_PSLLQ, 12, 9, 0, 7, "vpsllq xmm12,xmm9,0x7"},
    {E_VEX_SHIFT, 0, X64_PSRAW, 3, 14, 0, 15, "vpsraw xmm3,xmm14,0xf"},
    {E_VEX_RM, 0, X64_PAND, 15, 7, 0, -1, "vpand xmm15,xmm7,XMMWORD PTR [r14+0xa8]"},
    {E_TEST_RI, 0, RSI, 0, 0, 0, 0x3c00000, "test esi,0x3c00000"},
    {E_TEST_RI, 1, R9, 0, 0, 0, -16, "test r9,0xfffffffffffffff0"},
    {E_TEST_MI, 0, 0, 0, 0, 0, 0x3c00000, "test DWORD PTR [r14+0xa8],0x3c00000"},
    {E_TEST_MI, 1, 0, 0, 0, 0, 0x80, "test QWORD PTR [r14+0xa8],0x80"},
    {E_VEX_RM, 0, X64_CMPPD, 15, 15, 0, 8, "vcmpeq_uqpd xmm15,xmm15,XMMWORD PTR [r14+0xa8]"},
    {E_VEX_RM, 0, X64_PMULLD, 2, 12, 0, -1, "vpmulld xmm2,xmm12,XMMWORD PTR [r14+0xa8]"},
    {E_VSHIFTV, 1, X64_VPSLLV, 9, 14, 15, 0, "vpsllvq xmm9,xmm14,xmm15"},
    {E_VSHIFTV, 0, X64_VPSRLV, 12, 0, 7, 0, "vpsrlvd xmm12,xmm0,xmm7"},
    {E_VSHIFTV, 1, X64_VPSRLV, 5, 11, 13, 0, "vpsrlvq xmm5,xmm11,xmm13"},
    {E_VSHIFTV, 0, X64_VPSRAV, 15, 15, 8, 0, "vpsravd xmm15,xmm15,xmm8"},
    {E_SSE_RR, 0, X64_AESENC, 1, 2, 0, 0, "aesenc xmm1,xmm2"},
    {E_SSE_RR, 0, X64_AESENCLAST, 9, 15, 0, 0, "aesenclast xmm9,xmm15"},
    {E_SSE_RR, 0, X64_AESDEC, 3, 12, 0, 0, "aesdec xmm3,xmm12"},
    {E_SSE_RR, 0, X64_AESDECLAST, 14, 15, 0, 0, "aesdeclast xmm14,xmm15"},
    {E_SSE_RR, 0, X64_AESIMC, 0, 13, 0, 0, "aesimc xmm0,xmm13"},
    {E_SSE_RRI, 0, X64_PCLMULQDQ, 10, 3, 0, 0x11, "pclmulhqhqdq xmm10,xmm3"},
    {E_SSE_RR, 0, X64_SHA256RNDS2, 9, 7, 0, 0, "sha256rnds2 xmm9,xmm7,xmm0"},
    {E_SSE_RR, 0, X64_SHA256MSG1, 0, 13, 0, 0, "sha256msg1 xmm0,xmm13"},
    {E_SSE_RR, 0, X64_SHA256MSG2, 15, 14, 0, 0, "sha256msg2 xmm15,xmm14"},
    {E_CRC32, 0, RAX, RSI, 0, 0, 0, "crc32 eax,sil"},
    {E_CRC32, 1, R9, RCX, 0, 0, 0, "crc32 r9d,cx"},
    {E_CRC32, 2, RDX, R12, 0, 0, 0, "crc32 edx,r12d"},
    {E_CRC32, 3, R15, RBX, 0, 0, 0, "crc32 r15,rbx"},
};

enum { NCASES = sizeof(cases) / sizeof(cases[0]) };

static struct x64_mem mem_of(const struct enc_case *c, int base) {
  return x64_mem((unsigned)base, (int32_t)c->imm);
}

static void emit_mem_case(struct tc_buf *b, const struct enc_case *c) {
  switch (c->f) {
  case E_ALU_RM: x64_alu_rm(b, c->w, c->a, c->b, mem_of(c, c->c)); break;
  case E_ALU_MR: x64_alu_mr(b, c->w, c->a, mem_of(c, c->c), c->b); break;
  case E_ALU_MI: x64_alu_mi(b, c->w, c->a, mem_of(c, c->b), 0); break;
  case E_LOAD: x64_load(b, c->w, c->a, c->b, c->c, mem_of(c, c->d)); break;
  case E_STORE: x64_store(b, c->w, mem_of(c, c->c), c->a); break;
  case E_STORE_IMM: x64_store_imm(b, c->w, x64_mem(c->c, c->c == R14 ? 12 : 0), c->imm); break;
  case E_LEA: x64_lea(b, c->w, c->a, (struct x64_mem){c->b, c->c, c->d, c->imm}); break;
  case E_XADD: x64_xadd(b, c->w, x64_mem(c->b, 0), c->a); break;
  case E_XCHG: x64_xchg(b, c->w, x64_mem(c->b, 0), c->a); break;
  case E_CMPXCHG: x64_cmpxchg(b, c->w, x64_mem(c->b, 0), c->a); break;
  case E_SSE_RM: x64_sse_rm(b, (enum x64_sse)c->a, c->b, mem_of(c, c->c)); break;
  default: break;
  }
}

static void emit_case(struct tc_buf *b, const struct enc_case *c) {
  switch (c->f) {
  case E_ALU_RR: x64_alu_rr(b, c->w, c->a, c->b, c->c); break;
  case E_ALU_RI: x64_alu_ri(b, c->w, c->a, c->b, c->imm); break;
  case E_ALU_RI32: x64_alu_ri32(b, c->a, c->b, (int32_t)c->imm); break;
  case E_ALU_SIZED: x64_alu_rr_sized(b, c->w, c->a, c->b, c->c); break;
  case E_MOV_RR: x64_mov_rr(b, c->w, c->a, c->b); break;
  case E_MOV_RI: x64_mov_ri(b, c->a, c->imm); break;
  case E_MOVABS: x64_movabs(b, c->a, c->imm); break;
  case E_UNARY: x64_unary(b, c->w, c->a, c->b); break;
  case E_SHIFT_RI: x64_shift_ri(b, c->w, c->a, c->b, c->imm); break;
  case E_SHIFT_CL: x64_shift_cl(b, c->w, c->a, c->b); break;
  case E_IMUL_RR: x64_imul_rr(b, c->w, c->a, c->b); break;
  case E_IMUL_RRI: x64_imul_rri(b, c->w, c->a, c->b, c->imm); break;
  case E_TEST: x64_test_rr(b, c->w, c->a, c->b); break;
  case E_SETCC: x64_setcc(b, c->a, c->b); break;
  case E_CMOV: x64_cmov(b, c->w, c->a, c->b, c->c); break;
  case E_MOVZX: x64_movzx(b, c->w, c->a, c->b); break;
  case E_MOVSX: x64_movsx(b, c->w, c->a, c->b, c->c); break;
  case E_BSR: x64_bsr(b, c->w, c->a, c->b); break;
  case E_BSF: x64_bsf(b, c->w, c->a, c->b); break;
  case E_TZCNT: x64_tzcnt(b, c->w, c->a, c->b); break;
  case E_LZCNT: x64_lzcnt(b, c->w, c->a, c->b); break;
  case E_POPCNT: x64_popcnt(b, c->w, c->a, c->b); break;
  case E_BSWAP: x64_bswap(b, c->w, c->a); break;
  case E_BT: x64_bt_ri(b, c->w, c->a, c->imm); break;
  case E_CMC: x64_cmc(b); break;
  case E_CQO: x64_cqo(b, c->w); break;
  case E_PUSH: x64_push(b, c->a); break;
  case E_POP: x64_pop(b, c->a); break;
  case E_RET: x64_ret(b); break;
  case E_CALL_R: x64_call_r(b, c->a); break;
  case E_JMP_R: x64_jmp_r(b, c->a); break;
  case E_CALL_REL: x64_call_rel(b, b->start + c->imm); break;
  case E_JMP_REL: x64_jmp_rel(b, b->start + c->imm); break;
  case E_JCC_REL: x64_jcc_rel(b, c->a, b->start + c->imm); break;
  case E_NOPS: x64_nops(b, c->w); break;
  case E_SSE_RR: x64_sse_rr(b, (enum x64_sse)c->a, c->b, c->c); break;
  case E_SSE_RRI: x64_sse_rri(b, (enum x64_sse)c->a, c->b, c->c, (uint8_t)c->imm); break;
  case E_MOVQ_XR: x64_movq_xr(b, c->w, c->a, c->b); break;
  case E_MOVQ_RX: x64_movq_rx(b, c->w, c->a, c->b); break;
  case E_PINSR: x64_pinsr(b, c->w, c->a, c->b, (uint8_t)c->imm); break;
  case E_PEXTR: x64_pextr(b, c->w, c->a, c->b, (uint8_t)c->imm); break;
  case E_SSE_SHIFT: x64_sse_shift_ri(b, (enum x64_sse_shift)c->a, c->b, (uint8_t)c->imm); break;
  case E_SSE_RR_W: x64_sse_rr_w(b, (enum x64_sse)c->a, c->w, c->b, c->c); break;
  case E_VFMADD: x64_vfmadd213(b, c->w, c->a, c->b, c->c, c->d); break;
  case E_RORX: x64_rorx(b, c->w, c->a, c->b, (uint8_t)c->imm); break;
  case E_SHIFTX: x64_shiftx(b, c->w, (enum x64_shift)c->a, c->b, c->c, c->d); break;
  case E_RORX_M:
    x64_rorx_m(b, c->w, c->a, c->a == RDI ? x64_mem(RSP, 0x18) : x64_mem(R14, 0xa8),
               (uint8_t)c->imm);
    break;
  case E_VCMPP: x64_vcmpp(b, c->w, c->b, c->c, c->d, (uint8_t)c->a); break;
  case E_CRC32: x64_crc32(b, c->w, c->a, c->b); break;
  case E_VSHIFTV: x64_vshiftv(b, (enum x64_vshiftv)c->a, c->w, c->b, c->c, c->d); break;
  case E_VEX_RRR: x64_vex_rrr(b, (enum x64_sse)c->a, c->b, c->c, c->d); break;
  case E_VEX_SHIFT:
    x64_vex_shift_ri(b, (enum x64_sse_shift)c->a, c->b, c->c, (uint8_t)c->imm);
    break;
  case E_TEST_RI: x64_test_ri(b, c->w, c->a, (int32_t)c->imm); break;
  case E_TEST_MI: x64_test_mi(b, c->w, x64_mem(R14, 0xa8), (int32_t)c->imm); break;
  case E_VEX_RM:
    x64_vex_rm(b, (enum x64_sse)c->a, c->b, c->c, x64_mem(R14, 0xa8), (int)c->imm);
    break;
  default: emit_mem_case(b, c); break;
  }
}

/* Collapse runs of blanks into one space and trim. */
static void squeeze(char *s) {
  char *o = s;
  int blank = 1;
  for (char *p = s; *p; p++) {
    int is_blank = *p == ' ' || *p == '\t' || *p == '\n';
    if (is_blank && !blank)
      *o++ = ' ';
    else if (!is_blank)
      *o++ = *p;
    blank = is_blank;
  }
  if (o > s && o[-1] == ' ')
    o--;
  *o = 0;
}

/* Disassemble: text[off] = the instruction objdump decodes at off, or NULL. */
static int disassemble(const uint8_t *code, size_t n, char **text) {
  char path[] = "/tmp/x64_enc_test.XXXXXX", cmd[256], line[512];
  int fd = mkstemp(path);
  if (fd < 0 || write(fd, code, n) != (ssize_t)n)
    return -1;
  close(fd);
  snprintf(cmd, sizeof(cmd), "objdump -D -b binary -mi386:x86-64 -M intel %s", path);
  FILE *f = popen(cmd, "r");
  if (!f)
    return -1;
  while (fgets(line, sizeof(line), f)) {
    unsigned long off;
    char *tab1 = strchr(line, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
    if (!tab2 || sscanf(line, " %lx:", &off) != 1 || off >= n)
      continue;
    squeeze(tab2 + 1);
    text[off] = strdup(tab2 + 1);
  }
  pclose(f);
  unlink(path);
  return 0;
}

TEST(encoders_match_objdump) {
  static uint8_t code[8192];
  static char *text[8192];
  size_t start[NCASES + 1];
  struct tc_buf b = {code, code, code + sizeof(code), 0, 0};
  for (int i = 0; i < NCASES; i++) {
    start[i] = b.cur - code;
    emit_case(&b, &cases[i]);
  }
  start[NCASES] = b.cur - code;
  ASSERT(!b.overflow);
  ASSERT_EQ(disassemble(code, start[NCASES], text), 0);
  int bad = 0;
  for (int i = 0; i < NCASES; i++) {
    const char *got = text[start[i]] ? text[start[i]] : "(nothing)";
    int extra = 0;
    for (size_t o = start[i] + 1; o < start[i + 1]; o++)
      extra |= text[o] != NULL;
    if (strcmp(got, cases[i].text) || extra) {
      fprintf(stderr, "  case %d: want \"%s\", objdump says \"%s\"%s\n", i, cases[i].text, got,
              extra ? " (and more instructions)" : "");
      bad = 1;
    }
  }
  ASSERT(!bad);
}

TEST(overflow_is_sticky) {
  uint8_t code[8];
  struct tc_buf b = {code, code, code + sizeof(code), 0, 0};
  x64_mov_ri(&b, X64_RAX, 0x123456789abcull); /* 10 bytes: does not fit */
  ASSERT(b.overflow);
  ASSERT(b.cur <= b.end);
  uint8_t *at = b.cur;
  x64_ret(&b); /* would fit, but overflow is sticky */
  ASSERT(b.cur == at);
}

TEST(forward_fixups) {
  uint8_t code[64];
  struct tc_buf b = {code, code, code + sizeof(code), 0, 0};
  uint8_t *j8 = x64_jcc8(&b, X64_CC_E);
  uint8_t *j32 = x64_jcc32(&b, X64_CC_NE);
  uint8_t *jm = x64_jmp8(&b);
  x64_nops(&b, 3);
  x64_fix8(&b, j8);
  x64_fix32(&b, j32);
  x64_fix8(&b, jm);
  ASSERT_EQ(code[0], 0x74);
  ASSERT_EQ(code[1], 11); /* to 13 from 2 */
  ASSERT_EQ(code[2], 0x0f);
  ASSERT_EQ(code[3], 0x85);
  ASSERT_EQ(code[4], 5);
  ASSERT_EQ(code[8], 0xeb);
  ASSERT_EQ(code[9], 3); /* to 13 from 10 */
}

TEST(pure_encoders) {
  ASSERT_EQ(x64_rex(1, X64_R8, 0, X64_RAX), 0x4c);
  ASSERT_EQ(x64_rex(0, 0, X64_R9, X64_R15), 0x43);
  ASSERT_EQ(x64_modrm(3, 2, 7), 0xd7);
  ASSERT_EQ(x64_sib(1, X64_RCX, X64_RSP), 0x4c);
  ASSERT_EQ(x64_vex_rxbm(X64_R9, 0, X64_RAX, 2), 0x62);
  ASSERT_EQ(x64_vex_wvlp(1, 14, 0, 1), 0x89);
}

TEST_MAIN("x64_enc")
