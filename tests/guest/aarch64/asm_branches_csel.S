// asm_branches_csel.S - every b.cond after a cmp of a few pairs, cbz/cbnz,
// tbz/tbnz, and csel. For each b.cond one letter (Y taken / n not taken)
// is appended to a buffer; for cbz x19, tbnz x20 #63 and tbz w20 #0 the
// letter is Y when the branch falls through; then the low 3 bits of the
// signed minimum. The buffer is written at the end, one line per pair.
	.text
	.global _start
	.macro	COND c
	mov	w9, #'n'
	cmp	x19, x20
	b.\c	3f
	b	4f
3:	mov	w9, #'Y'
4:	strb	w9, [x23], #1
	.endm
_start:
	sub	sp, sp, #512
	mov	x23, sp			// output cursor
	adr	x24, pairs
	mov	x25, #5			// number of pairs
1:	ldp	x19, x20, [x24], #16
	COND	eq
	COND	ne
	COND	cs
	COND	cc
	COND	mi
	COND	pl
	COND	vs
	COND	vc
	COND	hi
	COND	ls
	COND	ge
	COND	lt
	COND	gt
	COND	le
	mov	w9, #' '
	strb	w9, [x23], #1
	// cbz/cbnz on x19, tbz/tbnz on bit 63 and bit 0 of x20
	mov	w9, #'n'
	cbz	x19, 5f
	mov	w9, #'Y'
5:	strb	w9, [x23], #1
	mov	w9, #'n'
	tbnz	x20, #63, 6f
	mov	w9, #'Y'
6:	strb	w9, [x23], #1
	mov	w9, #'n'
	tbz	w20, #0, 7f
	mov	w9, #'Y'
7:	strb	w9, [x23], #1
	// csel: the smaller (signed) of the two, low digit as a character
	cmp	x19, x20
	csel	x10, x19, x20, lt
	and	x10, x10, #7
	add	w10, w10, #'0'
	strb	w10, [x23], #1
	mov	w9, #10
	strb	w9, [x23], #1
	subs	x25, x25, #1
	b.ne	1b
	mov	x0, #1
	mov	x1, sp
	sub	x2, x23, x1
	mov	x8, #64
	svc	#0
	mov	x0, #0
	mov	x8, #94
	svc	#0
	.balign	8
pairs:
	.quad	0, 0
	.quad	1, 2
	.quad	-1, 1
	.quad	0x7fffffffffffffff, -1
	.quad	0x8000000000000000, 1
