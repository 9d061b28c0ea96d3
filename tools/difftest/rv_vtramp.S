// rv_vtramp.S - the vector state of a riscv64 test case of class vector
// (guest side; RVV 1.0, VLEN 128).
//
// void dt_vload(const uint8_t v[512], uint64_t avl, uint64_t vtype, uint64_t vcsr);
//   v0..v31 from v (whole-register loads), vcsr (vxrm, vxsat), then
//   vsetvl avl, vtype.
// void dt_vsave(uint8_t v[512], uint64_t csr[4]);
//   vl, vtype, vcsr and vstart into csr[0..3], then v0..v31 into v.
        .option arch, +v
        .text
        .global dt_vload
        .type dt_vload, %function
dt_vload:
        vl8re8.v v0, (a0)
        addi    a0, a0, 128
        vl8re8.v v8, (a0)
        addi    a0, a0, 128
        vl8re8.v v16, (a0)
        addi    a0, a0, 128
        vl8re8.v v24, (a0)
        csrw    vcsr, a3
        vsetvl  zero, a1, a2
        ret
        .size dt_vload, .-dt_vload

        .global dt_vsave
        .type dt_vsave, %function
dt_vsave:
        csrr    t0, vl
        sd      t0, 0(a1)
        csrr    t0, vtype
        sd      t0, 8(a1)
        csrr    t0, vcsr
        sd      t0, 16(a1)
        csrr    t0, vstart
        sd      t0, 24(a1)
        vs8r.v  v0, (a0)
        addi    a0, a0, 128
        vs8r.v  v8, (a0)
        addi    a0, a0, 128
        vs8r.v  v16, (a0)
        addi    a0, a0, 128
        vs8r.v  v24, (a0)
        ret
        .size dt_vsave, .-dt_vsave
