// asm_hello_write.S - the smallest program: write(1, msg, len) and
// exit_group(0) with raw svc #0 syscalls (x8 = number, x0.. = arguments),
// no libc. Also checks that write returns the byte count.
	.text
	.global _start
_start:
	mov	x0, #1
	adr	x1, msg
	mov	x2, #(msg_end - msg)
	mov	x8, #64			// write
	svc	#0
	cmp	x0, #(msg_end - msg)
	b.ne	bad
	mov	x0, #0
	mov	x8, #94			// exit_group
	svc	#0
bad:
	mov	x0, #1
	mov	x8, #94
	svc	#0
msg:
	.ascii	"hello from raw aarch64 syscalls\n"
msg_end:
