// rv_tramp.S - enter a riscv64 test case and come back (guest side).
//
// void dt_enter(const struct rv_regs *in, struct rv_regs *out);
//   saves the callee-saved registers and sp, drops any LR reservation, loads
//   fcsr and every register of the case except gp and tp (the harness's own)
//   and jumps to in->x[25], the case's code page. The page ends with
//   "ld x25, 40(x25); jr x25", which lands in dt_exit below: it stores the
//   final state into *out and returns from dt_enter. Offsets follow struct
//   rv_regs in rv_difftest.h.
#define R_FCSR 256
#define R_F    272

        .text
        .global dt_enter
        .type dt_enter, %function
dt_enter:
        addi    sp, sp, -208
        sd      ra, 0(sp)
        sd      s0, 8(sp)
        sd      s1, 16(sp)
        sd      s2, 24(sp)
        sd      s3, 32(sp)
        sd      s4, 40(sp)
        sd      s5, 48(sp)
        sd      s6, 56(sp)
        sd      s7, 64(sp)
        sd      s8, 72(sp)
        sd      s9, 80(sp)
        sd      s10, 88(sp)
        sd      s11, 96(sp)
        fsd     fs0, 104(sp)
        fsd     fs1, 112(sp)
        fsd     fs2, 120(sp)
        fsd     fs3, 128(sp)
        fsd     fs4, 136(sp)
        fsd     fs5, 144(sp)
        fsd     fs6, 152(sp)
        fsd     fs7, 160(sp)
        fsd     fs8, 168(sp)
        fsd     fs9, 176(sp)
        fsd     fs10, 184(sp)
        fsd     fs11, 192(sp)
        la      t0, dt_saved_sp
        sd      sp, 0(t0)
        la      t0, dt_out
        sd      a1, 0(t0)
        la      t0, dt_resv
        sc.d    zero, zero, (t0)        // whatever it does, no reservation is left
        ld      t0, R_FCSR(x10)
        fscsr   t0
        fld     f0, R_F+0(x10)
        fld     f1, R_F+8(x10)
        fld     f2, R_F+16(x10)
        fld     f3, R_F+24(x10)
        fld     f4, R_F+32(x10)
        fld     f5, R_F+40(x10)
        fld     f6, R_F+48(x10)
        fld     f7, R_F+56(x10)
        fld     f8, R_F+64(x10)
        fld     f9, R_F+72(x10)
        fld     f10, R_F+80(x10)
        fld     f11, R_F+88(x10)
        fld     f12, R_F+96(x10)
        fld     f13, R_F+104(x10)
        fld     f14, R_F+112(x10)
        fld     f15, R_F+120(x10)
        fld     f16, R_F+128(x10)
        fld     f17, R_F+136(x10)
        fld     f18, R_F+144(x10)
        fld     f19, R_F+152(x10)
        fld     f20, R_F+160(x10)
        fld     f21, R_F+168(x10)
        fld     f22, R_F+176(x10)
        fld     f23, R_F+184(x10)
        fld     f24, R_F+192(x10)
        fld     f25, R_F+200(x10)
        fld     f26, R_F+208(x10)
        fld     f27, R_F+216(x10)
        fld     f28, R_F+224(x10)
        fld     f29, R_F+232(x10)
        fld     f30, R_F+240(x10)
        fld     f31, R_F+248(x10)
        ld      x1, 8(x10)
        ld      x2, 16(x10)
        ld      x5, 40(x10)
        ld      x6, 48(x10)
        ld      x7, 56(x10)
        ld      x8, 64(x10)
        ld      x9, 72(x10)
        ld      x11, 88(x10)
        ld      x12, 96(x10)
        ld      x13, 104(x10)
        ld      x14, 112(x10)
        ld      x15, 120(x10)
        ld      x16, 128(x10)
        ld      x17, 136(x10)
        ld      x18, 144(x10)
        ld      x19, 152(x10)
        ld      x20, 160(x10)
        ld      x21, 168(x10)
        ld      x22, 176(x10)
        ld      x23, 184(x10)
        ld      x24, 192(x10)
        ld      x26, 208(x10)
        ld      x27, 216(x10)
        ld      x28, 224(x10)
        ld      x29, 232(x10)
        ld      x30, 240(x10)
        ld      x31, 248(x10)
        ld      x25, 200(x10)
        ld      x10, 80(x10)
        jr      x25
        .size dt_enter, .-dt_enter

        .global dt_exit
        .type dt_exit, %function
dt_exit:
        la      x25, dt_out
        ld      x25, 0(x25)
        sd      x1, 8(x25)
        sd      x2, 16(x25)
        sd      x5, 40(x25)
        sd      x6, 48(x25)
        sd      x7, 56(x25)
        sd      x8, 64(x25)
        sd      x9, 72(x25)
        sd      x10, 80(x25)
        sd      x11, 88(x25)
        sd      x12, 96(x25)
        sd      x13, 104(x25)
        sd      x14, 112(x25)
        sd      x15, 120(x25)
        sd      x16, 128(x25)
        sd      x17, 136(x25)
        sd      x18, 144(x25)
        sd      x19, 152(x25)
        sd      x20, 160(x25)
        sd      x21, 168(x25)
        sd      x22, 176(x25)
        sd      x23, 184(x25)
        sd      x24, 192(x25)
        sd      x26, 208(x25)
        sd      x27, 216(x25)
        sd      x28, 224(x25)
        sd      x29, 232(x25)
        sd      x30, 240(x25)
        sd      x31, 248(x25)
        fsd     f0, R_F+0(x25)
        fsd     f1, R_F+8(x25)
        fsd     f2, R_F+16(x25)
        fsd     f3, R_F+24(x25)
        fsd     f4, R_F+32(x25)
        fsd     f5, R_F+40(x25)
        fsd     f6, R_F+48(x25)
        fsd     f7, R_F+56(x25)
        fsd     f8, R_F+64(x25)
        fsd     f9, R_F+72(x25)
        fsd     f10, R_F+80(x25)
        fsd     f11, R_F+88(x25)
        fsd     f12, R_F+96(x25)
        fsd     f13, R_F+104(x25)
        fsd     f14, R_F+112(x25)
        fsd     f15, R_F+120(x25)
        fsd     f16, R_F+128(x25)
        fsd     f17, R_F+136(x25)
        fsd     f18, R_F+144(x25)
        fsd     f19, R_F+152(x25)
        fsd     f20, R_F+160(x25)
        fsd     f21, R_F+168(x25)
        fsd     f22, R_F+176(x25)
        fsd     f23, R_F+184(x25)
        fsd     f24, R_F+192(x25)
        fsd     f25, R_F+200(x25)
        fsd     f26, R_F+208(x25)
        fsd     f27, R_F+216(x25)
        fsd     f28, R_F+224(x25)
        fsd     f29, R_F+232(x25)
        fsd     f30, R_F+240(x25)
        fsd     f31, R_F+248(x25)
        frcsr   t0
        sd      t0, R_FCSR(x25)
        fscsr   zero
        la      t0, dt_saved_sp
        ld      sp, 0(t0)
        ld      ra, 0(sp)
        ld      s0, 8(sp)
        ld      s1, 16(sp)
        ld      s2, 24(sp)
        ld      s3, 32(sp)
        ld      s4, 40(sp)
        ld      s5, 48(sp)
        ld      s6, 56(sp)
        ld      s7, 64(sp)
        ld      s8, 72(sp)
        ld      s9, 80(sp)
        ld      s10, 88(sp)
        ld      s11, 96(sp)
        fld     fs0, 104(sp)
        fld     fs1, 112(sp)
        fld     fs2, 120(sp)
        fld     fs3, 128(sp)
        fld     fs4, 136(sp)
        fld     fs5, 144(sp)
        fld     fs6, 152(sp)
        fld     fs7, 160(sp)
        fld     fs8, 168(sp)
        fld     fs9, 176(sp)
        fld     fs10, 184(sp)
        fld     fs11, 192(sp)
        addi    sp, sp, 208
        ret
        .size dt_exit, .-dt_exit

        .bss
        .align 3
        .global dt_saved_sp
dt_saved_sp:
        .skip 8
dt_out:
        .skip 8
dt_resv:
        .skip 8
        .section .note.GNU-stack,"",%progbits
