/* Every RV64C instruction, checked by its effect: each result is stored
 * into a table that is then written out in hex (one 16-digit line per
 * result), so a wrong expansion of any one shows as a changed line. The
 * assembler picks the compressed form for each instruction below (they are
 * written with their c. names). */
	.option rvc
	.text
	.globl _start
_start:
	la	s0, results		/* s0 (x8) walks the table */
	mv	s1, s0
	/* quadrant 0 */
	c.addi4spn a0, sp, 1020		/* a0 = sp + 1020 */
	sub	a0, a0, sp
	c.sd	a0, 0(s0)
	la	a1, data
	c.lw	a2, 4(a1)		/* sign-extends */
	c.sd	a2, 8(s0)
	c.ld	a3, 8(a1)
	c.sd	a3, 16(s0)
	c.sw	a3, 24(s0)		/* low word only */
	c.sw	a2, 28(s0)
	c.fld	fa0, 8(a1)
	c.fsd	fa0, 32(s0)
	c.addi	s0, 16
	c.addi	s0, 24
	/* quadrant 1 */
	c.li	a4, -32
	c.addi	a4, 31			/* -1 */
	c.sd	a4, 0(s0)
	c.li	a5, 1
	c.slli	a5, 31			/* 0x80000000 */
	c.addiw	a5, -1			/* 0x7fffffff */
	c.addiw	a5, 1			/* wraps: sign-extended 0xffffffff80000000 */
	c.sd	a5, 8(s0)
	c.lui	a4, 0xfffe0		/* sign-extended upper immediate */
	c.sd	a4, 16(s0)
	c.lui	a4, 1
	c.sd	a4, 24(s0)
	mv	t0, sp
	c.addi16sp sp, -512
	c.addi16sp sp, 496
	sub	t1, t0, sp		/* 16 */
	mv	sp, t0
	sd	t1, 32(s0)
	c.addi	s0, 20
	c.addi	s0, 20
	li	a2, -256
	c.srli	a2, 4
	c.sd	a2, 0(s0)
	li	a2, -256
	c.srai	a2, 4
	c.sd	a2, 8(s0)
	li	a2, 0x5a5a
	c.andi	a2, -6
	c.sd	a2, 16(s0)
	li	a3, 0x0ff0
	li	a4, 0x3c3c
	mv	a5, a3
	c.sub	a5, a4
	c.sd	a5, 24(s0)
	mv	a5, a3
	c.xor	a5, a4
	c.sd	a5, 32(s0)
	c.addi	s0, 20
	c.addi	s0, 20
	mv	a5, a3
	c.or	a5, a4
	c.sd	a5, 0(s0)
	mv	a5, a3
	c.and	a5, a4
	c.sd	a5, 8(s0)
	li	a3, 0x7fffffff
	li	a4, 1
	mv	a5, a3
	c.addw	a5, a4			/* sign-extended 0xffffffff80000000 */
	c.sd	a5, 16(s0)
	li	a3, 0
	mv	a5, a3
	c.subw	a5, a4			/* -1 */
	c.sd	a5, 24(s0)
	/* c.j, c.beqz, c.bnez: count the taken ones */
	li	a5, 0
	li	a2, 0
	c.beqz	a2, 1f
	c.addi	a5, 1			/* skipped */
1:	c.addi	a5, 2
	c.bnez	a2, 2f
	c.addi	a5, 4			/* done */
2:	c.j	3f
	c.addi	a5, 8			/* skipped */
3:	li	a2, -1
	c.bnez	a2, 4f
	c.addi	a5, 16			/* skipped */
4:	c.sd	a5, 32(s0)
	c.addi	s0, 20
	c.addi	s0, 20
	/* quadrant 2 */
	li	a4, 0x1234
	c.slli	a4, 36
	c.sd	a4, 0(s0)
	addi	sp, sp, -64
	li	a4, -2
	c.sdsp	a4, 8(sp)
	c.swsp	a4, 16(sp)
	c.ldsp	a5, 8(sp)
	c.sd	a5, 8(s0)
	c.lwsp	a5, 16(sp)
	c.sd	a5, 16(s0)
	la	a1, data
	c.fld	fa1, 0(a1)
	c.fsdsp	fa1, 24(sp)
	c.fldsp	fa2, 24(sp)
	c.fsd	fa2, 24(s0)
	addi	sp, sp, 64
	li	a4, 77
	c.mv	a5, a4
	c.add	a5, a4
	c.sd	a5, 32(s0)
	c.addi	s0, 20
	c.addi	s0, 20
	la	a4, 5f
	c.jalr	a4			/* ra = the next instruction */
	la	a4, 6f
	c.jr	a4
	c.li	a5, 1			/* skipped */
5:	c.mv	a3, ra
	c.jr	ra
6:	sub	a3, a4, a3		/* bytes from after the c.jalr to 6 */
	c.sd	a3, 0(s0)
	c.nop
	c.addi	s0, 8
	/* write the table in hex, one value per line */
	mv	s2, s1			/* current */
	sub	s3, s0, s1		/* bytes */
	add	s3, s3, s1		/* end */
7:	ld	a0, 0(s2)
	la	a1, line
	li	a2, 16
	add	a1, a1, a2
8:	andi	a3, a0, 15
	li	a4, 10
	blt	a3, a4, 9f
	addi	a3, a3, 'a' - '0' - 10
9:	addi	a3, a3, '0'
	addi	a1, a1, -1
	sb	a3, 0(a1)
	srli	a0, a0, 4
	addi	a2, a2, -1
	bnez	a2, 8b
	li	a0, 1
	la	a1, line
	li	a2, 17
	li	a7, 64			/* write */
	ecall
	addi	s2, s2, 8
	blt	s2, s3, 7b
	li	a0, 0
	li	a7, 93			/* exit */
	ecall

	.data
	.balign 8
data:	.quad	0x80000001fedcba98, 0x0123456789abcdef
line:	.ascii	"0000000000000000\n"
	.balign 8
results: .zero	512
