o/decode/aarch64/a64_ir.o: decode/aarch64/a64_ir.c decode/aarch64/a64.h \
 decode/aarch64/../../ir/ir.h decode/aarch64/../../ir/ir_ops.def \
 decode/aarch64/a64_cpu.h decode/aarch64/../../xrun.h
decode/aarch64/a64.h:
decode/aarch64/../../ir/ir.h:
decode/aarch64/../../ir/ir_ops.def:
decode/aarch64/a64_cpu.h:
decode/aarch64/../../xrun.h:
