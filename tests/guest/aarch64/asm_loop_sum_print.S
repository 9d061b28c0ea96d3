// asm_loop_sum_print.S - sum 1..100000 in a loop with a post-indexed store
// and load of each partial sum through the stack, convert the result to
// decimal with udiv/msub, write it with a newline, exit 0. Prints 5000050000.
	.text
	.global _start
_start:
	mov	x19, #0			// sum
	mov	x20, #1			// i
	movz	x21, #0x86a0
	movk	x21, #0x1, lsl #16	// 100000
	sub	sp, sp, #64
1:	add	x19, x19, x20
	str	x19, [sp, #-16]!
	ldr	x22, [sp], #16
	cmp	x22, x19
	b.ne	fail
	add	x20, x20, #1
	cmp	x20, x21
	b.ls	1b
	// convert x19 to decimal, right to left, into the buffer at sp
	add	x1, sp, #63
	mov	w2, #10
	strb	w2, [x1]		// newline
	mov	x3, #10
2:	udiv	x4, x19, x3
	msub	x5, x4, x3, x19
	add	w5, w5, #'0'
	strb	w5, [x1, #-1]!
	mov	x19, x4
	cbnz	x19, 2b
	add	x2, sp, #64
	sub	x2, x2, x1		// length
	mov	x0, #1
	mov	x8, #64
	svc	#0
	mov	x0, #0
	mov	x8, #94
	svc	#0
fail:
	mov	x0, #2
	mov	x8, #94
	svc	#0
