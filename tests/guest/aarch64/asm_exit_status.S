// asm_exit_status.S - exit(77) via the plain exit syscall (93), with x0 set
// through a computation so a wrong register mapping shows. Expected status 77.
	.text
	.global _start
_start:
	mov	x1, #7
	mov	x2, #11
	mul	x0, x1, x2		// 77
	mov	x8, #93			// exit
	svc	#0
	brk	#0
