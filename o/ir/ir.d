o/ir/ir.o: ir/ir.c ir/ir.h ir/ir_ops.def ir/../xrun.h
ir/ir.h:
ir/ir_ops.def:
ir/../xrun.h:
