// dt_tramp.S - enter a test case and come back (aarch64 guest side).
//
// void dt_enter(const struct dt_regs *in, struct dt_regs *out, void *code);
//   saves the callee-saved registers, clears FPCR/FPSR and the exclusive
//   monitor, loads every register of the case (x28 is set by the code page's
//   own prologue) and branches to code. The code page ends with
//   "ldr x28, =dt_exit; br x28", which lands in dt_exit below: it stores the
//   final state into *out and returns from dt_enter.
// Offsets follow struct dt_regs in difftest.h.
#define R_NZCV 248
#define R_FPSR 256
#define R_V    272

        .text
        .global dt_enter
        .type dt_enter, %function
dt_enter:
        stp     x29, x30, [sp, #-160]!
        stp     x19, x20, [sp, #16]
        stp     x21, x22, [sp, #32]
        stp     x23, x24, [sp, #48]
        stp     x25, x26, [sp, #64]
        stp     x27, x28, [sp, #80]
        stp     d8, d9, [sp, #96]
        stp     d10, d11, [sp, #112]
        stp     d12, d13, [sp, #128]
        stp     d14, d15, [sp, #144]
        adrp    x3, dt_saved_sp
        mov     x4, sp
        str     x4, [x3, :lo12:dt_saved_sp]
        adrp    x3, dt_out
        str     x1, [x3, :lo12:dt_out]
        msr     fpcr, xzr
        msr     fpsr, xzr
        clrex
        ldr     x3, [x0, #R_NZCV]
        msr     nzcv, x3
        add     x3, x0, #R_V
        ldp     q0, q1, [x3, #0]
        ldp     q2, q3, [x3, #32]
        ldp     q4, q5, [x3, #64]
        ldp     q6, q7, [x3, #96]
        ldp     q8, q9, [x3, #128]
        ldp     q10, q11, [x3, #160]
        ldp     q12, q13, [x3, #192]
        ldp     q14, q15, [x3, #224]
        ldp     q16, q17, [x3, #256]
        ldp     q18, q19, [x3, #288]
        ldp     q20, q21, [x3, #320]
        ldp     q22, q23, [x3, #352]
        ldp     q24, q25, [x3, #384]
        ldp     q26, q27, [x3, #416]
        ldp     q28, q29, [x3, #448]
        ldp     q30, q31, [x3, #480]
        mov     x28, x2
        ldp     x2, x3, [x0, #16]
        ldp     x4, x5, [x0, #32]
        ldp     x6, x7, [x0, #48]
        ldp     x8, x9, [x0, #64]
        ldp     x10, x11, [x0, #80]
        ldp     x12, x13, [x0, #96]
        ldp     x14, x15, [x0, #112]
        ldp     x16, x17, [x0, #128]
        ldp     x18, x19, [x0, #144]
        ldp     x20, x21, [x0, #160]
        ldp     x22, x23, [x0, #176]
        ldp     x24, x25, [x0, #192]
        ldp     x26, x27, [x0, #208]
        ldp     x29, x30, [x0, #232]
        ldp     x0, x1, [x0]
        br      x28
        .size dt_enter, .-dt_enter

        .global dt_exit
        .type dt_exit, %function
dt_exit:
        adrp    x28, dt_out
        ldr     x28, [x28, :lo12:dt_out]
        stp     x0, x1, [x28, #0]
        stp     x2, x3, [x28, #16]
        stp     x4, x5, [x28, #32]
        stp     x6, x7, [x28, #48]
        stp     x8, x9, [x28, #64]
        stp     x10, x11, [x28, #80]
        stp     x12, x13, [x28, #96]
        stp     x14, x15, [x28, #112]
        stp     x16, x17, [x28, #128]
        stp     x18, x19, [x28, #144]
        stp     x20, x21, [x28, #160]
        stp     x22, x23, [x28, #176]
        stp     x24, x25, [x28, #192]
        stp     x26, x27, [x28, #208]
        stp     x29, x30, [x28, #232]
        mrs     x0, nzcv
        str     x0, [x28, #R_NZCV]
        mrs     x0, fpsr
        str     x0, [x28, #R_FPSR]
        add     x28, x28, #R_V
        stp     q0, q1, [x28, #0]
        stp     q2, q3, [x28, #32]
        stp     q4, q5, [x28, #64]
        stp     q6, q7, [x28, #96]
        stp     q8, q9, [x28, #128]
        stp     q10, q11, [x28, #160]
        stp     q12, q13, [x28, #192]
        stp     q14, q15, [x28, #224]
        stp     q16, q17, [x28, #256]
        stp     q18, q19, [x28, #288]
        stp     q20, q21, [x28, #320]
        stp     q22, q23, [x28, #352]
        stp     q24, q25, [x28, #384]
        stp     q26, q27, [x28, #416]
        stp     q28, q29, [x28, #448]
        stp     q30, q31, [x28, #480]
        msr     fpcr, xzr
        adrp    x0, dt_saved_sp
        ldr     x0, [x0, :lo12:dt_saved_sp]
        mov     sp, x0
        ldp     x19, x20, [sp, #16]
        ldp     x21, x22, [sp, #32]
        ldp     x23, x24, [sp, #48]
        ldp     x25, x26, [sp, #64]
        ldp     x27, x28, [sp, #80]
        ldp     d8, d9, [sp, #96]
        ldp     d10, d11, [sp, #112]
        ldp     d12, d13, [sp, #128]
        ldp     d14, d15, [sp, #144]
        ldp     x29, x30, [sp], #160
        ret
        .size dt_exit, .-dt_exit

        .bss
        .align 3
        .global dt_saved_sp
dt_saved_sp:
        .skip 8
dt_out:
        .skip 8
        .section .note.GNU-stack,"",%progbits
