break sum_squares
continue
info registers x0 x1 x2 x3 x4 x5 x6 x7 x8 x9 x10 x11 x12 x13 x14 x15 x16 x17 x18 x19 x20 x21 x22 x23 x24 x25 x26 x27 x28 x29 x30 sp pc cpsr
bt
info args
next
next
info locals
step
bt
step
print x
print r
finish
next
stepi
stepi
stepi
stepi
info registers pc cpsr
x/8xg table
x/8xg v
print table[5]
set var table[7] = 100
print table[7]
print $x0 = 7
print $x0
set can-use-hw-watchpoints 0
watch counter
continue
continue
delete
break depth if n == 0
continue
bt
info registers x0 x29 x30 sp pc
delete
x/2xg 0
print *(long *)8
continue
